from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Occupancy")


@_attrs_define
class Occupancy:
    """
    Example:
        {'units': 40, 'occupied': 37, 'rate': 0.925}

    Attributes:
        occupied (int):
        rate (float): occupied ÷ units, three decimals (0 without units).
        units (int):
    """

    occupied: int
    rate: float
    units: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        occupied = self.occupied

        rate = self.rate

        units = self.units

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "occupied": occupied,
                "rate": rate,
                "units": units,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        occupied = d.pop("occupied")

        rate = d.pop("rate")

        units = d.pop("units")

        occupancy = cls(
            occupied=occupied,
            rate=rate,
            units=units,
        )

        occupancy.additional_properties = d
        return occupancy

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
