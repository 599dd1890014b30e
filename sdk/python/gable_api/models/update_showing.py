from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.showing_status import ShowingStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateShowing")


@_attrs_define
class UpdateShowing:
    """Only the fields sent change; `null` clears an optional field.

    Example:
        {'status': 'confirmed'}

    Attributes:
        agent_id (None | str | Unset):
        contact_id (None | str | Unset):
        duration_minutes (int | Unset): 5–480.
        lead_id (None | str | Unset):
        notes (None | str | Unset):
        property_id (None | str | Unset):
        scheduled_at (datetime.datetime | Unset): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099,
            and a bare date (`2025-01-15`) is read as midnight UTC.
        status (ShowingStatus | Unset): Where a showing stands. Only `scheduled` and `confirmed` showings hold the
            agent's time.
    """

    agent_id: None | str | Unset = UNSET
    contact_id: None | str | Unset = UNSET
    duration_minutes: int | Unset = UNSET
    lead_id: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    property_id: None | str | Unset = UNSET
    scheduled_at: datetime.datetime | Unset = UNSET
    status: ShowingStatus | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        scheduled_at: str | Unset = UNSET
        if not isinstance(self.scheduled_at, Unset):
            scheduled_at = self.scheduled_at.isoformat()

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
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
        if scheduled_at is not UNSET:
            field_dict["scheduledAt"] = scheduled_at
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        duration_minutes = d.pop("durationMinutes", UNSET)

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

        _scheduled_at = d.pop("scheduledAt", UNSET)
        scheduled_at: datetime.datetime | Unset
        if isinstance(_scheduled_at, Unset):
            scheduled_at = UNSET
        else:
            scheduled_at = datetime.datetime.fromisoformat(_scheduled_at)

        _status = d.pop("status", UNSET)
        status: ShowingStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ShowingStatus(_status)

        update_showing = cls(
            agent_id=agent_id,
            contact_id=contact_id,
            duration_minutes=duration_minutes,
            lead_id=lead_id,
            notes=notes,
            property_id=property_id,
            scheduled_at=scheduled_at,
            status=status,
        )

        return update_showing
