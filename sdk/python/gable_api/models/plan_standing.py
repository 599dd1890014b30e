from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_status import PlanStatus

T = TypeVar("T", bound="PlanStanding")


@_attrs_define
class PlanStanding:
    """A payment plan's standing.

    Example:
        {'id': 'plan_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'status': 'accepted', 'paid_usd': 200, 'remaining_usd': 1625}

    Attributes:
        id (str):
        paid_usd (float): US dollars, at most two decimal places
        remaining_usd (float): US dollars, at most two decimal places
        status (PlanStatus):
    """

    id: str
    paid_usd: float
    remaining_usd: float
    status: PlanStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        paid_usd = self.paid_usd

        remaining_usd = self.remaining_usd

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "paid_usd": paid_usd,
                "remaining_usd": remaining_usd,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        paid_usd = d.pop("paid_usd")

        remaining_usd = d.pop("remaining_usd")

        status = PlanStatus(d.pop("status"))

        plan_standing = cls(
            id=id,
            paid_usd=paid_usd,
            remaining_usd=remaining_usd,
            status=status,
        )

        plan_standing.additional_properties = d
        return plan_standing

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
