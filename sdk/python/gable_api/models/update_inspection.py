from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.inspection_type import InspectionType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.inspection_item import InspectionItem


T = TypeVar("T", bound="UpdateInspection")


@_attrs_define
class UpdateInspection:
    """Only the fields sent change, and only before completion.

    Example:
        {'scheduled_for': '2026-05-01'}

    Attributes:
        items (list[InspectionItem] | Unset): Replaces the whole checklist (at most 200 items).
        notes (None | str | Unset):
        scheduled_for (datetime.date | None | Unset):
        type_ (InspectionType | Unset):
    """

    items: list[InspectionItem] | Unset = UNSET
    notes: None | str | Unset = UNSET
    scheduled_for: datetime.date | None | Unset = UNSET
    type_: InspectionType | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        scheduled_for: None | str | Unset
        if isinstance(self.scheduled_for, Unset):
            scheduled_for = UNSET
        elif isinstance(self.scheduled_for, datetime.date):
            scheduled_for = self.scheduled_for.isoformat()
        else:
            scheduled_for = self.scheduled_for

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if items is not UNSET:
            field_dict["items"] = items
        if notes is not UNSET:
            field_dict["notes"] = notes
        if scheduled_for is not UNSET:
            field_dict["scheduled_for"] = scheduled_for
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.inspection_item import InspectionItem  # noqa: PLC0415

        d = dict(src_dict)
        _items = d.pop("items", UNSET)
        items: list[InspectionItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = InspectionItem.from_dict(items_item_data)

                items.append(items_item)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_scheduled_for(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scheduled_for_type_0 = datetime.date.fromisoformat(data)

                return scheduled_for_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        scheduled_for = _parse_scheduled_for(d.pop("scheduled_for", UNSET))

        _type_ = d.pop("type", UNSET)
        type_: InspectionType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = InspectionType(_type_)

        update_inspection = cls(
            items=items,
            notes=notes,
            scheduled_for=scheduled_for,
            type_=type_,
        )

        return update_inspection
