"""A model2vec model built here, saved, loaded from its directory and only from one."""

import os
from pathlib import Path

import numpy as np
import pytest

from boss_bot.errors import ConfigError
from boss_bot.rag.embedding import Model2VecEmbedding
from tests.support.tiny_model import TINY_WORDS, save_tiny_model

WORDS = TINY_WORDS


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny word-level model saved the way model2vec saves any model."""
    return save_tiny_model(tmp_path_factory.mktemp("model"))


def test_rows_are_unit_length_float32(model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One row per text, float32, each of length 1; the hub is switched off on loading."""
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    embedding = Model2VecEmbedding.load(model_dir)
    assert os.environ["HF_HUB_OFFLINE"] == "1"
    rows = embedding.encode(["bridge collapsed", "Cat sleeps", "wind"])
    assert rows.shape == (3, 3)
    assert rows.dtype == np.float32
    assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-6)


def test_similar_texts_are_nearer_than_unrelated_ones(model_dir: Path) -> None:
    """A question about a river crossing is nearer the bridge video than the kitten one."""
    query, bridge, kitten = Model2VecEmbedding.load(str(model_dir)).encode(
        ["river bridge", "The bridge collapsed", "a kitten sleeps"]
    )
    assert float(query @ bridge) > 0.9
    assert float(query @ bridge) > float(query @ kitten) + 0.5


def test_unknown_words_give_a_zero_row_and_no_texts_no_rows(model_dir: Path) -> None:
    """Nothing known has no direction (near nothing); an empty batch is an empty matrix."""
    embedding = Model2VecEmbedding.load(model_dir)
    assert not embedding.encode(["zebra"]).any()
    assert embedding.encode([]).shape == (0, embedding.dimensions)


@pytest.mark.parametrize("name", ["minishlab/potion-base-8M", "no-such-model"])
def test_a_hub_name_is_refused_not_downloaded(
    name: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A name that is not a directory here is a configuration error, with no network call."""
    monkeypatch.chdir(tmp_path)

    def no_download(*args: object, **kwargs: object) -> None:
        raise AssertionError("tried the hub")

    monkeypatch.setattr("huggingface_hub.snapshot_download", no_download)
    with pytest.raises(ConfigError, match="not a directory"):
        Model2VecEmbedding.load(name)


def test_a_file_or_an_empty_directory_is_refused(tmp_path: Path) -> None:
    """A file is not a model directory; a directory without a model does not load."""
    (tmp_path / "model.safetensors").write_bytes(b"not a model")
    with pytest.raises(ConfigError, match="not a directory"):
        Model2VecEmbedding.load(tmp_path / "model.safetensors")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ConfigError, match="could not be loaded"):
        Model2VecEmbedding.load(tmp_path / "empty")
