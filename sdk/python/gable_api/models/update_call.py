from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.direction import Direction
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateCall")


@_attrs_define
class UpdateCall:
    """Only the fields sent change; `null` clears an optional field.

    Example:
        {'durationSeconds': 340, 'outcome': 'Left a voicemail'}

    Attributes:
        contact_id (None | str | Unset):
        direction (Direction | Unset): Who placed the call.
        duration_seconds (int | None | Unset):
        from_number (str | Unset):
        lead_id (None | str | Unset):
        notes (None | str | Unset):
        outcome (None | str | Unset):
        started_at (datetime.datetime | Unset): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and
            a bare date (`2025-01-15`) is read as midnight UTC.
        team_member_id (None | str | Unset):
        to_number (str | Unset):
    """

    contact_id: None | str | Unset = UNSET
    direction: Direction | Unset = UNSET
    duration_seconds: int | None | Unset = UNSET
    from_number: str | Unset = UNSET
    lead_id: None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    outcome: None | str | Unset = UNSET
    started_at: datetime.datetime | Unset = UNSET
    team_member_id: None | str | Unset = UNSET
    to_number: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        contact_id: None | str | Unset
        if isinstance(self.contact_id, Unset):
            contact_id = UNSET
        else:
            contact_id = self.contact_id

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        duration_seconds: int | None | Unset
        if isinstance(self.duration_seconds, Unset):
            duration_seconds = UNSET
        else:
            duration_seconds = self.duration_seconds

        from_number = self.from_number

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

        started_at: str | Unset = UNSET
        if not isinstance(self.started_at, Unset):
            started_at = self.started_at.isoformat()

        team_member_id: None | str | Unset
        if isinstance(self.team_member_id, Unset):
            team_member_id = UNSET
        else:
            team_member_id = self.team_member_id

        to_number = self.to_number

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if contact_id is not UNSET:
            field_dict["contactId"] = contact_id
        if direction is not UNSET:
            field_dict["direction"] = direction
        if duration_seconds is not UNSET:
            field_dict["durationSeconds"] = duration_seconds
        if from_number is not UNSET:
            field_dict["fromNumber"] = from_number
        if lead_id is not UNSET:
            field_dict["leadId"] = lead_id
        if notes is not UNSET:
            field_dict["notes"] = notes
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if started_at is not UNSET:
            field_dict["startedAt"] = started_at
        if team_member_id is not UNSET:
            field_dict["teamMemberId"] = team_member_id
        if to_number is not UNSET:
            field_dict["toNumber"] = to_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_contact_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_id = _parse_contact_id(d.pop("contactId", UNSET))

        _direction = d.pop("direction", UNSET)
        direction: Direction | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = Direction(_direction)

        def _parse_duration_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_seconds = _parse_duration_seconds(d.pop("durationSeconds", UNSET))

        from_number = d.pop("fromNumber", UNSET)

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

        _started_at = d.pop("startedAt", UNSET)
        started_at: datetime.datetime | Unset
        if isinstance(_started_at, Unset):
            started_at = UNSET
        else:
            started_at = datetime.datetime.fromisoformat(_started_at)

        def _parse_team_member_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        team_member_id = _parse_team_member_id(d.pop("teamMemberId", UNSET))

        to_number = d.pop("toNumber", UNSET)

        update_call = cls(
            contact_id=contact_id,
            direction=direction,
            duration_seconds=duration_seconds,
            from_number=from_number,
            lead_id=lead_id,
            notes=notes,
            outcome=outcome,
            started_at=started_at,
            team_member_id=team_member_id,
            to_number=to_number,
        )

        return update_call
