"""Typed errors for Gable's error answers."""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Mapping
from typing import Any


class GableError(Exception):
    """An error answer from the API.

    ``code`` is Gable's machine-readable code (``NOT_FOUND``, ``VALIDATION_ERROR``,
    ``RATE_LIMITED``, …) and ``request_id`` the ``X-Request-Id`` to quote to support; ``field``
    names the culprit of a validation error, and ``body`` is the whole JSON error body.
    """

    def __init__(self, status: int, body: Mapping[str, Any], request_id: str | None = None) -> None:
        self.status = status
        self.body = dict(body)
        self.message = str(body.get("error") or f"HTTP {status}")
        self.code = str(body.get("code") or f"HTTP_{status}")
        self.request_id = body.get("requestId") or request_id
        self.field = body.get("field")
        super().__init__(f"{self.status} {self.code}: {self.message}")

    @staticmethod
    def from_response(status: int, content: bytes, headers: Mapping[str, str]) -> GableError:
        """The error for an answer with this status, body and headers."""
        try:
            body = json.loads(content) if content else {}
        except ValueError:
            body = {}
        if not isinstance(body, dict):
            body = {}
        if not body.get("error") and content and not isinstance(body.get("error"), str):
            body.setdefault("error", content.decode("utf-8", "replace")[:500])
        request_id = headers.get("x-request-id")
        kind = _BY_STATUS.get(status, GableError)
        if kind is RateLimitError:
            return RateLimitError(status, body, request_id, retry_after_seconds(headers))
        return kind(status, body, request_id)


class InvalidRequestError(GableError):
    """400, 413, 415, 422: the request itself is wrong; ``field`` names the culprit when there is one."""


class AuthenticationError(GableError):
    """401: no key, an unknown key, or a revoked or expired one."""


class PermissionDeniedError(GableError):
    """403: the key lacks a scope, or the plan lacks the feature (``body["requiredPlan"]``)."""


class NotFoundError(GableError):
    """404: no such object in this organization."""


class ConflictError(GableError):
    """409: the object's state or references refuse the change (``INVALID_STATE``, ``REFERENCED``, …)."""


class RateLimitError(GableError):
    """429, once the client's retries are spent or the wait would be too long."""

    def __init__(
        self,
        status: int,
        body: Mapping[str, Any],
        request_id: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(status, body, request_id)
        #: Seconds the server asked to wait (``Retry-After``).
        self.retry_after = retry_after


_BY_STATUS: dict[int, type[GableError]] = {
    400: InvalidRequestError,
    413: InvalidRequestError,
    415: InvalidRequestError,
    422: InvalidRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    """``Retry-After`` in seconds: a number of seconds or an HTTP date."""
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
