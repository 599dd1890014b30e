from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AgingTotals")


@_attrs_define
class AgingTotals:
    """Open balances by days past due, in dollars.

    Example:
        {'0-30': 1825, '31-60': 1825, '61-90': 0, '90+': 0, 'total': 3650}

    Attributes:
        field_0_30 (float): US dollars, at most two decimal places
        field_31_60 (float): US dollars, at most two decimal places
        field_61_90 (float): US dollars, at most two decimal places
        field_90 (float): US dollars, at most two decimal places
        total (float): US dollars, at most two decimal places
    """

    field_0_30: float
    field_31_60: float
    field_61_90: float
    field_90: float
    total: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_0_30 = self.field_0_30

        field_31_60 = self.field_31_60

        field_61_90 = self.field_61_90

        field_90 = self.field_90

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "0-30": field_0_30,
                "31-60": field_31_60,
                "61-90": field_61_90,
                "90+": field_90,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        field_0_30 = d.pop("0-30")

        field_31_60 = d.pop("31-60")

        field_61_90 = d.pop("61-90")

        field_90 = d.pop("90+")

        total = d.pop("total")

        aging_totals = cls(
            field_0_30=field_0_30,
            field_31_60=field_31_60,
            field_61_90=field_61_90,
            field_90=field_90,
            total=total,
        )

        aging_totals.additional_properties = d
        return aging_totals

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
