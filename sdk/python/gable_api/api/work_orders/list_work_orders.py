from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.work_order import WorkOrder
from ...models.work_order_priority import WorkOrderPriority
from ...models.work_order_status import WorkOrderStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    unit_id: str | Unset = UNSET,
    property_id: str | Unset = UNSET,
    status: WorkOrderStatus | Unset = UNSET,
    vendor_id: str | Unset = UNSET,
    priority: WorkOrderPriority | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["startingAfter"] = starting_after

    params["unit_id"] = unit_id

    params["property_id"] = property_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["vendor_id"] = vendor_id

    json_priority: str | Unset = UNSET
    if not isinstance(priority, Unset):
        json_priority = priority.value

    params["priority"] = json_priority

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/work-orders",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | list[WorkOrder] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = WorkOrder.from_dict(response_200_item_data)

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
) -> Response[ErrorBody | list[WorkOrder]]:
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
    unit_id: str | Unset = UNSET,
    property_id: str | Unset = UNSET,
    status: WorkOrderStatus | Unset = UNSET,
    vendor_id: str | Unset = UNSET,
    priority: WorkOrderPriority | Unset = UNSET,
) -> Response[ErrorBody | list[WorkOrder]]:
    """List work orders

     The organization's work orders, newest first. Filters combine with AND. The body is a bare array;
    when there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:work_orders`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        unit_id (str | Unset):
        property_id (str | Unset):
        status (WorkOrderStatus | Unset):
        vendor_id (str | Unset):
        priority (WorkOrderPriority | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[WorkOrder]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        unit_id=unit_id,
        property_id=property_id,
        status=status,
        vendor_id=vendor_id,
        priority=priority,
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
    unit_id: str | Unset = UNSET,
    property_id: str | Unset = UNSET,
    status: WorkOrderStatus | Unset = UNSET,
    vendor_id: str | Unset = UNSET,
    priority: WorkOrderPriority | Unset = UNSET,
) -> ErrorBody | list[WorkOrder] | None:
    """List work orders

     The organization's work orders, newest first. Filters combine with AND. The body is a bare array;
    when there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:work_orders`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        unit_id (str | Unset):
        property_id (str | Unset):
        status (WorkOrderStatus | Unset):
        vendor_id (str | Unset):
        priority (WorkOrderPriority | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[WorkOrder]
    """

    return sync_detailed(
        client=client,
        limit=limit,
        starting_after=starting_after,
        unit_id=unit_id,
        property_id=property_id,
        status=status,
        vendor_id=vendor_id,
        priority=priority,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    unit_id: str | Unset = UNSET,
    property_id: str | Unset = UNSET,
    status: WorkOrderStatus | Unset = UNSET,
    vendor_id: str | Unset = UNSET,
    priority: WorkOrderPriority | Unset = UNSET,
) -> Response[ErrorBody | list[WorkOrder]]:
    """List work orders

     The organization's work orders, newest first. Filters combine with AND. The body is a bare array;
    when there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:work_orders`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        unit_id (str | Unset):
        property_id (str | Unset):
        status (WorkOrderStatus | Unset):
        vendor_id (str | Unset):
        priority (WorkOrderPriority | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[WorkOrder]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        unit_id=unit_id,
        property_id=property_id,
        status=status,
        vendor_id=vendor_id,
        priority=priority,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    unit_id: str | Unset = UNSET,
    property_id: str | Unset = UNSET,
    status: WorkOrderStatus | Unset = UNSET,
    vendor_id: str | Unset = UNSET,
    priority: WorkOrderPriority | Unset = UNSET,
) -> ErrorBody | list[WorkOrder] | None:
    """List work orders

     The organization's work orders, newest first. Filters combine with AND. The body is a bare array;
    when there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:work_orders`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        unit_id (str | Unset):
        property_id (str | Unset):
        status (WorkOrderStatus | Unset):
        vendor_id (str | Unset):
        priority (WorkOrderPriority | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[WorkOrder]
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            starting_after=starting_after,
            unit_id=unit_id,
            property_id=property_id,
            status=status,
            vendor_id=vendor_id,
            priority=priority,
        )
    ).parsed
