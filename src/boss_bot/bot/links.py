"""What a download command's text holds: up to ``MAX_LINKS_PER_COMMAND`` links, then words.

``$dl <link> [<link>…] [low|normal|high] [force]``: links are separated by spaces or new
lines; the priority word and ``force`` (download again a link already delivered), if
any, come last, in either order. The same link twice is one job.
"""

from typing import Literal, cast, get_args

from boss_bot.errors import InvalidURLError, UserFacingError

Priority = Literal["low", "normal", "high"]
PRIORITIES: tuple[str, ...] = get_args(Priority)
FORCE = "force"


def same_link(word: str) -> str:
    """A link as typed, without the ``<…>`` that hides its preview (to spot repeats)."""
    return word.strip().removeprefix("<").removesuffix(">")


def split_links(
    text: str, maximum: int, default: Priority = "normal"
) -> tuple[list[str], Priority, bool]:
    """The distinct links of ``text`` in their order, the priority after them, and ``force``.

    Without a priority word: ``default`` (the member's preference, ``$dls set priority``).

    Raises:
        InvalidURLError: No link, a priority word before the last link, or a last
            word that is neither a link nor a priority.
        UserFacingError: More than ``maximum`` distinct links.
    """
    words = text.split()
    priority: Priority = default
    force = named = False
    while words and ((words[-1] == FORCE and not force) or (words[-1] in PRIORITIES and not named)):
        word = words.pop()
        if word == FORCE:
            force = True
        else:
            priority, named = cast(Priority, word), True
    if len(words) > 1 and not any(c in words[-1] for c in "./:"):  # meant as a priority
        raise InvalidURLError(f"`{words[-1][:20]}` is not one of: {', '.join(PRIORITIES)}.")
    if any(word in PRIORITIES for word in words):
        raise InvalidURLError("Put the priority (`low`, `normal` or `high`) last, after the links.")
    links = list(dict.fromkeys(same_link(word) for word in words))
    if not links:
        raise InvalidURLError("Please give a link, like `https://x.com/user/status/1`.")
    if len(links) > maximum:
        raise UserFacingError(
            f"That's {len(links)} links; one command takes at most {maximum}. "
            "Send the others in another command. Nothing was queued."
        )
    return links, priority, force
