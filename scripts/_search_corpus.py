"""Fixture corpora for the search scripts: deterministic, made here, nothing downloaded.

``eval_corpus()`` is the hand-written targets and decoys of ``search_eval_corpus.toml``
plus generated distractors on varied topics (``distractor``), and the questions on them.
"""

import random
import tomllib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from boss_bot.core.captions import Caption
from boss_bot.core.search.entries import Entry

OWNER = "guild:1"
TOPICS = {
    "cooking": "soup curry salad cake omelette dumplings stew pizza",
    "travel": "lisbon kyoto trail train market harbour ferry hostel",
    "tech": "laptop smartphone router monitor linux headphones tablet server",
    "animals": "dog parrot horse hamster goat fox owl turtle",
    "music": "guitar drums violin synthesizer choir bass ukulele vinyl",
    "sports": "football tennis climbing skiing swimming boxing surfing golf",
    "science": "galaxy dna magnet telescope chemistry fossil quantum climate",
    "home": "garden shelf paint wallpaper lamp sofa floor window",
    "games": "minecraft zelda tetris cards boardgame puzzle roleplaying shooter",
    "vehicles": "truck motorbike tractor bus sailboat tram scooter van",
}
FORMATS = "tutorial review vlog highlights explained unboxing tips fails compilation stream"
ADJECTIVES = "quick easy ultimate honest first weird cheap classic new old"
SAYINGS = (
    "so today we are looking at {a}",
    "the thing about {b} is that it takes practice",
    "let me know in the comments what you think of {a}",
    "okay that did not go as planned with the {b}",
    "subscribe if you want more {a} and {b}",
)
HOSTS = ("youtube.com", "vimeo.com", "reddit.com", "tiktok.com", "twitter.com")
WHEN = datetime(2026, 11, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Question:
    """A question, the item it expects, and its kind: ``words`` or ``meaning``."""

    text: str
    job_id: str
    kind: str


def make_entry(job_id: str, n: int, captions: tuple[Caption, ...] = (), **text: object) -> Entry:
    return Entry(
        job_id,
        OWNER,
        channel_id=100 + n % 3,
        requester_id=200 + n % 7,
        delivered_at=WHEN - timedelta(hours=n),
        jump_url=f"https://discord.com/channels/1/{100 + n % 3}/{9000 + n}",
        source_url=f"https://www.{HOSTS[n % len(HOSTS)]}/v/{job_id}",
        uploaded=date(2025, 1, 1) + timedelta(days=n),
        captions=captions,
        **text,  # pyright: ignore[reportArgumentType]
    )


def distractor(rng: random.Random, n: int) -> Entry:
    """A generated item on a random topic, with a few caption stretches."""
    topic = rng.choice(sorted(TOPICS))
    a, b = rng.sample(TOPICS[topic].split(), 2)
    title = f"{rng.choice(ADJECTIVES.split())} {a} {rng.choice(FORMATS.split())}".capitalize()
    said = [rng.choice(SAYINGS).format(a=a, b=b) for _ in range(rng.randint(0, 4))]
    return make_entry(
        f"d{n:04d}",
        n,
        tuple(Caption(30.0 * k, text) for k, text in enumerate(said)),
        title=title,
        uploader=f"{b.capitalize()} {rng.choice(['Channel', 'TV', 'Lab', 'Club'])}",
        tags=(topic, a),
        description=f"Everything about {a} and {b}, {topic} for everyone.",
    )


def eval_corpus(distractors: int = 200) -> tuple[list[Entry], list[Question]]:
    """The evaluation items (targets, decoys, distractors) and the questions on them."""
    data = tomllib.loads((Path(__file__).parent / "search_eval_corpus.toml").read_text())
    entries, questions = [], []
    for n, target in enumerate(data["target"]):
        job_id = f"t{n:03d}"
        said = tuple(Caption(40.0 * k, text) for k, text in enumerate(target["captions"]))
        keep = ("title", "uploader", "description")
        fields = {key: target[key] for key in keep} | {"tags": tuple(target["tags"])}
        entries.append(make_entry(job_id, n, said, **fields))
        questions.append(Question(target["words"], job_id, "words"))
        questions.append(Question(target["meaning"], job_id, "meaning"))
    for n, decoy in enumerate(data["decoy"]):
        fields = {key: decoy[key] for key in ("title", "uploader", "description")}
        entries.append(make_entry(f"c{n:03d}", n, tags=tuple(decoy["tags"]), **fields))
    rng = random.Random(17)
    entries += [distractor(rng, n) for n in range(distractors)]
    return entries, questions
