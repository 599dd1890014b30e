import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.dashboard import Dashboard
from ...models.error_body import ErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    as_of: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/dashboard",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Dashboard | ErrorBody | None:
    if response.status_code == 200:
        response_200 = Dashboard.from_dict(response.json())

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
) -> Response[Dashboard | ErrorBody]:
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
) -> Response[Dashboard | ErrorBody]:
    """Dashboard

     This month's figures (the month of `as_of`, default today): occupancy (units, occupied,
    rate), rent charged (charges due this month) and collected (payments made this month),
    outstanding AR by bucket, open work orders, expenses, and NOI (rent collected − operating
    expenses, i.e. expenses other than capital improvements). Needs `read:dashboard`.

    Args:
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dashboard | ErrorBody]
    """

    kwargs = _get_kwargs(
        as_of=as_of,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | Unset = UNSET,
) -> Dashboard | ErrorBody | None:
    """Dashboard

     This month's figures (the month of `as_of`, default today): occupancy (units, occupied,
    rate), rent charged (charges due this month) and collected (payments made this month),
    outstanding AR by bucket, open work orders, expenses, and NOI (rent collected − operating
    expenses, i.e. expenses other than capital improvements). Needs `read:dashboard`.

    Args:
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dashboard | ErrorBody
    """

    return sync_detailed(
        client=client,
        as_of=as_of,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | Unset = UNSET,
) -> Response[Dashboard | ErrorBody]:
    """Dashboard

     This month's figures (the month of `as_of`, default today): occupancy (units, occupied,
    rate), rent charged (charges due this month) and collected (payments made this month),
    outstanding AR by bucket, open work orders, expenses, and NOI (rent collected − operating
    expenses, i.e. expenses other than capital improvements). Needs `read:dashboard`.

    Args:
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Dashboard | ErrorBody]
    """

    kwargs = _get_kwargs(
        as_of=as_of,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    as_of: datetime.date | Unset = UNSET,
) -> Dashboard | ErrorBody | None:
    """Dashboard

     This month's figures (the month of `as_of`, default today): occupancy (units, occupied,
    rate), rent charged (charges due this month) and collected (payments made this month),
    outstanding AR by bucket, open work orders, expenses, and NOI (rent collected − operating
    expenses, i.e. expenses other than capital improvements). Needs `read:dashboard`.

    Args:
        as_of (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Dashboard | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            as_of=as_of,
        )
    ).parsed
