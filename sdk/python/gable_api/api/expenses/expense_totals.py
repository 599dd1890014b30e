import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.expense_totals import ExpenseTotals
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    property_id: str | Unset = UNSET,
    category_id: str | Unset = UNSET,
    unit_id: str | Unset = UNSET,
    vendor_id: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["property_id"] = property_id

    params["category_id"] = category_id

    params["unit_id"] = unit_id

    params["vendor_id"] = vendor_id

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
        "url": "/api/expenses/totals",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | ExpenseTotals | None:
    if response.status_code == 200:
        response_200 = ExpenseTotals.from_dict(response.json())

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
) -> Response[ErrorBody | ExpenseTotals]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    property_id: str | Unset = UNSET,
    category_id: str | Unset = UNSET,
    unit_id: str | Unset = UNSET,
    vendor_id: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Response[ErrorBody | ExpenseTotals]:
    """Expense totals

     The total and count of the expenses the filters select (the same filters as
    `GET /api/expenses`, e.g. `?property_id=…&from=2026-01-01&to=2026-12-31`), overall and by
    category. Needs `read:expenses`.

    Args:
        property_id (str | Unset):
        category_id (str | Unset):
        unit_id (str | Unset):
        vendor_id (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ExpenseTotals]
    """

    kwargs = _get_kwargs(
        property_id=property_id,
        category_id=category_id,
        unit_id=unit_id,
        vendor_id=vendor_id,
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
    property_id: str | Unset = UNSET,
    category_id: str | Unset = UNSET,
    unit_id: str | Unset = UNSET,
    vendor_id: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> ErrorBody | ExpenseTotals | None:
    """Expense totals

     The total and count of the expenses the filters select (the same filters as
    `GET /api/expenses`, e.g. `?property_id=…&from=2026-01-01&to=2026-12-31`), overall and by
    category. Needs `read:expenses`.

    Args:
        property_id (str | Unset):
        category_id (str | Unset):
        unit_id (str | Unset):
        vendor_id (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ExpenseTotals
    """

    return sync_detailed(
        client=client,
        property_id=property_id,
        category_id=category_id,
        unit_id=unit_id,
        vendor_id=vendor_id,
        from_=from_,
        to=to,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    property_id: str | Unset = UNSET,
    category_id: str | Unset = UNSET,
    unit_id: str | Unset = UNSET,
    vendor_id: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> Response[ErrorBody | ExpenseTotals]:
    """Expense totals

     The total and count of the expenses the filters select (the same filters as
    `GET /api/expenses`, e.g. `?property_id=…&from=2026-01-01&to=2026-12-31`), overall and by
    category. Needs `read:expenses`.

    Args:
        property_id (str | Unset):
        category_id (str | Unset):
        unit_id (str | Unset):
        vendor_id (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | ExpenseTotals]
    """

    kwargs = _get_kwargs(
        property_id=property_id,
        category_id=category_id,
        unit_id=unit_id,
        vendor_id=vendor_id,
        from_=from_,
        to=to,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    property_id: str | Unset = UNSET,
    category_id: str | Unset = UNSET,
    unit_id: str | Unset = UNSET,
    vendor_id: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
) -> ErrorBody | ExpenseTotals | None:
    """Expense totals

     The total and count of the expenses the filters select (the same filters as
    `GET /api/expenses`, e.g. `?property_id=…&from=2026-01-01&to=2026-12-31`), overall and by
    category. Needs `read:expenses`.

    Args:
        property_id (str | Unset):
        category_id (str | Unset):
        unit_id (str | Unset):
        vendor_id (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | ExpenseTotals
    """

    return (
        await asyncio_detailed(
            client=client,
            property_id=property_id,
            category_id=category_id,
            unit_id=unit_id,
            vendor_id=vendor_id,
            from_=from_,
            to=to,
        )
    ).parsed
