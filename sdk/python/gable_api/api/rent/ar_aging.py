import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.aging import Aging
from ...models.error_body import ErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    as_of: datetime.date | Unset = UNSET,
    property_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    params["property_id"] = property_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/ar-aging",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Aging | ErrorBody | None:
    if response.status_code == 200:
        response_200 = Aging.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Aging | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | Unset = UNSET,
    property_id: str | Unset = UNSET,
) -> Response[Aging | ErrorBody]:
    """AR aging

     Every open charge due on or before `as_of` (default today): tenant, property, unit, the
    open balance in dollars (`amount`, late fees included), due date and days late; and
    totals by days past due (`0-30`, `31-60`, `61-90`, `90+`, `total`). `property_id` limits
    it to one property. Needs `read:rent`.

    Args:
        as_of (datetime.date | Unset):
        property_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Aging | ErrorBody]
    """

    kwargs = _get_kwargs(
        as_of=as_of,
        property_id=property_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | Unset = UNSET,
    property_id: str | Unset = UNSET,
) -> Aging | ErrorBody | None:
    """AR aging

     Every open charge due on or before `as_of` (default today): tenant, property, unit, the
    open balance in dollars (`amount`, late fees included), due date and days late; and
    totals by days past due (`0-30`, `31-60`, `61-90`, `90+`, `total`). `property_id` limits
    it to one property. Needs `read:rent`.

    Args:
        as_of (datetime.date | Unset):
        property_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Aging | ErrorBody
    """

    return sync_detailed(
        client=client,
        as_of=as_of,
        property_id=property_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | Unset = UNSET,
    property_id: str | Unset = UNSET,
) -> Response[Aging | ErrorBody]:
    """AR aging

     Every open charge due on or before `as_of` (default today): tenant, property, unit, the
    open balance in dollars (`amount`, late fees included), due date and days late; and
    totals by days past due (`0-30`, `31-60`, `61-90`, `90+`, `total`). `property_id` limits
    it to one property. Needs `read:rent`.

    Args:
        as_of (datetime.date | Unset):
        property_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Aging | ErrorBody]
    """

    kwargs = _get_kwargs(
        as_of=as_of,
        property_id=property_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | Unset = UNSET,
    property_id: str | Unset = UNSET,
) -> Aging | ErrorBody | None:
    """AR aging

     Every open charge due on or before `as_of` (default today): tenant, property, unit, the
    open balance in dollars (`amount`, late fees included), due date and days late; and
    totals by days past due (`0-30`, `31-60`, `61-90`, `90+`, `total`). `property_id` limits
    it to one property. Needs `read:rent`.

    Args:
        as_of (datetime.date | Unset):
        property_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Aging | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            as_of=as_of,
            property_id=property_id,
        )
    ).parsed
