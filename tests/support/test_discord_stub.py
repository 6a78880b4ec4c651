"""Self-test: a real, in-process discord.py bot talks to the loopback Discord stub."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator

import aiohttp
import discord
import pytest
import yarl
from discord.ext import commands
from discord.gateway import DiscordWebSocket

from .discord_stub import DiscordStub, StubMessage

FILE_BYTES = b"\x00boss-bot payload\xff" * 64


def make_bot() -> commands.Bot:
    intents = discord.Intents.default()
    intents.message_content = True
    bot = commands.Bot(command_prefix="$", intents=intents, guild_ready_timeout=0.1)

    @bot.command()
    async def ping(ctx: commands.Context) -> None:
        await ctx.reply("pong")

    @bot.command(name="file")
    async def file_(ctx: commands.Context) -> None:
        await ctx.reply("here", file=discord.File(io.BytesIO(FILE_BYTES), filename="blob.bin"))

    return bot


async def start_bot(stub: DiscordStub, monkeypatch: pytest.MonkeyPatch) -> commands.Bot:
    monkeypatch.setattr(discord.http.Route, "BASE", stub.api_url)
    monkeypatch.setattr(DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(stub.gateway_url))
    bot, readies = make_bot(), len(stub.events_of("ready"))
    try:
        await bot.login("stub-token")
        bot.stub_task = asyncio.create_task(bot.connect())  # type: ignore[attr-defined]
        await stub.wait_ready(timeout=5, min_ready=readies + 1)
    except BaseException:
        await bot.close()
        raise
    return bot


async def stop_bot(bot: commands.Bot) -> None:
    await bot.close()
    await asyncio.wait_for(bot.stub_task, 5)  # type: ignore[attr-defined]


@pytest.fixture
async def stub() -> AsyncIterator[DiscordStub]:
    async with DiscordStub(premium_tier=0) as server:
        yield server


@pytest.fixture
async def bot(stub: DiscordStub, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[commands.Bot]:
    client = await start_bot(stub, monkeypatch)
    yield client
    await stop_bot(client)


async def test_bot_connects_and_sees_the_guild(stub: DiscordStub, bot: commands.Bot) -> None:
    """The bot logs in, gets READY + GUILD_CREATE and sees a 10 MiB tier-0 guild."""
    await asyncio.wait_for(bot.wait_until_ready(), 2)
    guild = bot.get_guild(stub.guild_id)
    assert guild is not None
    assert guild.filesize_limit == 10 * 1024 * 1024
    assert guild.owner_id == stub.user_id
    assert guild.me.id == bot.user.id == stub.bot_user_id
    assert bot.get_channel(stub.channel_id).name == "general"
    assert guild.me.guild_permissions.attach_files
    assert stub.requests == [("GET", "/users/@me"), ("GET", "/oauth2/applications/@me")]
    query = stub.events_of("gateway_connect")[0].data["query"]
    assert query == {"v": "10", "encoding": "json", "compress": "zlib-stream"}


async def test_ping_reply(stub: DiscordStub, bot: commands.Bot) -> None:
    """A user's ``$ping`` gets a ``pong`` reply referencing the user's message."""
    sent = await stub.send_user_message("$ping")
    reply = await stub.wait_for_message(lambda m: m.content == "pong", timeout=5)
    assert reply.reply_to == int(sent["id"])
    assert int(reply.message_reference["channel_id"]) == stub.channel_id
    assert reply.created_at > stub.events_of("user_message")[-1].at


async def test_file_reply(stub: DiscordStub, bot: commands.Bot) -> None:
    """``$file`` uploads the bytes as a multipart attachment, served back by the stub CDN."""
    sent = await stub.send_user_message("$file")
    reply = await stub.wait_for_message(lambda m: bool(m.attachments), timeout=5)
    assert reply.content == "here"
    assert reply.reply_to == int(sent["id"])
    [att] = reply.attachments
    assert (att.filename, att.data) == ("blob.bin", FILE_BYTES)
    message = await bot.get_channel(stub.channel_id).fetch_message(reply.id)
    assert await message.attachments[0].read() == FILE_BYTES


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
