from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.inspection_type import InspectionType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.inspection_item import InspectionItem


T = TypeVar("T", bound="CreateInspection")


@_attrs_define
class CreateInspection:
    """
    Example:
        {'unit_id': 'unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'type': 'move_out', 'scheduled_for': '2026-04-30', 'items':
            [{'area': 'Kitchen', 'condition': 'fair', 'notes': 'Scuffed cabinet doors'}]}

    Attributes:
        type_ (InspectionType):
        unit_id (str):
        items (list[InspectionItem] | None | Unset): Default: empty (filled in before or at completion). At most 200
            items.
        notes (None | str | Unset):
        scheduled_for (datetime.date | None | Unset):
    """

    type_: InspectionType
    unit_id: str
    items: list[InspectionItem] | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    scheduled_for: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        unit_id = self.unit_id

        items: list[dict[str, Any]] | None | Unset
        if isinstance(self.items, Unset):
            items = UNSET
        elif isinstance(self.items, list):
            items = []
            for items_type_0_item_data in self.items:
                items_type_0_item = items_type_0_item_data.to_dict()
                items.append(items_type_0_item)

        else:
            items = self.items

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "unit_id": unit_id,
            }
        )
        if items is not UNSET:
            field_dict["items"] = items
        if notes is not UNSET:
            field_dict["notes"] = notes
        if scheduled_for is not UNSET:
            field_dict["scheduled_for"] = scheduled_for

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.inspection_item import InspectionItem  # noqa: PLC0415

        d = dict(src_dict)
        type_ = InspectionType(d.pop("type"))

        unit_id = d.pop("unit_id")

        def _parse_items(data: object) -> list[InspectionItem] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                items_type_0 = []
                _items_type_0 = data
                for items_type_0_item_data in _items_type_0:
                    items_type_0_item = InspectionItem.from_dict(items_type_0_item_data)

                    items_type_0.append(items_type_0_item)

                return items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[InspectionItem] | None | Unset, data)

        items = _parse_items(d.pop("items", UNSET))

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

        create_inspection = cls(
            type_=type_,
            unit_id=unit_id,
            items=items,
            notes=notes,
            scheduled_for=scheduled_for,
        )

        return create_inspection
