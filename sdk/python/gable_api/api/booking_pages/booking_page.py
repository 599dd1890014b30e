from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.booking_page import BookingPage
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs(
    org_slug: str,
    slug: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/book/{org_slug}/{slug}".format(
            org_slug=quote(str(org_slug), safe=""),
            slug=quote(str(slug), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BookingPage | ErrorBody | None:
    if response.status_code == 200:
        response_200 = BookingPage.from_dict(response.json())

        return response_200

    if response.status_code == 403:
        response_403 = ErrorBody.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorBody.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BookingPage | ErrorBody]:
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
) -> Response[BookingPage | ErrorBody]:
    """Booking page

     No authentication. The link's title, description and duration, the team member's name, and
    the free start times (`slots`). Inactive links and unknown organizations or links are 404.
    Each client IP may make `public_per_ip_per_minute` requests a minute to an organization's
    booking pages (with the `X-RateLimit-*` headers); the organization's plan must include the
    API. An unknown organization gets the same 404 as an unknown link.

    Args:
        org_slug (str):
        slug (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingPage | ErrorBody]
    """

    kwargs = _get_kwargs(
        org_slug=org_slug,
        slug=slug,
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
) -> BookingPage | ErrorBody | None:
    """Booking page

     No authentication. The link's title, description and duration, the team member's name, and
    the free start times (`slots`). Inactive links and unknown organizations or links are 404.
    Each client IP may make `public_per_ip_per_minute` requests a minute to an organization's
    booking pages (with the `X-RateLimit-*` headers); the organization's plan must include the
    API. An unknown organization gets the same 404 as an unknown link.

    Args:
        org_slug (str):
        slug (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingPage | ErrorBody
    """

    return sync_detailed(
        org_slug=org_slug,
        slug=slug,
        client=client,
    ).parsed


async def asyncio_detailed(
    org_slug: str,
    slug: str,
    *,
    client: AuthenticatedClient,
) -> Response[BookingPage | ErrorBody]:
    """Booking page

     No authentication. The link's title, description and duration, the team member's name, and
    the free start times (`slots`). Inactive links and unknown organizations or links are 404.
    Each client IP may make `public_per_ip_per_minute` requests a minute to an organization's
    booking pages (with the `X-RateLimit-*` headers); the organization's plan must include the
    API. An unknown organization gets the same 404 as an unknown link.

    Args:
        org_slug (str):
        slug (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BookingPage | ErrorBody]
    """

    kwargs = _get_kwargs(
        org_slug=org_slug,
        slug=slug,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_slug: str,
    slug: str,
    *,
    client: AuthenticatedClient,
) -> BookingPage | ErrorBody | None:
    """Booking page

     No authentication. The link's title, description and duration, the team member's name, and
    the free start times (`slots`). Inactive links and unknown organizations or links are 404.
    Each client IP may make `public_per_ip_per_minute` requests a minute to an organization's
    booking pages (with the `X-RateLimit-*` headers); the organization's plan must include the
    API. An unknown organization gets the same 404 as an unknown link.

    Args:
        org_slug (str):
        slug (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BookingPage | ErrorBody
    """

    return (
        await asyncio_detailed(
            org_slug=org_slug,
            slug=slug,
            client=client,
        )
    ).parsed
