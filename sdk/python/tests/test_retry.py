"""Retries and idempotency keys, against a local HTTP peer that answers 429 first."""

import json

import pytest

from gable import Gable, RateLimitError
from gable_api.api.properties import list_properties

LIMITED = (
    429,
    {"Retry-After": "1", "X-Request-Id": "req_1"},
    {"success": False, "error": "Rate limit exceeded", "code": "RATE_LIMITED", "requestId": "req_1"},
)
HOUSE = {"title": "A", "address": "1 Main", "city": "X", "state": "CA"}


def test_a_429_is_retried_after_retry_after_with_the_same_idempotency_key(peer) -> None:
    server = peer(lambda request, index: LIMITED if index == 0 else (201, {}, {"id": "prop_1"}))
    with Gable("gbl_live_test", server.url) as gable:
        response = gable.client.get_httpx_client().post("/api/properties", json=HOUSE)
    assert response.status_code == 201
    first, second = server.received
    assert len(first.headers["idempotency-key"]) == 36
    assert second.headers["idempotency-key"] == first.headers["idempotency-key"]
    assert json.loads(second.body) == json.loads(first.body) == HOUSE
    assert first.headers["authorization"] == "Bearer gbl_live_test"
    assert second.at - first.at >= 0.95


def test_retries_stop_at_max_retries_and_surface_a_rate_limit_error(peer) -> None:
    server = peer(lambda request, index: LIMITED)
    with Gable("gbl_live_test", server.url, max_retries=1) as gable:
        with pytest.raises(RateLimitError) as raised:
            gable.call(list_properties)
    assert raised.value.code == "RATE_LIMITED"
    assert raised.value.retry_after == 1
    assert raised.value.request_id == "req_1"
    assert len(server.received) == 2
    assert "idempotency-key" not in server.received[0].headers, "only POSTs get a key"


def test_a_given_idempotency_key_is_kept(peer) -> None:
    server = peer(lambda request, index: (201, {}, {"id": "prop_1"}))
    with Gable("gbl_live_test", server.url) as gable:
        gable.client.get_httpx_client().post("/api/properties", json=HOUSE, headers={"Idempotency-Key": "mine"})
    assert server.received[0].headers["idempotency-key"] == "mine"
