from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.deleted import Deleted
from ...models.error_body import ErrorBody
from ...models.expense import Expense
from ...models.expense_action_type_0 import ExpenseActionType0
from ...models.expense_action_type_1 import ExpenseActionType1
from ...models.expense_action_type_2 import ExpenseActionType2
from ...types import Response


def _get_kwargs(
    *,
    body: ExpenseActionType0 | ExpenseActionType1 | ExpenseActionType2,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/expenses",
    }

    if isinstance(body, ExpenseActionType0):
        _kwargs["json"] = body.to_dict()
    elif isinstance(body, ExpenseActionType1):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Deleted | Expense | ErrorBody | Expense | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> Deleted | Expense:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_entry_or_deleted_type_0 = Expense.from_dict(data)

                return componentsschemas_entry_or_deleted_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_entry_or_deleted_type_1 = Deleted.from_dict(data)

            return componentsschemas_entry_or_deleted_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = Expense.from_dict(response.json())

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
) -> Response[Deleted | Expense | ErrorBody | Expense]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ExpenseActionType0 | ExpenseActionType1 | ExpenseActionType2,
) -> Response[Deleted | Expense | ErrorBody | Expense]:
    """Add, change or delete an expense entry

     `{"action": "add_entry", …}` adds an entry (201, the entry; `expense.created`).
    `{"action": "update_entry", "id": "exp_…", …}` changes the fields sent (200, the entry;
    `expense.updated` when something changed). `{"action": "delete_entry", "id": "exp_…"}`
    deletes it (200, `{"id", "deleted": true}`; `expense.deleted`). Needs `write:expenses`.

    Args:
        body (ExpenseActionType0 | ExpenseActionType1 | ExpenseActionType2): An entry and what to
            do with it: `action` selects the shape.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Deleted | Expense | ErrorBody | Expense]
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
    body: ExpenseActionType0 | ExpenseActionType1 | ExpenseActionType2,
) -> Deleted | Expense | ErrorBody | Expense | None:
    """Add, change or delete an expense entry

     `{"action": "add_entry", …}` adds an entry (201, the entry; `expense.created`).
    `{"action": "update_entry", "id": "exp_…", …}` changes the fields sent (200, the entry;
    `expense.updated` when something changed). `{"action": "delete_entry", "id": "exp_…"}`
    deletes it (200, `{"id", "deleted": true}`; `expense.deleted`). Needs `write:expenses`.

    Args:
        body (ExpenseActionType0 | ExpenseActionType1 | ExpenseActionType2): An entry and what to
            do with it: `action` selects the shape.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Deleted | Expense | ErrorBody | Expense
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ExpenseActionType0 | ExpenseActionType1 | ExpenseActionType2,
) -> Response[Deleted | Expense | ErrorBody | Expense]:
    """Add, change or delete an expense entry

     `{"action": "add_entry", …}` adds an entry (201, the entry; `expense.created`).
    `{"action": "update_entry", "id": "exp_…", …}` changes the fields sent (200, the entry;
    `expense.updated` when something changed). `{"action": "delete_entry", "id": "exp_…"}`
    deletes it (200, `{"id", "deleted": true}`; `expense.deleted`). Needs `write:expenses`.

    Args:
        body (ExpenseActionType0 | ExpenseActionType1 | ExpenseActionType2): An entry and what to
            do with it: `action` selects the shape.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Deleted | Expense | ErrorBody | Expense]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ExpenseActionType0 | ExpenseActionType1 | ExpenseActionType2,
) -> Deleted | Expense | ErrorBody | Expense | None:
    """Add, change or delete an expense entry

     `{"action": "add_entry", …}` adds an entry (201, the entry; `expense.created`).
    `{"action": "update_entry", "id": "exp_…", …}` changes the fields sent (200, the entry;
    `expense.updated` when something changed). `{"action": "delete_entry", "id": "exp_…"}`
    deletes it (200, `{"id", "deleted": true}`; `expense.deleted`). Needs `write:expenses`.

    Args:
        body (ExpenseActionType0 | ExpenseActionType1 | ExpenseActionType2): An entry and what to
            do with it: `action` selects the shape.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Deleted | Expense | ErrorBody | Expense
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
