"""What crosses the fork server's pipes, as JSON lines: requests, the job, the child's events.

The bot sends the server a ``Request``; ``start`` carries the ``JobSpec`` the child
runs. The child writes ``ChildEvent`` lines on its events pipe: progress, the media's
facts for the caption card (``info``), then done or error. Typed here so both ends
agree; on the wire they are plain JSON objects.
"""

from typing import Literal, NotRequired, TypedDict


class JobSpec(TypedDict):
    """One download, as a child is given it."""

    engine: str  # "yt-dlp" or "gallery-dl"
    url: str
    dest: str  # the job's own directory
    max_bytes: int
    max_files: int
    allow_private: NotRequired[bool]
    ffmpeg: NotRequired[str | None]
    timeout: NotRequired[float]
    target_bytes: NotRequired[int | None]
    cookies: NotRequired[str | None]  # this child's own copy of the cookies file
    rate: NotRequired[int | None]  # bytes/s at the start; changes come on the rate pipe
    extractor: NotRequired[str | None]  # yt-dlp's for the url, found by the server (_preload)
    subtitle_langs: NotRequired[list[str]]  # yt-dlp's subtitleslangs patterns; none: no fetch


class StartRequest(TypedDict):
    """Fork a child for ``spec`` (sent with the events, stderr and rate pipes' child ends)."""

    op: Literal["start"]
    spec: JobSpec


class EndRequest(TypedDict):
    """Kill job ``pid``'s process group and reap it."""

    op: Literal["end"]
    pid: int


class PingRequest(TypedDict):
    """Start if needed, and say what loading took."""

    op: Literal["ping"]


class ClaimsRequest(TypedDict):
    """Which libraries' own extractors claim ``url``; the server answers itself, no fork."""

    op: Literal["claims"]
    url: str


class Claims(TypedDict):
    """The answer to ``claims``."""

    claimed: dict[str, str]  # library ("yt-dlp", "gallery-dl") -> its extractor's name
    seconds: float  # what the look-up took in the server


Request = StartRequest | EndRequest | PingRequest | ClaimsRequest
"""A request to the server."""


class CardFacts(TypedDict, total=False):
    """What the site says about the media (``core.card.Card``), cleaned in the child.

    The same keys cross hosts in a remote worker's result (``core.card_json``).
    """

    title: str
    description: str
    author: str
    author_url: str  # http(s) links only
    source_url: str
    thumbnail_url: str
    duration: float
    uploaded: str  # YYYY-MM-DD
    tags: list[str]
    captions: list[list[object]]  # [[start seconds, text], ...] (``core.captions``)


class ChildEvent(TypedDict):
    """One line on a child's events pipe; ``item`` names each finished file."""

    event: Literal["progress", "item", "info", "done", "error"]
    total: NotRequired[int | None]  # progress: the expected bytes, when known
    speed: NotRequired[float | None]
    kind: NotRequired[str]  # error: a FailureKind value
    detail: NotRequired[str]
    name: NotRequired[str]  # item: a finished file's name in the job directory
    more: NotRequired[bool]  # done: the source has items past the file limit
    found: NotRequired[int | None]  # done: how many items the source has, when known
    card: NotRequired[CardFacts]  # info: title, author, … for the caption card
