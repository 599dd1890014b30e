from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateOrganization")


@_attrs_define
class UpdateOrganization:
    """
    Example:
        {'name': 'Demo Realty West', 'slug': 'demo-realty-west'}

    Attributes:
        name (str | Unset): At most 200 characters.
        owner_email (None | str | Unset):
        slug (str | Unset): The address of the public pages (`/forms/{slug}/…`, `/book/{slug}/…`): 2–60 of
            `a-z`, `0-9` and `-`. Old links stop working.
    """

    name: str | Unset = UNSET
    owner_email: None | str | Unset = UNSET
    slug: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        owner_email: None | str | Unset
        if isinstance(self.owner_email, Unset):
            owner_email = UNSET
        else:
            owner_email = self.owner_email

        slug = self.slug

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if owner_email is not UNSET:
            field_dict["ownerEmail"] = owner_email
        if slug is not UNSET:
            field_dict["slug"] = slug

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_owner_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_email = _parse_owner_email(d.pop("ownerEmail", UNSET))

        slug = d.pop("slug", UNSET)

        update_organization = cls(
            name=name,
            owner_email=owner_email,
            slug=slug,
        )

        return update_organization
