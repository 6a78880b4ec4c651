"""Tests for the loopback media server and the ffmpeg media generators."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import aiohttp
import pytest

from .media_server import MediaServer

BODY = bytes(range(256)) * 40  # 10240 bytes


@pytest.fixture
def srv() -> Iterator[MediaServer]:
    with MediaServer() as server:
        yield server


def fetch(url: str, method: str = "GET", headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def test_get_serves_body_with_length_and_type(srv: MediaServer) -> None:
    """GET returns the registered bytes with Content-Length and Content-Type."""
    url = srv.add_file("/v/clip.mp4", BODY, content_type="video/mp4")
    assert url == f"{srv.base_url}/v/clip.mp4"
    assert srv.base_url.startswith("http://127.0.0.1:")
    status, headers, body = fetch(url)
    assert (status, body) == (200, BODY)
    assert headers["Content-Length"] == str(len(BODY))
    assert headers["Content-Type"] == "video/mp4"


def test_head_sends_headers_only(srv: MediaServer) -> None:
    """HEAD reports the full length but sends no body."""
    url = srv.add_file("/a.bin", BODY)
    status, headers, body = fetch(url, "HEAD")
    assert (status, body, headers["Content-Length"]) == (200, b"", str(len(BODY)))


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [("bytes=10-19", 10, 19), ("bytes=10240-", None, None), ("bytes=10000-", 10000, 10239)],
)
def test_range_requests(srv: MediaServer, header: str, start: int | None, end: int | None) -> None:
    """Range requests give 206 with Content-Range, or 416 when unsatisfiable."""
    url = srv.add_file("/r.bin", BODY)
    status, headers, body = fetch(url, headers={"Range": header})
    if start is None:
        assert status == 416
        return
    assert (status, body) == (206, BODY[start : end + 1])
    assert headers["Content-Range"] == f"bytes {start}-{end}/{len(BODY)}"


def test_file_from_path(srv: MediaServer, tmp_path: Path) -> None:
    """add_file accepts a filesystem path."""
    src = tmp_path / "x.bin"
    src.write_bytes(b"hello")
    assert fetch(srv.add_file("/x.bin", src))[2] == b"hello"


def test_unknown_path_and_status(srv: MediaServer) -> None:
    """Unknown paths are 404 and add_status answers with the chosen status."""
    srv.add_status("/gone.mp4", 410)
    assert fetch(srv.url("/nope"))[0] == 404
    assert fetch(srv.url("/gone.mp4"))[0] == 410


def test_redirect_is_followed(srv: MediaServer) -> None:
    """A redirect leads the client to the target file."""
    srv.add_file("/v/clip.mp4", BODY, "video/mp4")
    srv.add_redirect("/r", "/v/clip.mp4", status=302)
    assert fetch(srv.url("/r"))[2] == BODY
    assert (srv.hits("/r"), srv.hits("/v/clip.mp4")) == (1, 1)


def test_requests_log_and_custom_route(srv: MediaServer) -> None:
    """Custom handlers run and every request is logged with method, path and headers."""

    def teapot(h: BaseHTTPRequestHandler) -> None:
        h.send_response(418)
        h.end_headers()
        h.wfile.write(b"short and stout")

    srv.add_route("/custom", teapot)
    status, _, body = fetch(srv.url("/custom?q=1"), headers={"X-Test": "yes"})
    assert (status, body) == (418, b"short and stout")
    method, path, headers = srv.requests[-1]
    assert (method, path, headers["X-Test"]) == ("GET", "/custom", "yes")


def test_throttle_slows_download(srv: MediaServer) -> None:
    """throttle_bps makes a download take roughly size / rate seconds."""
    url = srv.add_file("/slow.bin", BODY, throttle_bps=20_000)
    started = time.monotonic()
    assert fetch(url)[2] == BODY
    assert time.monotonic() - started >= 0.4


async def test_usable_from_async_client(srv: MediaServer) -> None:
    """An aiohttp client in the event loop can fetch from the threaded server."""
    url = srv.add_file("/a.png", BODY, "image/png")
    async with aiohttp.ClientSession() as session, session.get(url) as resp:
        assert (resp.status, await resp.read()) == (200, BODY)


@pytest.mark.parametrize("status", [401, 403])
def test_login_file_wants_its_cookie(srv: MediaServer, status: int) -> None:
    """A login file answers ``status`` without its cookie, or with a wrong one; serves with it."""
    url = srv.add_login_file("/m/a.png", BODY, "image/png", "sid=right", status=status)
    assert fetch(url)[0] == status
    assert fetch(url, headers={"Cookie": "sid=wrong; other=right"})[0] == status
    assert fetch(url, headers={"Cookie": "a=b; sid=right"})[::2] == (200, BODY)
