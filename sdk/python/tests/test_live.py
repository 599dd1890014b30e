"""The SDK against a live ``gable serve --demo``: sdk/test.sh starts one and sets GABLE_API_URL
and GABLE_API_KEY. That server allows each key two AI requests an hour, and webhooks to loopback."""

import time

import pytest

from gable import (
    ConflictError,
    Gable,
    InvalidRequestError,
    NotFoundError,
    RateLimitError,
    WebhookVerificationError,
    verify_webhook,
)
from gable_api.api.ai_helpers import vendor_summary
from gable_api.api.contacts import create_contact, list_contacts
from gable_api.api.events import list_events
from gable_api.api.leads import create_lead
from gable_api.api.properties import create_property, delete_property, get_property, list_properties, update_property
from gable_api.api.vendors import list_vendors
from gable_api.api.webhooks import create_endpoint, delete_endpoint
from gable_api.api.work_orders import complete_work_order, create_work_order
from gable_api.models import (
    CreateContact,
    CreateEndpoint,
    CreateLead,
    CreateProperty,
    CreateWorkOrder,
    EventTypeName,
    PropertyStatus,
    Scheme,
    UpdateProperty,
    VendorSummaryRequest,
)


def house(title: str) -> CreateProperty:
    return CreateProperty(title=title, address="12 Harbor Way", city="Santa Cruz", state="CA", price=750000)


def test_create_get_update_and_delete_a_property(gable: Gable) -> None:
    created = gable.call(create_property, body=house("Python SDK house"))
    assert created.id.startswith("prop_")
    assert created.title == "Python SDK house"

    assert gable.call(get_property, id=created.id).to_dict() == created.to_dict()

    updated = gable.call(
        update_property, id=created.id, body=UpdateProperty(price=799000, status=PropertyStatus.PENDING)
    )
    assert updated.price == 799000
    assert updated.status == PropertyStatus.PENDING

    gable.call(delete_property, id=created.id)
    with pytest.raises(NotFoundError) as raised:
        gable.call(get_property, id=created.id)
    assert raised.value.status == 404
    assert raised.value.code == "NOT_FOUND"
    assert raised.value.request_id.startswith("req_")


def test_paginate_follows_the_link_header_across_pages(gable: Gable) -> None:
    for i in range(5):
        gable.call(
            create_contact, body=CreateContact(first_name="Pager", last_name=str(i), email=f"pager{i}@example.com")
        )
    everyone = gable.call(list_contacts, limit=100)
    assert 5 <= len(everyone) < 100

    seen = [contact.id for contact in gable.paginate(list_contacts, limit=2)]
    assert seen == [contact.id for contact in everyone], "every contact once, newest first"


def test_a_refused_body_is_an_invalid_request_error_naming_the_field(gable: Gable) -> None:
    with pytest.raises(InvalidRequestError) as raised:
        gable.call(create_property, body=house(""))
    assert raised.value.status == 400
    assert raised.value.field == "title"
    assert raised.value.request_id.startswith("req_")


def test_a_stored_state_refusing_a_change_is_a_conflict_error(gable: Gable) -> None:
    [vendor] = gable.call(list_vendors, limit=1)
    [prop] = gable.call(list_properties, limit=1)
    order = gable.call(
        create_work_order, body=CreateWorkOrder(title="SDK leak", vendor_id=vendor.id, property_id=prop.id)
    )
    gable.call(complete_work_order, id=order.id)
    with pytest.raises(ConflictError) as raised:
        gable.call(complete_work_order, id=order.id)
    assert raised.value.status == 409


def test_a_429_too_long_to_wait_for_is_a_rate_limit_error(gable: Gable) -> None:
    [vendor] = gable.call(list_vendors, limit=1)
    body = VendorSummaryRequest(vendor_id=vendor.id)
    gable.call(vendor_summary, body=body)
    gable.call(vendor_summary, body=body)
    started = time.monotonic()
    with pytest.raises(RateLimitError) as raised:
        gable.call(vendor_summary, body=body)
    assert raised.value.status == 429
    assert raised.value.code == "RATE_LIMITED"
    assert raised.value.retry_after > 60
    assert time.monotonic() - started < 5, "a wait longer than max_retry_wait is not slept through"


def test_an_idempotency_key_replays_the_first_answer(gable: Gable) -> None:
    key = f"python-{time.time()}"
    first = gable.call(create_property, body=house("Idempotent house"), idempotency_key=key)
    again = gable.call(create_property, body=house("Idempotent house"), idempotency_key=key)
    assert again.id == first.id
    assert gable.call(create_property, body=house("Idempotent house")).id != first.id


def test_a_delivery_in_each_signature_scheme_verifies_with_the_endpoints_secret(gable: Gable, peer) -> None:
    receiver = peer(lambda request, index: (204, {}, None))
    schemes = [Scheme.STANDARD_WEBHOOKS, Scheme.HMAC_SHA256_HEX, Scheme.HMAC_SHA256_TIMESTAMPED]
    endpoints = []
    try:
        for scheme in schemes:
            body = CreateEndpoint(
                url=f"{receiver.url}/{scheme.value}", events=[EventTypeName.PROPERTY_CREATED], signature_scheme=scheme
            )
            endpoints.append(gable.call(create_endpoint, body=body))
        prop = gable.call(create_property, body=house("Webhook house"))
        deadline = time.monotonic() + 20
        while len(receiver.received) < len(schemes) and time.monotonic() < deadline:
            time.sleep(0.1)
        for i, scheme in enumerate(schemes):
            delivery = next((r for r in receiver.received if r.path == f"/{scheme.value}"), None)
            assert delivery is not None, f"no {scheme.value} delivery within 20 s"
            event = verify_webhook(delivery.body, delivery.headers, endpoints[i].secret, scheme=scheme.value)
            assert event["event"] == "property.created"
            assert event["data"]["id"] == prop.id
            other = endpoints[(i + 1) % len(schemes)].secret
            with pytest.raises(WebhookVerificationError):
                verify_webhook(delivery.body, delivery.headers, other, scheme=scheme.value)
    finally:
        for endpoint in endpoints:
            gable.call(delete_endpoint, id=endpoint.id)


def test_events_streams_what_commits_resuming_after_an_event(gable: Gable) -> None:
    gable.call(create_lead, body=CreateLead(name="Streamed first"))
    [created] = gable.call(list_events, type_="lead.created", limit=1)
    second = gable.call(create_lead, body=CreateLead(name="Streamed second"))
    stream = gable.events(types=["lead.created"], last_event_id=created.id)
    event = next(stream)
    stream.close()
    assert event["event"] == "lead.created"
    assert event["data"]["id"] == second.id
