"""Verifying the signature of a webhook delivery, in each of Gable's three schemes."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Mapping, Sequence
from typing import Any, Literal

SignatureScheme = Literal["standard-webhooks", "hmac-sha256-hex", "hmac-sha256-timestamped"]


class WebhookVerificationError(Exception):
    """The delivery is not signed by any of the secrets, or its timestamp is too far from now."""


def verify_webhook(
    payload: bytes | str,
    headers: Mapping[str, str],
    secret: str | Sequence[str],
    *,
    scheme: SignatureScheme = "standard-webhooks",
    header: str = "X-Gable-Signature",
    tolerance: float = 300,
    now: float | None = None,
) -> Any:
    """Check a delivery's signature against the raw body, as received; return the parsed event.

    ``secret`` is the endpoint's ``whsec_…`` secret, or several (say, during a rotation): a
    delivery signed by any of them is accepted. ``header`` is the endpoint's ``signatureHeader``
    for the two HMAC schemes. Raises :class:`WebhookVerificationError` otherwise.
    """
    body = payload.encode("utf-8") if isinstance(payload, str) else bytes(payload)
    secrets = [secret] if isinstance(secret, str) else list(secret)
    if not secrets:
        raise TypeError("verify_webhook: no secret")
    lowered = {key.lower(): value for key, value in headers.items()}
    clock = time.time() if now is None else now

    def fresh(timestamp: str | None) -> None:
        if timestamp is None or not timestamp.isdigit():
            raise WebhookVerificationError("missing or malformed timestamp")
        if abs(clock - int(timestamp)) > tolerance:
            raise WebhookVerificationError("timestamp outside the tolerance")

    if scheme == "standard-webhooks":
        msg_id = lowered.get("webhook-id")
        timestamp = lowered.get("webhook-timestamp")
        signatures = lowered.get("webhook-signature")
        if msg_id is None or signatures is None:
            raise WebhookVerificationError("missing webhook headers")
        fresh(timestamp)
        given = [entry[3:] for entry in signatures.split(" ") if entry.startswith("v1,")]
        signed = f"{msg_id}.{timestamp}.".encode() + body
        verified = any(
            hmac.compare_digest(signature, expected)
            for expected in (_b64_hmac(_standard_key(each), signed) for each in secrets)
            for signature in given
        )
    elif scheme == "hmac-sha256-hex":
        given = _signature_headers(lowered, header)
        verified = any(
            hmac.compare_digest(signature.lower(), _hex_hmac(each, body)) for each in secrets for signature in given
        )
    elif scheme == "hmac-sha256-timestamped":
        verified = False
        for value in _signature_headers(lowered, header):
            parts = dict(item.strip().split("=", 1) for item in value.split(",") if "=" in item)
            t, v1 = parts.get("t"), parts.get("v1")
            if t is None or v1 is None:
                continue
            fresh(t)
            signed = f"{t}.".encode() + body
            if any(hmac.compare_digest(v1.lower(), _hex_hmac(each, signed)) for each in secrets):
                verified = True
                break
    else:
        raise TypeError(f"verify_webhook: unknown scheme {scheme!r}")
    if not verified:
        raise WebhookVerificationError("no signature matches")
    try:
        return json.loads(body)
    except ValueError as err:
        raise WebhookVerificationError("the body is not JSON") from err


def _standard_key(secret: str) -> bytes:
    try:
        return base64.b64decode(secret.removeprefix("whsec_"), validate=True)
    except (binascii.Error, ValueError) as err:
        raise TypeError("a standard-webhooks secret is whsec_ and base64") from err


def _b64_hmac(key: bytes, message: bytes) -> str:
    return base64.b64encode(hmac.new(key, message, hashlib.sha256).digest()).decode()


def _hex_hmac(secret: str, message: bytes) -> str:
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def _signature_headers(lowered: Mapping[str, str], name: str) -> list[str]:
    """The HMAC schemes' header and, during a rotation, the same name with ``-Previous`` appended."""
    values = [v for v in (lowered.get(name.lower()), lowered.get(f"{name.lower()}-previous")) if v is not None]
    if not values:
        raise WebhookVerificationError(f"missing {name} header")
    return values
