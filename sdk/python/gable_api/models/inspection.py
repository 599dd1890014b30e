from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.inspection_status import InspectionStatus
from ..models.inspection_type import InspectionType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.inspection_item import InspectionItem


T = TypeVar("T", bound="Inspection")


@_attrs_define
class Inspection:
    """An inspection of a unit.

    Example:
        {'id': 'insp_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'unit_id': 'unit_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'type': 'move_out',
            'status': 'scheduled', 'scheduled_for': '2026-04-30', 'items': [{'area': 'Kitchen', 'condition': 'fair',
            'notes': 'Scuffed cabinet doors'}], 'notes': None, 'completed_at': None, 'created_at':
            '2026-04-20T09:00:00.000Z', 'updated_at': '2026-04-20T09:00:00.000Z'}

    Attributes:
        created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        id (str):
        items (list[InspectionItem]): The checklist, stored as JSON text.
        status (InspectionStatus):
        type_ (InspectionType):
        unit_id (str):
        updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        completed_at (datetime.datetime | None | Unset):
        notes (None | str | Unset):
        scheduled_for (datetime.date | None | Unset):
    """

    created_at: datetime.datetime
    id: str
    items: list[InspectionItem]
    status: InspectionStatus
    type_: InspectionType
    unit_id: str
    updated_at: datetime.datetime
    completed_at: datetime.datetime | None | Unset = UNSET
    notes: None | str | Unset = UNSET
    scheduled_for: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = self.id

        items = []
        for componentsschemas_checklist_item_data in self.items:
            componentsschemas_checklist_item = componentsschemas_checklist_item_data.to_dict()
            items.append(componentsschemas_checklist_item)

        status = self.status.value

        type_ = self.type_.value

        unit_id = self.unit_id

        updated_at = self.updated_at.isoformat()

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

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
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "id": id,
                "items": items,
                "status": status,
                "type": type_,
                "unit_id": unit_id,
                "updated_at": updated_at,
            }
        )
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if notes is not UNSET:
            field_dict["notes"] = notes
        if scheduled_for is not UNSET:
            field_dict["scheduled_for"] = scheduled_for

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.inspection_item import InspectionItem  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        items = []
        _items = d.pop("items")
        for componentsschemas_checklist_item_data in _items:
            componentsschemas_checklist_item = InspectionItem.from_dict(componentsschemas_checklist_item_data)

            items.append(componentsschemas_checklist_item)

        status = InspectionStatus(d.pop("status"))

        type_ = InspectionType(d.pop("type"))

        unit_id = d.pop("unit_id")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

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

        inspection = cls(
            created_at=created_at,
            id=id,
            items=items,
            status=status,
            type_=type_,
            unit_id=unit_id,
            updated_at=updated_at,
            completed_at=completed_at,
            notes=notes,
            scheduled_for=scheduled_for,
        )

        inspection.additional_properties = d
        return inspection

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
