"""A real HTTP server on 127.0.0.1, for tests of what happens on an actual connection.

Only the loopback interface is ever bound or connected to. Routes map a path
to a :class:`Page` (status, body, content type, headers, a delay or a gate to
wait on); unknown paths are 404.
Every request path is recorded, so a test can tell what was (not) fetched.
"""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay_s: float = 0.0
    headers: tuple[tuple[str, str], ...] = ()  # more response headers, such as a redirect's Location
    gate: threading.Event | None = None  # when given, the answer waits until it is set (at most a minute)


@dataclass(frozen=True, slots=True)
class LocalServer:
    port: int
    requested: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@contextmanager
def local_server(routes: Mapping[str, Page]) -> Iterator[LocalServer]:
    """Serve ``routes`` on an ephemeral loopback port for the length of the ``with`` block."""
    requested: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requested.append(self.path)
            page = routes.get(self.path)
            if page is None:
                self.send_error(404)
                return
            time.sleep(page.delay_s)
            if page.gate is not None:
                page.gate.wait(60)
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            self.send_header("Content-Length", str(len(page.body)))
            for name, value in page.headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(page.body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: the test output is for assertions

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LocalServer(port=server.server_address[1], requested=requested)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
