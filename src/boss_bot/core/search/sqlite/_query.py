r"""A member's words as FTS5 queries: each word quoted, no operator ever reaches FTS5.

Words are runs of letters and digits (``\w``); everything else, quotes, ``*``, ``^``,
``:``, parentheses, is a separator, and the bare operators ``AND``/``OR``/``NOT``/``NEAR``
are dropped. A query is capped at ``MAX_WORDS`` words of ``MAX_WORD`` characters.
"""

import re

MAX_WORDS = 32
MAX_WORD = 64
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})
_WORD = re.compile(r"\w+")


def words_of(query: str) -> list[str]:
    """The query's distinct words, in order, without FTS5 operators."""
    found: list[str] = []
    for match in _WORD.findall(query):
        word = match[:MAX_WORD]
        if word not in _OPERATORS and word.casefold() not in map(str.casefold, found):
            found.append(word)
    return found[:MAX_WORDS]


def quoted(word: str) -> str:
    """One word as an FTS5 string: in double quotes, its own double quotes doubled."""
    return '"' + word.replace('"', '""') + '"'


def all_of(words: list[str]) -> str:
    """A match expression for passages holding every word."""
    return " AND ".join(map(quoted, words))


def any_of(words: list[str]) -> str:
    """A match expression for passages holding at least one of the words."""
    return " OR ".join(map(quoted, words))


def parts_of(words: list[str]) -> str:
    """A trigram match expression: any word of 3 characters or more, anywhere in a word."""
    return any_of([word for word in words if len(word) >= 3])
