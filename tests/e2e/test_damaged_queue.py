"""End to end: the real bot process starts on a damaged ``queue.sqlite3``.

Before, each of these ended in a traceback and exit 1 (a crash loop under systemd).
"""

import sqlite3
from pathlib import Path

import pytest

from boss_bot.core.items import DownloadItem
from boss_bot.core.storage.job_store import SqliteJobStore, damaged_copies
from boss_bot.core.urls import Platform
from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub
from tests.support.media_server import MediaServer

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 5_000
BAD_ROWS = ["{not json", '{"url": "https://e.test/x", "platform": "myspace"}', "[1]"]


def _seed(db: Path, kind: str, good: list[DownloadItem]) -> None:
    """Write the database: garbage, truncated, or good rows around bad ones."""
    db.parent.mkdir(parents=True)
    if kind == "garbage":
        db.write_bytes(b"this is not a database\n" * 400)
        return
    store = SqliteJobStore(db)
    store.save(good[0])
    store.close()
    with sqlite3.connect(db) as conn:
        for n, data in enumerate(BAD_ROWS if kind == "bad rows" else [PNG.hex()] * 200):
            conn.execute("INSERT INTO jobs (id, status, data) VALUES (?, 'queued', ?)", (n, data))
    conn.close()
    store = SqliteJobStore(db)
    store.save(good[1])
    store.close()
    if kind == "truncated":
        with db.open("r+b") as file:
            file.truncate(db.stat().st_size // 2)


@pytest.mark.parametrize("kind", ["garbage", "truncated", "bad rows"])
async def test_the_bot_starts_on_a_damaged_queue_and_says_so(tmp_path: Path, kind: str) -> None:
    """It starts, resumes the readable jobs, moves a broken file aside and ``$health`` says so."""
    data = tmp_path / "data"
    with MediaServer() as media:
        async with DiscordStub() as stub:
            good = [
                DownloadItem(
                    url=media.add_file(f"/{n}.png", PNG, content_type="image/png"),
                    platform=Platform.GENERIC,
                    user_id=stub.user_id,
                    channel_id=stub.channel_id,
                    guild_id=stub.guild_id,
                )
                for n in range(2)
            ]
            _seed(data / "queue.sqlite3", kind, good)
            bot = BotProcess(stub, data, tmp_path / "bot.log")
            await bot.start()
            request = int((await stub.send_user_message("$health"))["id"])
            health = await stub.wait_for_message(lambda m: m.reply_to == request)
            if kind == "bad rows":
                for n in range(2):
                    await stub.wait_for_message(
                        lambda m, n=n: any(a.filename == f"{n}.png" for a in m.attachments)
                    )
            assert await bot.stop() == 0, bot.log()[-3000:]
    moved = [p.name for p in damaged_copies(data / "queue.sqlite3")]  # -wal/-shm left out
    if kind == "bad rows":
        assert moved == []
        assert "⚠️ 3 saved job(s) could not be read and were skipped" in health.content
        assert bot.log().count("skipped saved job") == 3
    else:
        assert len(moved) == 1
        assert moved[0].startswith("queue.sqlite3.damaged-2")
        assert f"moved aside to `{moved[0]}` at start-up" in health.content
        assert "is damaged" in bot.log()
        assert sum(1 for m in stub.messages if m.attachments) == 0
