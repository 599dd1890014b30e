from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Booking")


@_attrs_define
class Booking:
    """A booking made: the lead and the showing it created.

    Example:
        {'leadId': 'lead_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'showingId': 'shw_01JDQ8Z5V3W2X1Y0Z9A8B7C6D6', 'startAt':
            '2025-01-20T10:30:00.000Z', 'endAt': '2025-01-20T11:00:00.000Z'}

    Attributes:
        end_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare date
            (`2025-01-15`) is read as midnight UTC.
        lead_id (str):
        showing_id (str):
        start_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
    """

    end_at: datetime.datetime
    lead_id: str
    showing_id: str
    start_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        end_at = self.end_at.isoformat()

        lead_id = self.lead_id

        showing_id = self.showing_id

        start_at = self.start_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "endAt": end_at,
                "leadId": lead_id,
                "showingId": showing_id,
                "startAt": start_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        end_at = datetime.datetime.fromisoformat(d.pop("endAt"))

        lead_id = d.pop("leadId")

        showing_id = d.pop("showingId")

        start_at = datetime.datetime.fromisoformat(d.pop("startAt"))

        booking = cls(
            end_at=end_at,
            lead_id=lead_id,
            showing_id=showing_id,
            start_at=start_at,
        )

        booking.additional_properties = d
        return booking

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
