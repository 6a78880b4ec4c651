"""A job as the JSON text kept in the store, and back."""

import dataclasses
import json
from datetime import datetime
from typing import Any

from boss_bot.core.items import DownloadItem, DownloadPriority, DownloadStatus
from boss_bot.core.urls import Platform


def to_json(item: DownloadItem) -> str:
    """Serialise a job."""
    return json.dumps(dataclasses.asdict(item), default=lambda v: v.isoformat())


def from_json(text: str) -> DownloadItem:
    """Deserialise a job written by ``to_json``.

    Raises:
        ValueError: Not JSON, or an unknown status, platform, priority or date.
        KeyError: A required field is missing.
        TypeError: A field that ``DownloadItem`` does not have, or the wrong shape.
    """
    raw: dict[str, Any] = json.loads(text)
    if not isinstance(raw, dict):
        raise TypeError(f"a job is a JSON object, not {type(raw).__name__}")
    raw["created_at"] = datetime.fromisoformat(raw["created_at"])
    for name in ("started_at", "completed_at"):
        raw[name] = datetime.fromisoformat(raw[name]) if raw.get(name) else None
    raw["platform"] = Platform(raw["platform"])
    raw["status"] = DownloadStatus(raw["status"])
    raw["priority"] = DownloadPriority(raw["priority"])
    return DownloadItem(**raw)
