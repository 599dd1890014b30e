from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Expense")


@_attrs_define
class Expense:
    """One expense paid for a property (and optionally one of its units).

    Example:
        {'id': 'exp_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'property_id': 'prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'unit_id': None,
            'category_id': 'repairs', 'label': 'Snow removal — driveway', 'amount_usd': 380, 'paid_on': '2026-02-14',
            'vendor': 'Twin Cities Plow Co.', 'vendor_id': None, 'notes': None, 'created_at': '2026-02-14T18:00:00.000Z',
            'updated_at': '2026-02-14T18:00:00.000Z'}

    Attributes:
        amount_usd (float): US dollars, at most two decimal places
        category_id (str): A built-in category (`repairs`, `utilities`, …) or one of the organization's.
        created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        id (str):
        label (str):
        paid_on (datetime.date): A calendar date, YYYY-MM-DD; sent in a body, its year is 2000 to 2099
        property_id (str):
        updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        notes (None | str | Unset):
        unit_id (None | str | Unset):
        vendor (None | str | Unset): Who was paid, as free text (the vendor's name when only `vendor_id` is given).
        vendor_id (None | str | Unset):
    """

    amount_usd: float
    category_id: str
    created_at: datetime.datetime
    id: str
    label: str
    paid_on: datetime.date
    property_id: str
    updated_at: datetime.datetime
    notes: None | str | Unset = UNSET
    unit_id: None | str | Unset = UNSET
    vendor: None | str | Unset = UNSET
    vendor_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_usd = self.amount_usd

        category_id = self.category_id

        created_at = self.created_at.isoformat()

        id = self.id

        label = self.label

        paid_on = self.paid_on.isoformat()

        property_id = self.property_id

        updated_at = self.updated_at.isoformat()

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        unit_id: None | str | Unset
        if isinstance(self.unit_id, Unset):
            unit_id = UNSET
        else:
            unit_id = self.unit_id

        vendor: None | str | Unset
        if isinstance(self.vendor, Unset):
            vendor = UNSET
        else:
            vendor = self.vendor

        vendor_id: None | str | Unset
        if isinstance(self.vendor_id, Unset):
            vendor_id = UNSET
        else:
            vendor_id = self.vendor_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_usd": amount_usd,
                "category_id": category_id,
                "created_at": created_at,
                "id": id,
                "label": label,
                "paid_on": paid_on,
                "property_id": property_id,
                "updated_at": updated_at,
            }
        )
        if notes is not UNSET:
            field_dict["notes"] = notes
        if unit_id is not UNSET:
            field_dict["unit_id"] = unit_id
        if vendor is not UNSET:
            field_dict["vendor"] = vendor
        if vendor_id is not UNSET:
            field_dict["vendor_id"] = vendor_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_usd = d.pop("amount_usd")

        category_id = d.pop("category_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        label = d.pop("label")

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        property_id = d.pop("property_id")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_unit_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit_id = _parse_unit_id(d.pop("unit_id", UNSET))

        def _parse_vendor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor = _parse_vendor(d.pop("vendor", UNSET))

        def _parse_vendor_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor_id = _parse_vendor_id(d.pop("vendor_id", UNSET))

        expense = cls(
            amount_usd=amount_usd,
            category_id=category_id,
            created_at=created_at,
            id=id,
            label=label,
            paid_on=paid_on,
            property_id=property_id,
            updated_at=updated_at,
            notes=notes,
            unit_id=unit_id,
            vendor=vendor,
            vendor_id=vendor_id,
        )

        expense.additional_properties = d
        return expense

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
