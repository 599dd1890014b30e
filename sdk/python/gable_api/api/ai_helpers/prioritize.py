from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.prioritize_request import PrioritizeRequest
from ...models.prioritized import Prioritized
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: None | PrioritizeRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/ai-delinquency-prioritizer",
    }

    if isinstance(body, PrioritizeRequest):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | Prioritized | None:
    if response.status_code == 200:
        response_200 = Prioritized.from_dict(response.json())

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
) -> Response[ErrorBody | Prioritized]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: None | PrioritizeRequest | Unset = UNSET,
) -> Response[ErrorBody | Prioritized]:
    """Prioritize delinquent tenants

     Ranks every lease with an open balance (as of `as_of`, default today) by balance, days
    late, payment history (late periods and payments in the last 12 months) and payment-plan
    status, gives the reasons for each rank, and writes a summary: by the configured model
    (`ai_url`), or the built-in writer; `summary_source` says which. The body may be empty.
    Limited to 10 calls per hour per key (429 with `Retry-After`). Needs `read:rent`.

    Args:
        body (None | PrioritizeRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Prioritized]
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
    body: None | PrioritizeRequest | Unset = UNSET,
) -> ErrorBody | Prioritized | None:
    """Prioritize delinquent tenants

     Ranks every lease with an open balance (as of `as_of`, default today) by balance, days
    late, payment history (late periods and payments in the last 12 months) and payment-plan
    status, gives the reasons for each rank, and writes a summary: by the configured model
    (`ai_url`), or the built-in writer; `summary_source` says which. The body may be empty.
    Limited to 10 calls per hour per key (429 with `Retry-After`). Needs `read:rent`.

    Args:
        body (None | PrioritizeRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Prioritized
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: None | PrioritizeRequest | Unset = UNSET,
) -> Response[ErrorBody | Prioritized]:
    """Prioritize delinquent tenants

     Ranks every lease with an open balance (as of `as_of`, default today) by balance, days
    late, payment history (late periods and payments in the last 12 months) and payment-plan
    status, gives the reasons for each rank, and writes a summary: by the configured model
    (`ai_url`), or the built-in writer; `summary_source` says which. The body may be empty.
    Limited to 10 calls per hour per key (429 with `Retry-After`). Needs `read:rent`.

    Args:
        body (None | PrioritizeRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | Prioritized]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: None | PrioritizeRequest | Unset = UNSET,
) -> ErrorBody | Prioritized | None:
    """Prioritize delinquent tenants

     Ranks every lease with an open balance (as of `as_of`, default today) by balance, days
    late, payment history (late periods and payments in the last 12 months) and payment-plan
    status, gives the reasons for each rank, and writes a summary: by the configured model
    (`ai_url`), or the built-in writer; `summary_source` says which. The body may be empty.
    Limited to 10 calls per hour per key (429 with `Retry-After`). Needs `read:rent`.

    Args:
        body (None | PrioritizeRequest | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | Prioritized
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
