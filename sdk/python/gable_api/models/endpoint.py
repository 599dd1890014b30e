from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.scheme import Scheme
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.endpoint_headers import EndpointHeaders


T = TypeVar("T", bound="Endpoint")


@_attrs_define
class Endpoint:
    """An endpoint as the API shows it (never its secret). Read through the engine
    ([`WebhookEndpoints`]): its sealed headers are opened and masked, and its default signature
    header filled in, by [`Resource::compute`].

        Example:
            {'id': 'whep_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'url': 'https://example.com/webhooks/gable', 'description': 'CRM
                sync', 'events': ['lead.created', 'lead.updated'], 'enabled': True, 'signatureScheme': 'standard-webhooks',
                'signatureHeader': 'webhook-signature', 'headers': {}, 'consecutiveFailures': 0, 'lastSuccessAt': None,
                'lastFailureAt': None, 'disabledReason': None, 'disabledAt': None, 'previousSecretExpiresAt': None, 'createdAt':
                '2025-01-15T10:30:00.000Z', 'updatedAt': '2025-01-15T10:30:00.000Z'}

        Attributes:
            consecutive_failures (int):
            created_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
                date (`2025-01-15`) is read as midnight UTC.
            enabled (bool):
            events (list[str]):
            headers (EndpointHeaders): Static headers sent with every delivery (credential-like values are masked here).
            id (str):
            signature_header (str): The header the signature is sent in.
            signature_scheme (Scheme): How deliveries to an endpoint are signed.
            updated_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a bare
                date (`2025-01-15`) is read as midnight UTC.
            url (str):
            description (None | str | Unset):
            disabled_at (datetime.datetime | None | Unset):
            disabled_reason (None | str | Unset): Why the endpoint was disabled (after too many failures, or a 410 Gone).
            last_failure_at (datetime.datetime | None | Unset):
            last_success_at (datetime.datetime | None | Unset):
            previous_secret_expires_at (datetime.datetime | None | Unset):
    """

    consecutive_failures: int
    created_at: datetime.datetime
    enabled: bool
    events: list[str]
    headers: EndpointHeaders
    id: str
    signature_header: str
    signature_scheme: Scheme
    updated_at: datetime.datetime
    url: str
    description: None | str | Unset = UNSET
    disabled_at: datetime.datetime | None | Unset = UNSET
    disabled_reason: None | str | Unset = UNSET
    last_failure_at: datetime.datetime | None | Unset = UNSET
    last_success_at: datetime.datetime | None | Unset = UNSET
    previous_secret_expires_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        consecutive_failures = self.consecutive_failures

        created_at = self.created_at.isoformat()

        enabled = self.enabled

        events = self.events

        headers = self.headers.to_dict()

        id = self.id

        signature_header = self.signature_header

        signature_scheme = self.signature_scheme.value

        updated_at = self.updated_at.isoformat()

        url = self.url

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        disabled_at: None | str | Unset
        if isinstance(self.disabled_at, Unset):
            disabled_at = UNSET
        elif isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        disabled_reason: None | str | Unset
        if isinstance(self.disabled_reason, Unset):
            disabled_reason = UNSET
        else:
            disabled_reason = self.disabled_reason

        last_failure_at: None | str | Unset
        if isinstance(self.last_failure_at, Unset):
            last_failure_at = UNSET
        elif isinstance(self.last_failure_at, datetime.datetime):
            last_failure_at = self.last_failure_at.isoformat()
        else:
            last_failure_at = self.last_failure_at

        last_success_at: None | str | Unset
        if isinstance(self.last_success_at, Unset):
            last_success_at = UNSET
        elif isinstance(self.last_success_at, datetime.datetime):
            last_success_at = self.last_success_at.isoformat()
        else:
            last_success_at = self.last_success_at

        previous_secret_expires_at: None | str | Unset
        if isinstance(self.previous_secret_expires_at, Unset):
            previous_secret_expires_at = UNSET
        elif isinstance(self.previous_secret_expires_at, datetime.datetime):
            previous_secret_expires_at = self.previous_secret_expires_at.isoformat()
        else:
            previous_secret_expires_at = self.previous_secret_expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "consecutiveFailures": consecutive_failures,
                "createdAt": created_at,
                "enabled": enabled,
                "events": events,
                "headers": headers,
                "id": id,
                "signatureHeader": signature_header,
                "signatureScheme": signature_scheme,
                "updatedAt": updated_at,
                "url": url,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if disabled_at is not UNSET:
            field_dict["disabledAt"] = disabled_at
        if disabled_reason is not UNSET:
            field_dict["disabledReason"] = disabled_reason
        if last_failure_at is not UNSET:
            field_dict["lastFailureAt"] = last_failure_at
        if last_success_at is not UNSET:
            field_dict["lastSuccessAt"] = last_success_at
        if previous_secret_expires_at is not UNSET:
            field_dict["previousSecretExpiresAt"] = previous_secret_expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.endpoint_headers import EndpointHeaders  # noqa: PLC0415

        d = dict(src_dict)
        consecutive_failures = d.pop("consecutiveFailures")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        enabled = d.pop("enabled")

        events = cast(list[str], d.pop("events"))

        headers = EndpointHeaders.from_dict(d.pop("headers"))

        id = d.pop("id")

        signature_header = d.pop("signatureHeader")

        signature_scheme = Scheme(d.pop("signatureScheme"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        url = d.pop("url")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_disabled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)

                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        disabled_at = _parse_disabled_at(d.pop("disabledAt", UNSET))

        def _parse_disabled_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabledReason", UNSET))

        def _parse_last_failure_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_failure_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_failure_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_failure_at = _parse_last_failure_at(d.pop("lastFailureAt", UNSET))

        def _parse_last_success_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_success_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_success_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_success_at = _parse_last_success_at(d.pop("lastSuccessAt", UNSET))

        def _parse_previous_secret_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_secret_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return previous_secret_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        previous_secret_expires_at = _parse_previous_secret_expires_at(d.pop("previousSecretExpiresAt", UNSET))

        endpoint = cls(
            consecutive_failures=consecutive_failures,
            created_at=created_at,
            enabled=enabled,
            events=events,
            headers=headers,
            id=id,
            signature_header=signature_header,
            signature_scheme=signature_scheme,
            updated_at=updated_at,
            url=url,
            description=description,
            disabled_at=disabled_at,
            disabled_reason=disabled_reason,
            last_failure_at=last_failure_at,
            last_success_at=last_success_at,
            previous_secret_expires_at=previous_secret_expires_at,
        )

        endpoint.additional_properties = d
        return endpoint

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
