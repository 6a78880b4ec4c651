"""Self-test: the stub honours message nonces as Discord does (``enforce_nonce``)."""

from __future__ import annotations

from typing import Any

import aiohttp
import discord
import pytest
from discord.ext import commands

from .discord_stub import DiscordStub


async def _post(stub: DiscordStub, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    url = f"{stub.api_url}/channels/{stub.channel_id}/messages"
    async with aiohttp.ClientSession() as session, session.post(url, json=body) as response:
        return response.status, await response.json()


async def test_a_repeated_nonce_returns_the_first_message(
    stub: DiscordStub, bot: commands.Bot
) -> None:
    """discord.py sends ``enforce_nonce``: the same nonce again is the first message."""
    channel = bot.get_channel(stub.channel_id)
    assert isinstance(channel, discord.TextChannel)
    first = await channel.send("files", nonce="job-0-10")
    again = await channel.send("files", nonce="job-0-10")
    other = await channel.send("files", nonce="job-10-3")
    assert again.id == first.id != other.id
    assert first.nonce == again.nonce == "job-0-10"
    assert [m.id for m in stub.messages] == [first.id, other.id]
    assert [e.data["message_id"] for e in stub.events_of("nonce_repeat")] == [first.id]
    assert stub.events_of("bot_message")[-1].data["message_id"] == other.id


async def test_without_enforce_nonce_the_nonce_is_only_echoed(stub: DiscordStub) -> None:
    """A nonce without ``enforce_nonce`` makes a new message each time, and comes back."""
    answers = [await _post(stub, {"content": "hi", "nonce": "n1"}) for _ in range(2)]
    assert [status for status, _ in answers] == [200, 200]
    assert [data["nonce"] for _, data in answers] == ["n1", "n1"]
    assert len({data["id"] for _, data in answers}) == len(stub.messages) == 2


async def test_an_enforced_nonce_repeats_an_unenforced_one(stub: DiscordStub) -> None:
    """Discord returns "another message ... with the same nonce", enforced or not."""
    _, first = await _post(stub, {"content": "hi", "nonce": 7})
    status, again = await _post(stub, {"content": "hi", "nonce": 7, "enforce_nonce": True})
    assert (status, again["id"]) == (200, first["id"])
    assert len(stub.messages) == 1


async def test_a_nonce_is_forgotten_after_the_window() -> None:
    """Past the window (Discord: "a few minutes") the same nonce makes a new message."""
    async with DiscordStub(nonce_window=0) as stub:
        body = {"content": "hi", "nonce": "n1", "enforce_nonce": True}
        ids = [(await _post(stub, body))[1]["id"] for _ in range(2)]
    assert ids[0] != ids[1]
    assert len(stub.messages) == 2


@pytest.mark.parametrize(("nonce", "status"), [("x" * 25, 200), ("x" * 26, 400)])
async def test_a_string_nonce_has_at_most_25_characters(
    stub: DiscordStub, nonce: str, status: int
) -> None:
    """Discord refuses a longer string nonce (400, Invalid Form Body)."""
    assert (await _post(stub, {"content": "hi", "nonce": nonce}))[0] == status


async def test_the_nonce_of_a_deleted_message_is_not_found(stub: DiscordStub) -> None:
    """discord.py: NotFound for "the same nonce as one that has been explicitly deleted"."""
    body = {"content": "hi", "nonce": "n1", "enforce_nonce": True}
    _, first = await _post(stub, body)
    url = f"{stub.api_url}/channels/{stub.channel_id}/messages/{first['id']}"
    async with aiohttp.ClientSession() as session, session.delete(url) as response:
        assert response.status == 204
    status, answer = await _post(stub, body)
    assert (status, answer["code"]) == (404, 10008)
