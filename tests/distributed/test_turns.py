"""Faults: the workers' slots go in the gateway's order, not in the order Redis got jobs.

The issue asks for two servers taking turns (server A queues 10 jobs, server B one). The
Discord stub has one guild, so the job that must jump the queue here is a ``high`` one
from the same server: it goes through the same order (``core.jobs._order``), and passes
only if the gateway keeps its jobs until a worker has room instead of handing saq all 10.
"""

import re
from pathlib import Path

from tests.distributed.cluster import ask, carrying, job_of, shut, slow_file, start_cluster
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer
from tests.support.redis_server import RedisServer


def handed(log: str) -> list[str]:
    """The job ids the gateway handed to saq, in order."""
    return re.findall(r"Enqueuing Job<function: download, queue: boss-bot, key: (\w+),", log)


async def test_a_later_job_takes_the_first_free_slot(tmp_path: Path, redis_server: RedisServer):
    """Ten jobs, three workers; the jumping job starts fourth, not eleventh."""
    with MediaServer() as media:
        # long enough that no slot frees while eleven requests are typed on a busy machine
        urls = [slow_file(media, f"/{n}.mp4", seconds=20) for n in range(10)]
        late = slow_file(media, "/late.mp4", seconds=1)
        async with DiscordStub() as stub:
            env = {"MAX_JOBS_PER_USER": "20"}
            bot, workers = await start_cluster(stub, tmp_path, redis_server.url, 3, **env)
            acks = [(await ask(stub, f"$dl {url}"))[1] for url in urls]
            request, late_ack = await ask(stub, f"$dl {late} high")
            before = handed(bot.log())
            await stub.wait_for_message(lambda m: m.id == late_ack.id and "✅" in m.content, 120)
            order = handed(bot.log())
            done_before = [a for a in acks if "✅" in a.content]
            await shut(bot, workers)
    assert len(before) <= 3, "a slot was free before the late job came: nothing tested"
    assert order[:3] == [job_of(ack) for ack in acks[:3]]
    assert order[3] == job_of(late_ack)  # the first free slot, before the 4th of the ten
    assert len(done_before) <= 3
    assert len(carrying(stub, request)) == 1
