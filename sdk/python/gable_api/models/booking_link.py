from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BookingLink")


@_attrs_define
class BookingLink:
    """A public booking page for one team member (and optionally one property to show).

    Example:
        {'id': 'bl_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'slug': 'tour-with-ava', 'title': 'Tour with Ava', 'description': 'A
            30-minute tour of the Beverly Hills villa', 'teamMemberId': 'tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D6', 'propertyId':
            'prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D7', 'durationMinutes': 30, 'active': True, 'url':
            'https://gable.example.com/book/test-realty/tour-with-ava', 'createdAt': '2025-01-05T09:00:00.000Z',
            'updatedAt': '2025-01-05T09:00:00.000Z'}

    Attributes:
        active (bool):
        created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        duration_minutes (int): Length of each booking (the showing), 5–480 minutes; also the step between offered
            start times.
        id (str):
        slug (str): Unique in the organization; the last part of `url`.
        team_member_id (str): Who is booked.
        title (str):
        updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        url (str): The public booking page: `{public_url}/book/{orgSlug}/{slug}`. Read-only.
        description (None | str | Unset):
        property_id (None | str | Unset): The property a booking is a showing of, if any.
    """

    active: bool
    created_at: datetime.datetime
    duration_minutes: int
    id: str
    slug: str
    team_member_id: str
    title: str
    updated_at: datetime.datetime
    url: str
    description: None | str | Unset = UNSET
    property_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        created_at = self.created_at.isoformat()

        duration_minutes = self.duration_minutes

        id = self.id

        slug = self.slug

        team_member_id = self.team_member_id

        title = self.title

        updated_at = self.updated_at.isoformat()

        url = self.url

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        property_id: None | str | Unset
        if isinstance(self.property_id, Unset):
            property_id = UNSET
        else:
            property_id = self.property_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "createdAt": created_at,
                "durationMinutes": duration_minutes,
                "id": id,
                "slug": slug,
                "teamMemberId": team_member_id,
                "title": title,
                "updatedAt": updated_at,
                "url": url,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if property_id is not UNSET:
            field_dict["propertyId"] = property_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        duration_minutes = d.pop("durationMinutes")

        id = d.pop("id")

        slug = d.pop("slug")

        team_member_id = d.pop("teamMemberId")

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        url = d.pop("url")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_property_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        property_id = _parse_property_id(d.pop("propertyId", UNSET))

        booking_link = cls(
            active=active,
            created_at=created_at,
            duration_minutes=duration_minutes,
            id=id,
            slug=slug,
            team_member_id=team_member_id,
            title=title,
            updated_at=updated_at,
            url=url,
            description=description,
            property_id=property_id,
        )

        booking_link.additional_properties = d
        return booking_link

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
