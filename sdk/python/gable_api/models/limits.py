from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Limits")


@_attrs_define
class Limits:
    """The plan's limits per credential and organization.

    Example:
        {'keyPerMinute': 100, 'keyPerHour': 5000, 'orgPerMinute': 1000}

    Attributes:
        key_per_hour (int):
        key_per_minute (int):
        org_per_minute (int):
    """

    key_per_hour: int
    key_per_minute: int
    org_per_minute: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key_per_hour = self.key_per_hour

        key_per_minute = self.key_per_minute

        org_per_minute = self.org_per_minute

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "keyPerHour": key_per_hour,
                "keyPerMinute": key_per_minute,
                "orgPerMinute": org_per_minute,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key_per_hour = d.pop("keyPerHour")

        key_per_minute = d.pop("keyPerMinute")

        org_per_minute = d.pop("orgPerMinute")

        limits = cls(
            key_per_hour=key_per_hour,
            key_per_minute=key_per_minute,
            org_per_minute=org_per_minute,
        )

        limits.additional_properties = d
        return limits

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
