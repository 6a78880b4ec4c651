"""Answering a command: a reply that survives a deleted request, never pinging anyone."""

import asyncio
from collections.abc import Awaitable, Coroutine
from typing import Any, TypeAlias, TypeVar

import discord
from discord.ext import commands
from loguru import logger

from boss_bot.core.tasks import BackgroundTasks

NO_MENTIONS = discord.AllowedMentions.none()
MAX_CONTENT = 2000  # Discord's limit for message content
T = TypeVar("T")
# Any bot's command context (discord.py's own bound): for helpers that need nothing of BossBot.
AnyContext: TypeAlias = commands.Context[commands.Bot | commands.AutoShardedBot]


def clip(text: str, limit: int = MAX_CONTENT) -> str:
    """Cut ``text`` to Discord's message limit, marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


async def answer(
    ctx: AnyContext, content: str | None = None, *, embed: discord.Embed | None = None
) -> discord.Message:
    """Reply to the command's message; if it was deleted meanwhile, just post in the channel."""
    reference = ctx.message.to_reference(fail_if_not_exists=False)
    text = clip(content) if content else None
    if embed is None:
        return await ctx.send(text, reference=reference, allowed_mentions=NO_MENTIONS)
    return await ctx.send(text, embed=embed, reference=reference, allowed_mentions=NO_MENTIONS)


async def best_effort(call: Awaitable[object]) -> None:
    """Await a convenience call (a reaction); failing (permissions) is logged, not raised."""
    try:
        await call
    except Exception:
        logger.opt(exception=True).debug("best-effort Discord call failed")


async def unbroken(call: Coroutine[Any, Any, T], keeper: BackgroundTasks) -> T:
    """Await a Discord request that goes on to the end even if the caller is cancelled.

    A job stopped with ⏹️ is cancelled wherever it is, often inside a status edit. If
    the cancel lands while discord.py finishes a request (its rate-limit bucket's
    refresh), the bucket keeps no token and the next request on that route waits
    until the bucket expires: 30 s when Discord sent no limits. Shielded, the request
    finishes cleanly and the job's "cancelled" edit follows at once. ``keeper`` holds the
    request until it ends (a failure after the caller left is logged at DEBUG).
    """
    return await asyncio.shield(keeper.spawn(call, name="discord-request", quiet=True))
