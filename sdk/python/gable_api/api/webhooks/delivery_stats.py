from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.delivery_stats import DeliveryStats
from ...models.error_body import ErrorBody
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    endpoint_id: str | Unset = UNSET,
    days: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["endpointId"] = endpoint_id

    params["days"] = days

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/webhook-deliveries/stats",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DeliveryStats | ErrorBody | None:
    if response.status_code == 200:
        response_200 = DeliveryStats.from_dict(response.json())

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
) -> Response[DeliveryStats | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    endpoint_id: str | Unset = UNSET,
    days: int | Unset = UNSET,
) -> Response[DeliveryStats | ErrorBody]:
    """Delivery statistics

     How many deliveries succeeded, failed and are pending, per day (UTC) and in all, over the
    last `days` days (default 7), for every endpoint or one. Needs `read:webhooks`.

    Args:
        endpoint_id (str | Unset):
        days (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryStats | ErrorBody]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        days=days,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    endpoint_id: str | Unset = UNSET,
    days: int | Unset = UNSET,
) -> DeliveryStats | ErrorBody | None:
    """Delivery statistics

     How many deliveries succeeded, failed and are pending, per day (UTC) and in all, over the
    last `days` days (default 7), for every endpoint or one. Needs `read:webhooks`.

    Args:
        endpoint_id (str | Unset):
        days (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryStats | ErrorBody
    """

    return sync_detailed(
        client=client,
        endpoint_id=endpoint_id,
        days=days,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    endpoint_id: str | Unset = UNSET,
    days: int | Unset = UNSET,
) -> Response[DeliveryStats | ErrorBody]:
    """Delivery statistics

     How many deliveries succeeded, failed and are pending, per day (UTC) and in all, over the
    last `days` days (default 7), for every endpoint or one. Needs `read:webhooks`.

    Args:
        endpoint_id (str | Unset):
        days (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DeliveryStats | ErrorBody]
    """

    kwargs = _get_kwargs(
        endpoint_id=endpoint_id,
        days=days,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    endpoint_id: str | Unset = UNSET,
    days: int | Unset = UNSET,
) -> DeliveryStats | ErrorBody | None:
    """Delivery statistics

     How many deliveries succeeded, failed and are pending, per day (UTC) and in all, over the
    last `days` days (default 7), for every endpoint or one. Needs `read:webhooks`.

    Args:
        endpoint_id (str | Unset):
        days (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DeliveryStats | ErrorBody
    """

    return (
        await asyncio_detailed(
            client=client,
            endpoint_id=endpoint_id,
            days=days,
        )
    ).parsed
