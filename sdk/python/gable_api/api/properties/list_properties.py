from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.property_ import Property
from ...models.property_status import PropertyStatus
from ...models.property_type import PropertyType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    status: PropertyStatus | Unset = UNSET,
    featured: bool | Unset = UNSET,
    city: str | Unset = UNSET,
    property_type: PropertyType | Unset = UNSET,
    min_price: float | Unset = UNSET,
    max_price: float | Unset = UNSET,
    search: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["startingAfter"] = starting_after

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["featured"] = featured

    params["city"] = city

    json_property_type: str | Unset = UNSET
    if not isinstance(property_type, Unset):
        json_property_type = property_type.value

    params["propertyType"] = json_property_type

    params["minPrice"] = min_price

    params["maxPrice"] = max_price

    params["search"] = search

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/properties",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | list[Property] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Property.from_dict(response_200_item_data)

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
) -> Response[ErrorBody | list[Property]]:
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
    status: PropertyStatus | Unset = UNSET,
    featured: bool | Unset = UNSET,
    city: str | Unset = UNSET,
    property_type: PropertyType | Unset = UNSET,
    min_price: float | Unset = UNSET,
    max_price: float | Unset = UNSET,
    search: str | Unset = UNSET,
) -> Response[ErrorBody | list[Property]]:
    """List properties

     The organization's properties, newest first. Filters combine with AND. The body is a bare array;
    when there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:properties`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        status (PropertyStatus | Unset): Listing status.
        featured (bool | Unset):
        city (str | Unset):
        property_type (PropertyType | Unset): The kind of property.
        min_price (float | Unset): US dollars, at most two decimal places
        max_price (float | Unset): US dollars, at most two decimal places
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[Property]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        status=status,
        featured=featured,
        city=city,
        property_type=property_type,
        min_price=min_price,
        max_price=max_price,
        search=search,
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
    status: PropertyStatus | Unset = UNSET,
    featured: bool | Unset = UNSET,
    city: str | Unset = UNSET,
    property_type: PropertyType | Unset = UNSET,
    min_price: float | Unset = UNSET,
    max_price: float | Unset = UNSET,
    search: str | Unset = UNSET,
) -> ErrorBody | list[Property] | None:
    """List properties

     The organization's properties, newest first. Filters combine with AND. The body is a bare array;
    when there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:properties`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        status (PropertyStatus | Unset): Listing status.
        featured (bool | Unset):
        city (str | Unset):
        property_type (PropertyType | Unset): The kind of property.
        min_price (float | Unset): US dollars, at most two decimal places
        max_price (float | Unset): US dollars, at most two decimal places
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[Property]
    """

    return sync_detailed(
        client=client,
        limit=limit,
        starting_after=starting_after,
        status=status,
        featured=featured,
        city=city,
        property_type=property_type,
        min_price=min_price,
        max_price=max_price,
        search=search,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    status: PropertyStatus | Unset = UNSET,
    featured: bool | Unset = UNSET,
    city: str | Unset = UNSET,
    property_type: PropertyType | Unset = UNSET,
    min_price: float | Unset = UNSET,
    max_price: float | Unset = UNSET,
    search: str | Unset = UNSET,
) -> Response[ErrorBody | list[Property]]:
    """List properties

     The organization's properties, newest first. Filters combine with AND. The body is a bare array;
    when there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:properties`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        status (PropertyStatus | Unset): Listing status.
        featured (bool | Unset):
        city (str | Unset):
        property_type (PropertyType | Unset): The kind of property.
        min_price (float | Unset): US dollars, at most two decimal places
        max_price (float | Unset): US dollars, at most two decimal places
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | list[Property]]
    """

    kwargs = _get_kwargs(
        limit=limit,
        starting_after=starting_after,
        status=status,
        featured=featured,
        city=city,
        property_type=property_type,
        min_price=min_price,
        max_price=max_price,
        search=search,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int | Unset = UNSET,
    starting_after: str | Unset = UNSET,
    status: PropertyStatus | Unset = UNSET,
    featured: bool | Unset = UNSET,
    city: str | Unset = UNSET,
    property_type: PropertyType | Unset = UNSET,
    min_price: float | Unset = UNSET,
    max_price: float | Unset = UNSET,
    search: str | Unset = UNSET,
) -> ErrorBody | list[Property] | None:
    """List properties

     The organization's properties, newest first. Filters combine with AND. The body is a bare array;
    when there is a next page, the `Link` header has its URL (`rel="next"`). Needs `read:properties`.

    Args:
        limit (int | Unset):
        starting_after (str | Unset):
        status (PropertyStatus | Unset): Listing status.
        featured (bool | Unset):
        city (str | Unset):
        property_type (PropertyType | Unset): The kind of property.
        min_price (float | Unset): US dollars, at most two decimal places
        max_price (float | Unset): US dollars, at most two decimal places
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | list[Property]
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            starting_after=starting_after,
            status=status,
            featured=featured,
            city=city,
            property_type=property_type,
            min_price=min_price,
            max_price=max_price,
            search=search,
        )
    ).parsed
