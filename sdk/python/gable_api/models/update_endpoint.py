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


T = TypeVar("T", bound="UpdateEndpoint")


@_attrs_define
class UpdateEndpoint:
    """Only the fields sent change. Setting `enabled: true` re-enables a disabled endpoint.

    Example:
        {'enabled': True, 'events': []}

    Attributes:
        description (None | str | Unset):
        enabled (bool | Unset):
        events (list[EventTypeName] | Unset):
        headers (StaticHeaders | Unset):
        signature_header (None | str | Unset):
        signature_scheme (Scheme | Unset): How deliveries to an endpoint are signed.
        url (str | Unset): An `http(s)` URL of a named host
    """

    description: None | str | Unset = UNSET
    enabled: bool | Unset = UNSET
    events: list[EventTypeName] | Unset = UNSET
    headers: StaticHeaders | Unset = UNSET
    signature_header: None | str | Unset = UNSET
    signature_scheme: Scheme | Unset = UNSET
    url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        enabled = self.enabled

        events: list[str] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.value
                events.append(events_item)

        headers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = self.headers.to_dict()

        signature_header: None | str | Unset
        if isinstance(self.signature_header, Unset):
            signature_header = UNSET
        else:
            signature_header = self.signature_header

        signature_scheme: str | Unset = UNSET
        if not isinstance(self.signature_scheme, Unset):
            signature_scheme = self.signature_scheme.value

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
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
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.static_headers import StaticHeaders  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        enabled = d.pop("enabled", UNSET)

        _events = d.pop("events", UNSET)
        events: list[EventTypeName] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = EventTypeName(events_item_data)

                events.append(events_item)

        _headers = d.pop("headers", UNSET)
        headers: StaticHeaders | Unset
        if isinstance(_headers, Unset):
            headers = UNSET
        else:
            headers = StaticHeaders.from_dict(_headers)

        def _parse_signature_header(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        signature_header = _parse_signature_header(d.pop("signatureHeader", UNSET))

        _signature_scheme = d.pop("signatureScheme", UNSET)
        signature_scheme: Scheme | Unset
        if isinstance(_signature_scheme, Unset):
            signature_scheme = UNSET
        else:
            signature_scheme = Scheme(_signature_scheme)

        url = d.pop("url", UNSET)

        update_endpoint = cls(
            description=description,
            enabled=enabled,
            events=events,
            headers=headers,
            signature_header=signature_header,
            signature_scheme=signature_scheme,
            url=url,
        )

        update_endpoint.additional_properties = d
        return update_endpoint

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
