from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.expense_action_type_1_action import ExpenseActionType1Action
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExpenseActionType1")


@_attrs_define
class ExpenseActionType1:
    """Changes the fields sent: 200 with the entry

    Attributes:
        action (ExpenseActionType1Action):
        id (str): The entry (`exp_…`)
        amount_usd (float | Unset): US dollars, at most two decimal places, more than zero
        category_id (str | Unset):
        label (str | Unset):
        notes (None | str | Unset):
        paid_on (datetime.date | Unset): A calendar date, YYYY-MM-DD; sent in a body, its year is 2000 to 2099
        property_id (str | Unset):
        unit_id (None | str | Unset):
        vendor (None | str | Unset):
        vendor_id (None | str | Unset):
    """

    action: ExpenseActionType1Action
    id: str
    amount_usd: float | Unset = UNSET
    category_id: str | Unset = UNSET
    label: str | Unset = UNSET
    notes: None | str | Unset = UNSET
    paid_on: datetime.date | Unset = UNSET
    property_id: str | Unset = UNSET
    unit_id: None | str | Unset = UNSET
    vendor: None | str | Unset = UNSET
    vendor_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        id = self.id

        amount_usd = self.amount_usd

        category_id = self.category_id

        label = self.label

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        paid_on: str | Unset = UNSET
        if not isinstance(self.paid_on, Unset):
            paid_on = self.paid_on.isoformat()

        property_id = self.property_id

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
                "id": id,
            }
        )
        if amount_usd is not UNSET:
            field_dict["amount_usd"] = amount_usd
        if category_id is not UNSET:
            field_dict["category_id"] = category_id
        if label is not UNSET:
            field_dict["label"] = label
        if notes is not UNSET:
            field_dict["notes"] = notes
        if paid_on is not UNSET:
            field_dict["paid_on"] = paid_on
        if property_id is not UNSET:
            field_dict["property_id"] = property_id
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
        action = ExpenseActionType1Action(d.pop("action"))

        id = d.pop("id")

        amount_usd = d.pop("amount_usd", UNSET)

        category_id = d.pop("category_id", UNSET)

        label = d.pop("label", UNSET)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        _paid_on = d.pop("paid_on", UNSET)
        paid_on: datetime.date | Unset
        if isinstance(_paid_on, Unset):
            paid_on = UNSET
        else:
            paid_on = datetime.date.fromisoformat(_paid_on)

        property_id = d.pop("property_id", UNSET)

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

        expense_action_type_1 = cls(
            action=action,
            id=id,
            amount_usd=amount_usd,
            category_id=category_id,
            label=label,
            notes=notes,
            paid_on=paid_on,
            property_id=property_id,
            unit_id=unit_id,
            vendor=vendor,
            vendor_id=vendor_id,
        )

        return expense_action_type_1
