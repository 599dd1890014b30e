from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan import Plan

if TYPE_CHECKING:
    from ..models.credential_usage import CredentialUsage
    from ..models.limits import Limits
    from ..models.route_usage import RouteUsage
    from ..models.usage_day import UsageDay


T = TypeVar("T", bound="UsageReport")


@_attrs_define
class UsageReport:
    """The organization's API usage.

    Example:
        {'since': '2025-01-09T00:00:00.000Z', 'plan': 'grow', 'limits': {'keyPerMinute': 100, 'keyPerHour': 5000,
            'orgPerMinute': 1000}, 'requests': 1250, 'throttled': 4, 'days': [{'date': '2025-01-15', 'requests': 250,
            'throttled': 4}], 'credentials': [{'principal': 'key_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'name': 'Zapier', 'requests':
            1250, 'throttled': 4, 'perDay': [250]}], 'routes': [{'route': 'GET /properties', 'requests': 900, 'throttled':
            4}]}

    Attributes:
        credentials (list[CredentialUsage]): Every credential that made a request, busiest first.
        days (list[UsageDay]): Every day, oldest first.
        limits (Limits): The plan's limits per credential and organization. Example: {'keyPerMinute': 100, 'keyPerHour':
            5000, 'orgPerMinute': 1000}.
        plan (Plan): A plan; each feature needs a minimum plan (`[features]` in the config).
        requests (int):
        routes (list[RouteUsage]): The ten busiest routes.
        since (str): The start of the first day counted.
        throttled (int):
    """

    credentials: list[CredentialUsage]
    days: list[UsageDay]
    limits: Limits
    plan: Plan
    requests: int
    routes: list[RouteUsage]
    since: str
    throttled: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        credentials = []
        for credentials_item_data in self.credentials:
            credentials_item = credentials_item_data.to_dict()
            credentials.append(credentials_item)

        days = []
        for days_item_data in self.days:
            days_item = days_item_data.to_dict()
            days.append(days_item)

        limits = self.limits.to_dict()

        plan = self.plan.value

        requests = self.requests

        routes = []
        for routes_item_data in self.routes:
            routes_item = routes_item_data.to_dict()
            routes.append(routes_item)

        since = self.since

        throttled = self.throttled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "credentials": credentials,
                "days": days,
                "limits": limits,
                "plan": plan,
                "requests": requests,
                "routes": routes,
                "since": since,
                "throttled": throttled,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credential_usage import CredentialUsage  # noqa: PLC0415
        from ..models.limits import Limits  # noqa: PLC0415
        from ..models.route_usage import RouteUsage  # noqa: PLC0415
        from ..models.usage_day import UsageDay  # noqa: PLC0415

        d = dict(src_dict)
        credentials = []
        _credentials = d.pop("credentials")
        for credentials_item_data in _credentials:
            credentials_item = CredentialUsage.from_dict(credentials_item_data)

            credentials.append(credentials_item)

        days = []
        _days = d.pop("days")
        for days_item_data in _days:
            days_item = UsageDay.from_dict(days_item_data)

            days.append(days_item)

        limits = Limits.from_dict(d.pop("limits"))

        plan = Plan(d.pop("plan"))

        requests = d.pop("requests")

        routes = []
        _routes = d.pop("routes")
        for routes_item_data in _routes:
            routes_item = RouteUsage.from_dict(routes_item_data)

            routes.append(routes_item)

        since = d.pop("since")

        throttled = d.pop("throttled")

        usage_report = cls(
            credentials=credentials,
            days=days,
            limits=limits,
            plan=plan,
            requests=requests,
            routes=routes,
            since=since,
            throttled=throttled,
        )

        usage_report.additional_properties = d
        return usage_report

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
