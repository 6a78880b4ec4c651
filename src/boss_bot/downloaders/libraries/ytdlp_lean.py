"""A ``YoutubeDL`` that reads the fork server's table of extractors instead of building one.

yt-dlp's ``YoutubeDL`` registers every extractor class (about 1,800) when it is made,
and without a key ``extract_info`` asks each in turn whether it takes the link. In a
forked child each of those steps writes a reference count into a class or a compiled
pattern the fork server holds, so every page it touches becomes the child's own copy:
about 9 MB a child. Here the table is built once, in the server (``defaults``, warmed
by ``_preload``), the server finds the job's extractor before it forks
(``extractor_for``), and the child's ``LeanYoutubeDL`` looks extractors up by key in a
view of that table (``Extractors``). Everything else behaves as yt-dlp's own: a link
without a key (an embed the generic extractor found) still walks the whole table, in
yt-dlp's order.
"""

from collections.abc import Iterator, Mapping, MutableMapping
from functools import cache
from typing import Any

import yt_dlp

QUIET = {"quiet": True, "cachedir": False}


class Extractors(MutableMapping[str, Any]):
    """A ``YoutubeDL``'s own extractors (instances, added ones) over the shared table."""

    def __init__(self, shared: Mapping[str, Any]) -> None:
        """Read ``shared`` (never written); keep what yt-dlp adds on this side."""
        self.shared, self.own = shared, {}

    def __getitem__(self, key: str) -> Any:
        return self.own[key] if key in self.own else self.shared[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.own[key] = value

    def __delitem__(self, key: str) -> None:
        del self.own[key]

    def __contains__(self, key: object) -> bool:
        return key in self.own or key in self.shared

    def __iter__(self) -> Iterator[str]:
        yield from self.shared
        yield from (key for key in self.own if key not in self.shared)

    def __len__(self) -> int:
        return len(self.shared) + sum(key not in self.shared for key in self.own)


class LeanYoutubeDL(yt_dlp.YoutubeDL):
    """``YoutubeDL`` without a registry of its own: it reads ``defaults`` (``Extractors``)."""

    def __init__(self, params: dict[str, Any]) -> None:
        """Make it as ``YoutubeDL(params)`` would, but share the default extractors."""
        super().__init__(params, auto_init=False)  # pyright: ignore[reportArgumentType]
        shared, instances = defaults()
        self._ies = Extractors(shared)
        for key in instances:  # the catch-all at the end is an instance: one of its own
            self.add_info_extractor(type(shared[key])())

    @staticmethod
    def build_defaults() -> Mapping[str, Any]:
        """The extractors a default ``YoutubeDL`` registers, by key, in yt-dlp's order."""
        ydl = yt_dlp.YoutubeDL(QUIET, auto_init=False)  # pyright: ignore[reportArgumentType]
        ydl.add_default_info_extractors()
        return dict(vars(ydl)["_ies"])


@cache
def defaults() -> tuple[Mapping[str, Any], tuple[str, ...]]:
    """The shared table of default extractors, and the keys of those that are instances.

    Built in the fork server before it forks; a child only reads it.
    """
    table = LeanYoutubeDL.build_defaults()
    return table, tuple(key for key, ie in table.items() if not isinstance(ie, type))


def extractor_for(url: str) -> str | None:
    """The key of the extractor yt-dlp would give ``url`` (the first that takes it)."""
    return next((key for key, ie in defaults()[0].items() if ie.suitable(url)), None)
