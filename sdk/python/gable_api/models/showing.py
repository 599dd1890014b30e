from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.showing_status import ShowingStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="Showing")


@_attrs_define
class Showing:
    """A showing: an agent shows a property to a contact or lead at a time.

    Example:
        {'id': 'shw_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'propertyId': 'prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'contactId':
            'cont_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'leadId': None, 'agentId': 'tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'scheduledAt':
            '2025-01-20T17:00:00.000Z', 'durationMinutes': 30, 'status': 'scheduled', 'notes': 'Bring the pool inspection
            report', 'createdAt': '2025-01-15T10:30:00.000Z', 'updatedAt': '2025-01-15T10:30:00.000Z'}

    Attributes:
        created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        duration_minutes (int): 5–480.
        id (str):
        scheduled_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a
            bare date (`2025-01-15`) is read as midnight UTC.
        status (ShowingStatus): Where a showing stands. Only `scheduled` and `confirmed` showings hold the agent's time.
        updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        agent_id (None | str | Unset): The team member who shows the property. Example: tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5.
        contact_id (None | str | Unset): Who the property is shown to: a contact, a lead, or both.
        lead_id (None | str | Unset):
        notes (None | str | Unset):
        property_id (None | str | Unset): The property shown.
    """

    created_at: datetime.datetime
    duration_minutes: int
    id: str
    scheduled_at: datetime.datetime
    status: ShowingStatus
    updated_at: datetime.datetime
    agent_id: None | str | Unset = UNSET
    contact_id: None | str | Unset = UNSET
    lead_id: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    property_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        duration_minutes = self.duration_minutes

        id = self.id

        scheduled_at = self.scheduled_at.isoformat()

        status = self.status.value

        updated_at = self.updated_at.isoformat()

        agent_id: None | str | Unset
        if isinstance(self.agent_id, Unset):
            agent_id = UNSET
        else:
            agent_id = self.agent_id

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        else:
            contact_id = self.contact_id

        lead_id: None | str | Unset
        if isinstance(self.lead_id, Unset):
            lead_id = UNSET
        else:
            lead_id = self.lead_id

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        property_id: None | str | Unset
        if isinstance(self.property_id, Unset):
            property_id = UNSET
        else:
            property_id = self.property_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "createdAt": created_at,
                "durationMinutes": duration_minutes,
                "id": id,
                "scheduledAt": scheduled_at,
                "status": status,
                "updatedAt": updated_at,
            }
        )
        if agent_id is not UNSET:
            field_dict["agentId"] = agent_id
        if contact_id is not UNSET:
            field_dict["contactId"] = contact_id
        if lead_id is not UNSET:
            field_dict["leadId"] = lead_id
        if notes is not UNSET:
            field_dict["notes"] = notes
        if property_id is not UNSET:
            field_dict["propertyId"] = property_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        duration_minutes = d.pop("durationMinutes")

        id = d.pop("id")

        scheduled_at = datetime.datetime.fromisoformat(d.pop("scheduledAt"))

        status = ShowingStatus(d.pop("status"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        def _parse_agent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agent_id = _parse_agent_id(d.pop("agentId", UNSET))

        def _parse_contact_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_id = _parse_contact_id(d.pop("contactId", UNSET))

        def _parse_lead_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lead_id = _parse_lead_id(d.pop("leadId", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_property_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        property_id = _parse_property_id(d.pop("propertyId", UNSET))

        showing = cls(
            created_at=created_at,
            duration_minutes=duration_minutes,
            id=id,
            scheduled_at=scheduled_at,
            status=status,
            updated_at=updated_at,
            agent_id=agent_id,
            contact_id=contact_id,
            lead_id=lead_id,
            notes=notes,
            property_id=property_id,
        )

        showing.additional_properties = d
        return showing

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
