"""Benchmark: what routing a link costs, asked of the warm download fork server.

Starts the real fork server (it imports yt-dlp and gallery-dl once), then asks it who
claims each link: gallery-dl's ``extractor.find`` and yt-dlp's ``suitable`` over its
extractors. Prints the server's own look-up time and the round trip from the bot's
side (thread, lock, socket), per link. Pure pattern matching: nothing leaves this machine.

    uv run python scripts/bench_claims.py [--rounds 20]
"""

import argparse
import statistics
import time

from boss_bot.downloaders.fork_server.forker import Forker
from boss_bot.downloaders.routing import order

URLS = [
    "https://x.com/jack/status/20",
    "https://www.reddit.com/r/pics/comments/abc123/a_title/",
    "https://v.redd.it/abc123xyz",
    "https://www.instagram.com/p/CxYz123AbC/",
    "https://www.tiktok.com/@user/photo/7312345678901234567",
    "https://imgur.com/a/abcDEF1",
    "https://bsky.app/profile/user.bsky.social/post/3kabcdefghi2x",
    "https://www.pixiv.net/en/artworks/12345678",
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "https://vimeo.com/123456789",
    "https://example.com/clip.mp4",
    "https://example.com/a/page",
]


def main(rounds: int) -> None:
    with Forker() as forker:
        started = time.perf_counter()
        loaded = forker.ping()
        print(f"server start to first answer: {time.perf_counter() - started:.2f} s", end="")
        print(f" (its preload: {loaded['seconds']} s)")
        print(f"{'link':62} {'first':10} {'server ms':>10} {'round trip ms':>14}")
        servers, trips = [], []
        for url in URLS:
            inside, around = [], []
            for _ in range(rounds):
                before = time.perf_counter()
                claims = forker.claims(url)
                around.append((time.perf_counter() - before) * 1000)
                inside.append(claims["seconds"] * 1000)
            first = order(url, claims["claimed"])[0]
            median_in, median_around = statistics.median(inside), statistics.median(around)
            servers.append(median_in)
            trips.append(median_around)
            print(f"{url:62} {first:10} {median_in:10.2f} {median_around:14.2f}")
        print(f"median over links: server {statistics.median(servers):.2f} ms,", end="")
        print(f" round trip {statistics.median(trips):.2f} ms; worst {max(trips):.2f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="look-ups per link")
    main(parser.parse_args().rounds)
