"""A local model2vec model as search's ``Embedding``, for the search scripts."""

from collections.abc import Sequence
from typing import Any


class Model2Vec:
    """A model2vec ``StaticModel`` loaded from a local directory (no download)."""

    def __init__(self, path: str) -> None:
        from model2vec import StaticModel

        self.model = StaticModel.from_pretrained(path)

    def encode(self, texts: Sequence[str]) -> Any:
        """One unit-length float32 row per text."""
        import numpy as np

        rows = np.asarray(self.model.encode(list(texts)), dtype=np.float32)
        return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
