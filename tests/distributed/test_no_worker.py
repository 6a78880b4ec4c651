"""Faults: no worker is running; jobs wait, ``$dlq`` says why, and the first worker takes them."""

import asyncio
from pathlib import Path

from tests.distributed.cluster import ask, carrying, runs, shut, start_cluster, text_of
from tests.support.discord_stub import DiscordStub
from tests.support.media import make_image
from tests.support.media_server import MediaServer
from tests.support.redis_server import RedisServer
from tests.support.worker_process import WorkerProcess


async def test_a_job_waits_for_the_first_worker(tmp_path: Path, redis_server: RedisServer):
    """Without workers the job is queued and ``$dlq`` says no worker is connected."""
    with MediaServer() as media:
        url = media.add_file("/pic.png", make_image(tmp_path / "pic.png"), "image/png")
        async with DiscordStub() as stub:
            bot, _ = await start_cluster(stub, tmp_path, redis_server.url, workers=0)
            request, ack = await ask(stub, f"$dl {url}")
            job = ack.content.split("`")[1]
            async with asyncio.timeout(30):  # the ack may come before the job is in the queue
                while job not in text_of(queue := (await ask(stub, "$dlq"))[1]):
                    await asyncio.sleep(0.2)
            shown = [edit.get("content", "") for edit in ack.edits] + [ack.content]
            worker = WorkerProcess(bot, tmp_path / "worker", tmp_path / "worker.log")
            await worker.start(timeout=120)
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content, 90)
            await shut(bot, [worker])
    assert not any("downloading" in text for text in shown)  # not before a worker came
    assert len(carrying(stub, request)) == 1
    assert runs(worker, job) == 1
    assert "No worker is connected" in text_of(queue)  # main's `$dlq` change (issue 16)
