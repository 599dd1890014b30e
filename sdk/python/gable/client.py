"""The client: the key and base URL, typed errors, paging, retries and idempotency keys."""

from __future__ import annotations

import inspect
import json
import time
import uuid
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from types import ModuleType
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

import httpx

from gable_api.client import AuthenticatedClient
from gable_api.types import Response

from .errors import GableError, retry_after_seconds

T = TypeVar("T")

# The Idempotency-Key of the call in progress, when the caller chose one (Gable.call).
_IDEMPOTENCY_KEY: ContextVar[str | None] = ContextVar("gable_idempotency_key", default=None)


class Gable:
    """A Gable API client around the generated ``gable_api`` package.

    Call any generated operation with :meth:`call` (it returns the parsed answer and raises a
    :class:`~gable.errors.GableError` subclass for an error answer) and walk lists with
    :meth:`paginate`. ``client`` is the generated ``AuthenticatedClient``, for calling the
    generated functions directly. Every POST carries an ``Idempotency-Key`` (one is made unless
    given) so a retry is safe, and a 429 is retried after ``Retry-After`` up to ``max_retries``
    times unless it asks for more than ``max_retry_wait`` seconds.
    """

    def __init__(
        self,
        api_key: str,
        base_url: str = "http://127.0.0.1:8080",
        *,
        max_retries: int = 2,
        max_retry_wait: float = 60,
        timeout: float = 30,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if not api_key:
            raise ValueError("Gable: api_key is required")
        self.client = AuthenticatedClient(
            base_url=base_url.rstrip("/"),
            token=api_key,
            timeout=httpx.Timeout(timeout),
            httpx_args={
                "transport": RetryingTransport(
                    transport or httpx.HTTPTransport(), max_retries=max_retries, max_retry_wait=max_retry_wait
                )
            },
        )

    def call(
        self,
        operation: ModuleType | Callable[..., Response[Any]],
        *,
        idempotency_key: str | None = None,
        **arguments: Any,
    ) -> Any:
        """Send one operation (a generated module such as ``gable_api.api.properties.create_property``,
        or its ``sync_detailed``) with its arguments; return its parsed answer.

        ``idempotency_key`` replaces the key a POST otherwise gets made for it: send the same key
        again to get the first answer again instead of a second write.
        """
        send = _sender(operation)
        token = _IDEMPOTENCY_KEY.set(idempotency_key)
        try:
            return _checked(send(client=self.client, **_with_body(send, arguments))).parsed
        finally:
            _IDEMPOTENCY_KEY.reset(token)

    def paginate(self, operation: ModuleType | Callable[..., Response[Any]], **arguments: Any) -> Iterator[Any]:
        """Every item of a list operation, fetching the next page (the ``Link: <…>; rel="next"``
        header) as the previous one runs out. ``limit=`` sets the page size."""
        send = _sender(operation)
        while True:
            response = _checked(send(client=self.client, **_with_body(send, arguments)))
            yield from response.parsed or []
            link = next_link(response.headers.get("link"))
            if link is None:
                return
            after = parse_qs(urlsplit(link).query).get("startingAfter")
            if not after:
                return
            arguments = {**arguments, "starting_after": after[0]}

    def events(self, types: list[str] | None = None, last_event_id: str | None = None) -> Iterator[dict[str, Any]]:
        """The organization's events as they commit (``GET /api/events/stream``): each is the
        webhook envelope (``id``, ``event``, ``data``, …). When the server ends the stream (it
        does every 15 minutes) or the connection drops, it reconnects with ``Last-Event-ID``, so
        no event is lost or repeated. ``last_event_id`` resumes after an event."""
        params = {"types": ",".join(types)} if types else {}
        failures = 0
        while True:
            headers = {"Accept": "text/event-stream"}
            if last_event_id:
                headers["Last-Event-ID"] = last_event_id
            try:
                with self.client.get_httpx_client().stream(
                    "GET", "/api/events/stream", params=params, headers=headers, timeout=httpx.Timeout(30, read=None)
                ) as response:
                    if response.status_code >= 400:
                        response.read()
                        raise GableError.from_response(response.status_code, response.content, response.headers)
                    failures = 0
                    frame: dict[str, str] = {}
                    for line in response.iter_lines():
                        if line == "":
                            if "id" in frame and "data" in frame:
                                last_event_id = frame["id"]
                                yield json.loads(frame["data"])
                            frame = {}
                            continue
                        field, _, value = line.partition(":")
                        value = value.removeprefix(" ")
                        if field == "id":
                            frame["id"] = value
                        elif field == "data":
                            frame["data"] = f"{frame['data']}\n{value}" if "data" in frame else value
            except httpx.TransportError:
                failures += 1
                if failures > 5:
                    raise
                time.sleep(failures)

    def close(self) -> None:
        self.client.get_httpx_client().close()

    def __enter__(self) -> Gable:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def next_link(header: str | None) -> str | None:
    """The ``rel="next"`` URL of a ``Link`` header."""
    if not header:
        return None
    for part in header.split(","):
        url, _, params = part.partition(";")
        url = url.strip()
        if url.startswith("<") and url.endswith(">"):
            rels = [p.strip() for p in params.split(";")]
            if any(p.replace(" ", "").lower() in ('rel="next"', "rel=next") for p in rels):
                return url[1:-1]
    return None


def _sender(operation: ModuleType | Callable[..., Response[Any]]) -> Callable[..., Response[Any]]:
    send = getattr(operation, "sync_detailed", operation)
    if not callable(send):
        raise TypeError(f"{operation!r} is not a gable_api operation")
    return send


def _with_body(send: Callable[..., Any], arguments: dict[str, Any]) -> dict[str, Any]:
    """An optional body left out is sent as JSON ``null``, which Gable reads as no body: the
    generated code would try to send its ``UNSET`` marker as JSON."""
    if "body" not in arguments:
        parameter = inspect.signature(send).parameters.get("body")
        if parameter is not None and parameter.default is not inspect.Parameter.empty:
            return {**arguments, "body": None}
    return arguments


def _checked(response: Response[T]) -> Response[T]:
    if int(response.status_code) >= 400:
        raise GableError.from_response(int(response.status_code), response.content, response.headers)
    return response


class RetryingTransport(httpx.BaseTransport):
    """Adds an ``Idempotency-Key`` to each POST and retries 429s after ``Retry-After``."""

    def __init__(self, inner: httpx.BaseTransport, *, max_retries: int, max_retry_wait: float) -> None:
        self.inner = inner
        self.max_retries = max_retries
        self.max_retry_wait = max_retry_wait

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and "idempotency-key" not in request.headers:
            request.headers["Idempotency-Key"] = _IDEMPOTENCY_KEY.get() or str(uuid.uuid4())
        attempt = 0
        while True:
            response = self.inner.handle_request(request)
            if response.status_code != 429 or attempt >= self.max_retries:
                return response
            wait = retry_after_seconds(response.headers)
            wait = 2.0**attempt if wait is None else wait
            if wait > self.max_retry_wait:
                return response
            response.read()
            response.close()
            time.sleep(wait)
            attempt += 1

    def close(self) -> None:
        self.inner.close()
