from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.category_total import CategoryTotal


T = TypeVar("T", bound="ExpenseTotals")


@_attrs_define
class ExpenseTotals:
    """Sums of the expenses a filter selects.

    Example:
        {'total_usd': 1530.5, 'count': 3, 'by_category': [{'category_id': 'repairs', 'name': 'Repairs', 'total_usd':
            1150.5, 'count': 2}, {'category_id': 'snow_removal', 'name': 'Snow removal', 'total_usd': 380, 'count': 1}]}

    Attributes:
        by_category (list[CategoryTotal]): One row per category with expenses, largest total first.
        count (int):
        total_usd (float): US dollars, at most two decimal places
    """

    by_category: list[CategoryTotal]
    count: int
    total_usd: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_category = []
        for by_category_item_data in self.by_category:
            by_category_item = by_category_item_data.to_dict()
            by_category.append(by_category_item)

        count = self.count

        total_usd = self.total_usd

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_category": by_category,
                "count": count,
                "total_usd": total_usd,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.category_total import CategoryTotal  # noqa: PLC0415

        d = dict(src_dict)
        by_category = []
        _by_category = d.pop("by_category")
        for by_category_item_data in _by_category:
            by_category_item = CategoryTotal.from_dict(by_category_item_data)

            by_category.append(by_category_item)

        count = d.pop("count")

        total_usd = d.pop("total_usd")

        expense_totals = cls(
            by_category=by_category,
            count=count,
            total_usd=total_usd,
        )

        expense_totals.additional_properties = d
        return expense_totals

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
