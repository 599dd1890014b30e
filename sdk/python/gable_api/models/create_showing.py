from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.showing_status import ShowingStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateShowing")


@_attrs_define
class CreateShowing:
    """
    Example:
        {'propertyId': 'prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'contactId': 'cont_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'agentId':
            'tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'scheduledAt': '2025-01-20T17:00:00Z', 'durationMinutes': 45, 'notes': 'Bring
            the pool inspection report'}

    Attributes:
        scheduled_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a
            bare date (`2025-01-15`) is read as midnight UTC.
        agent_id (None | str | Unset): The team member who shows the property; they must be free for the whole showing.
        contact_id (None | str | Unset):
        duration_minutes (int | None | Unset): 5–480 (default 30).
        lead_id (None | str | Unset):
        notes (None | str | Unset):
        property_id (None | str | Unset):
        status (None | ShowingStatus | Unset):
    """

    scheduled_at: datetime.datetime
    agent_id: None | str | Unset = UNSET
    contact_id: None | str | Unset = UNSET
    duration_minutes: int | None | Unset = UNSET
    lead_id: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    property_id: None | str | Unset = UNSET
    status: None | ShowingStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        scheduled_at = self.scheduled_at.isoformat()

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

        duration_minutes: int | None | Unset
        if isinstance(self.duration_minutes, Unset):
            duration_minutes = UNSET
        else:
            duration_minutes = self.duration_minutes

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

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, ShowingStatus):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "scheduledAt": scheduled_at,
            }
        )
        if agent_id is not UNSET:
            field_dict["agentId"] = agent_id
        if contact_id is not UNSET:
            field_dict["contactId"] = contact_id
        if duration_minutes is not UNSET:
            field_dict["durationMinutes"] = duration_minutes
        if lead_id is not UNSET:
            field_dict["leadId"] = lead_id
        if notes is not UNSET:
            field_dict["notes"] = notes
        if property_id is not UNSET:
            field_dict["propertyId"] = property_id
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scheduled_at = datetime.datetime.fromisoformat(d.pop("scheduledAt"))

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

        def _parse_duration_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_minutes = _parse_duration_minutes(d.pop("durationMinutes", UNSET))

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

        def _parse_status(data: object) -> None | ShowingStatus | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ShowingStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShowingStatus | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        create_showing = cls(
            scheduled_at=scheduled_at,
            agent_id=agent_id,
            contact_id=contact_id,
            duration_minutes=duration_minutes,
            lead_id=lead_id,
            notes=notes,
            property_id=property_id,
            status=status,
        )

        return create_showing
