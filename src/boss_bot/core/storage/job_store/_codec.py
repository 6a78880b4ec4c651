"""A job as the JSON text kept in the store, and back."""

import dataclasses
import json
from datetime import datetime
from typing import Any, get_type_hints

from boss_bot.core.items import DownloadItem, DownloadPriority, DownloadStatus
from boss_bot.core.urls import Platform

_FIELD_TYPES = get_type_hints(DownloadItem)


def to_json(item: DownloadItem) -> str:
    """Serialise a job."""
    return json.dumps(dataclasses.asdict(item), default=lambda v: v.isoformat())


def from_json(text: str) -> DownloadItem:
    """Deserialise a job written by ``to_json``.

    Raises:
        ValueError: Not JSON, or an unknown status, platform, priority or date.
        KeyError: A required field is missing.
        TypeError: A field that ``DownloadItem`` does not have, or of the wrong type.
    """
    raw: dict[str, Any] = json.loads(text)
    if not isinstance(raw, dict):
        raise TypeError(f"a job is a JSON object, not {type(raw).__name__}")
    raw["created_at"] = datetime.fromisoformat(raw["created_at"])
    for name in ("started_at", "completed_at", "paused_at"):  # rows before ⏸️ have none
        raw[name] = datetime.fromisoformat(raw[name]) if raw.get(name) else None
    raw["platform"] = Platform(raw["platform"])
    raw["status"] = DownloadStatus(raw["status"])
    raw["priority"] = DownloadPriority(raw["priority"])
    item = DownloadItem(**raw)
    for name, wanted in _FIELD_TYPES.items():  # a wrong type would fail later, at start-up
        if not isinstance(getattr(item, name), wanted):
            raise TypeError(f"{name} is a {type(getattr(item, name)).__name__}")
    return item
