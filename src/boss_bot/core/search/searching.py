"""``Search``: what the bot asks of search — index a delivered job, find, ask, forget.

Every call names an owner (``owner_of``): a server only ever sees its own items, a
member's direct messages only their own. The store is synchronous SQLite; the
coroutines here run it in a thread so the event loop never waits on the disk.
"""

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from loguru import logger

from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus
from boss_bot.core.search.answering import (
    MAX_SNIPPETS,
    Answer,
    chat_messages,
    cited_answer,
    extractive,
)
from boss_bot.core.search.entries import Entry, Hit
from boss_bot.core.search.indexing import entry_of, link_key
from boss_bot.core.search.ports import ChatError, ChatModel
from boss_bot.core.search.retrieval import Retriever

Visible = Callable[[Hit], bool]
"""Whether the asker may see a hit (its channel); a hit they may not see is never shown."""
WIDER = 4  # items fetched per item shown when some are hidden from the asker


@dataclass
class Search:
    """Search over delivered jobs, with the operator's bounds and each server's choice.

    Attributes:
        retriever: The store, with the embedding model when there is one.
        indexed_in: Whether a server has search on, or (guild ``None``: direct
            messages) the member has.
        retention: How long an item stays findable; zero: search is off.
        subtitle_langs: Subtitle languages to fetch for indexed jobs (``en.*``).
        chat: The language model for ``ask``; without one, answers are extractive.
        clock: The time now (UTC).
    """

    retriever: Retriever
    indexed_in: Callable[[int | None, int], bool]
    retention: timedelta
    subtitle_langs: tuple[str, ...] = ()
    chat: ChatModel | None = None
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))

    def on(self, guild_id: int | None, user_id: int) -> bool:
        """Whether search is on: the operator's retention, the server's (DMs: member's) choice."""
        return self.retention > timedelta(0) and self.indexed_in(guild_id, user_id)

    def subtitles_for(self, item: DownloadItem) -> tuple[str, ...]:
        """The subtitle languages to fetch for ``item``: none unless it will be indexed."""
        return self.subtitle_langs if self.on(item.guild_id, item.user_id) else ()

    def record(self, item: DownloadItem, result: DownloadResult | None) -> None:
        """Index a delivered job (a ``Finished`` hook: runs in a worker thread)."""
        done = item.status is DownloadStatus.COMPLETED
        if not done or not self.on(item.guild_id, item.user_id):
            return
        entry = entry_of(item, result.card if result else None, item.completed_at or self.clock())
        if entry is not None:
            self.retriever.add(entry)
            logger.bind(job_id=item.id).debug("indexed for search")

    def _fresh(self, hits: list[Hit], visible: Visible, limit: int) -> list[Hit]:
        since = self.clock() - self.retention
        kept = [hit for hit in hits if hit.entry.delivered_at >= since and visible(hit)]
        return kept[:limit]

    async def find(self, owner: str, words: str, visible: Visible, limit: int = 5) -> list[Hit]:
        """The owner's best items for ``words`` that the asker may see, best first.

        Asks for ``limit`` items, and for ``WIDER`` times as many only when some of those
        were hidden or expired (ranking and snippets cost per item fetched).
        """
        for wanted in (limit, limit * WIDER):
            hits = await asyncio.to_thread(self.retriever.find, owner, words, wanted)
            if len(kept := self._fresh(hits, visible, limit)) == limit or len(hits) < wanted:
                break
        return kept

    async def ask(self, owner: str, question: str, visible: Visible) -> Answer:
        """An answer from the owner's items only: the model's, cited, or the best snippets."""
        hits = await self.find(owner, question, visible, MAX_SNIPPETS)
        if self.chat is not None and hits:
            try:
                reply = await self.chat.complete(chat_messages(question, hits))
            except ChatError as exc:
                logger.warning("the language model did not answer: {}", exc)
            else:
                if (cited := cited_answer(reply, hits)) is not None:
                    return cited
        return extractive(question, hits)

    async def lookup(self, owner: str, target: str, requester: int) -> Entry | None:
        """The owner's item a job id, a jump link or a source link names (the asker's first)."""
        key = link_key(target)
        return await asyncio.to_thread(self.retriever.index.lookup, owner, key, requester)

    async def forget(self, owner: str, job_id: str) -> bool:
        """Remove the owner's item for a job at once; whether there was one."""
        return await asyncio.to_thread(self.retriever.index.forget, owner, job_id)

    def prune(self) -> int:
        """Remove the items older than the retention (blocking: call it in a thread)."""
        return self.retriever.index.prune(self.clock() - self.retention)

    async def close(self) -> None:
        """Close the language model's connections and the store."""
        if self.chat is not None:
            await self.chat.aclose()
        await asyncio.to_thread(self.retriever.index.close)
