from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.aging_row import AgingRow
    from ..models.aging_totals import AgingTotals


T = TypeVar("T", bound="Aging")


@_attrs_define
class Aging:
    """The AR aging report.

    Example:
        {'rows': [{'payment_id': 'chg_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'tenant_name': 'Maya R.', 'property_name': '127
            Pine', 'unit_label': '1B', 'amount': 1825, 'due_date': '2026-04-01', 'days_late': 54}], 'totals': {'0-30': 1825,
            '31-60': 1825, '61-90': 0, '90+': 0, 'total': 3650}}

    Attributes:
        rows (list[AgingRow]): Oldest first.
        totals (AgingTotals): Open balances by days past due, in dollars. Example: {'0-30': 1825, '31-60': 1825,
            '61-90': 0, '90+': 0, 'total': 3650}.
    """

    rows: list[AgingRow]
    totals: AgingTotals
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rows": rows,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aging_row import AgingRow  # noqa: PLC0415
        from ..models.aging_totals import AgingTotals  # noqa: PLC0415

        d = dict(src_dict)
        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = AgingRow.from_dict(rows_item_data)

            rows.append(rows_item)

        totals = AgingTotals.from_dict(d.pop("totals"))

        aging = cls(
            rows=rows,
            totals=totals,
        )

        aging.additional_properties = d
        return aging

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
