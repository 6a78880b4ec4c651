"""Discord's checks on a message's embeds: lengths, links, ``attachment://`` names."""

from __future__ import annotations

from typing import Any

LIMITS = {"title": 256, "description": 4096}
TOTAL = 6000


def _link_ok(url: object, uploaded: list[str]) -> bool:
    if not isinstance(url, str):
        return False
    if url.startswith("attachment://"):
        return url.removeprefix("attachment://") in uploaded
    return url.startswith(("http://", "https://")) and " " not in url


def embed_problem(embeds: list[dict[str, Any]], uploaded: list[str]) -> str | None:
    """What Discord would refuse in ``embeds`` (files named ``uploaded`` sent along), or None."""
    if len(embeds) > 10:
        return "at most 10 embeds"
    for embed in embeds:
        author, fields = embed.get("author") or {}, embed.get("fields") or []
        texts = [embed.get("title"), embed.get("description"), author.get("name")]
        texts += [(embed.get("footer") or {}).get("text")]
        texts += [part for field in fields for part in (field.get("name"), field.get("value"))]
        if sum(len(text or "") for text in texts) > TOTAL:
            return "embed over 6000 characters"
        for key, most in LIMITS.items():
            if len(embed.get(key) or "") > most:
                return f"{key} over {most} characters"
        if len(author.get("name") or "") > 256 or len(fields) > 25:
            return "author name over 256 characters, or over 25 fields"
        if any(len(f.get("name") or "") > 256 or len(f.get("value") or "") > 1024 for f in fields):
            return "field over its limit"
        links = [embed.get("url"), author.get("url"), (embed.get("thumbnail") or {}).get("url")]
        if not all(_link_ok(url, uploaded) for url in links if url is not None):
            return "not a well formed URL, or an attachment not sent"
    return None
