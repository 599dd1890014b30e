from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VendorFacts")


@_attrs_define
class VendorFacts:
    """What the work orders say about a vendor.

    Example:
        {'vendor_name': 'Pipe Dreams', 'trade': 'plumbing', 'jobs': 5, 'completed_jobs': 3, 'open_jobs': 1,
            'cancelled_jobs': 1, 'scheduled_completed_jobs': 3, 'on_time_jobs': 2, 'on_time_rate': 0.667,
            'average_cost_usd': 215.4, 'total_cost_usd': 646.2, 'average_days_to_complete': 2.5}

    Attributes:
        cancelled_jobs (int):
        completed_jobs (int):
        jobs (int): Work orders ever given to the vendor.
        on_time_jobs (int): Of those, completed on or before the scheduled day (UTC).
        open_jobs (int): open, assigned or in progress.
        scheduled_completed_jobs (int): Completed jobs that had a `scheduled_for` date (the base of the on-time rate).
        total_cost_usd (float): US dollars, at most two decimal places
        vendor_name (str):
        average_cost_usd (float | None | Unset):
        average_days_to_complete (float | None | Unset): Mean days from creation to completion of the completed jobs,
            one decimal.
        on_time_rate (float | None | Unset): `on_time_jobs / scheduled_completed_jobs`, three decimals; `null` without
            any.
        trade (None | str | Unset):
    """

    cancelled_jobs: int
    completed_jobs: int
    jobs: int
    on_time_jobs: int
    open_jobs: int
    scheduled_completed_jobs: int
    total_cost_usd: float
    vendor_name: str
    average_cost_usd: float | None | Unset = UNSET
    average_days_to_complete: float | None | Unset = UNSET
    on_time_rate: float | None | Unset = UNSET
    trade: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cancelled_jobs = self.cancelled_jobs

        completed_jobs = self.completed_jobs

        jobs = self.jobs

        on_time_jobs = self.on_time_jobs

        open_jobs = self.open_jobs

        scheduled_completed_jobs = self.scheduled_completed_jobs

        total_cost_usd = self.total_cost_usd

        vendor_name = self.vendor_name

        average_cost_usd: float | None | Unset
        if isinstance(self.average_cost_usd, Unset):
            average_cost_usd = UNSET
        else:
            average_cost_usd = self.average_cost_usd

        average_days_to_complete: float | None | Unset
        if isinstance(self.average_days_to_complete, Unset):
            average_days_to_complete = UNSET
        else:
            average_days_to_complete = self.average_days_to_complete

        on_time_rate: float | None | Unset
        if isinstance(self.on_time_rate, Unset):
            on_time_rate = UNSET
        else:
            on_time_rate = self.on_time_rate

        trade: None | str | Unset
        if isinstance(self.trade, Unset):
            trade = UNSET
        else:
            trade = self.trade

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cancelled_jobs": cancelled_jobs,
                "completed_jobs": completed_jobs,
                "jobs": jobs,
                "on_time_jobs": on_time_jobs,
                "open_jobs": open_jobs,
                "scheduled_completed_jobs": scheduled_completed_jobs,
                "total_cost_usd": total_cost_usd,
                "vendor_name": vendor_name,
            }
        )
        if average_cost_usd is not UNSET:
            field_dict["average_cost_usd"] = average_cost_usd
        if average_days_to_complete is not UNSET:
            field_dict["average_days_to_complete"] = average_days_to_complete
        if on_time_rate is not UNSET:
            field_dict["on_time_rate"] = on_time_rate
        if trade is not UNSET:
            field_dict["trade"] = trade

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cancelled_jobs = d.pop("cancelled_jobs")

        completed_jobs = d.pop("completed_jobs")

        jobs = d.pop("jobs")

        on_time_jobs = d.pop("on_time_jobs")

        open_jobs = d.pop("open_jobs")

        scheduled_completed_jobs = d.pop("scheduled_completed_jobs")

        total_cost_usd = d.pop("total_cost_usd")

        vendor_name = d.pop("vendor_name")

        def _parse_average_cost_usd(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_cost_usd = _parse_average_cost_usd(d.pop("average_cost_usd", UNSET))

        def _parse_average_days_to_complete(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        average_days_to_complete = _parse_average_days_to_complete(d.pop("average_days_to_complete", UNSET))

        def _parse_on_time_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        on_time_rate = _parse_on_time_rate(d.pop("on_time_rate", UNSET))

        def _parse_trade(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trade = _parse_trade(d.pop("trade", UNSET))

        vendor_facts = cls(
            cancelled_jobs=cancelled_jobs,
            completed_jobs=completed_jobs,
            jobs=jobs,
            on_time_jobs=on_time_jobs,
            open_jobs=open_jobs,
            scheduled_completed_jobs=scheduled_completed_jobs,
            total_cost_usd=total_cost_usd,
            vendor_name=vendor_name,
            average_cost_usd=average_cost_usd,
            average_days_to_complete=average_days_to_complete,
            on_time_rate=on_time_rate,
            trade=trade,
        )

        vendor_facts.additional_properties = d
        return vendor_facts

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
