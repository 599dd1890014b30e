import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.task import Task
from ...models.task_priority import TaskPriority
from ...models.task_status import TaskStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    status: TaskStatus | Unset = UNSET,
    assigned_to_id: str | Unset = UNSET,
    priority: TaskPriority | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["startingAfter"] = starting_after

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["assignedToId"] = assigned_to_id

    json_priority: str | Unset = UNSET
    if not isinstance(priority, Unset):
        json_priority = priority.value

    params["priority"] = json_priority

    json_due_before: str | Unset = UNSET
    if not isinstance(due_before, Unset):
        json_due_before = due_before.isoformat()
    params["dueBefore"] = json_due_before

    json_due_after: str | Unset = UNSET
    if not isinstance(due_after, Unset):
        json_due_after = due_after.isoformat()
    params["dueAfter"] = json_due_after

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/tasks",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorBody | list[Task] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Task.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[ErrorBody | list[Task]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    status: TaskStatus | Unset = UNSET,
    assigned_to_id: str | Unset = UNSET,
    priority: TaskPriority | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
) -> Response[ErrorBody | list[Task]]:
    """List tasks

     The organization's tasks, newest first. Filters combine with AND. The body is a bare array; when
    there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:tasks`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        status (TaskStatus | Unset):
        assigned_to_id (str | Unset):
        priority (TaskPriority | Unset):
        due_before (datetime.datetime | Unset):
        due_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[Task]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        status=status,
        assigned_to_id=assigned_to_id,
        priority=priority,
        due_before=due_before,
        due_after=due_after,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    status: TaskStatus | Unset = UNSET,
    assigned_to_id: str | Unset = UNSET,
    priority: TaskPriority | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
) -> ErrorBody | list[Task] | None:
    """List tasks

     The organization's tasks, newest first. Filters combine with AND. The body is a bare array; when
    there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:tasks`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        status (TaskStatus | Unset):
        assigned_to_id (str | Unset):
        priority (TaskPriority | Unset):
        due_before (datetime.datetime | Unset):
        due_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[Task]
    """

    return sync_detailed(
        client=client,
        limit=limit,
        starting_after=starting_after,
        status=status,
        assigned_to_id=assigned_to_id,
        priority=priority,
        due_before=due_before,
        due_after=due_after,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    status: TaskStatus | Unset = UNSET,
    assigned_to_id: str | Unset = UNSET,
    priority: TaskPriority | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
) -> Response[ErrorBody | list[Task]]:
    """List tasks

     The organization's tasks, newest first. Filters combine with AND. The body is a bare array; when
    there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:tasks`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        status (TaskStatus | Unset):
        assigned_to_id (str | Unset):
        priority (TaskPriority | Unset):
        due_before (datetime.datetime | Unset):
        due_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[Task]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        status=status,
        assigned_to_id=assigned_to_id,
        priority=priority,
        due_before=due_before,
        due_after=due_after,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    status: TaskStatus | Unset = UNSET,
    assigned_to_id: str | Unset = UNSET,
    priority: TaskPriority | Unset = UNSET,
    due_before: datetime.datetime | Unset = UNSET,
    due_after: datetime.datetime | Unset = UNSET,
) -> ErrorBody | list[Task] | None:
    """List tasks

     The organization's tasks, newest first. Filters combine with AND. The body is a bare array; when
    there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:tasks`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        status (TaskStatus | Unset):
        assigned_to_id (str | Unset):
        priority (TaskPriority | Unset):
        due_before (datetime.datetime | Unset):
        due_after (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[Task]
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            starting_after=starting_after,
            status=status,
            assigned_to_id=assigned_to_id,
            priority=priority,
            due_before=due_before,
            due_after=due_after,
        )
    ).parsed
