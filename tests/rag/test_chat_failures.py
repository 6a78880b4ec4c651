"""OpenAIChat when the endpoint fails: every failure a short ChatError that leaks nothing."""

import json
import time

import pytest
from aiohttp import web

from tests.rag.chatkit import FakeChatServer, completion, failure, free_port


async def test_an_http_error_names_the_status_not_the_body(server: FakeChatServer) -> None:
    """A 500 (or a 401 echoing the key) is a short ChatError without the server's words."""

    async def echo_key(request: web.Request) -> web.StreamResponse:
        return web.json_response(
            {"error": {"message": request.headers["Authorization"]}}, status=401
        )

    server.handler = echo_key
    message = await failure(server.base_url)
    assert message == "the language model answered HTTP 401"

    async def fail(request: web.Request) -> web.StreamResponse:
        return web.Response(status=500, text="internal error at /srv/secret/path")

    server.handler = fail
    assert await failure(server.base_url) == "the language model answered HTTP 500"


async def test_a_redirect_is_not_followed(server: FakeChatServer) -> None:
    """A 307 elsewhere could carry the key away: it is an error, and one request was made."""

    async def redirect(request: web.Request) -> web.StreamResponse:
        raise web.HTTPTemporaryRedirect("http://127.0.0.1:9/steal")

    server.handler = redirect
    assert await failure(server.base_url) == "the language model answered HTTP 307"
    assert len(server.requests) == 1


@pytest.mark.parametrize(
    ("body", "error"),
    [
        (b"<html>not json</html>", "not JSON"),
        (b"\xff\xfe\x00", "not JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "not JSON"),
        (json.dumps({"choices": []}).encode(), "no answer text"),
        (json.dumps({"choices": [{"message": {"content": None}}]}).encode(), "no answer text"),
        (json.dumps({"choices": [{"message": "hello"}]}).encode(), "no answer text"),
        (json.dumps({"choices": {"0": {}}}).encode(), "no answer text"),
        (json.dumps(["choices"]).encode(), "no answer text"),
        (json.dumps(completion([{"text": 5}])).encode(), "no answer text"),
    ],
)
async def test_a_malformed_reply_is_a_chat_error(
    server: FakeChatServer, body: bytes, error: str
) -> None:
    """Wrong JSON, wrong types, missing fields: a ChatError saying what was wrong."""

    async def malformed(request: web.Request) -> web.StreamResponse:
        return web.Response(body=body, content_type="application/json")

    server.handler = malformed
    assert error in await failure(server.base_url)


async def test_a_huge_body_is_refused_with_or_without_a_length(server: FakeChatServer) -> None:
    """A declared 1 MB body, and an endless chunked one, stop at the cap."""

    async def huge(request: web.Request) -> web.StreamResponse:
        return web.Response(body=b" " * 1_000_000, content_type="application/json")

    server.handler = huge
    assert "too large" in await failure(server.base_url)
    server.handler = server.stream_forever
    assert "too large" in await failure(server.base_url)


async def test_a_silent_server_times_out_within_the_bound(server: FakeChatServer) -> None:
    """A server that never answers is a ChatError once the timeout has passed."""
    server.handler = server.stall
    started = time.monotonic()
    message = await failure(server.base_url, timeout=0.3)
    assert message == "the language model gave no answer in 0.3 s"
    assert time.monotonic() - started < 3.0  # 0.3 s, with ten times slack for a busy machine


async def test_connection_refused_hides_the_url_and_its_credentials() -> None:
    """Nothing listening: a ChatError naming neither the key nor the URL's password."""
    url = f"http://admin:hunter2@127.0.0.1:{free_port()}/v1"
    message = await failure(url, api_key=None)
    assert message.startswith("the language model is unreachable")
    assert "hunter2" not in message
    assert "127.0.0.1" not in message
