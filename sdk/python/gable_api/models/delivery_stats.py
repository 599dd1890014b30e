from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.day_counts import DayCounts


T = TypeVar("T", bound="DeliveryStats")


@_attrs_define
class DeliveryStats:
    """Deliveries by status over the last days.

    Example:
        {'since': '2025-01-09T00:00:00.000Z', 'succeeded': 1180, 'failed': 3, 'pending': 2, 'successRate': 0.997,
            'days': [{'date': '2025-01-15', 'succeeded': 170, 'failed': 1, 'pending': 2}]}

    Attributes:
        days (list[DayCounts]): Every day, oldest first (days without deliveries included).
        failed (int):
        pending (int):
        since (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare date
            (`2025-01-15`) is read as midnight UTC.
        succeeded (int):
        success_rate (float | None | Unset): succeeded ÷ (succeeded + failed), three decimals; `null` with no finished
            delivery.
    """

    days: list[DayCounts]
    failed: int
    pending: int
    since: datetime.datetime
    succeeded: int
    success_rate: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)

        failed = self.failed

        pending = self.pending

        since = self.since.isoformat()

        succeeded = self.succeeded

        success_rate: float | None | Unset
        if isinstance(self.success_rate, Unset):
            success_rate = UNSET
        else:
            success_rate = self.success_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "days": days,
                "failed": failed,
                "pending": pending,
                "since": since,
                "succeeded": succeeded,
            }
        )
        if success_rate is not UNSET:
            field_dict["successRate"] = success_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.day_counts import DayCounts  # noqa: PLC0415

        d = dict(src_dict)
        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = DayCounts.from_dict(days_item_data)

            days.append(days_item)

        failed = d.pop("failed")

        pending = d.pop("pending")

        since = datetime.datetime.fromisoformat(d.pop("since"))

        succeeded = d.pop("succeeded")

        def _parse_success_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        success_rate = _parse_success_rate(d.pop("successRate", UNSET))

        delivery_stats = cls(
            days=days,
            failed=failed,
            pending=pending,
            since=since,
            succeeded=succeeded,
            success_rate=success_rate,
        )

        delivery_stats.additional_properties = d
        return delivery_stats

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
