"""What search asks of a store, of an embedding model and of a language model.

The SQLite store (``core.search.sqlite``) is the one we ship; another store (a vector
database, Redis' query engine) would implement ``SearchIndex``. The models live in
``boss_bot.rag`` (an optional extra): core never imports them.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, TypeAlias

from boss_bot.core.search.entries import Entry, Hit

if TYPE_CHECKING:  # numpy comes with the ``rag`` extra: only code given vectors needs it
    import numpy as np
    import numpy.typing as npt

    Vectors: TypeAlias = npt.NDArray[np.float32]
    """One row per passage, unit length (so a dot product is the cosine)."""


class SearchIndex(Protocol):
    """A store of entries, searched by words and, when it has vectors, by meaning."""

    def add(self, entry: Entry, vectors: "Vectors | None" = None) -> None:
        """Index ``entry`` (replacing one with its job id), with its passages' vectors.

        ``vectors`` has one row per passage of ``passages(entry)``, in that order.
        """
        ...

    def search(self, owner: str, query: str, limit: int = 5) -> list[Hit]:
        """The owner's best ``limit`` items for these words, best first, one hit each."""
        ...

    def similar(self, owner: str, vector: "Vectors", limit: int = 5) -> list[Hit]:
        """The owner's items whose passages are nearest in meaning to ``vector``."""
        ...

    def get(self, owner: str, job_id: str) -> Entry | None:
        """The owner's entry for a job, if there is one."""
        ...

    def lookup(self, owner: str, key: str, requester: int | None = None) -> Entry | None:
        """The owner's entry with this job id, jump link or source URL (asker's first)."""
        ...

    def forget(self, owner: str, job_id: str) -> bool:
        """Remove the owner's entry for a job at once; whether there was one."""
        ...

    def prune(self, before: datetime) -> int:
        """Remove entries delivered before ``before``; how many were removed."""
        ...

    def close(self) -> None:
        """Close the store (the bot is stopping)."""
        ...


class Embedding(Protocol):
    """A model that turns texts into unit vectors (model2vec, in ``boss_bot.rag``)."""

    def encode(self, texts: Sequence[str]) -> "Vectors":
        """One unit-length float32 row per text."""
        ...


@dataclass(frozen=True, slots=True)
class ChatMessage:
    """One message of a chat completion request (``system``, ``user``)."""

    role: str
    content: str


class ChatModel(Protocol):
    """A language model behind an OpenAI-compatible ``/chat/completions`` endpoint."""

    async def complete(self, messages: Sequence[ChatMessage]) -> str:
        """The model's reply; raises ``ChatError`` when the endpoint fails or times out."""
        ...

    async def aclose(self) -> None:
        """Close its connections."""
        ...


class ChatError(Exception):
    """The language model could not answer (down, timed out, refused, malformed reply)."""
