"""OpenAIChat against a fake endpoint on loopback: the request, the key, the reply."""

import pytest
from aiohttp import web

from boss_bot.core.search.ports import ChatError
from boss_bot.errors import ConfigError
from boss_bot.rag.chat import OpenAIChat
from tests.rag.chatkit import KEY, MESSAGES, FakeChatServer, ask, completion, failure


async def test_a_reply_is_read_and_the_request_is_openai_shaped(server: FakeChatServer) -> None:
    """Model, messages, temperature 0.2, max_tokens 400, no stream; the content comes back."""
    assert await ask(server.base_url + "/") == "The bridge fell in the wind [1]."
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
    await ask(server.base_url, api_key=KEY)
    await ask(server.base_url)
    (with_key, _), (without_key, _) = server.requests
    assert with_key["Authorization"] == f"Bearer {KEY}"
    assert "Authorization" not in without_key


async def test_content_parts_are_joined(server: FakeChatServer) -> None:
    """A list of text parts, as some servers send, is one answer."""

    async def parts(request: web.Request) -> web.StreamResponse:
        return web.json_response(completion([{"type": "text", "text": "A "}, {"text": "B"}, 3]))

    server.handler = parts
    assert await ask(server.base_url) == "A B"


def test_a_url_password_and_a_key_together_are_a_config_error() -> None:
    """Both cannot be sent (aiohttp refuses): refused at start-up, naming neither."""
    with pytest.raises(ConfigError, match="not both") as caught:
        OpenAIChat("http://admin:hunter2@127.0.0.1/v1", "tiny-model", api_key=KEY)
    assert KEY not in str(caught.value)
    assert "hunter2" not in str(caught.value)


async def test_a_url_password_is_sent_as_basic_auth(server: FakeChatServer) -> None:
    """Credentials in the URL (a proxy in front of the model) reach the server."""
    await ask(f"http://admin:hunter2@127.0.0.1:{server.port}/v1")
    [(headers, _)] = server.requests
    assert headers["Authorization"].startswith("Basic ")


async def test_a_key_that_would_break_the_header_is_not_sent(server: FakeChatServer) -> None:
    """A key pasted with a line break fails cleanly, without the key, and nothing is sent."""
    message = await failure(server.base_url, api_key=f"{KEY}\nX-Injected: 1")
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
