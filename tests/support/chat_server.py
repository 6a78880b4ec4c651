"""A loopback OpenAI-compatible ``/v1/chat/completions`` endpoint that tests script."""

from __future__ import annotations

import asyncio
from typing import Any, Self

from aiohttp import web


class ChatServer:
    """Answers every chat completion with ``reply`` and keeps the requests it got.

    Use as ``async with ChatServer("text [1]") as chat:``; ``chat.url`` is the base URL
    (``http://127.0.0.1:<port>/v1``) for ``BOSS_BOT_LLM_URL``.
    """

    def __init__(self, reply: str, status: int = 200) -> None:
        self.reply, self.status = reply, status
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.asked = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.url = ""

    async def _complete(self, request: web.Request) -> web.Response:
        self.requests.append(await request.json())
        self.headers.append(dict(request.headers))
        self.asked.set()
        if self.status != 200:
            return web.json_response({"error": {"message": "down"}}, status=self.status)
        message = {"role": "assistant", "content": self.reply}
        return web.json_response({"choices": [{"index": 0, "message": message}]})

    async def __aenter__(self) -> Self:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._complete)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = self._runner.addresses[0][1]
        self.url = f"http://127.0.0.1:{port}/v1"
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
