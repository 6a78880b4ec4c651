"""Search quality on a fixture corpus: recall@5 and MRR, words alone and hybrid.

Builds, in a temporary directory, the corpus of ``_search_corpus.eval_corpus()`` (hand-
written targets and near-duplicate decoys, generated distractors) and asks its questions
through ``Retriever.find``: ``words`` questions share key words with their item,
``meaning`` questions are paraphrases sharing none. No network.

    uv run python scripts/eval_search.py [--model DIR]   # DIR: a local model2vec model
"""

import argparse
import re
import tempfile
from pathlib import Path

from _bench import ROOT  # noqa: F401 - puts the repository on sys.path
from _search_corpus import OWNER, Question, eval_corpus
from _search_model import Model2Vec

from boss_bot.core.search.entries import Entry
from boss_bot.core.search.ports import Embedding
from boss_bot.core.search.retrieval import Retriever
from boss_bot.core.search.sqlite import SqliteSearchIndex

LIMIT = 5
STOP = frozenset(  # words too common to count as shared key words
    {"and", "are", "but", "can", "for", "from", "have", "how", "its", "not", "off", "out"}
    | {"over", "the", "this", "that", "what", "when", "where", "with", "you"}
)


def _stems(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"\w+", text.lower()) if len(w) > 2 and w not in STOP}


def check_paraphrases(questions: list[Question], entries: list[Entry]) -> list[str]:
    """The ``meaning`` questions that share a key word (5-letter stem) with their item."""
    stems = {
        e.job_id: _stems(" ".join((e.title, e.uploader, e.description, *e.tags)))
        | _stems(" ".join(c.text for c in e.captions))
        for e in entries
    }
    return [q.text for q in questions if q.kind == "meaning" and _stems(q.text) & stems[q.job_id]]


def measure(retriever: Retriever, questions: list[Question]) -> dict[str, tuple[float, float]]:
    """Recall@5 and MRR (over the top 5) by question kind, and for all questions."""
    ranks: dict[str, list[float]] = {"words": [], "meaning": [], "all": []}
    for question in questions:
        found = [hit.entry.job_id for hit in retriever.find(OWNER, question.text, LIMIT)]
        rank = found.index(question.job_id) + 1 if question.job_id in found else 0
        for kind in (question.kind, "all"):
            ranks[kind].append(1 / rank if rank else 0.0)
    return {
        kind: (sum(r > 0 for r in values) / len(values), sum(values) / len(values))
        for kind, values in ranks.items()
    }


def evaluate(embedding: Embedding | None, questions: list[Question], entries: list[Entry]) -> dict:
    """Index ``entries`` in a fresh store and measure ``questions`` on it."""
    with tempfile.TemporaryDirectory() as tmp:
        index = SqliteSearchIndex(Path(tmp) / "search.sqlite3")
        retriever = Retriever(index, embedding)
        for entry in entries:
            retriever.add(entry)
        figures = measure(retriever, questions)
        index.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="directory of a local model2vec model (hybrid)")
    args = parser.parse_args()
    entries, questions = eval_corpus()
    if leaks := check_paraphrases(questions, entries):
        print("paraphrases sharing a key word with their item:", leaks)
    words = sum(q.kind == "words" for q in questions)
    shape = f"{words} word questions, {len(questions) - words} paraphrases"
    print(f"{len(entries)} items, {len(questions)} questions ({shape})\n")
    runs: list[tuple[str, Embedding | None]] = [("BM25 (words only)", None)]
    if args.model:
        runs.append((f"hybrid (BM25 + {Path(args.model).name}, RRF)", Model2Vec(args.model)))
    print("| method | questions | recall@5 | MRR |\n|---|---|---|---|")
    for name, embedding in runs:
        for kind, (recall, mrr) in evaluate(embedding, questions, entries).items():
            print(f"| {name} | {kind} | {recall:.2f} | {mrr:.2f} |")


if __name__ == "__main__":
    main()
