"""Self-test: a real, in-process discord.py bot talks to the loopback Discord stub."""

from __future__ import annotations

import asyncio
import io

import discord
import pytest
from discord.ext import commands

from .conftest import FILE_BYTES
from .discord_stub import DiscordStub


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


async def test_embeds_are_checked_like_discord_does(stub: DiscordStub, bot: commands.Bot) -> None:
    """An embed naming a file not sent, or over its limits, is a 400; a good one is kept."""
    channel = bot.get_channel(stub.channel_id)
    assert isinstance(channel, discord.TextChannel)
    missing = discord.Embed(title="t").set_thumbnail(url="attachment://poster.jpg")
    with pytest.raises(discord.HTTPException) as refused:
        await channel.send(embed=missing)
    assert refused.value.status == 400
    with pytest.raises(discord.HTTPException):
        await channel.send(embed=discord.Embed(title="t" * 257))
    poster = discord.File(io.BytesIO(b"\xff\xd8\xff"), filename="poster.jpg")
    message = await channel.send(file=poster, embed=missing)
    kept = await stub.wait_for_message(lambda m: m.id == message.id, timeout=5)
    assert kept.embeds[0]["thumbnail"]["url"] == "attachment://poster.jpg"
