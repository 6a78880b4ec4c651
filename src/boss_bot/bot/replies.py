"""Answering a command: a reply that survives a deleted request, never pinging anyone."""

from collections.abc import Awaitable

import discord
from discord.ext import commands
from loguru import logger

NO_MENTIONS = discord.AllowedMentions.none()
MAX_CONTENT = 2000  # Discord's limit for message content


def clip(text: str, limit: int = MAX_CONTENT) -> str:
    """Cut ``text`` to Discord's message limit, marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


async def answer(
    ctx: commands.Context, content: str | None = None, **kwargs: object
) -> discord.Message:
    """Reply to the command's message; if it was deleted meanwhile, just post in the channel."""
    reference = ctx.message.to_reference(fail_if_not_exists=False)
    return await ctx.send(
        clip(content) if content else None,
        reference=reference,
        allowed_mentions=NO_MENTIONS,
        **kwargs,  # type: ignore[arg-type]
    )


async def best_effort(call: Awaitable[object]) -> None:
    """Await a convenience call (a reaction); failing (permissions) is logged, not raised."""
    try:
        await call
    except Exception:
        logger.opt(exception=True).debug("best-effort Discord call failed")
