from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.expense_action_type_0_action import ExpenseActionType0Action
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExpenseActionType0")


@_attrs_define
class ExpenseActionType0:
    """Adds an entry: 201 with the entry

    Attributes:
        action (ExpenseActionType0Action):
        amount_usd (float): US dollars, at most two decimal places, more than zero
        category_id (str):
        label (str): At most 200 characters.
        paid_on (datetime.date): A calendar date, YYYY-MM-DD; sent in a body, its year is 2000 to 2099
        property_id (str):
        notes (None | str | Unset):
        unit_id (None | str | Unset): A unit of `property_id`.
        vendor (None | str | Unset): At most 200 characters; the vendor's name when absent and `vendor_id` is sent.
        vendor_id (None | str | Unset):
    """

    action: ExpenseActionType0Action
    amount_usd: float
    category_id: str
    label: str
    paid_on: datetime.date
    property_id: str
    notes: None | str | Unset = UNSET
    unit_id: None | str | Unset = UNSET
    vendor: None | str | Unset = UNSET
    vendor_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        amount_usd = self.amount_usd

        category_id = self.category_id

        label = self.label

        paid_on = self.paid_on.isoformat()

        property_id = self.property_id

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

        field_dict.update(
            {
                "action": action,
                "amount_usd": amount_usd,
                "category_id": category_id,
                "label": label,
                "paid_on": paid_on,
                "property_id": property_id,
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
        action = ExpenseActionType0Action(d.pop("action"))

        amount_usd = d.pop("amount_usd")

        category_id = d.pop("category_id")

        label = d.pop("label")

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        property_id = d.pop("property_id")

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

        expense_action_type_0 = cls(
            action=action,
            amount_usd=amount_usd,
            category_id=category_id,
            label=label,
            paid_on=paid_on,
            property_id=property_id,
            notes=notes,
            unit_id=unit_id,
            vendor=vendor,
            vendor_id=vendor_id,
        )

        return expense_action_type_0
