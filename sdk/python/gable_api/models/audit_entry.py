from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_text import JsonText


T = TypeVar("T", bound="AuditEntry")


@_attrs_define
class AuditEntry:
    """One thing someone did.

    Example:
        {'id': 'aud_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'actor': 'console:usr_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'action':
            'api_key.created', 'target': 'key_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'detail': {'name': 'Postman Testing', 'scopes':
            ['read:*']}, 'ip': None, 'createdAt': '2025-01-15T10:30:00.000Z'}

    Attributes:
        action (str): What: `api_key.created`, `api_key.revoked`, `webhook_endpoint.created`,
            `webhook_endpoint.updated`, `webhook_endpoint.deleted`, `webhook_endpoint.secret_rotated`,
            `member.invited`, `member.role_changed`, `member.removed`, `invitation.accepted`,
            `invitation.revoked`, `organization.updated`, `console.signed_in`.
        actor (str): Who: an API key's id (`key_…`), a console user (`console:usr_…`) or a user signed in
            with a JWT (`user:<sub>`).
        created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
            date (`2025-01-15`) is read as midnight UTC.
        detail (JsonText):
        id (str):
        ip (None | str | Unset): The client's address, for console sign-ins.
        target (None | str | Unset): The id of the object it was done to.
    """

    action: str
    actor: str
    created_at: datetime.datetime
    detail: JsonText
    id: str
    ip: None | str | Unset = UNSET
    target: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        actor = self.actor

        created_at = self.created_at.isoformat()

        detail = self.detail.to_dict()

        id = self.id

        ip: None | str | Unset
        if isinstance(self.ip, Unset):
            ip = UNSET
        else:
            ip = self.ip

        target: None | str | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        else:
            target = self.target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor": actor,
                "createdAt": created_at,
                "detail": detail,
                "id": id,
            }
        )
        if ip is not UNSET:
            field_dict["ip"] = ip
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_text import JsonText  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action")

        actor = d.pop("actor")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        detail = JsonText.from_dict(d.pop("detail"))

        id = d.pop("id")

        def _parse_ip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ip = _parse_ip(d.pop("ip", UNSET))

        def _parse_target(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target = _parse_target(d.pop("target", UNSET))

        audit_entry = cls(
            action=action,
            actor=actor,
            created_at=created_at,
            detail=detail,
            id=id,
            ip=ip,
            target=target,
        )

        audit_entry.additional_properties = d
        return audit_entry

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
