"""End to end: the gateway hands jobs to worker processes through a real Redis."""

from pathlib import Path

from tests.distributed.processes import descendants
from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media import make_image
from tests.support.media_server import MediaServer
from tests.support.redis_server import RedisServer
from tests.support.worker_process import WorkerProcess, distributed_env


async def test_a_worker_downloads_and_posts_a_job(tmp_path: Path, redis_server: RedisServer):
    """`$dl` on the gateway: a worker on its own data directory posts the file."""
    with MediaServer() as media:
        url = media.add_file("/pic.png", make_image(tmp_path / "pic.png"), "image/png")
        async with DiscordStub() as stub:
            env = distributed_env(redis_server.url)
            bot = BotProcess(stub, tmp_path / "gateway", tmp_path / "bot.log", **env)
            await bot.start()
            worker = WorkerProcess(bot, tmp_path / "worker", tmp_path / "worker.log")
            await worker.start()
            request = int((await stub.send_user_message(f"$dl {url}"))["id"])
            ack = await stub.wait_for_message(lambda m: m.reply_to == request)
            files = await stub.wait_for_message(
                lambda m: m.reply_to == request and bool(m.attachments), timeout=60
            )
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content, 60)
            assert bot.proc is not None
            gateway_children = descendants(bot.proc.pid)  # no download server: workers download
            assert await worker.stop() == 0, worker.log()[-3000:]
            assert await bot.stop() == 0, bot.log()[-3000:]
    assert [a.filename for a in files.attachments] == ["pic.png"]
    assert gateway_children == set()
    assert "worker" not in bot.log().lower() or "Traceback" not in bot.log()
    assert not (tmp_path / "gateway" / "temp").exists() or not any(
        (tmp_path / "gateway" / "temp").iterdir()
    )
