from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BookingPage")


@_attrs_define
class BookingPage:
    """A booking page: what is booked, with whom, and the times still free.

    Example:
        {'title': 'Tour with Ava', 'description': 'A 30-minute tour of the Beverly Hills villa', 'durationMinutes': 30,
            'teamMemberName': 'Ava Stone', 'slots': ['2025-01-20T09:00:00.000Z', '2025-01-20T09:30:00.000Z',
            '2025-01-20T10:30:00.000Z']}

    Attributes:
        duration_minutes (int): Length of a booking.
        slots (list[datetime.datetime]): Free start times, earliest first (RFC 3339, UTC): weekdays 09:00–17:00 UTC on a
            grid of
            `durationMinutes`, over the next 14 days.
        team_member_name (str): The team member booked.
        title (str):
        description (None | str | Unset):
    """

    duration_minutes: int
    slots: list[datetime.datetime]
    team_member_name: str
    title: str
    description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        duration_minutes = self.duration_minutes

        slots = []
        for slots_item_data in self.slots:
            slots_item = slots_item_data.isoformat()
            slots.append(slots_item)

        team_member_name = self.team_member_name

        title = self.title

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "durationMinutes": duration_minutes,
                "slots": slots,
                "teamMemberName": team_member_name,
                "title": title,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        duration_minutes = d.pop("durationMinutes")

        slots = []
        _slots = d.pop("slots")
        for slots_item_data in _slots:
            slots_item = datetime.datetime.fromisoformat(slots_item_data)

            slots.append(slots_item)

        team_member_name = d.pop("teamMemberName")

        title = d.pop("title")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        booking_page = cls(
            duration_minutes=duration_minutes,
            slots=slots,
            team_member_name=team_member_name,
            title=title,
            description=description,
        )

        booking_page.additional_properties = d
        return booking_page

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
