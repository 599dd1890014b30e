from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan import Plan
from ..types import UNSET, Unset

T = TypeVar("T", bound="Organization")


@_attrs_define
class Organization:
    """An organization (a tenant of this server), as the API and the CLI show it.

    Example:
        {'id': 'org_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'name': 'Demo Realty', 'slug': 'demo-realty', 'plan': 'elite',
            'ownerEmail': 'owner@demo-realty.example', 'externalOrgId': None, 'createdAt': '2025-01-15T10:30:00.000Z'}

    Attributes:
        created_at (str):
        id (str):
        name (str):
        plan (Plan): A plan; each feature needs a minimum plan (`[features]` in the config).
        slug (str):
        external_org_id (None | str | Unset): The identity provider's organization (a Clerk `org_…` id) whose members
            sign in to this
            one with a JWT; `None` until the operator links one (see `docs/auth.md`).
        owner_email (None | str | Unset):
    """

    created_at: str
    id: str
    name: str
    plan: Plan
    slug: str
    external_org_id: None | str | Unset = UNSET
    owner_email: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at

        id = self.id

        name = self.name

        plan = self.plan.value

        slug = self.slug

        external_org_id: None | str | Unset
        if isinstance(self.external_org_id, Unset):
            external_org_id = UNSET
        else:
            external_org_id = self.external_org_id

        owner_email: None | str | Unset
        if isinstance(self.owner_email, Unset):
            owner_email = UNSET
        else:
            owner_email = self.owner_email

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "createdAt": created_at,
                "id": id,
                "name": name,
                "plan": plan,
                "slug": slug,
            }
        )
        if external_org_id is not UNSET:
            field_dict["externalOrgId"] = external_org_id
        if owner_email is not UNSET:
            field_dict["ownerEmail"] = owner_email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = d.pop("createdAt")

        id = d.pop("id")

        name = d.pop("name")

        plan = Plan(d.pop("plan"))

        slug = d.pop("slug")

        def _parse_external_org_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_org_id = _parse_external_org_id(d.pop("externalOrgId", UNSET))

        def _parse_owner_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_email = _parse_owner_email(d.pop("ownerEmail", UNSET))

        organization = cls(
            created_at=created_at,
            id=id,
            name=name,
            plan=plan,
            slug=slug,
            external_org_id=external_org_id,
            owner_email=owner_email,
        )

        organization.additional_properties = d
        return organization

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
