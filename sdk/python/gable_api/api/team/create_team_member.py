from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_team_member import CreateTeamMember
from ...models.error_body import ErrorBody
from ...models.team_member import TeamMember
from ...types import Response


def _get_kwargs(
    *,
    body: CreateTeamMember,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/team",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorBody | TeamMember | None:
    if response.status_code == 201:
        response_201 = TeamMember.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorBody.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorBody.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = ErrorBody.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ErrorBody.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ErrorBody.from_dict(response.json())

        return response_415

    if response.status_code == 422:
        response_422 = ErrorBody.from_dict(response.json())

        return response_422

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
) -> Response[ErrorBody | TeamMember]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateTeamMember,
) -> Response[ErrorBody | TeamMember]:
    """Create a team member

     Writes a `team_member.created` event in the same transaction. Needs `write:team`. Send `Idempotency-
    Key` to make retries safe.

    Args:
        body (CreateTeamMember):  Example: {'name': 'Ava Stone', 'email': 'ava@example.com',
            'role': 'agent', 'commissionRate': 2.5}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | TeamMember]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: CreateTeamMember,
) -> ErrorBody | TeamMember | None:
    """Create a team member

     Writes a `team_member.created` event in the same transaction. Needs `write:team`. Send `Idempotency-
    Key` to make retries safe.

    Args:
        body (CreateTeamMember):  Example: {'name': 'Ava Stone', 'email': 'ava@example.com',
            'role': 'agent', 'commissionRate': 2.5}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | TeamMember
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateTeamMember,
) -> Response[ErrorBody | TeamMember]:
    """Create a team member

     Writes a `team_member.created` event in the same transaction. Needs `write:team`. Send `Idempotency-
    Key` to make retries safe.

    Args:
        body (CreateTeamMember):  Example: {'name': 'Ava Stone', 'email': 'ava@example.com',
            'role': 'agent', 'commissionRate': 2.5}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | TeamMember]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateTeamMember,
) -> ErrorBody | TeamMember | None:
    """Create a team member

     Writes a `team_member.created` event in the same transaction. Needs `write:team`. Send `Idempotency-
    Key` to make retries safe.

    Args:
        body (CreateTeamMember):  Example: {'name': 'Ava Stone', 'email': 'ava@example.com',
            'role': 'agent', 'commissionRate': 2.5}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | TeamMember
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
