"""Loopback HTTP server serving canned media, usable from sync and async tests."""

from __future__ import annotations

import functools
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Self
from urllib.parse import urlsplit

from .media_handlers import Handler, _CookieWall, _File, _send_empty

__all__ = ["Handler", "MediaServer", "_File", "_send_empty"]


class MediaServer:
    """Threaded HTTP server on loopback (127.0.0.1 unless told) with runtime routes.

    Supports GET/HEAD, Content-Length, single ``Range: bytes=a-b`` requests (206),
    redirects, fixed statuses and custom handlers; unknown paths get 404.
    """

    def __init__(self, host: str = "127.0.0.1", send_buffer: int | None = None) -> None:
        """Listen on ``host``; ``send_buffer`` fixes each connection's kernel send buffer.

        With a small one, what ``sent`` logs is what the client read within a few blocks
        (the kernel would otherwise take megabytes at once, read or not).
        """
        self.send_buffer = send_buffer
        self._routes: dict[str, Handler] = {}
        self._lock = threading.Lock()
        self._requests: list[tuple[str, str, dict[str, str]]] = []
        self._sent: list[tuple[float, str, int]] = []  # (monotonic time, path, bytes)
        self._gets: list[tuple[float, str]] = []  # (monotonic time, path) of each GET
        self._httpd = ThreadingHTTPServer((host, 0), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.base_url = f"http://{host}:{self._httpd.server_address[1]}"

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        """Start serving in a daemon thread."""
        self._thread.start()

    def stop(self) -> None:
        """Stop serving (if started) and close the listening socket."""
        if self._thread.is_alive():
            self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def requests(self) -> list[tuple[str, str, dict[str, str]]]:
        """Snapshot of ``(method, path, headers)`` for every request received so far."""
        with self._lock:
            return list(self._requests)

    def url(self, path: str) -> str:
        """Return the absolute URL for ``path``."""
        return self.base_url + path

    def add_route(self, path: str, handler: Handler) -> str:
        """Register ``handler(request_handler)`` for GET/HEAD on ``path``; return the URL."""
        with self._lock:
            self._routes[path] = handler
        return self.url(path)

    def add_file(
        self,
        path: str,
        content: bytes | str | Path,
        content_type: str = "application/octet-stream",
        throttle_bps: int | None = None,
    ) -> str:
        """Serve bytes (or a file's contents), optionally throttled to ``throttle_bps``."""
        body = content if isinstance(content, bytes) else Path(content).read_bytes()
        sent = functools.partial(self._note_sent, path)
        return self.add_route(path, _File(body, content_type, throttle_bps, sent).serve)

    def _note_sent(self, path: str, count: int) -> None:
        with self._lock:
            self._sent.append((time.monotonic(), path, count))

    def sent(self, path: str | None = None) -> list[tuple[float, int]]:
        """``(monotonic time, bytes)`` of each block written for ``path`` (or any file)."""
        with self._lock:
            return [(t, n) for t, p, n in self._sent if path is None or p == path]

    def gets(self, path: str) -> list[float]:
        """When each GET of ``path`` arrived (monotonic time)."""
        with self._lock:
            return [t for t, p in self._gets if p == path]

    def rate(self, start: float, end: float, path: str | None = None) -> float:
        """Bytes per second written for ``path`` (or any file) from ``start`` to ``end``."""
        blocks = self.sent(path)
        return sum(n for t, n in blocks if start < t <= end) / (end - start)

    def add_login_file(
        self, path: str, content: bytes | Path, content_type: str, cookie: str, status: int = 401
    ) -> str:
        """Serve a file only to requests sending ``cookie`` (``name=value``), like a login wall.

        Any other request gets a bare ``status`` (401 "Unauthorized" unless told).
        """
        body = content if isinstance(content, bytes) else Path(content).read_bytes()
        return self.add_route(path, _CookieWall(_File(body, content_type), cookie, status).serve)

    def add_html(self, path: str, html: str) -> str:
        """Serve ``html`` as ``text/html``."""
        return self.add_file(path, html.encode(), "text/html; charset=utf-8")

    def add_status(self, path: str, status: int) -> str:
        """Answer ``path`` with a bare ``status`` response."""
        return self.add_route(path, lambda h: _send_empty(h, status))

    def add_redirect(self, path: str, target: str, status: int = 302) -> str:
        """Redirect ``path`` to ``target`` (absolute URL or server path)."""
        return self.add_route(path, lambda h: _send_empty(h, status, {"Location": target}))

    def hits(self, path: str) -> int:
        """Return how many requests (any method) arrived for ``path``."""
        return sum(1 for _, p, _ in self.requests if p == path)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class _RequestHandler(BaseHTTPRequestHandler):
            # HTTP/1.0: one request per connection, so custom handlers may lie about or omit
            # Content-Length and the client still sees the end of the response.
            protocol_version = "HTTP/1.0"

            def setup(self) -> None:
                if server.send_buffer is not None:
                    self.request.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, server.send_buffer)
                super().setup()

            def _dispatch(self) -> None:
                path = urlsplit(self.path).path
                with server._lock:
                    server._requests.append((self.command, path, dict(self.headers.items())))
                    if self.command == "GET":
                        server._gets.append((time.monotonic(), path))
                    handler = server._routes.get(path)
                try:
                    (handler or (lambda h: _send_empty(h, 404)))(self)
                except ConnectionError:  # client went away mid-response
                    self.close_connection = True

            do_GET = do_HEAD = _dispatch

            def log_message(self, format: str, *args: object) -> None:
                """Silence per-request logging."""

        return _RequestHandler
