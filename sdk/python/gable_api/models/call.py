from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.direction import Direction
from ..types import UNSET, Unset

T = TypeVar("T", bound="Call")


@_attrs_define
class Call:
    """A phone call with a lead or contact, logged by a team member or a telephony integration.

    Example:
        {'id': 'call_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'direction': 'outbound', 'fromNumber': '+1-555-0142', 'toNumber':
            '+1-555-0200', 'contactId': None, 'leadId': 'lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D6', 'teamMemberId':
            'tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D7', 'startedAt': '2025-01-15T16:05:00.000Z', 'durationSeconds': 312, 'outcome':
            'Booked a showing', 'notes': 'Wants a garden; budget 1.2M', 'createdAt': '2025-01-15T16:11:00.000Z',
            'updatedAt': '2025-01-15T16:11:00.000Z'}

    Attributes:
        created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        direction (Direction): Who placed the call.
        from_number (str):
        id (str):
        started_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        to_number (str):
        updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        contact_id (None | str | Unset):
        duration_seconds (int | None | Unset): Talk time; `null` while unknown (e.g. a missed call).
        lead_id (None | str | Unset):
        notes (None | str | Unset):
        outcome (None | str | Unset): How the call ended, in your words: "Voicemail", "Booked a showing".
        team_member_id (None | str | Unset): The team member on the business's side of the call.
    """

    created_at: datetime.datetime
    direction: Direction
    from_number: str
    id: str
    started_at: datetime.datetime
    to_number: str
    updated_at: datetime.datetime
    contact_id: None | str | Unset = UNSET
    duration_seconds: int | None | Unset = UNSET
    lead_id: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    outcome: None | str | Unset = UNSET
    team_member_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        direction = self.direction.value

        from_number = self.from_number

        id = self.id

        started_at = self.started_at.isoformat()

        to_number = self.to_number

        updated_at = self.updated_at.isoformat()

        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        else:
            contact_id = self.contact_id

        duration_seconds: int | None | Unset
        if isinstance(self.duration_seconds, Unset):
            duration_seconds = UNSET
        else:
            duration_seconds = self.duration_seconds

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

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        else:
            outcome = self.outcome

        team_member_id: None | str | Unset
        if isinstance(self.team_member_id, Unset):
            team_member_id = UNSET
        else:
            team_member_id = self.team_member_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "createdAt": created_at,
                "direction": direction,
                "fromNumber": from_number,
                "id": id,
                "startedAt": started_at,
                "toNumber": to_number,
                "updatedAt": updated_at,
            }
        )
        if contact_id is not UNSET:
            field_dict["contactId"] = contact_id
        if duration_seconds is not UNSET:
            field_dict["durationSeconds"] = duration_seconds
        if lead_id is not UNSET:
            field_dict["leadId"] = lead_id
        if notes is not UNSET:
            field_dict["notes"] = notes
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if team_member_id is not UNSET:
            field_dict["teamMemberId"] = team_member_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        direction = Direction(d.pop("direction"))

        from_number = d.pop("fromNumber")

        id = d.pop("id")

        started_at = datetime.datetime.fromisoformat(d.pop("startedAt"))

        to_number = d.pop("toNumber")

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        def _parse_contact_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_id = _parse_contact_id(d.pop("contactId", UNSET))

        def _parse_duration_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_seconds = _parse_duration_seconds(d.pop("durationSeconds", UNSET))

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

        def _parse_outcome(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))

        def _parse_team_member_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        team_member_id = _parse_team_member_id(d.pop("teamMemberId", UNSET))

        call = cls(
            created_at=created_at,
            direction=direction,
            from_number=from_number,
            id=id,
            started_at=started_at,
            to_number=to_number,
            updated_at=updated_at,
            contact_id=contact_id,
            duration_seconds=duration_seconds,
            lead_id=lead_id,
            notes=notes,
            outcome=outcome,
            team_member_id=team_member_id,
        )

        call.additional_properties = d
        return call

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
