"""The text of $find's and $ask's answers: remote text made inert, links that jump."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from boss_bot.bot.cards import shown
from boss_bot.bot.render import quoted
from boss_bot.core.search.answering import Answer
from boss_bot.core.search.entries import Entry, Hit

TITLE, UPLOADER, SNIPPET = 90, 40, 220
YOUTUBE = ("youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be")


def at_time(url: str, seconds: float) -> str:
    """``url`` opened ``seconds`` into the video (YouTube's ``t``, else a media fragment)."""
    parts, t = urlsplit(url), int(seconds)
    if parts.hostname in YOUTUBE:
        query = [(k, v) for k, v in parse_qsl(parts.query) if k != "t"] + [("t", f"{t}s")]
        return urlunsplit(parts._replace(query=urlencode(query), fragment=""))
    return urlunsplit(parts._replace(fragment=f"t={t}"))


def clock(seconds: float) -> str:
    """A moment in a video as players show it: ``1:05``, ``1:02:03``."""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def marked(snippet: str) -> str:
    """The store's snippet shown: its ``**`` marks bold, everything else inert."""
    parts = shown(" ".join(snippet.split()), SNIPPET, lambda text: text).split("**")
    return "".join(f"**{quoted(p)}**" if i % 2 and p else quoted(p) for i, p in enumerate(parts))


def heading(entry: Entry) -> str:
    """Title (or the source's host), uploader and date of an item, inert."""
    title = entry.title or urlsplit(entry.source_url).hostname or "untitled"
    facts = [shown(entry.uploader, UPLOADER)] if entry.uploader else []
    facts += [entry.uploaded.isoformat()] if entry.uploaded else []
    tail = f" — {' · '.join(facts)}" if facts else ""
    return f"**{shown(title, TITLE)}**{tail}"


def hit_lines(number: int, hit: Hit) -> list[str]:
    """One found item: heading, snippet (with a link to the moment), where it was posted."""
    entry, when = hit.entry, hit.entry.delivered_at.strftime("%Y-%m-%d")
    plain = " ".join(hit.snippet.replace("**", "").split())
    snippet = f"> {marked(hit.snippet)}" if plain and plain != entry.title else ""
    if hit.at is not None and snippet:
        snippet += f" ([at {clock(hit.at)}](<{at_time(entry.source_url, hit.at)}>))"
    posted = f"shared by <@{entry.requester_id}> on {when} · [jump](<{entry.jump_url}>)"
    return [f"{number}. {heading(entry)}", *([snippet] if snippet else []), posted]


def found(words: str, hits: list[Hit]) -> str:
    """``$find``'s answer."""
    asked = shown(" ".join(words.split()), 60)
    if not hits:
        return f"🔎 Nothing shared here matches “{asked}”."
    lines = [f"🔎 **{len(hits)} found** for “{asked}”:"]
    for number, hit in enumerate(hits, 1):
        lines += hit_lines(number, hit)
    return "\n".join(lines)


def answered(answer: Answer) -> str:
    """``$ask``'s answer: the text, then each cited item as ``[n]`` and its jump link."""
    if not answer.hits:
        return "🔎 Nothing shared here answers that."
    sources = [
        f"[{n}] {heading(hit.entry)} · [jump](<{hit.entry.jump_url}>)"
        for n, hit in enumerate(answer.hits, 1)
    ]
    return "\n".join([f"💬 {answer.text}", "", *sources])
