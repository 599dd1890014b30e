from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CredentialUsage")


@_attrs_define
class CredentialUsage:
    """One credential's requests, per day.

    Example:
        {'principal': 'key_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'name': 'Zapier', 'requests': 1250, 'throttled': 4, 'perDay':
            [250]}

    Attributes:
        per_day (list[int]): Requests per day, in the order of `days`.
        principal (str): A key's id (`key_…`) or `user:<sub>` (a JWT).
        requests (int):
        throttled (int):
        name (None | str | Unset): The key's name (none for a JWT user).
    """

    per_day: list[int]
    principal: str
    requests: int
    throttled: int
    name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        per_day = self.per_day

        principal = self.principal

        requests = self.requests

        throttled = self.throttled

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "perDay": per_day,
                "principal": principal,
                "requests": requests,
                "throttled": throttled,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        per_day = cast(list[int], d.pop("perDay"))

        principal = d.pop("principal")

        requests = d.pop("requests")

        throttled = d.pop("throttled")

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        credential_usage = cls(
            per_day=per_day,
            principal=principal,
            requests=requests,
            throttled=throttled,
            name=name,
        )

        credential_usage.additional_properties = d
        return credential_usage

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
