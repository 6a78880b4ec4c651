"""Self-test of the stub: edits, reactions, forced failures, tiers, reconnects, unknown routes."""

from __future__ import annotations

import asyncio
import io

import aiohttp
import discord
import pytest
from discord.ext import commands

from .conftest import start_bot, stop_bot
from .discord_stub import DiscordStub, StubMessage


async def test_edit_delete_and_reactions(stub: DiscordStub, bot: commands.Bot) -> None:
    """Edits, reactions and deletes are recorded and echoed over the gateway."""
    channel = bot.get_channel(stub.channel_id)
    edited = asyncio.ensure_future(bot.wait_for("raw_message_edit", timeout=5))
    message = await channel.send("draft")
    await message.edit(content="final")
    assert (await edited).message.content == "final"
    recorded = stub.messages[-1]
    assert (recorded.content, len(recorded.edits), len(recorded.edited_at)) == ("final", 1, 1)
    assert recorded.edits[0]["content"] == "final"
    await message.add_reaction("⏹️")
    assert recorded.reactions == ["⏹️"]
    reacted = asyncio.ensure_future(
        bot.wait_for("raw_reaction_add", check=lambda p: p.user_id == stub.user_id, timeout=5)
    )
    await stub.add_reaction(message.id, "⏹️")
    payload = await reacted
    assert (payload.message_id, str(payload.emoji)) == (message.id, "⏹️")
    await message.delete()
    assert recorded.deleted


async def test_forced_upload_failure(stub: DiscordStub, bot: commands.Bot) -> None:
    """``fail_next_uploads`` makes the bot's next upload raise HTTPException 413."""
    channel = bot.get_channel(stub.channel_id)
    stub.fail_next_uploads(count=1, status=413)
    with pytest.raises(discord.HTTPException) as info:
        await channel.send(file=discord.File(io.BytesIO(b"x"), filename="a.bin"))
    assert (info.value.status, info.value.code) == (413, 40005)
    await channel.send(file=discord.File(io.BytesIO(b"x"), filename="b.bin"))
    assert [a.filename for a in stub.messages[-1].attachments] == ["b.bin"]


async def test_forced_edit_failures_can_pick_the_edit(stub: DiscordStub, bot: commands.Bot) -> None:
    """``fail_next_edits(containing=)`` fails only edits whose new content contains it."""
    message = await bot.get_channel(stub.channel_id).send("📤 uploading")
    stub.fail_next_edits(1, status=403, containing="✅")
    await message.edit(content="📤 still uploading")
    with pytest.raises(discord.Forbidden):
        await message.edit(content="✅ done")
    await message.edit(content="✅ done")
    assert stub.messages[-1].content == "✅ done"
    assert [e.data["status"] for e in stub.events_of("edit_rejected")] == [403]


async def test_premium_tier_and_reconnect(
    stub: DiscordStub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A restarted bot sees the new premium tier; an oversized upload gets 413."""
    first = await start_bot(stub, monkeypatch)
    await stop_bot(first)
    stub.set_premium_tier(2)
    second = await start_bot(stub, monkeypatch)
    try:
        assert second.get_guild(stub.guild_id).filesize_limit == 50 * 1024 * 1024
        stub.set_premium_tier(0)
        big = discord.File(io.BytesIO(b"\0" * (10 * 1024 * 1024 + 1)), filename="big.bin")
        with pytest.raises(discord.HTTPException) as info:
            await second.get_channel(stub.channel_id).send(file=big)
        assert info.value.status == 413
        assert len(stub.events_of("identify")) == 2
    finally:
        await stop_bot(second)


async def test_resume_after_dropped_gateway(stub: DiscordStub, bot: commands.Bot) -> None:
    """Closing the gateway with 4000 makes discord.py RESUME; commands still work."""
    resumed = asyncio.ensure_future(bot.wait_for("resumed", timeout=5))
    await stub.drop_connections(4000)
    await resumed
    await stub.wait_for_event("resume", timeout=1)
    await stub.send_user_message("$ping")
    reply: StubMessage = await stub.wait_for_message(lambda m: m.content == "pong", timeout=5)
    assert reply.reply_to is not None


async def test_unknown_route_is_json_404(stub: DiscordStub) -> None:
    """Unknown API routes answer Discord-style JSON 404 with exact content type."""
    async with (
        aiohttp.ClientSession() as session,
        session.get(stub.api_url + "/nope/123") as response,
    ):
        assert response.status == 404
        assert response.headers["Content-Type"] == "application/json"
        assert await response.json() == {"message": "Unknown route", "code": 0}
    assert stub.requests == [("GET", "/nope/123")]
