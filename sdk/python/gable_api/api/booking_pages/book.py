from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.booking import Booking
from ...models.booking_request import BookingRequest
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs(
    org_slug: str,
    slug: str,
    *,
    body: BookingRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/book/{org_slug}/{slug}".format(
            org_slug=quote(str(org_slug), safe=""),
            slug=quote(str(slug), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Booking | ErrorBody | None:
    if response.status_code == 201:
        response_201 = Booking.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 403:
        response_403 = ErrorBody.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorBody.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = ErrorBody.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Booking | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org_slug: str,
    slug: str,
    *,
    client: AuthenticatedClient,
    body: BookingRequest,
) -> Response[Booking | ErrorBody]:
    """Book a time

     No authentication. Books `startAt`, one of the page's free `slots`, in one transaction: a
    lead (`source` "booking", assigned to the member, with the link's property) and a showing of
    the link's duration for it with the member. 400 naming `startAt` when it is not a start
    time the page offers (past, outside business hours, off the grid); 409 `DOUBLE_BOOKED` when
    the member has been booked at that time meanwhile (naming no showing or member). Writes
    `lead.created` and `showing.created`. Same rate limit and plan rule as the page.

    Args:
        org_slug (str):
        slug (str):
        body (BookingRequest): A booking request from the public page. Example: {'name': 'Jane
            Doe', 'email': 'jane@example.com', 'phone': '+1-555-0200', 'message': 'Is the garden
            south-facing?', 'startAt': '2025-01-20T10:30:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Booking | ErrorBody]
    """

    kwargs = _get_kwargs(
        org_slug=org_slug,
        slug=slug,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org_slug: str,
    slug: str,
    *,
    client: AuthenticatedClient,
    body: BookingRequest,
) -> Booking | ErrorBody | None:
    """Book a time

     No authentication. Books `startAt`, one of the page's free `slots`, in one transaction: a
    lead (`source` "booking", assigned to the member, with the link's property) and a showing of
    the link's duration for it with the member. 400 naming `startAt` when it is not a start
    time the page offers (past, outside business hours, off the grid); 409 `DOUBLE_BOOKED` when
    the member has been booked at that time meanwhile (naming no showing or member). Writes
    `lead.created` and `showing.created`. Same rate limit and plan rule as the page.

    Args:
        org_slug (str):
        slug (str):
        body (BookingRequest): A booking request from the public page. Example: {'name': 'Jane
            Doe', 'email': 'jane@example.com', 'phone': '+1-555-0200', 'message': 'Is the garden
            south-facing?', 'startAt': '2025-01-20T10:30:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Booking | ErrorBody
    """

    return sync_detailed(
        org_slug=org_slug,
        slug=slug,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    org_slug: str,
    slug: str,
    *,
    client: AuthenticatedClient,
    body: BookingRequest,
) -> Response[Booking | ErrorBody]:
    """Book a time

     No authentication. Books `startAt`, one of the page's free `slots`, in one transaction: a
    lead (`source` "booking", assigned to the member, with the link's property) and a showing of
    the link's duration for it with the member. 400 naming `startAt` when it is not a start
    time the page offers (past, outside business hours, off the grid); 409 `DOUBLE_BOOKED` when
    the member has been booked at that time meanwhile (naming no showing or member). Writes
    `lead.created` and `showing.created`. Same rate limit and plan rule as the page.

    Args:
        org_slug (str):
        slug (str):
        body (BookingRequest): A booking request from the public page. Example: {'name': 'Jane
            Doe', 'email': 'jane@example.com', 'phone': '+1-555-0200', 'message': 'Is the garden
            south-facing?', 'startAt': '2025-01-20T10:30:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Booking | ErrorBody]
    """

    kwargs = _get_kwargs(
        org_slug=org_slug,
        slug=slug,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_slug: str,
    slug: str,
    *,
    client: AuthenticatedClient,
    body: BookingRequest,
) -> Booking | ErrorBody | None:
    """Book a time

     No authentication. Books `startAt`, one of the page's free `slots`, in one transaction: a
    lead (`source` "booking", assigned to the member, with the link's property) and a showing of
    the link's duration for it with the member. 400 naming `startAt` when it is not a start
    time the page offers (past, outside business hours, off the grid); 409 `DOUBLE_BOOKED` when
    the member has been booked at that time meanwhile (naming no showing or member). Writes
    `lead.created` and `showing.created`. Same rate limit and plan rule as the page.

    Args:
        org_slug (str):
        slug (str):
        body (BookingRequest): A booking request from the public page. Example: {'name': 'Jane
            Doe', 'email': 'jane@example.com', 'phone': '+1-555-0200', 'message': 'Is the garden
            south-facing?', 'startAt': '2025-01-20T10:30:00Z'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Booking | ErrorBody
    """

    return (
        await asyncio_detailed(
            org_slug=org_slug,
            slug=slug,
            client=client,
            body=body,
        )
    ).parsed
