"""dpytest fixtures: a ``BossBot`` wired to the fake Discord backend.

Patches make dpytest 0.7.0 work with discord.py 2.7 (see STYLE.md): messages with
files carry their content in multipart ``payload_json``, and edits may come from
``PartialMessage`` objects (both wrappers re-create the caller's locals that dpytest
reads from the stack, ``channel`` and ``self``); reaction events need a ``type``; and
``Guild.fetch_member`` of a non-member answers 404 (Unknown Member), as Discord does.
"""

import asyncio
import inspect
import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from types import SimpleNamespace

import discord
import discord.ext.test as dpytest
import pytest
import pytest_asyncio
from discord.ext import commands
from discord.ext.test import backend
from discord.ext.test import factories as facts
from discord.state import ConnectionState

from boss_bot.bot.building import build_bot
from boss_bot.bot.client import BossBot
from boss_bot.bot.telling import Wants, default_wants
from boss_bot.settings import BotSettings
from tests.fakes import FakeDownloader

_send, _edit = backend.FakeHttp.send_message, backend.FakeHttp.edit_message


async def _send_message(self, channel_id, *, params):
    channel = inspect.currentframe().f_back.f_locals.get("channel")  # noqa: F841 - read by dpytest
    if params.payload is None and params.multipart:
        payload = json.loads(params.multipart[0]["value"])
        params = params._replace(payload=payload)
    return await _send(self, channel_id, params=params)


async def _edit_message(http, channel_id, message_id, **fields):
    self = inspect.currentframe().f_back.f_locals.get("self")
    if not isinstance(self, discord.Message):
        self = http.state._get_message(message_id)
    return await _edit(http, channel_id, message_id, **fields)


_reaction_add = ConnectionState.parse_message_reaction_add


def _parse_reaction_add(self, data):
    return _reaction_add(self, {"type": 0, **data})


async def _get_member(self, guild_id, member_id):
    guild = self.state._get_guild(guild_id)
    member = guild.get_member(member_id) if guild else None
    if member is None:
        raise discord.NotFound(SimpleNamespace(status=404, reason="Not Found"), "Unknown Member")
    return facts.dict_from_member(member)


@pytest.fixture(autouse=True)
def _patch_dpytest(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backend.FakeHttp, "send_message", _send_message)
    monkeypatch.setattr(backend.FakeHttp, "edit_message", _edit_message)
    monkeypatch.setattr(backend.FakeHttp, "get_member", _get_member)
    monkeypatch.setattr(ConnectionState, "parse_message_reaction_add", _parse_reaction_add)


@pytest_asyncio.fixture
async def make_bot(
    make_settings: Callable[..., BotSettings], tmp_path: Path
) -> AsyncIterator[Callable[..., "asyncio.Future[BossBot]"]]:
    """Build a configured dpytest bot; pass ``router=``, ``wants=`` and settings overrides.

    dpytest needs the members intent to cache its fake members; the real bot does not ask for it.
    """
    bots: list[BossBot] = []

    async def build(
        router: object = None, wants: Wants = default_wants, **overrides: object
    ) -> BossBot:
        route = router or FakeDownloader().route
        settings = make_settings(**overrides)
        bot = build_bot(settings, route, intents=discord.Intents.all(), wants=wants)
        dpytest.configure(bot)
        await bot._async_setup_hook()
        await bot.setup_hook()
        bot.service.start_workers()  # dpytest never fires on_ready
        bots.append(bot)
        return bot

    yield build  # type: ignore[misc]
    for bot in bots:
        await bot.service.close()
    await dpytest.empty_queue()
    for leftover in Path().glob("dpytest_*.dat"):
        leftover.unlink()


async def say(text: str, **where: object) -> Exception | None:
    """Post ``text`` (``channel=``, ``member=``); return the command error dpytest re-raises.

    dpytest re-raises every command error after our handler has answered, so tests
    that check the answer to bad input go through this.
    """
    try:
        await dpytest.message(text, **where)
    except commands.CommandError as exc:
        return exc
    return None


async def drain(bot: BossBot, timeout: float = 30) -> None:
    """Wait until no job is waiting or running."""
    async with asyncio.timeout(timeout):
        while len(bot.service.queue_view()):
            await asyncio.sleep(0.02)


def sent() -> list[discord.Message]:
    """The messages the bot sent that the test has not read yet (all of them, in order)."""
    messages = []
    while not dpytest.sent_queue.empty():
        messages.append(dpytest.get_message())
    return messages
