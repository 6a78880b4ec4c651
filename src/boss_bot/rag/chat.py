"""The ``ChatModel`` port over any OpenAI-compatible ``/chat/completions`` endpoint.

llama.cpp's server, Ollama, vLLM or a hosted API (``BOSS_BOT_LLM_URL``): the server is
untrusted, so its body is size-capped and parsed defensively, redirects are not followed
(they could carry the key elsewhere), and every failure is a ``ChatError`` whose message
names neither the key nor the URL (which may hold credentials) nor what the server said.
"""

from collections.abc import Sequence
from types import TracebackType
from typing import Self
from urllib.parse import urlsplit

import aiohttp

from boss_bot.core.search.ports import ChatError, ChatMessage
from boss_bot.errors import ConfigError
from boss_bot.rag._reply import capped_body, reply_text

TEMPERATURE = 0.2
MAX_TOKENS = 400


class OpenAIChat:
    """A chat model at ``{base_url}/chat/completions``, with one HTTP session of its own.

    Close it with ``aclose()`` (or use it as ``async with``).
    """

    def __init__(
        self, base_url: str, model: str, api_key: str | None = None, timeout: float = 30
    ) -> None:
        """Remember where the model is; nothing is connected until the first question.

        Args:
            base_url: The API's base, e.g. ``http://127.0.0.1:8080/v1``.
            model: The model's name, as the server knows it.
            api_key: Sent as ``Authorization: Bearer``, only when given.
            timeout: Seconds for a whole request, from connecting to the last byte.

        Raises:
            ConfigError: ``base_url`` is not an http(s) URL, or has a password and a key
                is given too (aiohttp would refuse to send both).
        """
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError("The language model's URL (BOSS_BOT_LLM_URL) must be http(s).")
        if api_key and (parts.username or parts.password):
            raise ConfigError("Give the language model a key or a URL with a password, not both.")
        self._url = base_url.rstrip("/") + "/chat/completions"
        self._model = model
        self._headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._timeout = timeout
        self._session: aiohttp.ClientSession | None = None
        self._closed = False

    async def complete(self, messages: Sequence[ChatMessage]) -> str:
        """The model's reply to ``messages`` (untrusted text).

        Raises:
            ChatError: The server is unreachable, slow, answers an error or a malformed
                or oversized body, or this model was closed.
        """
        request = {
            "model": self._model,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "temperature": TEMPERATURE,
            "max_tokens": MAX_TOKENS,
            "stream": False,
        }
        try:
            async with self._open().post(
                self._url, json=request, headers=self._headers, allow_redirects=False
            ) as response:
                if response.status != 200:
                    raise ChatError(f"the language model answered HTTP {response.status}")
                body = await capped_body(response)
        except TimeoutError:
            raise ChatError(f"the language model gave no answer in {self._timeout:g} s") from None
        except aiohttp.ClientError as exc:  # its text may quote the URL: only its kind is shown
            raise ChatError(f"the language model is unreachable ({type(exc).__name__})") from None
        except ValueError as exc:  # aiohttp refusing the request itself
            raise ChatError(f"the language model was not asked ({type(exc).__name__})") from None
        return reply_text(body)

    def _open(self) -> aiohttp.ClientSession:
        if self._closed:
            raise ChatError("the language model's client is closed")
        if self._session is None:  # made here: a session needs the running event loop
            timeout = aiohttp.ClientTimeout(total=self._timeout)
            self._session = aiohttp.ClientSession(timeout=timeout)
        return self._session

    async def aclose(self) -> None:
        """Close the HTTP session; later questions fail with ``ChatError``."""
        self._closed = True
        if self._session is not None:
            await self._session.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()
