"""What search keeps about one delivered job, and what a search returns."""

from dataclasses import dataclass
from datetime import date, datetime

from boss_bot.core.captions import Caption


def owner_of(guild_id: int | None, user_id: int) -> str:
    """Whose items these are: a server's, or one member's own DM downloads."""
    return f"guild:{guild_id}" if guild_id is not None else f"dm:{user_id}"


@dataclass(frozen=True, slots=True)
class Entry:
    """The text of one delivered job, as indexed (media is never kept).

    Every text but ``jump_url`` came from the remote site: untrusted, already cleaned
    and capped by the downloader side, escaped by whoever shows it.

    Attributes:
        job_id: The job's id; ``$forget`` names it.
        owner: ``owner_of(...)``: only this owner's searches see the entry.
        channel_id: Where the files were posted (a search shows only channels the asker sees).
        requester_id: Who asked for the download.
        delivered_at: When the files were posted (UTC); the entry expires from then.
        jump_url: The link to the reply that carried the files.
        title: The post's or video's title.
        uploader: Who posted it, as the site names them.
        description: The post's text or the video's description.
        source_url: The page the media came from.
        uploaded: When the site says it was first posted.
        tags: Tags, categories, hashtags, the subreddit.
        captions: The subtitles, in stretches with start times.
    """

    job_id: str
    owner: str
    channel_id: int
    requester_id: int
    delivered_at: datetime
    jump_url: str
    title: str = ""
    uploader: str = ""
    description: str = ""
    source_url: str = ""
    uploaded: date | None = None
    tags: tuple[str, ...] = ()
    captions: tuple[Caption, ...] = ()


@dataclass(frozen=True, slots=True)
class Hit:
    """One item a search found, with the passage that matched best.

    Attributes:
        entry: The item (its captions are left out: only ``snippet`` is shown).
        snippet: The matching passage, plain text; matched words wrapped in ``**``
            when the store knows them (the words themselves are not escaped yet).
        at: Seconds into the video when the passage is from the subtitles.
        score: Higher is better; comparable only within one search.
    """

    entry: Entry
    snippet: str
    at: float | None = None
    score: float = 0.0
