from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateBookingLink")


@_attrs_define
class CreateBookingLink:
    """
    Example:
        {'title': 'Tour with Ava', 'description': 'A 30-minute tour of the Beverly Hills villa', 'teamMemberId':
            'tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D6', 'propertyId': 'prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D7'}

    Attributes:
        team_member_id (str): Who is booked.
        title (str): At most 200 characters.
        active (bool | None | Unset): Default `true`.
        description (None | str | Unset): At most 10,000 characters.
        duration_minutes (int | None | Unset): 5–480 (default 30).
        property_id (None | str | Unset):
        slug (None | str | Unset): 1–80 of `a-z`, `0-9` and `-`, unique in the organization. Default: from the title
            (`-2`, `-3` … when taken).
    """

    team_member_id: str
    title: str
    active: bool | None | Unset = UNSET
    description: None | str | Unset = UNSET
    duration_minutes: int | None | Unset = UNSET
    property_id: None | str | Unset = UNSET
    slug: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        team_member_id = self.team_member_id

        title = self.title

        active: bool | None | Unset
        if isinstance(self.active, Unset):
            active = UNSET
        else:
            active = self.active

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        duration_minutes: int | None | Unset
        if isinstance(self.duration_minutes, Unset):
            duration_minutes = UNSET
        else:
            duration_minutes = self.duration_minutes

        property_id: None | str | Unset
        if isinstance(self.property_id, Unset):
            property_id = UNSET
        else:
            property_id = self.property_id

        slug: None | str | Unset
        if isinstance(self.slug, Unset):
            slug = UNSET
        else:
            slug = self.slug

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "teamMemberId": team_member_id,
                "title": title,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if description is not UNSET:
            field_dict["description"] = description
        if duration_minutes is not UNSET:
            field_dict["durationMinutes"] = duration_minutes
        if property_id is not UNSET:
            field_dict["propertyId"] = property_id
        if slug is not UNSET:
            field_dict["slug"] = slug

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        team_member_id = d.pop("teamMemberId")

        title = d.pop("title")

        def _parse_active(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active = _parse_active(d.pop("active", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_duration_minutes(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_minutes = _parse_duration_minutes(d.pop("durationMinutes", UNSET))

        def _parse_property_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        property_id = _parse_property_id(d.pop("propertyId", UNSET))

        def _parse_slug(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        slug = _parse_slug(d.pop("slug", UNSET))

        create_booking_link = cls(
            team_member_id=team_member_id,
            title=title,
            active=active,
            description=description,
            duration_minutes=duration_minutes,
            property_id=property_id,
            slug=slug,
        )

        return create_booking_link
