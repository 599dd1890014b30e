from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.aging_totals import AgingTotals
    from ..models.occupancy import Occupancy


T = TypeVar("T", bound="Dashboard")


@_attrs_define
class Dashboard:
    """The dashboard.

    Example:
        {'as_of': '2026-05-25', 'month': '2026-05', 'occupancy': {'units': 40, 'occupied': 37, 'rate': 0.925},
            'rent_charged_usd': 67525, 'rent_collected_usd': 61200, 'outstanding_ar': {'0-30': 6325, '31-60': 1825, '61-90':
            0, '90+': 0, 'total': 8150}, 'open_work_orders': 3, 'expenses_usd': 4210.5, 'operating_expenses_usd': 4210.5,
            'noi_usd': 56989.5}

    Attributes:
        as_of (datetime.date): The query's `as_of` (any date), or today.
        expenses_usd (float): US dollars, at most two decimal places
        month (str): This month, `YYYY-MM`.
        noi_usd (float): US dollars, at most two decimal places
        occupancy (Occupancy):  Example: {'units': 40, 'occupied': 37, 'rate': 0.925}.
        open_work_orders (int): Work orders open, assigned or in progress.
        operating_expenses_usd (float): US dollars, at most two decimal places
        outstanding_ar (AgingTotals): Open balances by days past due, in dollars. Example: {'0-30': 1825, '31-60': 1825,
            '61-90': 0, '90+': 0, 'total': 3650}.
        rent_charged_usd (float): US dollars, at most two decimal places
        rent_collected_usd (float): US dollars, at most two decimal places
    """

    as_of: datetime.date
    expenses_usd: float
    month: str
    noi_usd: float
    occupancy: Occupancy
    open_work_orders: int
    operating_expenses_usd: float
    outstanding_ar: AgingTotals
    rent_charged_usd: float
    rent_collected_usd: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        expenses_usd = self.expenses_usd

        month = self.month

        noi_usd = self.noi_usd

        occupancy = self.occupancy.to_dict()

        open_work_orders = self.open_work_orders

        operating_expenses_usd = self.operating_expenses_usd

        outstanding_ar = self.outstanding_ar.to_dict()

        rent_charged_usd = self.rent_charged_usd

        rent_collected_usd = self.rent_collected_usd

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "expenses_usd": expenses_usd,
                "month": month,
                "noi_usd": noi_usd,
                "occupancy": occupancy,
                "open_work_orders": open_work_orders,
                "operating_expenses_usd": operating_expenses_usd,
                "outstanding_ar": outstanding_ar,
                "rent_charged_usd": rent_charged_usd,
                "rent_collected_usd": rent_collected_usd,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aging_totals import AgingTotals  # noqa: PLC0415
        from ..models.occupancy import Occupancy  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        expenses_usd = d.pop("expenses_usd")

        month = d.pop("month")

        noi_usd = d.pop("noi_usd")

        occupancy = Occupancy.from_dict(d.pop("occupancy"))

        open_work_orders = d.pop("open_work_orders")

        operating_expenses_usd = d.pop("operating_expenses_usd")

        outstanding_ar = AgingTotals.from_dict(d.pop("outstanding_ar"))

        rent_charged_usd = d.pop("rent_charged_usd")

        rent_collected_usd = d.pop("rent_collected_usd")

        dashboard = cls(
            as_of=as_of,
            expenses_usd=expenses_usd,
            month=month,
            noi_usd=noi_usd,
            occupancy=occupancy,
            open_work_orders=open_work_orders,
            operating_expenses_usd=operating_expenses_usd,
            outstanding_ar=outstanding_ar,
            rent_charged_usd=rent_charged_usd,
            rent_collected_usd=rent_collected_usd,
        )

        dashboard.additional_properties = d
        return dashboard

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
