"""A finished remote job's result as JSON in saq's job result, and back.

The gateway shows it (names, sizes, what was left out) and hands it to its ``on_finish``
hooks, search among them: the card goes with it, whole but for its poster (a file on
the worker). Never a path: files cross as bare names.
"""

from pathlib import Path
from typing import Any

from boss_bot.core.card_json import card_from_json, card_json
from boss_bot.core.items import DownloadResult


def encode_result(result: DownloadResult) -> dict[str, Any]:
    """What the gateway needs of a result: file names and sizes, what was left out, the card."""
    return {
        "files": [path.name for path in result.files],
        "sizes": list(result.file_sizes),
        "oversized": [list(pair) for pair in result.oversized],
        "limit": result.limit,
        "elapsed": result.elapsed,
        "notes": list(result.notes),
        "downloader": result.downloader,
        "fetched_bytes": result.fetched_bytes,
        "card": card_json(result.card) if result.card else None,  # for search, on the gateway
    }


def decode_result(raw: object) -> DownloadResult | None:
    """A result written by ``encode_result`` (files as bare names); None if not one."""
    if not isinstance(raw, dict):
        return None
    try:
        files = tuple(Path(Path(str(name)).name) for name in raw["files"])
        over = tuple((str(name), int(size)) for name, size in raw["oversized"])
        sizes = tuple(int(size) for size in raw["sizes"])
        notes, downloader = tuple(str(n) for n in raw["notes"]), str(raw["downloader"])
        limit, elapsed, fetched = int(raw["limit"]), float(raw["elapsed"]), raw["fetched_bytes"]
        card = card_from_json(raw.get("card"))
        return DownloadResult(
            files, over, limit, elapsed, notes, downloader, int(fetched), card, sizes
        )
    except (KeyError, ValueError, TypeError):
        return None
