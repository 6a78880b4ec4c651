"""A fake OpenAI-compatible endpoint on loopback, answering as each test tells it to."""

import asyncio
import socket
from collections.abc import Awaitable, Callable

import pytest
from aiohttp import web

from boss_bot.core.search.ports import ChatError, ChatMessage
from boss_bot.rag.chat import OpenAIChat

MESSAGES = [ChatMessage("system", "rules"), ChatMessage("user", "question")]
KEY = "sk-secret-key-4242"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def free_port() -> int:
    """A loopback port nothing listens on (it was free a moment ago)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def completion(content: object) -> dict[str, object]:
    """An OpenAI-style completion body whose answer is ``content``."""
    return {"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]}


class FakeChatServer:
    """Serves ``POST /v1/chat/completions`` with ``handler``; keeps every request it got."""

    def __init__(self) -> None:
        self.handler: Handler = self.answer_ok
        self.requests: list[tuple[dict[str, str], object]] = []
        self.release = asyncio.Event()  # a stalling handler waits for this
        self.port = free_port()
        self._runner: web.AppRunner | None = None

    @property
    def base_url(self) -> str:
        """Where the API lives, as an operator would set ``BOSS_BOT_LLM_URL``."""
        return f"http://127.0.0.1:{self.port}/v1"

    async def start(self) -> None:
        """Listen on loopback."""
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._serve)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    async def stop(self) -> None:
        """Let stalled handlers go and stop listening."""
        self.release.set()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _serve(self, request: web.Request) -> web.StreamResponse:
        self.requests.append((dict(request.headers), await request.json()))
        return await self.handler(request)

    async def answer_ok(self, request: web.Request) -> web.StreamResponse:
        """A normal completion."""
        return web.json_response(completion("The bridge fell in the wind [1]."))

    async def stall(self, request: web.Request) -> web.StreamResponse:
        """No answer until the test ends."""
        await self.release.wait()
        return web.json_response(completion("too late"))

    async def stream_forever(self, request: web.Request) -> web.StreamResponse:
        """A chunked body with no length that never ends (until the test does)."""
        response = web.StreamResponse()
        response.enable_chunked_encoding()
        await response.prepare(request)
        while not self.release.is_set():
            await response.write(b"x" * 65536)
        return response


async def ask(base_url: str, api_key: str | None = None, timeout: float = 5) -> str:
    """What a fresh ``OpenAIChat`` at ``base_url`` answers to ``MESSAGES``."""
    async with OpenAIChat(base_url, "tiny-model", api_key=api_key, timeout=timeout) as chat:
        return await chat.complete(MESSAGES)


async def failure(base_url: str, api_key: str | None = KEY, timeout: float = 5) -> str:
    """The text of the ``ChatError`` asking at ``base_url`` raises."""
    with pytest.raises(ChatError) as caught:
        await ask(base_url, api_key, timeout)
    return str(caught.value)
