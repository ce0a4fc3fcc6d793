"""Shared inputs for the ingestion tests: short original texts and a loopback HTTP server."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Iterator
from typing import ClassVar

import pytest

# Written for these tests; long enough (well over language.MIN_LETTERS) for a language verdict.
ENGLISH = (
    "Harbour Closed After Night Blast\n\n"
    "The harbour authority closed the eastern docks on Tuesday after an explosion damaged two "
    "warehouses and a fuel depot, officials said. Investigators have not yet named a cause, and "
    "the police asked residents to stay away from the waterfront while engineers inspect the "
    "quay walls.\n\n"
    "Shipping companies said they expected delays of several days for cargo bound for the port.\n"
)

GERMAN = (
    "Hafen nach nächtlicher Explosion geschlossen\n\n"
    "Die Hafenbehörde hat am Dienstag die östlichen Docks geschlossen, nachdem eine Explosion zwei "
    "Lagerhallen und ein Treibstofflager beschädigt hatte, teilten Beamte mit. Die Ermittler haben "
    "noch keine Ursache genannt, und die Polizei bat die Anwohner, sich vom Ufer fernzuhalten, "
    "während Ingenieure die Kaimauern untersuchen.\n"
)

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour Closed After Night Blast</title>
<script>var tracking = "do not extract me";</script><style>p { color: red }</style></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour Closed After Night Blast</h1>
<p>The harbour authority closed the eastern docks on Tuesday after an explosion damaged two
warehouses and a fuel depot, officials said.</p>
<p>Investigators have not yet named a cause, and the police asked residents to stay away from
the waterfront while engineers inspect the quay walls.</p>
<p>Shipping companies said they expected delays of several days for cargo bound for the port,
and two ferry lines moved their departures to the western terminal until further notice.</p>
</article>
<footer>Copyright The Example Gazette. Subscribe to our newsletter.</footer>
</body></html>
"""


class _Handler(http.server.BaseHTTPRequestHandler):
    # path -> (status, content type, body); filled per test through the fixture.
    routes: ClassVar[dict[str, tuple]] = {}

    def do_GET(self) -> None:
        # A route is (status, content type, body) with an optional 4th item of options:
        # {"delay": seconds before answering, "no_length": omit Content-Length}.
        status, ctype, body, *rest = self.routes.get(self.path, (404, "text/plain", b"not here"))
        options = rest[0] if rest else {}
        time.sleep(options.get("delay", 0))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if options.get("no_length"):
            self.send_header("Connection", "close")  # the body ends when the connection does
        else:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # keep test output clean
        pass


@pytest.fixture
def http_server() -> Iterator[tuple[str, dict[str, tuple]]]:
    """A server on 127.0.0.1 at a random port: yields (base URL, routes dict to fill)."""
    routes: ClassVar[dict[str, tuple]] = {}
    handler = type("Handler", (_Handler,), {"routes": routes})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True  # a handler still sleeping (timeout test) must not block teardown
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", routes
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def closed_port() -> int:
    """A loopback port with nothing listening (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def english() -> str:
    return ENGLISH


@pytest.fixture
def german() -> str:
    return GERMAN


@pytest.fixture
def article_html() -> str:
    return ARTICLE_HTML
