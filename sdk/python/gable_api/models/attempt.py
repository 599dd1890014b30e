from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_text import JsonText


T = TypeVar("T", bound="Attempt")


@_attrs_define
class Attempt:
    """One try at delivering.

    Example:
        {'id': 'what_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'attemptedAt': '2025-01-15T10:30:00.000Z', 'statusCode': 503,
            'latencyMs': 38, 'responseBody': 'upstream unavailable', 'error': 'HTTP 503 Service Unavailable',
            'requestHeaders': {'content-type': 'application/json', 'webhook-id': 'evt_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'webhook-
            timestamp': '1736937000', 'webhook-signature': 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4='},
            'responseHeaders': {'content-type': 'text/plain', 'retry-after': '30'}}

    Attributes:
        attempted_at (datetime.datetime): RFC 3339; returned in UTC. Sent in a body, its year is 2000 to 2099, and a
            bare date (`2025-01-15`) is read as midnight UTC.
        id (str):
        latency_ms (int):
        error (None | str | Unset):
        request_headers (JsonText | None | Unset):
        response_body (None | str | Unset): The first 4 KiB of the response.
        response_headers (JsonText | None | Unset):
        status_code (int | None | Unset):
    """

    attempted_at: datetime.datetime
    id: str
    latency_ms: int
    error: None | str | Unset = UNSET
    request_headers: JsonText | None | Unset = UNSET
    response_body: None | str | Unset = UNSET
    response_headers: JsonText | None | Unset = UNSET
    status_code: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.json_text import JsonText  # noqa: PLC0415

        attempted_at = self.attempted_at.isoformat()

        id = self.id

        latency_ms = self.latency_ms

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        request_headers: dict[str, Any] | None | Unset
        if isinstance(self.request_headers, Unset):
            request_headers = UNSET
        elif isinstance(self.request_headers, JsonText):
            request_headers = self.request_headers.to_dict()
        else:
            request_headers = self.request_headers

        response_body: None | str | Unset
        if isinstance(self.response_body, Unset):
            response_body = UNSET
        else:
            response_body = self.response_body

        response_headers: dict[str, Any] | None | Unset
        if isinstance(self.response_headers, Unset):
            response_headers = UNSET
        elif isinstance(self.response_headers, JsonText):
            response_headers = self.response_headers.to_dict()
        else:
            response_headers = self.response_headers

        status_code: int | None | Unset
        if isinstance(self.status_code, Unset):
            status_code = UNSET
        else:
            status_code = self.status_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attemptedAt": attempted_at,
                "id": id,
                "latencyMs": latency_ms,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error
        if request_headers is not UNSET:
            field_dict["requestHeaders"] = request_headers
        if response_body is not UNSET:
            field_dict["responseBody"] = response_body
        if response_headers is not UNSET:
            field_dict["responseHeaders"] = response_headers
        if status_code is not UNSET:
            field_dict["statusCode"] = status_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.json_text import JsonText  # noqa: PLC0415

        d = dict(src_dict)
        attempted_at = datetime.datetime.fromisoformat(d.pop("attemptedAt"))

        id = d.pop("id")

        latency_ms = d.pop("latencyMs")

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_request_headers(data: object) -> JsonText | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                request_headers_type_0 = JsonText.from_dict(data)

                return request_headers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JsonText | None | Unset, data)

        request_headers = _parse_request_headers(d.pop("requestHeaders", UNSET))

        def _parse_response_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        response_body = _parse_response_body(d.pop("responseBody", UNSET))

        def _parse_response_headers(data: object) -> JsonText | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_headers_type_0 = JsonText.from_dict(data)

                return response_headers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JsonText | None | Unset, data)

        response_headers = _parse_response_headers(d.pop("responseHeaders", UNSET))

        def _parse_status_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        status_code = _parse_status_code(d.pop("statusCode", UNSET))

        attempt = cls(
            attempted_at=attempted_at,
            id=id,
            latency_ms=latency_ms,
            error=error,
            request_headers=request_headers,
            response_body=response_body,
            response_headers=response_headers,
            status_code=status_code,
        )

        attempt.additional_properties = d
        return attempt

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
