"""A link asked for again: the earlier delivery, or the job already on it, instead of a new one.

Links are compared by ``core.link_keys.link_key`` (tracking parameters, mobile and
mirror hosts do not count) within one server, or in DMs one member's own. A link
delivered within ``SUCCESS_RETENTION_HOURS`` is answered with a jump link to the reply
that carried its files; a link waiting or running, with its status message. ``force``
after the links skips this (``links.split_links``).
"""

from discord.ext import commands

from boss_bot.bot import render
from boss_bot.bot.client import BossBot
from boss_bot.bot.replies import answer
from boss_bot.core.fmt import duration
from boss_bot.core.history import owner_of
from boss_bot.core.link_keys import link_key
from boss_bot.core.urls import CheckedURL


def jump(guild_id: int | None, channel_id: int, message_id: int) -> str:
    """The link that opens a message in Discord."""
    return f"https://discord.com/channels/{guild_id or '@me'}/{channel_id}/{message_id}"


def earlier(bot: BossBot, guild_id: int | None, user_id: int, url: CheckedURL) -> str | None:
    """What answers ``url`` instead of a new job, or ``None`` if it is new here."""
    found = bot.service.history.delivered(guild_id, user_id, url.url)
    if found is not None and found.message_id is not None:  # first: it is written before ✅
        ago = duration(max(bot.service.history.clock().timestamp() - found.finished_at, 0))
        where = jump(found.guild_id, found.channel_id, found.message_id)
        return (
            f"♻️ That link was downloaded here {ago} ago: {where}\n"
            "Add `force` after the link to download it again."
        )
    owner, key = owner_of(guild_id, user_id), link_key(url.url)
    for item in bot.service.queue_view().jobs:
        mid = item.status_message_id
        if mid and owner_of(item.guild_id, item.user_id) == owner and link_key(item.url) == key:
            where = jump(item.guild_id, item.channel_id, mid)
            return f"⏳ That link is already job {render.job_ref(item)}, on its way: {where}"
    return None


async def answer_repeats(
    ctx: commands.Context[BossBot], urls: list[CheckedURL]
) -> list[CheckedURL]:
    """Answer the links of ``urls`` asked for before (one message); returns the new ones."""
    guild_id = ctx.guild.id if ctx.guild else None
    lines, fresh = [], []
    for url in urls:
        if said := earlier(ctx.bot, guild_id, ctx.author.id, url):
            lines.append(f"<{url.url}>\n{said}" if len(urls) > 1 else said)
        else:
            fresh.append(url)
    if lines:
        await answer(ctx, "\n".join(lines))
    return fresh
