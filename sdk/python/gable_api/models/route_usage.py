from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RouteUsage")


@_attrs_define
class RouteUsage:
    """One route's requests.

    Example:
        {'route': 'GET /properties', 'requests': 900, 'throttled': 4}

    Attributes:
        requests (int):
        route (str): `GET /properties/{id}`.
        throttled (int):
    """

    requests: int
    route: str
    throttled: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        requests = self.requests

        route = self.route

        throttled = self.throttled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requests": requests,
                "route": route,
                "throttled": throttled,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        requests = d.pop("requests")

        route = d.pop("route")

        throttled = d.pop("throttled")

        route_usage = cls(
            requests=requests,
            route=route,
            throttled=throttled,
        )

        route_usage.additional_properties = d
        return route_usage

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
