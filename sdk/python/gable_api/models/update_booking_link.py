from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateBookingLink")


@_attrs_define
class UpdateBookingLink:
    """Only the fields sent change; `null` clears `description` or `propertyId`. Changing the
    slug changes `url`: the old address stops working.

        Example:
            {'durationMinutes': 45, 'active': False}

        Attributes:
            active (bool | Unset):
            description (None | str | Unset):
            duration_minutes (int | Unset): 5–480.
            property_id (None | str | Unset):
            slug (str | Unset): 1–80 of `a-z`, `0-9` and `-`, unique in the organization.
            team_member_id (str | Unset):
            title (str | Unset):
    """

    active: bool | Unset = UNSET
    description: None | str | Unset = UNSET
    duration_minutes: int | Unset = UNSET
    property_id: None | str | Unset = UNSET
    slug: str | Unset = UNSET
    team_member_id: str | Unset = UNSET
    title: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        duration_minutes = self.duration_minutes

        property_id: None | str | Unset
        if isinstance(self.property_id, Unset):
            property_id = UNSET
        else:
            property_id = self.property_id

        slug = self.slug

        team_member_id = self.team_member_id

        title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update({})
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
        if team_member_id is not UNSET:
            field_dict["teamMemberId"] = team_member_id
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        duration_minutes = d.pop("durationMinutes", UNSET)

        def _parse_property_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        property_id = _parse_property_id(d.pop("propertyId", UNSET))

        slug = d.pop("slug", UNSET)

        team_member_id = d.pop("teamMemberId", UNSET)

        title = d.pop("title", UNSET)

        update_booking_link = cls(
            active=active,
            description=description,
            duration_minutes=duration_minutes,
            property_id=property_id,
            slug=slug,
            team_member_id=team_member_id,
            title=title,
        )

        return update_booking_link
