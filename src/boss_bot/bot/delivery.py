"""The Discord side of a job: status edits and file uploads (implements ``JobSink``)."""

from collections.abc import Awaitable, Callable, Sequence

from discord.ext import commands

from boss_bot.bot import render
from boss_bot.bot.channels import channel_of, upload_limit_of
from boss_bot.bot.ending import finish
from boss_bot.bot.progress import ProgressBoard
from boss_bot.bot.replies import NO_MENTIONS, clip, unbroken
from boss_bot.bot.shared_status import SharedStatus, line
from boss_bot.bot.status_edits import StatusEdits
from boss_bot.bot.telling import Teller, Wants, default_wants, texts
from boss_bot.bot.uploads import Channel, post_files
from boss_bot.core.items import DownloadItem, DownloadResult, ProgressEvent
from boss_bot.core.ports import Place
from boss_bot.core.tasks import BackgroundTasks
from boss_bot.errors import DownloadFailedError


class DiscordSink:
    """Shows a job's progress in its status message and posts its files as replies."""

    def __init__(self, progress_interval: float = 5.0, wants: Wants = default_wants) -> None:
        self._bot: commands.Bot | None = None
        self.board = ProgressBoard(self._show_progress, progress_interval)  # and positions
        self.edits = StatusEdits()
        self.shared = SharedStatus()  # status messages of several jobs (several links)
        self.requests = BackgroundTasks()  # Discord requests that outlive a cancelled job
        self.teller = Teller(wants, self.requests)

    def attach(self, bot: commands.Bot) -> None:
        """Post through ``bot`` (the sink is made first: the service it serves needs it)."""
        self._bot = bot

    async def close(self) -> None:
        """Stop the status edits still to be tried again, and requests still under way."""
        await self.edits.close()
        await self.requests.close()

    @property
    def bot(self) -> commands.Bot:
        """The bot this sink posts through."""
        if self._bot is None:
            raise RuntimeError("the Discord sink is not attached to a bot")
        return self._bot

    def _channel(self, item: DownloadItem) -> Channel:
        """The cached channel, or a partial one (after a restart, before the cache fills)."""
        return channel_of(self.bot, item)

    async def upload_limit(self, item: DownloadItem) -> int:
        """The guild's real upload limit (boost tier); Discord's default in DMs."""
        return upload_limit_of(self.bot, item)

    def progress(self, item: DownloadItem, event: ProgressEvent | Place) -> None:
        """Hand a progress report to the board, which throttles the edits."""
        if item.status_message_id is not None:
            self.board.report(item, event)

    def waiting(self, places: Sequence[Place]) -> None:
        """Show waiting jobs' new positions, paced like progress (the board)."""
        for place in places:
            self.progress(place.item, place)

    def _edit(self, item: DownloadItem, text: str) -> Callable[[], Awaitable[object]]:
        message = self._channel(item).get_partial_message(item.status_message_id or 0)
        if item.shared_status:
            return self.shared.edit(message, item.id, line(item, text), self.requests)
        return lambda: unbroken(
            message.edit(content=clip(text), allowed_mentions=NO_MENTIONS), self.requests
        )

    async def _show_progress(self, item: DownloadItem, event: ProgressEvent | Place) -> None:
        text = texts.waiting(event) if isinstance(event, Place) else render.progress(item, event)
        await self.show(item, text)

    async def show(self, item: DownloadItem, text: str) -> None:
        """Replace the job's status message text (no-op without one); failing, raise."""
        if item.status_message_id is not None:
            await self.edits.send(item.status_message_id, self._edit(item, text))

    async def _converge(self, item: DownloadItem, text: str) -> None:
        """Show a state of the job; a failed edit is tried again later (``StatusEdits``)."""
        if item.status_message_id is not None:
            await self.edits.converge(item.status_message_id, self._edit(item, text))

    async def update(self, item: DownloadItem, result: DownloadResult | None = None) -> None:
        """Edit the job's status message to show its new phase or final state.

        A finished job loses its ⏹️ ⏸️, a failed one gets 🔄, its member is told
        (``ending.finish``; the core keeps a failed job: ``DownloadService.failed_job``).
        """
        await self.board.forget(item.id)
        await self._converge(item, render.status(item, result))
        if item.status.finished and (mid := item.status_message_id) is not None:
            message = self._channel(item).get_partial_message(mid)
            await finish(self.bot, message, item, result, shared=self.shared, teller=self.teller)

    async def retrying(
        self,
        item: DownloadItem,
        failure: DownloadFailedError,
        tried: int,
        tries: int,
        delay: float,
    ) -> None:
        """Say that a try failed and when the next one starts."""
        await self.board.forget(item.id)
        await self._converge(item, render.retrying(item, failure, tried, tries, delay))

    async def deliver(
        self, item: DownloadItem, result: DownloadResult, posted: Callable[[int, int], None]
    ) -> None:
        """Reply to the request with the files, mentioning the requester if they want it."""
        user, ping = self.bot.user, await self.teller.ping(item)
        channel, bot_id = self._channel(item), user.id if user else None
        await post_files(channel, bot_id, item, result, posted, keeper=self.requests, ping=ping)
