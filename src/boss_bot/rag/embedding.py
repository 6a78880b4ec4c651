"""Embeddings from a local model2vec model: numpy-only inference, nothing downloaded."""

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from boss_bot.errors import ConfigError

if TYPE_CHECKING:
    from model2vec import StaticModel

    from boss_bot.core.search.ports import Vectors


class Model2VecEmbedding:
    """The ``Embedding`` port over a model2vec ``StaticModel`` loaded from a directory."""

    def __init__(self, model: "StaticModel") -> None:
        self._model = model

    @classmethod
    def load(cls, path: str | Path) -> "Model2VecEmbedding":
        """Load the model saved in the directory ``path`` (``BOSS_BOT_EMBEDDING_MODEL``).

        Only a local directory is accepted: model2vec would take any other name for a
        Hugging Face Hub model and download it. ``HF_HUB_OFFLINE=1`` is set as well.

        Raises:
            ConfigError: ``path`` is not an existing directory, or holds no model that loads.
        """
        folder = Path(path).expanduser()
        if not folder.is_dir():
            raise ConfigError(
                f"The embedding model must be a local model2vec directory; {str(path)!r} is "
                "not a directory (hub names are not downloaded)."
            )
        os.environ["HF_HUB_OFFLINE"] = "1"  # read when huggingface_hub is first imported
        from model2vec import StaticModel

        try:
            model = StaticModel.from_pretrained(folder, normalize=False)
        except Exception as exc:  # a broken directory fails in many ways: one line for all
            raise ConfigError(
                f"The embedding model in {str(path)!r} could not be loaded "
                f"({type(exc).__name__}): is it a model2vec model?"
            ) from exc
        return cls(model)

    @property
    def dimensions(self) -> int:
        """How many numbers each vector has."""
        return self._model.dim

    def encode(self, texts: Sequence[str]) -> "Vectors":
        """One unit-length float32 row per text (CPU-bound: call it off the event loop).

        A text with no word the model knows has no direction: its row is all zeros, so
        it is near nothing.
        """
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        rows = np.asarray(self._model.encode(list(texts), normalize=False), dtype=np.float32)
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return np.divide(rows, norms, out=np.zeros_like(rows), where=norms > 0)
