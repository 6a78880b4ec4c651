"""Faults: the workers' slots go in the gateway's order, not in the order Redis got jobs.

Server A queues ten jobs, then server B queues one. Servers take turns
(``core.jobs._order``), so B's job must take the first slot that frees, before A's
fourth. That holds only if the gateway keeps its jobs until a worker has room instead
of handing saq all ten as they come.
"""

import asyncio
import re
from pathlib import Path

from tests.distributed.cluster import ask, carrying, job_of, shut, slow_file, start_cluster
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer
from tests.support.redis_server import RedisServer


def handed(log: str) -> list[str]:
    """The job ids the gateway handed to saq, in order."""
    return re.findall(r"Enqueuing Job<function: download, queue: boss-bot, key: (\w+),", log)


async def test_another_servers_job_takes_the_first_free_slot(
    tmp_path: Path, redis_server: RedisServer
):
    """Server A's ten jobs on three workers; server B's one job starts fourth, not eleventh."""
    with MediaServer() as media:
        # long enough that no slot frees while eleven requests are typed on a busy machine
        urls = [slow_file(media, f"/{n}.mp4", seconds=20) for n in range(10)]
        late = slow_file(media, "/late.mp4", seconds=1)
        async with DiscordStub() as stub:
            _, server_b = stub.add_guild()
            env = {"MAX_JOBS_PER_USER": "20"}
            bot, workers = await start_cluster(stub, tmp_path, redis_server.url, 3, **env)
            acks = [(await ask(stub, f"$dl {url}"))[1] for url in urls]
            async with asyncio.timeout(60):  # every slot taken before server B asks
                while len(handed(bot.log())) < 3:
                    await asyncio.sleep(0.05)
            request, late_ack = await ask(stub, f"$dl {late}", channel_id=server_b)
            before = handed(bot.log())
            await stub.wait_for_message(lambda m: m.id == late_ack.id and "✅" in m.content, 120)
            order = handed(bot.log())
            done_before = [a for a in acks if "✅" in a.content]
            await shut(bot, workers)
    assert len(before) == 3, "a slot was free before server B's job came: nothing tested"
    # the first three are handed at once, each by its own task: their order is not kept
    assert set(order[:3]) == {job_of(ack) for ack in acks[:3]}
    assert order[3] == job_of(late_ack)  # the first free slot, before A's fourth job
    assert len(done_before) <= 3
    assert late_ack.channel_id == server_b
    assert len(carrying(stub, request)) == 1
