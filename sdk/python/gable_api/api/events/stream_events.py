from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.event_type_name import EventTypeName
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    types: list[EventTypeName] | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = last_event_id

    params: dict[str, Any] = {}

    json_types: list[str] | Unset = UNSET
    if not isinstance(types, Unset):
        json_types = []
        for types_item_data in types:
            types_item = types_item_data.value
            json_types.append(types_item)

    params["types"] = json_types

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/events/stream",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorBody | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorBody.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorBody.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorBody.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ErrorBody | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    types: list[EventTypeName] | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,
) -> Response[ErrorBody | str]:
    """Stream events

     The organization's events as [Server-Sent Events](https://html.spec.whatwg.org/multipage/server-
    sent-events.html),
    as they commit: each is `id: <event id>` and `data: <the webhook envelope>` (`id`, `event`,
    `timestamp`, `delivered_at`, `organization_id`, `data`, `payload`, as `docs/webhooks.md`
    shows). Send `Last-Event-ID` to resume after that event without losing or repeating any;
    without it the stream starts with the next event. A comment line is sent as a heartbeat, and
    the stream ends after `webhook_stream_max_duration` (reconnect with `Last-Event-ID`). Needs
    `read:events`; only the types the key may read are sent, and asking for another is 403. At
    most `webhook_stream_max_per_key` streams per key at once (429 beyond).

    Args:
        types (list[EventTypeName] | Unset):
        last_event_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | str]
    """

    kwargs = _get_kwargs(
        types=types,
        last_event_id=last_event_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    types: list[EventTypeName] | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,
) -> ErrorBody | str | None:
    """Stream events

     The organization's events as [Server-Sent Events](https://html.spec.whatwg.org/multipage/server-
    sent-events.html),
    as they commit: each is `id: <event id>` and `data: <the webhook envelope>` (`id`, `event`,
    `timestamp`, `delivered_at`, `organization_id`, `data`, `payload`, as `docs/webhooks.md`
    shows). Send `Last-Event-ID` to resume after that event without losing or repeating any;
    without it the stream starts with the next event. A comment line is sent as a heartbeat, and
    the stream ends after `webhook_stream_max_duration` (reconnect with `Last-Event-ID`). Needs
    `read:events`; only the types the key may read are sent, and asking for another is 403. At
    most `webhook_stream_max_per_key` streams per key at once (429 beyond).

    Args:
        types (list[EventTypeName] | Unset):
        last_event_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | str
    """

    return sync_detailed(
        client=client,
        types=types,
        last_event_id=last_event_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    types: list[EventTypeName] | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,
) -> Response[ErrorBody | str]:
    """Stream events

     The organization's events as [Server-Sent Events](https://html.spec.whatwg.org/multipage/server-
    sent-events.html),
    as they commit: each is `id: <event id>` and `data: <the webhook envelope>` (`id`, `event`,
    `timestamp`, `delivered_at`, `organization_id`, `data`, `payload`, as `docs/webhooks.md`
    shows). Send `Last-Event-ID` to resume after that event without losing or repeating any;
    without it the stream starts with the next event. A comment line is sent as a heartbeat, and
    the stream ends after `webhook_stream_max_duration` (reconnect with `Last-Event-ID`). Needs
    `read:events`; only the types the key may read are sent, and asking for another is 403. At
    most `webhook_stream_max_per_key` streams per key at once (429 beyond).

    Args:
        types (list[EventTypeName] | Unset):
        last_event_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | str]
    """

    kwargs = _get_kwargs(
        types=types,
        last_event_id=last_event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    types: list[EventTypeName] | Unset = UNSET,
    last_event_id: None | str | Unset = UNSET,
) -> ErrorBody | str | None:
    """Stream events

     The organization's events as [Server-Sent Events](https://html.spec.whatwg.org/multipage/server-
    sent-events.html),
    as they commit: each is `id: <event id>` and `data: <the webhook envelope>` (`id`, `event`,
    `timestamp`, `delivered_at`, `organization_id`, `data`, `payload`, as `docs/webhooks.md`
    shows). Send `Last-Event-ID` to resume after that event without losing or repeating any;
    without it the stream starts with the next event. A comment line is sent as a heartbeat, and
    the stream ends after `webhook_stream_max_duration` (reconnect with `Last-Event-ID`). Needs
    `read:events`; only the types the key may read are sent, and asking for another is 403. At
    most `webhook_stream_max_per_key` streams per key at once (429 beyond).

    Args:
        types (list[EventTypeName] | Unset):
        last_event_id (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | str
    """

    return (
        await asyncio_detailed(
            client=client,
            types=types,
            last_event_id=last_event_id,
        )
    ).parsed
