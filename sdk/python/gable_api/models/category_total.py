from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CategoryTotal")


@_attrs_define
class CategoryTotal:
    """One category's share of the totals.

    Example:
        {'category_id': 'repairs', 'name': 'Repairs', 'total_usd': 1150.5, 'count': 2}

    Attributes:
        category_id (str):
        count (int):
        name (str):
        total_usd (float): US dollars, at most two decimal places
    """

    category_id: str
    count: int
    name: str
    total_usd: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        category_id = self.category_id

        count = self.count

        name = self.name

        total_usd = self.total_usd

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category_id": category_id,
                "count": count,
                "name": name,
                "total_usd": total_usd,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category_id = d.pop("category_id")

        count = d.pop("count")

        name = d.pop("name")

        total_usd = d.pop("total_usd")

        category_total = cls(
            category_id=category_id,
            count=count,
            name=name,
            total_usd=total_usd,
        )

        category_total.additional_properties = d
        return category_total

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
