"""Gable's Python SDK: the generated ``gable_api`` package with a thin layer on top."""

from .client import Gable, RetryingTransport, next_link
from .errors import (
    AuthenticationError,
    ConflictError,
    GableError,
    InvalidRequestError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
)
from .webhooks import SignatureScheme, WebhookVerificationError, verify_webhook

__all__ = [
    "AuthenticationError",
    "ConflictError",
    "Gable",
    "GableError",
    "InvalidRequestError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RetryingTransport",
    "SignatureScheme",
    "WebhookVerificationError",
    "next_link",
    "verify_webhook",
]
