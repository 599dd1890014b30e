from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_type_name import EventTypeName
from ..models.scheme import Scheme
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.static_headers import StaticHeaders


T = TypeVar("T", bound="CreateEndpoint")


@_attrs_define
class CreateEndpoint:
    """
    Example:
        {'url': 'https://example.com/webhooks/gable', 'events': ['lead.created'], 'signatureScheme': 'hmac-sha256-hex',
            'signatureHeader': 'X-Aureum-Signature'}

    Attributes:
        url (str): An `http(s)` URL of a named host
        description (None | str | Unset): At most 500 characters.
        enabled (bool | None | Unset): Default `true`.
        events (list[EventTypeName] | None | Unset): Event types to deliver (see `GET /api/webhook-events`); empty or
            absent: every event.
        headers (None | StaticHeaders | Unset):
        signature_header (None | str | Unset):
        signature_scheme (None | Scheme | Unset):
    """

    url: str
    description: None | str | Unset = UNSET
    enabled: bool | None | Unset = UNSET
    events: list[EventTypeName] | None | Unset = UNSET
    headers: None | StaticHeaders | Unset = UNSET
    signature_header: None | str | Unset = UNSET
    signature_scheme: None | Scheme | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.static_headers import StaticHeaders  # noqa: PLC0415

        url = self.url

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        enabled: bool | None | Unset
        if isinstance(self.enabled, Unset):
            enabled = UNSET
        else:
            enabled = self.enabled

        events: list[str] | None | Unset
        if isinstance(self.events, Unset):
            events = UNSET
        elif isinstance(self.events, list):
            events = []
            for events_type_0_item_data in self.events:
                events_type_0_item = events_type_0_item_data.value
                events.append(events_type_0_item)

        else:
            events = self.events

        headers: dict[str, Any] | None | Unset
        if isinstance(self.headers, Unset):
            headers = UNSET
        elif isinstance(self.headers, StaticHeaders):
            headers = self.headers.to_dict()
        else:
            headers = self.headers

        signature_header: None | str | Unset
        if isinstance(self.signature_header, Unset):
            signature_header = UNSET
        else:
            signature_header = self.signature_header

        signature_scheme: None | str | Unset
        if isinstance(self.signature_scheme, Unset):
            signature_scheme = UNSET
        elif isinstance(self.signature_scheme, Scheme):
            signature_scheme = self.signature_scheme.value
        else:
            signature_scheme = self.signature_scheme

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if events is not UNSET:
            field_dict["events"] = events
        if headers is not UNSET:
            field_dict["headers"] = headers
        if signature_header is not UNSET:
            field_dict["signatureHeader"] = signature_header
        if signature_scheme is not UNSET:
            field_dict["signatureScheme"] = signature_scheme

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.static_headers import StaticHeaders  # noqa: PLC0415

        d = dict(src_dict)
        url = d.pop("url")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_enabled(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        enabled = _parse_enabled(d.pop("enabled", UNSET))

        def _parse_events(data: object) -> list[EventTypeName] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                events_type_0 = []
                _events_type_0 = data
                for events_type_0_item_data in _events_type_0:
                    events_type_0_item = EventTypeName(events_type_0_item_data)

                    events_type_0.append(events_type_0_item)

                return events_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[EventTypeName] | None | Unset, data)

        events = _parse_events(d.pop("events", UNSET))

        def _parse_headers(data: object) -> None | StaticHeaders | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                headers_type_0 = StaticHeaders.from_dict(data)

                return headers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StaticHeaders | Unset, data)

        headers = _parse_headers(d.pop("headers", UNSET))

        def _parse_signature_header(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        signature_header = _parse_signature_header(d.pop("signatureHeader", UNSET))

        def _parse_signature_scheme(data: object) -> None | Scheme | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signature_scheme_type_0 = Scheme(data)

                return signature_scheme_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Scheme | Unset, data)

        signature_scheme = _parse_signature_scheme(d.pop("signatureScheme", UNSET))

        create_endpoint = cls(
            url=url,
            description=description,
            enabled=enabled,
            events=events,
            headers=headers,
            signature_header=signature_header,
            signature_scheme=signature_scheme,
        )

        create_endpoint.additional_properties = d
        return create_endpoint

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
