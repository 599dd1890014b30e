"""verify_webhook against the shared test vectors (sdk/webhook-test-vectors.json), which the
server's signer reproduces in its own tests."""

import json
from pathlib import Path

import pytest

from gable import WebhookVerificationError, verify_webhook

VECTORS = json.loads((Path(__file__).parents[2] / "webhook-test-vectors.json").read_text())["cases"]
STRANGER = "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"


def options(vector: dict, **changes: object) -> dict:
    given = {"scheme": vector["scheme"], "now": vector["timestamp"]}
    if "header" in vector:
        given["header"] = vector["header"]
    return {**given, **changes}


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_accepted_with_any_of_its_secrets(vector: dict) -> None:
    event = verify_webhook(vector["body"], vector["headers"], vector["secrets"], **options(vector))
    assert event == json.loads(vector["body"])
    for secret in vector["secrets"]:
        assert verify_webhook(vector["body"].encode(), vector["headers"], secret, **options(vector)) == event


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_refused_with_a_changed_body_or_another_secret(vector: dict) -> None:
    changed = vector["body"].replace("}", " }", 1)
    with pytest.raises(WebhookVerificationError):
        verify_webhook(changed, vector["headers"], vector["secrets"], **options(vector))
    with pytest.raises(WebhookVerificationError):
        verify_webhook(vector["body"], vector["headers"], STRANGER, **options(vector))


# hmac-sha256-hex signs the body alone: it has no timestamp to check.
TIMED = [v for v in VECTORS if v["scheme"] != "hmac-sha256-hex"]


@pytest.mark.parametrize("vector", TIMED, ids=[v["name"] for v in TIMED])
def test_refused_outside_the_five_minutes(vector: dict) -> None:
    for now in (vector["timestamp"] + 301, vector["timestamp"] - 301):
        with pytest.raises(WebhookVerificationError, match="timestamp"):
            verify_webhook(vector["body"], vector["headers"], vector["secrets"], **options(vector, now=now))
    verify_webhook(
        vector["body"], vector["headers"], vector["secrets"], **options(vector, now=vector["timestamp"] + 300)
    )


def test_a_missing_signature_header_is_refused() -> None:
    with pytest.raises(WebhookVerificationError):
        verify_webhook("{}", {}, VECTORS[0]["secrets"][0])
    with pytest.raises(WebhookVerificationError):
        verify_webhook("{}", {}, VECTORS[0]["secrets"][0], scheme="hmac-sha256-hex")
