from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="TeamMember")


@_attrs_define
class TeamMember:
    """A member of the team: who leads, tasks and showings are assigned to, and who earns
    commission on payments.

        Example:
            {'id': 'tm_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'name': 'Ava Stone', 'email': 'ava@example.com', 'phone': '+1-555-0142',
                'role': 'agent', 'commissionRate': 2.5, 'active': True, 'createdAt': '2025-01-02T09:00:00.000Z', 'updatedAt':
                '2025-01-02T09:00:00.000Z'}

        Attributes:
            active (bool):
            commission_rate (float): Percent of a payment's amount earned as commission (0–100).
            created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
                date (`2025-01-15`) is read as midnight UTC.
            id (str):
            name (str):
            role (Role):
            updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
                date (`2025-01-15`) is read as midnight UTC.
            email (None | str | Unset):
            phone (None | str | Unset):
    """

    active: bool
    commission_rate: float
    created_at: datetime.datetime
    id: str
    name: str
    role: Role
    updated_at: datetime.datetime
    email: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        commission_rate = self.commission_rate

        created_at = self.created_at.isoformat()

        id = self.id

        name = self.name

        role = self.role.value

        updated_at = self.updated_at.isoformat()

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "commissionRate": commission_rate,
                "createdAt": created_at,
                "id": id,
                "name": name,
                "role": role,
                "updatedAt": updated_at,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        commission_rate = d.pop("commissionRate")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        id = d.pop("id")

        name = d.pop("name")

        role = Role(d.pop("role"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        team_member = cls(
            active=active,
            commission_rate=commission_rate,
            created_at=created_at,
            id=id,
            name=name,
            role=role,
            updated_at=updated_at,
            email=email,
            phone=phone,
        )

        team_member.additional_properties = d
        return team_member

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
