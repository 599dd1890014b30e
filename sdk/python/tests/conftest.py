"""Fixtures: a client on the live server sdk/test.sh starts, and a local HTTP peer."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from gable import Gable
from gable_api.api.api_keys import create_key
from gable_api.models import CreateKey

BASE_URL = os.environ.get("GABLE_API_URL")
DEMO_KEY = os.environ.get("GABLE_API_KEY")


@pytest.fixture(scope="session")
def gable() -> Iterator[Gable]:
    """A client with a key of its own, so this suite's rate limits are its own."""
    if not BASE_URL or not DEMO_KEY:
        pytest.skip("set GABLE_API_URL and GABLE_API_KEY (sdk/test.sh does)")
    with Gable(DEMO_KEY, BASE_URL) as admin:
        created = admin.call(create_key, body=CreateKey(name="Python SDK tests"))
    assert created.key.startswith("gbl_live_")
    with Gable(created.key, BASE_URL) as client:
        yield client


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    at: float


@dataclass
class Peer:
    url: str
    received: list[Received] = field(default_factory=list)


Answer = Callable[[Received, int], tuple[int, dict[str, str], object]]


@pytest.fixture
def peer() -> Iterator[Callable[[Answer], Peer]]:
    """Starts HTTP servers on 127.0.0.1 answering each request with ``answer(request, index)``."""
    servers: list[ThreadingHTTPServer] = []

    def start(answer: Answer) -> Peer:
        lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            def _any(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                entry = Received(
                    self.command,
                    self.path,
                    {k.lower(): v for k, v in self.headers.items()},
                    self.rfile.read(length),
                    time.monotonic(),
                )
                with lock:
                    result.received.append(entry)
                    index = len(result.received) - 1
                status, headers, body = answer(entry, index)
                content = b"" if body is None else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(content)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(content)

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _any

            def log_message(self, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        result = Peer(f"http://127.0.0.1:{server.server_address[1]}")
        return result

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
