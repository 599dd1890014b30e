from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.lead import Lead
from ...models.lead_status import LeadStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    status: LeadStatus | Unset = UNSET,
    source: str | Unset = UNSET,
    assigned_to_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["startingAfter"] = starting_after

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["source"] = source

    params["assignedToId"] = assigned_to_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/leads",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorBody | list[Lead] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Lead.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | list[Lead]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    status: LeadStatus | Unset = UNSET,
    source: str | Unset = UNSET,
    assigned_to_id: str | Unset = UNSET,
) -> Response[ErrorBody | list[Lead]]:
    """List leads

     The organization's leads, newest first. Filters combine with AND. The body is a bare array; when
    there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:leads`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        status (LeadStatus | Unset):
        source (str | Unset):
        assigned_to_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[Lead]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        status=status,
        source=source,
        assigned_to_id=assigned_to_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    status: LeadStatus | Unset = UNSET,
    source: str | Unset = UNSET,
    assigned_to_id: str | Unset = UNSET,
) -> ErrorBody | list[Lead] | None:
    """List leads

     The organization's leads, newest first. Filters combine with AND. The body is a bare array; when
    there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:leads`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        status (LeadStatus | Unset):
        source (str | Unset):
        assigned_to_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[Lead]
    """

    return sync_detailed(
        client=client,
        limit=limit,
        starting_after=starting_after,
        status=status,
        source=source,
        assigned_to_id=assigned_to_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    status: LeadStatus | Unset = UNSET,
    source: str | Unset = UNSET,
    assigned_to_id: str | Unset = UNSET,
) -> Response[ErrorBody | list[Lead]]:
    """List leads

     The organization's leads, newest first. Filters combine with AND. The body is a bare array; when
    there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:leads`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        status (LeadStatus | Unset):
        source (str | Unset):
        assigned_to_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[Lead]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        status=status,
        source=source,
        assigned_to_id=assigned_to_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    status: LeadStatus | Unset = UNSET,
    source: str | Unset = UNSET,
    assigned_to_id: str | Unset = UNSET,
) -> ErrorBody | list[Lead] | None:
    """List leads

     The organization's leads, newest first. Filters combine with AND. The body is a bare array; when
    there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:leads`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        status (LeadStatus | Unset):
        source (str | Unset):
        assigned_to_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[Lead]
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            starting_after=starting_after,
            status=status,
            source=source,
            assigned_to_id=assigned_to_id,
        )
    ).parsed
