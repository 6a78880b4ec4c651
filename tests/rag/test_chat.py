"""OpenAIChat against a fake endpoint on loopback: the request, the reply, every failure."""

import json
import time
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from boss_bot.core.search.ports import ChatError, ChatMessage
from boss_bot.errors import ConfigError
from boss_bot.rag.chat import OpenAIChat
from tests.rag.chatkit import FakeChatServer, completion, free_port

MESSAGES = [ChatMessage("system", "rules"), ChatMessage("user", "question")]
KEY = "sk-secret-key-4242"


@pytest.fixture
async def server() -> AsyncIterator[FakeChatServer]:
    fake = FakeChatServer()
    await fake.start()
    yield fake
    await fake.stop()


async def _ask(base_url: str, api_key: str | None = None, timeout: float = 5) -> str:
    async with OpenAIChat(base_url, "tiny-model", api_key=api_key, timeout=timeout) as chat:
        return await chat.complete(MESSAGES)


async def _failure(base_url: str, api_key: str | None = KEY, timeout: float = 5) -> str:
    with pytest.raises(ChatError) as caught:
        await _ask(base_url, api_key, timeout)
    return str(caught.value)


async def test_a_reply_is_read_and_the_request_is_openai_shaped(server: FakeChatServer) -> None:
    """Model, messages, temperature 0.2, max_tokens 400, no stream; the content comes back."""
    assert await _ask(server.base_url + "/") == "The bridge fell in the wind [1]."
    [(_, body)] = server.requests
    assert body == {
        "model": "tiny-model",
        "messages": [
            {"role": "system", "content": "rules"},
            {"role": "user", "content": "question"},
        ],
        "temperature": 0.2,
        "max_tokens": 400,
        "stream": False,
    }


async def test_the_key_is_sent_only_when_set(server: FakeChatServer) -> None:
    """Authorization: Bearer with a key; no Authorization header at all without one."""
    await _ask(server.base_url, api_key=KEY)
    await _ask(server.base_url)
    (with_key, _), (without_key, _) = server.requests
    assert with_key["Authorization"] == f"Bearer {KEY}"
    assert "Authorization" not in without_key


async def test_content_parts_are_joined(server: FakeChatServer) -> None:
    """A list of text parts, as some servers send, is one answer."""

    async def parts(request: web.Request) -> web.StreamResponse:
        return web.json_response(completion([{"type": "text", "text": "A "}, {"text": "B"}, 3]))

    server.handler = parts
    assert await _ask(server.base_url) == "A B"


async def test_an_http_error_names_the_status_not_the_body(server: FakeChatServer) -> None:
    """A 500 (or a 401 echoing the key) is a short ChatError without the server's words."""

    async def echo_key(request: web.Request) -> web.StreamResponse:
        return web.json_response(
            {"error": {"message": request.headers["Authorization"]}}, status=401
        )

    server.handler = echo_key
    message = await _failure(server.base_url)
    assert message == "the language model answered HTTP 401"

    async def fail(request: web.Request) -> web.StreamResponse:
        return web.Response(status=500, text="internal error at /srv/secret/path")

    server.handler = fail
    assert await _failure(server.base_url) == "the language model answered HTTP 500"


async def test_a_redirect_is_not_followed(server: FakeChatServer) -> None:
    """A 307 elsewhere could carry the key away: it is an error, and one request was made."""

    async def redirect(request: web.Request) -> web.StreamResponse:
        raise web.HTTPTemporaryRedirect("http://127.0.0.1:9/steal")

    server.handler = redirect
    assert await _failure(server.base_url) == "the language model answered HTTP 307"
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
    assert error in await _failure(server.base_url)


async def test_a_huge_body_is_refused_with_or_without_a_length(server: FakeChatServer) -> None:
    """A declared 1 MB body, and an endless chunked one, stop at the cap."""

    async def huge(request: web.Request) -> web.StreamResponse:
        return web.Response(body=b" " * 1_000_000, content_type="application/json")

    server.handler = huge
    assert "too large" in await _failure(server.base_url)
    server.handler = server.stream_forever
    assert "too large" in await _failure(server.base_url)


async def test_a_silent_server_times_out_within_the_bound(server: FakeChatServer) -> None:
    """A server that never answers is a ChatError once the timeout has passed."""
    server.handler = server.stall
    started = time.monotonic()
    message = await _failure(server.base_url, timeout=0.3)
    assert message == "the language model gave no answer in 0.3 s"
    assert time.monotonic() - started < 3.0  # 0.3 s, with ten times slack for a busy machine


async def test_connection_refused_hides_the_url_and_its_credentials() -> None:
    """Nothing listening: a ChatError naming neither the key nor the URL's password."""
    url = f"http://admin:hunter2@127.0.0.1:{free_port()}/v1"
    message = await _failure(url, api_key=None)
    assert message.startswith("the language model is unreachable")
    assert "hunter2" not in message
    assert "127.0.0.1" not in message


def test_a_url_password_and_a_key_together_are_a_config_error() -> None:
    """Both cannot be sent (aiohttp refuses): refused at start-up, naming neither."""
    with pytest.raises(ConfigError, match="not both") as caught:
        OpenAIChat("http://admin:hunter2@127.0.0.1/v1", "tiny-model", api_key=KEY)
    assert KEY not in str(caught.value)
    assert "hunter2" not in str(caught.value)


async def test_a_url_password_is_sent_as_basic_auth(server: FakeChatServer) -> None:
    """Credentials in the URL (a proxy in front of the model) reach the server."""
    await _ask(f"http://admin:hunter2@127.0.0.1:{server.port}/v1")
    [(headers, _)] = server.requests
    assert headers["Authorization"].startswith("Basic ")


async def test_a_key_that_would_break_the_header_is_not_sent(server: FakeChatServer) -> None:
    """A key pasted with a line break fails cleanly, without the key, and nothing is sent."""
    message = await _failure(server.base_url, api_key=f"{KEY}\nX-Injected: 1")
    assert message == "the language model was not asked (ValueError)"
    assert KEY not in message
    assert not server.requests


async def test_a_closed_client_refuses_questions(server: FakeChatServer) -> None:
    """After aclose() the session is closed and a question is a ChatError."""
    chat = OpenAIChat(server.base_url, "tiny-model")
    assert await chat.complete(MESSAGES)
    await chat.aclose()
    with pytest.raises(ChatError, match="closed"):
        await chat.complete(MESSAGES)


@pytest.mark.parametrize("url", ["ftp://host/v1", "127.0.0.1:8080/v1", "", "http:///v1"])
def test_a_url_that_is_not_http_is_a_config_error(url: str) -> None:
    """Only http(s) URLs with a host are accepted at start-up."""
    with pytest.raises(ConfigError, match="must be http"):
        OpenAIChat(url, "tiny-model")
