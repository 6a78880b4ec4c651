"""Faults: a worker killed with ``kill -9`` in the middle of a job.

Only the worker's own pid is killed, not its process group: killing the group would kill
its fork server and download child too, and prove nothing about orphans. Killed alone, the
worker leaves them to ``PR_SET_PDEATHSIG``, which must end them.
"""

import signal
from pathlib import Path

from tests.distributed.cluster import (
    ask,
    carrying,
    job_of,
    running_on,
    runs,
    shut,
    slow_file,
    start_cluster,
)
from tests.distributed.processes import descendants, gone, kill
from tests.support.discord_stub import DiscordStub
from tests.support.media import make_image
from tests.support.media_server import MediaServer
from tests.support.redis_server import RedisServer


async def test_a_killed_workers_job_finishes_on_another(tmp_path: Path, redis_server: RedisServer):
    """Two workers; the one downloading is killed: the other finishes the job, once."""
    with MediaServer() as media:
        url = slow_file(media, "/slow.mp4", seconds=8)
        async with DiscordStub() as stub:
            bot, workers = await start_cluster(stub, tmp_path, redis_server.url, workers=2)
            idle = {w.pid: descendants(w.pid) for w in workers}
            request, ack = await ask(stub, f"$dl {url}")
            job = job_of(ack)
            victim = await running_on(workers, job)
            await stub.wait_for_message(lambda m: m.id == ack.id and "is downloading" in m.content)
            below = descendants(victim.pid)  # its fork server and the download child
            child = below - idle[victim.pid]
            assert await kill(victim) == -signal.SIGKILL  # the worker alone (see above)
            await gone(below, timeout=10)
            done = await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content, 90)
            others = [w for w in workers if w is not victim]
            await shut(bot, workers)
    assert child, "no download child was running: nothing tested"
    assert len(carrying(stub, request)) == 1
    assert done.content.startswith("✅")
    assert sum(runs(w, job) for w in others) == 1  # one other worker ran it, once
    assert [m.id for m in stub.messages if m.reply_to == request and not m.attachments] == [ack.id]


async def test_a_kill_after_the_upload_was_sent_posts_once(
    tmp_path: Path, redis_server: RedisServer
):
    """Discord is still making the files' message when its worker dies: one message."""
    with MediaServer() as media:
        url = media.add_file("/pic.png", make_image(tmp_path / "pic.png"), "image/png")
        async with DiscordStub() as stub:
            bot, workers = await start_cluster(stub, tmp_path, redis_server.url, workers=2)
            release = stub.hold_upload(post=True)  # received, made once released
            request, ack = await ask(stub, f"$dl {url}")
            job = job_of(ack)
            await stub.wait_for_event("upload_held", timeout=90)
            victim = await running_on(workers, job, timeout=1)
            assert await kill(victim) == -signal.SIGKILL
            resent = await stub.wait_for_message(
                lambda m: m.reply_to == request and bool(m.attachments), timeout=90
            )
            release.set()  # Discord now finishes the killed worker's request
            released = await stub.wait_for_event("upload_released", timeout=30)
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content, 90)
            await shut(bot, workers)
    assert carrying(stub, request) == [resent.id]  # without the nonce, a second message
    assert released.data["status"] == 200
    assert [e.data["message_id"] for e in stub.events_of("nonce_repeat")] == [resent.id]
