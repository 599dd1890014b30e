from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conversion import Conversion
from ...models.error_body import ErrorBody
from ...types import Response


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/leads/{id}/convert".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Conversion | ErrorBody | None:
    if response.status_code == 200:
        response_200 = Conversion.from_dict(response.json())

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
) -> Response[Conversion | ErrorBody]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Conversion | ErrorBody]:
    """Convert a lead

     Links the lead to a contact and sets its status to `converted`. The contact is the one the
    lead already references; else the organization's oldest contact with the same email
    (case-insensitive); else a new `BUYER` contact with the lead's name, email and phone. The
    name's last word becomes `lastName` and the rest `firstName` ("Jane Q. Doe" → "Jane Q." and
    "Doe"); a one-word name becomes `firstName`, with `lastName` "-".

    One transaction, with `contact.created` when a contact is created and `lead.updated`.
    Converting a converted lead again returns the same lead and contact (`contactCreated`
    false) and writes nothing. Needs `write:leads` and `write:contacts`.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conversion | ErrorBody]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Conversion | ErrorBody | None:
    """Convert a lead

     Links the lead to a contact and sets its status to `converted`. The contact is the one the
    lead already references; else the organization's oldest contact with the same email
    (case-insensitive); else a new `BUYER` contact with the lead's name, email and phone. The
    name's last word becomes `lastName` and the rest `firstName` ("Jane Q. Doe" → "Jane Q." and
    "Doe"); a one-word name becomes `firstName`, with `lastName` "-".

    One transaction, with `contact.created` when a contact is created and `lead.updated`.
    Converting a converted lead again returns the same lead and contact (`contactCreated`
    false) and writes nothing. Needs `write:leads` and `write:contacts`.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conversion | ErrorBody
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Conversion | ErrorBody]:
    """Convert a lead

     Links the lead to a contact and sets its status to `converted`. The contact is the one the
    lead already references; else the organization's oldest contact with the same email
    (case-insensitive); else a new `BUYER` contact with the lead's name, email and phone. The
    name's last word becomes `lastName` and the rest `firstName` ("Jane Q. Doe" → "Jane Q." and
    "Doe"); a one-word name becomes `firstName`, with `lastName` "-".

    One transaction, with `contact.created` when a contact is created and `lead.updated`.
    Converting a converted lead again returns the same lead and contact (`contactCreated`
    false) and writes nothing. Needs `write:leads` and `write:contacts`.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Conversion | ErrorBody]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Conversion | ErrorBody | None:
    """Convert a lead

     Links the lead to a contact and sets its status to `converted`. The contact is the one the
    lead already references; else the organization's oldest contact with the same email
    (case-insensitive); else a new `BUYER` contact with the lead's name, email and phone. The
    name's last word becomes `lastName` and the rest `firstName` ("Jane Q. Doe" → "Jane Q." and
    "Doe"); a one-word name becomes `firstName`, with `lastName` "-".

    One transaction, with `contact.created` when a contact is created and `lead.updated`.
    Converting a converted lead again returns the same lead and contact (`contactCreated`
    false) and writes nothing. Needs `write:leads` and `write:contacts`.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Conversion | ErrorBody
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
