from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.console_role import ConsoleRole

T = TypeVar("T", bound="ChangeRole")


@_attrs_define
class ChangeRole:
    """
    Example:
        {'role': 'admin'}

    Attributes:
        role (ConsoleRole): The console's roles ([`CONSOLE_ROLES`]) as the document names them; the bodies read a
            string and check it (`check_role`).
    """

    role: ConsoleRole

    def to_dict(self) -> dict[str, Any]:
        role = self.role.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role = ConsoleRole(d.pop("role"))

        change_role = cls(
            role=role,
        )

        return change_role
