from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AgingRow")


@_attrs_define
class AgingRow:
    """One open charge.

    Example:
        {'payment_id': 'chg_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'tenant_name': 'Maya R.', 'property_name': '127 Pine',
            'unit_label': '1B', 'amount': 1825, 'due_date': '2026-04-01', 'days_late': 54}

    Attributes:
        amount (float): US dollars, at most two decimal places
        days_late (int): Days from the due date to `as_of`.
        due_date (datetime.date): A calendar date, YYYY-MM-DD; sent in a body, its year is 2000 to 2099
        payment_id (str): The open charge's id (`chg_…`): what a payment would pay.
        property_name (str):
        tenant_name (str): The lease's tenants, joined with ", ".
        unit_label (str):
    """

    amount: float
    days_late: int
    due_date: datetime.date
    payment_id: str
    property_name: str
    tenant_name: str
    unit_label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        days_late = self.days_late

        due_date = self.due_date.isoformat()

        payment_id = self.payment_id

        property_name = self.property_name

        tenant_name = self.tenant_name

        unit_label = self.unit_label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "days_late": days_late,
                "due_date": due_date,
                "payment_id": payment_id,
                "property_name": property_name,
                "tenant_name": tenant_name,
                "unit_label": unit_label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        days_late = d.pop("days_late")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        payment_id = d.pop("payment_id")

        property_name = d.pop("property_name")

        tenant_name = d.pop("tenant_name")

        unit_label = d.pop("unit_label")

        aging_row = cls(
            amount=amount,
            days_late=days_late,
            due_date=due_date,
            payment_id=payment_id,
            property_name=property_name,
            tenant_name=tenant_name,
            unit_label=unit_label,
        )

        aging_row.additional_properties = d
        return aging_row

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
