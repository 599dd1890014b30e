import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.call import Call
from ...models.direction import Direction
from ...models.error_body import ErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    direction: Direction | Unset = UNSET,
    team_member_id: str | Unset = UNSET,
    contact_id: str | Unset = UNSET,
    lead_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["startingAfter"] = starting_after

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction.value

    params["direction"] = json_direction

    params["teamMemberId"] = team_member_id

    params["contactId"] = contact_id

    params["leadId"] = lead_id

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/calls",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorBody | list[Call] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Call.from_dict(response_200_item_data)

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
) -> Response[ErrorBody | list[Call]]:
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
    direction: Direction | Unset = UNSET,
    team_member_id: str | Unset = UNSET,
    contact_id: str | Unset = UNSET,
    lead_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
) -> Response[ErrorBody | list[Call]]:
    """List calls

     The organization's calls, newest first. Filters combine with AND. The body is a bare array; when
    there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:calls`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        direction (Direction | Unset): Who placed the call.
        team_member_id (str | Unset):
        contact_id (str | Unset):
        lead_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[Call]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        direction=direction,
        team_member_id=team_member_id,
        contact_id=contact_id,
        lead_id=lead_id,
        from_=from_,
        to=to,
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
    direction: Direction | Unset = UNSET,
    team_member_id: str | Unset = UNSET,
    contact_id: str | Unset = UNSET,
    lead_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
) -> ErrorBody | list[Call] | None:
    """List calls

     The organization's calls, newest first. Filters combine with AND. The body is a bare array; when
    there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:calls`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        direction (Direction | Unset): Who placed the call.
        team_member_id (str | Unset):
        contact_id (str | Unset):
        lead_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[Call]
    """

    return sync_detailed(
        client=client,
        limit=limit,
        starting_after=starting_after,
        direction=direction,
        team_member_id=team_member_id,
        contact_id=contact_id,
        lead_id=lead_id,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    direction: Direction | Unset = UNSET,
    team_member_id: str | Unset = UNSET,
    contact_id: str | Unset = UNSET,
    lead_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
) -> Response[ErrorBody | list[Call]]:
    """List calls

     The organization's calls, newest first. Filters combine with AND. The body is a bare array; when
    there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:calls`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        direction (Direction | Unset): Who placed the call.
        team_member_id (str | Unset):
        contact_id (str | Unset):
        lead_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[Call]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        direction=direction,
        team_member_id=team_member_id,
        contact_id=contact_id,
        lead_id=lead_id,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    direction: Direction | Unset = UNSET,
    team_member_id: str | Unset = UNSET,
    contact_id: str | Unset = UNSET,
    lead_id: str | Unset = UNSET,
    from_: datetime.datetime | Unset = UNSET,
    to: datetime.datetime | Unset = UNSET,
) -> ErrorBody | list[Call] | None:
    """List calls

     The organization's calls, newest first. Filters combine with AND. The body is a bare array; when
    there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:calls`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        direction (Direction | Unset): Who placed the call.
        team_member_id (str | Unset):
        contact_id (str | Unset):
        lead_id (str | Unset):
        from_ (datetime.datetime | Unset):
        to (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[Call]
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            starting_after=starting_after,
            direction=direction,
            team_member_id=team_member_id,
            contact_id=contact_id,
            lead_id=lead_id,
            from_=from_,
            to=to,
        )
    ).parsed
