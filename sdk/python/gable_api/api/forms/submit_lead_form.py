from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_body import ErrorBody
from ...models.form_accepted import FormAccepted
from ...models.lead_form import LeadForm
from ...types import Response


def _get_kwargs(
    org_slug: str,
    *,
    body: LeadForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/forms/{org_slug}/leads".format(
            org_slug=quote(str(org_slug), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorBody | FormAccepted | None:
    if response.status_code == 201:
        response_201 = FormAccepted.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ErrorBody.from_dict(response.json())

        return response_400

    if response.status_code == 403:
        response_403 = ErrorBody.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorBody.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorBody.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorBody | FormAccepted]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    org_slug: str,
    *,
    client: AuthenticatedClient,
    body: LeadForm,
) -> Response[ErrorBody | FormAccepted]:
    """Submit the lead form

     No API key: a website posts its visitors' enquiries to its organization's form (the
    organization's plan must include the API). Each client IP may submit
    `public_per_ip_per_minute` times a minute to each organization's form; responses carry the
    `X-RateLimit-*` headers. Creates a lead with `source` `form` and its `lead.created` event; a page
    cannot choose the
    source (sending `source` is a 400 naming it, like any field not listed here). Submissions
    that fill in the hidden `website` field get the same answer and create nothing. An unknown
    organization is a 404 "No such form", counted against the IP's limit like any submission.

    Args:
        org_slug (str):
        body (LeadForm): An enquiry from a website's contact form. Example: {'name': 'Jane Doe',
            'email': 'jane@example.com', 'phone': '+1-555-0200', 'message': 'Interested in the Beverly
            Hills listing', 'propertyId': 'prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'website': ''}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | FormAccepted]
    """

    kwargs = _get_kwargs(
        org_slug=org_slug,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    org_slug: str,
    *,
    client: AuthenticatedClient,
    body: LeadForm,
) -> ErrorBody | FormAccepted | None:
    """Submit the lead form

     No API key: a website posts its visitors' enquiries to its organization's form (the
    organization's plan must include the API). Each client IP may submit
    `public_per_ip_per_minute` times a minute to each organization's form; responses carry the
    `X-RateLimit-*` headers. Creates a lead with `source` `form` and its `lead.created` event; a page
    cannot choose the
    source (sending `source` is a 400 naming it, like any field not listed here). Submissions
    that fill in the hidden `website` field get the same answer and create nothing. An unknown
    organization is a 404 "No such form", counted against the IP's limit like any submission.

    Args:
        org_slug (str):
        body (LeadForm): An enquiry from a website's contact form. Example: {'name': 'Jane Doe',
            'email': 'jane@example.com', 'phone': '+1-555-0200', 'message': 'Interested in the Beverly
            Hills listing', 'propertyId': 'prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'website': ''}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | FormAccepted
    """

    return sync_detailed(
        org_slug=org_slug,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    org_slug: str,
    *,
    client: AuthenticatedClient,
    body: LeadForm,
) -> Response[ErrorBody | FormAccepted]:
    """Submit the lead form

     No API key: a website posts its visitors' enquiries to its organization's form (the
    organization's plan must include the API). Each client IP may submit
    `public_per_ip_per_minute` times a minute to each organization's form; responses carry the
    `X-RateLimit-*` headers. Creates a lead with `source` `form` and its `lead.created` event; a page
    cannot choose the
    source (sending `source` is a 400 naming it, like any field not listed here). Submissions
    that fill in the hidden `website` field get the same answer and create nothing. An unknown
    organization is a 404 "No such form", counted against the IP's limit like any submission.

    Args:
        org_slug (str):
        body (LeadForm): An enquiry from a website's contact form. Example: {'name': 'Jane Doe',
            'email': 'jane@example.com', 'phone': '+1-555-0200', 'message': 'Interested in the Beverly
            Hills listing', 'propertyId': 'prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'website': ''}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorBody | FormAccepted]
    """

    kwargs = _get_kwargs(
        org_slug=org_slug,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    org_slug: str,
    *,
    client: AuthenticatedClient,
    body: LeadForm,
) -> ErrorBody | FormAccepted | None:
    """Submit the lead form

     No API key: a website posts its visitors' enquiries to its organization's form (the
    organization's plan must include the API). Each client IP may submit
    `public_per_ip_per_minute` times a minute to each organization's form; responses carry the
    `X-RateLimit-*` headers. Creates a lead with `source` `form` and its `lead.created` event; a page
    cannot choose the
    source (sending `source` is a 400 naming it, like any field not listed here). Submissions
    that fill in the hidden `website` field get the same answer and create nothing. An unknown
    organization is a 404 "No such form", counted against the IP's limit like any submission.

    Args:
        org_slug (str):
        body (LeadForm): An enquiry from a website's contact form. Example: {'name': 'Jane Doe',
            'email': 'jane@example.com', 'phone': '+1-555-0200', 'message': 'Interested in the Beverly
            Hills listing', 'propertyId': 'prop_01JDQ8Z5V3W2X1Y0Z9A8B7C6D5', 'website': ''}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorBody | FormAccepted
    """

    return (
        await asyncio_detailed(
            org_slug=org_slug,
            client=client,
            body=body,
        )
    ).parsed
