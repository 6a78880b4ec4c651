"""Text from a model or a website made safe to post: no mention, no link, no heading.

Everything a remote site or a language model wrote is untrusted. Discord would turn parts
of it into pings or into links whose text lies about where they go, so they are removed:

- ``@everyone`` and ``@here`` lose their ``@`` (the bot also posts with no mentions allowed).
- User, role, channel and command mentions (``<@id>``, ``<@!id>``, ``<@&id>``, ``<#id>``,
  ``</name:id>``, ``<id:guide>``) are removed. Channel mentions ping no one, but the ids a
  model writes come from the snippets, not from us: they could name any channel.
- Masked links ``[text](url)`` keep their text (``[1](url)`` stays a citation ``[1]``);
  bare and ``<url>`` links are removed. The only links in an answer are the jump links the
  bot adds to its sources.
- Heading and subtext markers at the start of a line are removed.

The removals run again until nothing changes, so nesting (``<<@1>@2>``) cannot rebuild a
mention. Each round that changes something shortens the text, so this ends; cap the text
first (a round per level of nesting).
"""

import re
from collections.abc import Callable

_EVERYONE = re.compile(r"@+(everyone|here)\b", re.IGNORECASE)
_MENTION = re.compile(r"<(?:@[!&]?\d+|#\d+|/[^<>\n]{1,64}:\d+|id:\w+)>")
_MASKED_LINK = re.compile(r"\[([^\[\]\n]*)\]\([^()\n]*\)")
_BARE_LINK = re.compile(r"<?\b[a-z][a-z0-9+.-]*://[^\s>]*>?", re.IGNORECASE)
_HEADING = re.compile(r"^[ \t]*(?:#{1,6}|-#)[ \t]+", re.MULTILINE)
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_STOP = re.compile(r"[ \t]+([.,;:!?])")


def _link_text(match: re.Match[str]) -> str:
    text = match.group(1).strip()
    return f"[{text}]" if text.isdigit() else text


def tidy(text: str) -> str:
    """``text`` without the double spaces and the spaces before punctuation removals leave."""
    return _SPACES.sub(" ", _SPACE_BEFORE_STOP.sub(r"\1", text)).strip()


_REMOVALS: tuple[Callable[[str], str], ...] = (
    lambda text: _MASKED_LINK.sub(_link_text, text),
    lambda text: _BARE_LINK.sub("", text),
    lambda text: _MENTION.sub("", text),
    lambda text: _EVERYONE.sub(r"\1", text),
    lambda text: _HEADING.sub("", text),
    tidy,  # closing a gap can rebuild a link ("http ://x"): so it runs in the loop too
)


def postable(text: str) -> str:
    """``text`` with no mention, link or heading left; other markdown is kept."""
    before = None
    while text != before:
        before = text
        for removal in _REMOVALS:
            text = removal(text)
    return text
