"""Faults: the gateway, or Redis, restarts while a worker runs a job; nothing is lost."""

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
from tests.distributed.processes import logged
from tests.support.discord_stub import DiscordStub
from tests.support.media import make_image
from tests.support.media_server import MediaServer
from tests.support.redis_server import RedisServer


async def test_a_gateway_restart_watches_the_running_job_again(
    tmp_path: Path, redis_server: RedisServer
):
    """SIGTERM the gateway mid-download, start it again: the job ends ✅, run once."""
    with MediaServer() as media:
        url = slow_file(media, "/slow.mp4", seconds=12)
        async with DiscordStub() as stub:
            bot, workers = await start_cluster(stub, tmp_path, redis_server.url, workers=1)
            request, ack = await ask(stub, f"$dl {url}")
            job = job_of(ack)
            await stub.wait_for_message(lambda m: m.id == ack.id and "downloading" in m.content)
            assert await bot.stop() == 0, bot.log()[-3000:]
            assert not any("✅" in m.content for m in stub.messages), "restarted too late"
            await bot.start(timeout=120)
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content, 90)
            await shut(bot, workers)
    assert len(carrying(stub, request)) == 1
    assert runs(workers[0], job) == 1
    assert bot.log().count(f"key: {job}, queued") == 1  # handed out once, before the restart


async def test_a_redis_restart_loses_no_job(tmp_path: Path, redis_server: RedisServer):
    """Redis restarts while one job runs and one waits: both end ✅, each run once."""
    with MediaServer() as media:
        slow = slow_file(media, "/slow.mp4", seconds=10)
        pic = media.add_file("/pic.png", make_image(tmp_path / "pic.png"), "image/png")
        async with DiscordStub() as stub:
            bot, workers = await start_cluster(stub, tmp_path, redis_server.url, workers=1)
            first, first_ack = await ask(stub, f"$dl {slow}")
            await running_on(workers, job_of(first_ack))
            second, second_ack = await ask(stub, f"$dl {pic}")
            redis_server.stop()  # down until both sides noticed, then up with its AOF
            await logged(bot, "cannot read the job")
            await logged(workers[0], "could not write job state")
            redis_server.start()
            for ack in (first_ack, second_ack):
                await stub.wait_for_message(lambda m, a=ack: m.id == a.id and "✅" in m.content, 90)
            await shut(bot, workers)
    assert len(carrying(stub, first)) == 1
    assert len(carrying(stub, second)) == 1
    assert runs(workers[0], job_of(first_ack)) == 1
    assert runs(workers[0], job_of(second_ack)) == 1
