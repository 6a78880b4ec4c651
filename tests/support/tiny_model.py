"""A tiny model2vec model made in the test: no weights are downloaded, ever."""

from pathlib import Path

import numpy as np
from model2vec import StaticModel
from tokenizers import Tokenizer, normalizers, pre_tokenizers
from tokenizers.models import WordLevel

# Bridges and rivers point one way, cats and kittens another, weather a third.
TINY_WORDS = {
    "[UNK]": [0.0, 0.0, 0.0],
    "bridge": [1.0, 0.1, 0.0],
    "river": [0.9, 0.2, 0.1],
    "collapsed": [0.8, 0.0, 0.3],
    "cat": [0.0, 1.0, 0.1],
    "kitten": [0.1, 0.9, 0.0],
    "sleeps": [0.0, 0.8, 0.2],
    "wind": [0.2, 0.0, 1.0],
}


def save_tiny_model(folder: Path) -> Path:
    """A word-level model of ``TINY_WORDS`` saved in ``folder`` as model2vec saves any model."""
    vocab = {word: index for index, word in enumerate(TINY_WORDS)}
    tokenizer = Tokenizer(WordLevel(vocab, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.Lowercase()
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    vectors = np.array(list(TINY_WORDS.values()), dtype=np.float32) * 3.0  # not unit length
    StaticModel(vectors=vectors, tokenizer=tokenizer).save_pretrained(folder)
    return folder
