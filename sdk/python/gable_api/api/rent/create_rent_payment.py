from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_rent_payment import CreateRentPayment
from ...models.error_body import ErrorBody
from ...models.rent_payment import RentPayment
from ...types import Response


def _get_kwargs(
    *,
    body: CreateRentPayment,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/rent-payments",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | RentPayment | None:
    if response.status_code == 201:
        response_201 = RentPayment.from_dict(response.json())

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

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

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
) -> Response[ErrorBody | RentPayment]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateRentPayment,
) -> Response[ErrorBody | RentPayment]:
    """Create a rent payment

     Applies the amount to the lease's open charges, oldest due date first (late fees included); each
    charge it completes becomes `paid` and writes `rent.paid` with `{payment_id, lease_id, amount_usd,
    period_label, paid_at}`. What is left becomes lease credit, which pays the next charges as the
    scheduler creates them. Writes `rent_payment.recorded`. Needs `write:rent`. Send `Idempotency-Key`
    to make retries safe.

    Args:
        body (CreateRentPayment):  Example: {'lease_id': 'lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5',
            'amount_usd': 1825, 'paid_at': '2026-05-25T15:42:14Z', 'method': 'ach'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | RentPayment]
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
    body: CreateRentPayment,
) -> ErrorBody | RentPayment | None:
    """Create a rent payment

     Applies the amount to the lease's open charges, oldest due date first (late fees included); each
    charge it completes becomes `paid` and writes `rent.paid` with `{payment_id, lease_id, amount_usd,
    period_label, paid_at}`. What is left becomes lease credit, which pays the next charges as the
    scheduler creates them. Writes `rent_payment.recorded`. Needs `write:rent`. Send `Idempotency-Key`
    to make retries safe.

    Args:
        body (CreateRentPayment):  Example: {'lease_id': 'lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5',
            'amount_usd': 1825, 'paid_at': '2026-05-25T15:42:14Z', 'method': 'ach'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | RentPayment
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateRentPayment,
) -> Response[ErrorBody | RentPayment]:
    """Create a rent payment

     Applies the amount to the lease's open charges, oldest due date first (late fees included); each
    charge it completes becomes `paid` and writes `rent.paid` with `{payment_id, lease_id, amount_usd,
    period_label, paid_at}`. What is left becomes lease credit, which pays the next charges as the
    scheduler creates them. Writes `rent_payment.recorded`. Needs `write:rent`. Send `Idempotency-Key`
    to make retries safe.

    Args:
        body (CreateRentPayment):  Example: {'lease_id': 'lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5',
            'amount_usd': 1825, 'paid_at': '2026-05-25T15:42:14Z', 'method': 'ach'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | RentPayment]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateRentPayment,
) -> ErrorBody | RentPayment | None:
    """Create a rent payment

     Applies the amount to the lease's open charges, oldest due date first (late fees included); each
    charge it completes becomes `paid` and writes `rent.paid` with `{payment_id, lease_id, amount_usd,
    period_label, paid_at}`. What is left becomes lease credit, which pays the next charges as the
    scheduler creates them. Writes `rent_payment.recorded`. Needs `write:rent`. Send `Idempotency-Key`
    to make retries safe.

    Args:
        body (CreateRentPayment):  Example: {'lease_id': 'lease_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5',
            'amount_usd': 1825, 'paid_at': '2026-05-25T15:42:14Z', 'method': 'ach'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | RentPayment
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
