"""The text of $find's and $ask's answers: remote text made inert, links that jump.

Titles, uploaders and snippets come from remote sites: links and mentions are removed
(``postable``), markdown is escaped, and every URL put in a link is percent-encoded so
that no character of it can close the link. Answers fit one message: whole items are
left out rather than cut in the middle.
"""

from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from boss_bot.bot.cards import shown
from boss_bot.bot.render import quoted
from boss_bot.bot.replies import MAX_CONTENT
from boss_bot.core.search.answering import Answer, postable
from boss_bot.core.search.entries import Entry, Hit

TITLE, UPLOADER, SNIPPET = 80, 40, 200
YOUTUBE = ("youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be")
URL_SAFE = ":/?#&=%+@,;~!$'*.-_"  # what stays as typed; ()[]<> and spaces are encoded


def link(url: str) -> str:
    """``url`` as a markdown link target: ``<…>`` (no preview), nothing that can close it."""
    return f"<{quote(url, safe=URL_SAFE)}>"


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


def inert(text: str, limit: int) -> str:
    """Remote text shown: no link or mention left, markdown escaped, cut to ``limit``."""
    return shown(postable(" ".join(text.split())), limit, quoted)


def marked(snippet: str) -> str:
    """The store's snippet shown: its ``**`` marks bold, everything else inert."""
    parts = shown(postable(" ".join(snippet.split())), SNIPPET, lambda text: text).split("**")
    return "".join(f"**{quoted(p)}**" if i % 2 and p else quoted(p) for i, p in enumerate(parts))


def heading(entry: Entry, title: int = TITLE) -> str:
    """Title (or the source's host), uploader and date of an item, inert."""
    name = inert(entry.title, title) or urlsplit(entry.source_url).hostname or "untitled"
    facts = [inert(entry.uploader, UPLOADER)] if entry.uploader else []
    facts += [entry.uploaded.isoformat()] if entry.uploaded else []
    tail = f" — {' · '.join(f for f in facts if f)}" if any(facts) else ""
    return f"**{name}**{tail}"


def hit_lines(number: int, hit: Hit) -> list[str]:
    """One found item: heading, snippet (with a link to the moment), where it was posted."""
    entry, when = hit.entry, hit.entry.delivered_at.strftime("%Y-%m-%d")
    plain = " ".join(hit.snippet.replace("**", "").split())
    snippet = f"> {marked(hit.snippet)}" if plain and plain != entry.title else ""
    if hit.at is not None and snippet:
        snippet += f" ([at {clock(hit.at)}]({link(at_time(entry.source_url, hit.at))}))"
    posted = f"shared by <@{entry.requester_id}> on {when} · [jump]({link(entry.jump_url)})"
    return [f"{number}. {heading(entry)}", *([snippet] if snippet else []), posted]


def found(words: str, hits: list[Hit]) -> str:
    """``$find``'s answer: as many of the hits as fit one message, best first."""
    asked = inert(words, 60)
    if not hits:
        return f"🔎 Nothing shared here matches “{asked}”."
    items = ["\n".join(hit_lines(n, hit)) for n, hit in enumerate(hits, 1)]
    while len(items) > 1 and len("\n".join(items)) > MAX_CONTENT - 60:
        items.pop()
    head = f"🔎 **{len(items)} found** for “{asked}”:"
    return "\n".join([head, *items])


def answered(answer: Answer) -> str:
    """``$ask``'s answer: the text, cut to leave room for each cited item and its link."""
    if not answer.hits:
        return "🔎 Nothing shared here answers that."
    sources = [
        f"[{n}] {heading(hit.entry, 50)} · [jump]({link(hit.entry.jump_url)})"
        for n, hit in enumerate(answer.hits, 1)
    ]
    tail = "\n".join(["", *sources])
    room = MAX_CONTENT - len(tail) - len("💬 ")
    text = answer.text if len(answer.text) <= room else answer.text[: room - 1] + "…"
    return f"💬 {text}{tail}"
