"""A chat endpoint's reply, read defensively: its size capped, its text found or refused."""

import json

import aiohttp

from boss_bot.core.search.ports import ChatError

MAX_BODY = 256 * 1024
"""Bytes of a reply read at most (an answer of ~400 tokens needs a few kilobytes)."""


def reply_text(body: bytes) -> str:
    """``choices[0].message.content`` of an OpenAI-style completion body.

    ``content`` may be a string or, as some servers send, a list of parts whose
    ``"text"`` strings are joined. Whatever the server sent, the error says only what
    was wrong with it, never what it said.

    Raises:
        ChatError: The body is not JSON, or holds no text where the answer belongs.
    """
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # RecursionError: deeply nested arrays
        raise ChatError("the language model's reply is not JSON") from None
    match data:
        case {"choices": [{"message": {"content": str() as content}}, *_]}:
            return content
        case {"choices": [{"message": {"content": [*parts]}}, *_]}:
            texts = [part.get("text") for part in parts if isinstance(part, dict)]
            if any(isinstance(text, str) for text in texts):
                return "".join(text for text in texts if isinstance(text, str))
    raise ChatError("the language model's reply has no answer text")


async def capped_body(response: aiohttp.ClientResponse) -> bytes:
    """The body, read until ``MAX_BODY`` bytes at most (a length header may be missing)."""
    if (response.content_length or 0) > MAX_BODY:
        raise ChatError("the language model's reply is too large")
    body = bytearray()
    async for chunk in response.content.iter_any():
        body += chunk
        if len(body) > MAX_BODY:
            raise ChatError("the language model's reply is too large")
    return bytes(body)
