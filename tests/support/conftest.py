"""An in-process discord.py bot connected to the loopback stub, for the stub's self-tests."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator

import discord
import pytest
import yarl
from discord.ext import commands
from discord.gateway import DiscordWebSocket

from .discord_stub import DiscordStub

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
