"""Benchmark: ``Retriever.find`` latency and the index's size on disk for 10,000 items.

Items look like real downloads: a title, a description, tags, and for 60% of them 5 to
25 caption stretches of 60 to 120 words (Zipf-distributed pseudo-words, so the index has
a realistic vocabulary). Queries mix phrases remembered from captions, topic words and
partial words. Figures are printed next to the goal (p95 ≤ 50 ms), never asserted.

    uv run python scripts/bench_search.py [--items 10000] [--queries 300] [--model DIR]
"""

import argparse
import itertools
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from _bench import percentile, report
from _search_corpus import OWNER, TOPICS, distractor, make_entry
from _search_model import Model2Vec

from boss_bot.core.captions import Caption
from boss_bot.core.search.entries import Entry
from boss_bot.core.search.ports import Embedding
from boss_bot.core.search.retrieval import Retriever
from boss_bot.core.search.sqlite import SqliteSearchIndex

GOAL_P95_MS = 50.0


def bulk_entries(count: int, rng: random.Random) -> Iterator[Entry]:
    """``count`` items like real videos (see the module's docstring)."""
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"]
    vocabulary = ["".join(rng.choices(syllables, k=rng.randint(1, 4))) for _ in range(20_000)]
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))

    def words(k: int) -> str:
        return " ".join(rng.choices(vocabulary, cum_weights=cumulative, k=k))

    for n in range(count):
        item = distractor(rng, n)
        stretches = rng.randint(5, 25) if rng.random() < 0.6 else 0
        said = tuple(Caption(45.0 * k, words(rng.randint(60, 120))) for k in range(stretches))
        yield make_entry(
            f"b{n:05d}",
            n,
            said,
            title=f"{item.title} {words(3)}",
            uploader=item.uploader,
            tags=item.tags,
            description=f"{item.description} {words(rng.randint(10, 150))}",
        )


def queries(entries: list[Entry], count: int, rng: random.Random) -> list[str]:
    """Phrases from captions (half), topic words (a third), partial words (the rest)."""
    spoken = [c.text.split() for e in entries for c in e.captions]
    topic_words = " ".join(TOPICS.values()).split()
    made = []
    for n in range(count):
        if n % 6 < 3:
            said = rng.choice(spoken)
            start = rng.randrange(len(said) - 4)
            made.append(" ".join(said[start : start + rng.randint(2, 4)]))
        elif n % 6 < 5:
            made.append(" ".join(rng.sample(topic_words, 2)) + " review")
        else:
            made.append(rng.choice(topic_words)[:4])
    return made


def run(embedding: Embedding | None, label: str, items: int, count: int) -> dict:
    """Index ``items`` items, time ``count`` finds; the figures, keyed by ``label``."""
    rng = random.Random(17)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "search.sqlite3"
        index = SqliteSearchIndex(path)
        retriever = Retriever(index, embedding)
        entries, started = list(bulk_entries(items, rng)), time.perf_counter()
        for entry in entries:
            retriever.add(entry)
        indexed = time.perf_counter() - started
        asked = queries(entries, count, rng)
        retriever.find(OWNER, asked[0])  # the first find reads the vectors into memory
        times = []
        for query in asked:
            started = time.perf_counter()
            retriever.find(OWNER, query)
            times.append((time.perf_counter() - started) * 1000)
        index.close()  # the last connection checkpoints the WAL into the file
        size = path.stat().st_size
    return {
        f"{label}_items": items,
        f"{label}_passages": sum(len(e.captions) + 1 for e in entries),
        f"{label}_index_mb": round(size / 1e6, 1),
        f"{label}_index_s": round(indexed, 1),
        f"{label}_find_p50_ms": round(statistics.median(times), 1),
        f"{label}_find_p95_ms": round(percentile(times, 0.95), 1),
        f"{label}_find_max_ms": round(max(times), 1),
        f"{label}_goal_p95_ms": GOAL_P95_MS,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--model", help="directory of a local model2vec model (hybrid)")
    args = parser.parse_args()
    result = run(None, "words", args.items, args.queries)
    if args.model:
        result |= run(Model2Vec(args.model), "hybrid", args.items, args.queries)
    report(result)


if __name__ == "__main__":
    main()
