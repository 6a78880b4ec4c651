"""Auto-download: links posted in chat, downloaded on a 📥 (``react``) or at once (``on``).

The mode of a channel is ``bot.gate.auto_mode``'s (``auto_mode``: off by default). Only
members' messages that are not commands count, and only links that pass ``$dl``'s
checks and are media (``core.auto_links``).

- ``react``: the bot puts 📥 on the message; whoever adds 📥 too downloads its links
  under their own name, permissions and limits, exactly as if they typed ``$dl``.
- ``on``: the bot downloads them at once as the message's author, at most
  ``AUTO_DOWNLOADS_PER_CHANNEL_PER_MINUTE`` a minute in a channel. Links past that, of
  an author the gate refuses, or delivered or on their way already, are skipped quietly.

Either way it runs ``dl`` for a copy of the message whose author is the member
(RoboDanny's ``sudo``): every check, limit and answer is ``$dl``'s; files reply to it.
"""

import copy

import discord
from discord.ext import commands

from boss_bot.bot.client import BossBot
from boss_bot.bot.cogs.menu import links_in
from boss_bot.bot.emoji import INBOX, same_emoji
from boss_bot.bot.repeats import earlier
from boss_bot.bot.replies import best_effort
from boss_bot.core.auto_links import worth_auto
from boss_bot.core.jobs.budget import DownloadBudget
from boss_bot.core.urls import CheckedURL
from boss_bot.errors import SlowDownError, UserFacingError


class AutoDownload(commands.Cog):
    """Downloads links posted in channels where auto-download is on."""

    def __init__(self, bot: BossBot) -> None:
        self.bot = bot
        self.pace = DownloadBudget(bot.settings.auto_downloads_per_channel_per_minute)

    async def _links(self, message: discord.Message) -> list[CheckedURL]:
        """The links of ``message`` auto-download takes: valid, media, at most a command's."""
        found: list[CheckedURL] = []  # in the message's order
        for link in links_in(message)[: self.bot.settings.max_links_per_command]:
            try:
                url = await self.bot.service.validate(link)
            except UserFacingError:
                continue
            if worth_auto(url):
                found.append(url)
        return found

    async def _download(
        self, message: discord.Message, who: discord.Member, links: list[str]
    ) -> None:
        """Run ``dl`` with ``links`` as ``who``, answering and replying to ``message``."""
        me = self.bot.user
        if me is None or not links:
            return
        command = copy.copy(message)
        command.author = who
        command.content = f"<@{me.id}> dl {' '.join(links)}"  # a mention: any server's prefix
        await self.bot.invoke(await self.bot.get_context(command))

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """React 📥 to, or download, the links of a member's message (by the channel's mode)."""
        guild, author = message.guild, message.author
        if guild is None or author.bot or not isinstance(author, discord.Member):
            return
        mode = await self.bot.gate.auto_mode(guild.id, message.channel.id)
        if mode == "off" or (await self.bot.get_context(message)).prefix is not None:
            return
        links = await self._links(message)
        if links and mode == "react":
            await best_effort(message.add_reaction(INBOX))
        elif links and mode == "on":
            if await self.bot.gate.refusal(author, message.channel, guild):
                return
            await self._download(message, author, self._paced(message, links))

    def _paced(self, message: discord.Message, links: list[CheckedURL]) -> list[str]:
        """The links ``on`` downloads now: new here, within the channel's rate."""
        kept, channel = [], message.channel.id
        guild_id = message.guild.id if message.guild else None
        for link in links:
            if earlier(self.bot, guild_id, message.author.id, link) is not None:
                continue
            try:
                self.pace.check(channel)
            except SlowDownError:
                break
            self.pace.spend(channel)
            kept.append(link.url)
        return kept

    @commands.Cog.listener()
    async def on_raw_reaction_add(self, event: discord.RawReactionActionEvent) -> None:
        """A member's 📥 on a message the bot marked: download its links as that member."""
        me, member = self.bot.user, event.member
        if not same_emoji(event.emoji, INBOX) or me is None or event.user_id == me.id:
            return
        if event.guild_id is None or member is None or member.bot:
            return
        if await self.bot.gate.auto_mode(event.guild_id, event.channel_id) != "react":
            return
        channel = self.bot.get_channel(event.channel_id)
        if not isinstance(channel, discord.TextChannel | discord.Thread):
            return
        try:
            message = await channel.fetch_message(event.message_id)
        except discord.HTTPException:
            return
        if any(same_emoji(str(r.emoji), INBOX) and r.me for r in message.reactions):
            await self._download(message, member, [u.url for u in await self._links(message)])


async def setup(bot: BossBot) -> None:
    """Register the cog."""
    await bot.add_cog(AutoDownload(bot))
