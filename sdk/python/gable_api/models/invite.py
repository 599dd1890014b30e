from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.console_role import ConsoleRole

T = TypeVar("T", bound="Invite")


@_attrs_define
class Invite:
    """
    Example:
        {'email': 'sam@example.com', 'role': 'developer'}

    Attributes:
        email (str):
        role (ConsoleRole): The console's roles ([`CONSOLE_ROLES`]) as the document names them; the bodies read a
            string and check it (`check_role`).
    """

    email: str
    role: ConsoleRole

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        role = self.role.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        role = ConsoleRole(d.pop("role"))

        invite = cls(
            email=email,
            role=role,
        )

        return invite
