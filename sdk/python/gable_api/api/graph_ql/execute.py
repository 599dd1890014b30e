from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.graphql_request import GraphqlRequest
from ...models.graphql_response import GraphqlResponse
from ...types import Response


def _get_kwargs(
    *,
    body: GraphqlRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/graphql",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | GraphqlResponse | None:
    if response.status_code == 200:
        response_200 = GraphqlResponse.from_dict(response.json())

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
) -> Response[ErrorBody | GraphqlResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GraphqlRequest,
) -> Response[ErrorBody | GraphqlResponse]:
    """Run a GraphQL query or mutation

     Queries and mutations over every registered resource, the event log included (see `docs/graphql.md`;
    the
    playground at `GET /graphql` lists the schema). Also served at `POST /graphql`. Each field
    needs the scope its REST call needs (`read:<resource>` for queries, `write:<resource>` for
    mutations); a failed field is an entry of `errors` with `extensions.code`, and the response
    is still 200. Documents are limited in depth and size.

    Args:
        body (GraphqlRequest): A GraphQL request. Example: {'query': 'query($city: String) {
            properties(city: $city, limit: 5) { id title price } }', 'variables': {'city': 'Austin'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | GraphqlResponse]
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
    body: GraphqlRequest,
) -> ErrorBody | GraphqlResponse | None:
    """Run a GraphQL query or mutation

     Queries and mutations over every registered resource, the event log included (see `docs/graphql.md`;
    the
    playground at `GET /graphql` lists the schema). Also served at `POST /graphql`. Each field
    needs the scope its REST call needs (`read:<resource>` for queries, `write:<resource>` for
    mutations); a failed field is an entry of `errors` with `extensions.code`, and the response
    is still 200. Documents are limited in depth and size.

    Args:
        body (GraphqlRequest): A GraphQL request. Example: {'query': 'query($city: String) {
            properties(city: $city, limit: 5) { id title price } }', 'variables': {'city': 'Austin'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | GraphqlResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GraphqlRequest,
) -> Response[ErrorBody | GraphqlResponse]:
    """Run a GraphQL query or mutation

     Queries and mutations over every registered resource, the event log included (see `docs/graphql.md`;
    the
    playground at `GET /graphql` lists the schema). Also served at `POST /graphql`. Each field
    needs the scope its REST call needs (`read:<resource>` for queries, `write:<resource>` for
    mutations); a failed field is an entry of `errors` with `extensions.code`, and the response
    is still 200. Documents are limited in depth and size.

    Args:
        body (GraphqlRequest): A GraphQL request. Example: {'query': 'query($city: String) {
            properties(city: $city, limit: 5) { id title price } }', 'variables': {'city': 'Austin'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | GraphqlResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: GraphqlRequest,
) -> ErrorBody | GraphqlResponse | None:
    """Run a GraphQL query or mutation

     Queries and mutations over every registered resource, the event log included (see `docs/graphql.md`;
    the
    playground at `GET /graphql` lists the schema). Also served at `POST /graphql`. Each field
    needs the scope its REST call needs (`read:<resource>` for queries, `write:<resource>` for
    mutations); a failed field is an entry of `errors` with `extensions.code`, and the response
    is still 200. Documents are limited in depth and size.

    Args:
        body (GraphqlRequest): A GraphQL request. Example: {'query': 'query($city: String) {
            properties(city: $city, limit: 5) { id title price } }', 'variables': {'city': 'Austin'}}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | GraphqlResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
