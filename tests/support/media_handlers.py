"""Request handlers for the loopback media server: files (ranges, throttling), empties."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler

Handler = Callable[[BaseHTTPRequestHandler], None]
_RANGE = re.compile(r"bytes=(\d*)-(\d*)$")
CHUNK = 16 * 1024


@dataclass
class _File:
    body: bytes
    content_type: str
    throttle_bps: int | None = None
    sent: Callable[[int], None] | None = None  # told the size of each block written

    def serve(self, h: BaseHTTPRequestHandler) -> None:
        """Serve the body honouring HEAD, a single byte range and throttling."""
        size, start, end = len(self.body), 0, len(self.body) - 1
        match = _RANGE.match(h.headers.get("Range", "").strip())
        first, last = match.groups() if match else ("", "")
        ranged = bool(first or last)
        if ranged:
            if first:
                start, end = int(first), min(int(last or end), end)
            else:
                start = max(size - int(last), 0)
            if start >= size or start > end:
                _send_empty(h, 416, {"Content-Range": f"bytes */{size}"})
                return
        h.send_response(206 if ranged else 200)
        h.send_header("Content-Type", self.content_type)
        h.send_header("Accept-Ranges", "bytes")
        h.send_header("Content-Length", str(end - start + 1))
        if ranged:
            h.send_header("Content-Range", f"bytes {start}-{end}/{size}")
        h.end_headers()
        if h.command == "HEAD":
            return
        chunk = min(CHUNK, max(1, self.throttle_bps // 10)) if self.throttle_bps else CHUNK
        for offset in range(start, end + 1, chunk):
            block = self.body[offset : min(offset + chunk, end + 1)]
            h.wfile.write(block)
            if self.sent is not None:
                self.sent(len(block))
            if self.throttle_bps and offset + chunk <= end:  # no pause after the last byte
                time.sleep(chunk / self.throttle_bps)


def _send_empty(h: BaseHTTPRequestHandler, status: int, headers: dict | None = None) -> None:
    """Send a response with no body."""
    h.send_response(status)
    for key, value in (headers or {}).items():
        h.send_header(key, value)
    h.send_header("Content-Length", "0")
    h.end_headers()


@dataclass
class _CookieWall:
    """A file served only to requests that send one cookie; the rest get ``status``."""

    file: _File
    cookie: str  # "name=value"
    status: int = 401

    def serve(self, h: BaseHTTPRequestHandler) -> None:
        """Serve the file if the ``Cookie`` header carries the cookie, else the bare status."""
        sent = [part.strip() for part in h.headers.get("Cookie", "").split(";")]
        if self.cookie in sent:
            self.file.serve(h)
        else:
            _send_empty(h, self.status)
