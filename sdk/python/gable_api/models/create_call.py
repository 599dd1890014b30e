from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.direction import Direction
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateCall")


@_attrs_define
class CreateCall:
    """
    Example:
        {'direction': 'outbound', 'fromNumber': '+1-555-0142', 'toNumber': '+1-555-0200', 'leadId':
            'lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D6', 'teamMemberId': 'tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D7', 'startedAt':
            '2025-01-15T16:05:00Z', 'durationSeconds': 312, 'outcome': 'Booked a showing'}

    Attributes:
        direction (Direction): Who placed the call.
        from_number (str): At most 50 characters.
        started_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        to_number (str): At most 50 characters.
        contact_id (None | str | Unset):
        duration_seconds (int | None | Unset): 0 to 86,400 (a day).
        lead_id (None | str | Unset):
        notes (None | str | Unset): At most 10,000 characters.
        outcome (None | str | Unset): At most 100 characters.
        team_member_id (None | str | Unset):
    """

    direction: Direction
    from_number: str
    started_at: datetime.datetime
    to_number: str
    contact_id: None | str | Unset = UNSET
    duration_seconds: int | None | Unset = UNSET
    lead_id: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    outcome: None | str | Unset = UNSET
    team_member_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        direction = self.direction.value

        from_number = self.from_number

        started_at = self.started_at.isoformat()

        to_number = self.to_number

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

        field_dict.update(
            {
                "direction": direction,
                "fromNumber": from_number,
                "startedAt": started_at,
                "toNumber": to_number,
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
        direction = Direction(d.pop("direction"))

        from_number = d.pop("fromNumber")

        started_at = datetime.datetime.fromisoformat(d.pop("startedAt"))

        to_number = d.pop("toNumber")

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

        create_call = cls(
            direction=direction,
            from_number=from_number,
            started_at=started_at,
            to_number=to_number,
            contact_id=contact_id,
            duration_seconds=duration_seconds,
            lead_id=lead_id,
            notes=notes,
            outcome=outcome,
            team_member_id=team_member_id,
        )

        return create_call
