"""Two real bot processes, gateway shards 0 and 1 of 2, against one Discord stub.

The stub sends each shard's connection only its servers' events (Discord's formula,
``(guild_id >> 22) % 2``), so each server's commands reach one process; both share one
data directory, each keeping its own queue database.
"""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest_asyncio

from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub


@pytest_asyncio.fixture
async def shards(tmp_path: Path) -> AsyncIterator[tuple[DiscordStub, list[int]]]:
    """The stub with a server on each shard, and a bot process per shard (one data dir)."""
    async with DiscordStub() as stub:
        channels = [stub.add_guild(shard_id=i, shard_count=2)[1] for i in (0, 1)]
        bots = [
            BotProcess(
                stub, tmp_path / "data", tmp_path / f"bot{i}.log", SHARD_COUNT="2", SHARD_IDS=str(i)
            )
            for i in (0, 1)
        ]
        try:
            for bot in bots:
                await bot.start()
            yield stub, channels
        finally:
            codes = [await bot.stop() for bot in bots if bot.proc is not None]
            assert codes == [0, 0], "\n".join(bot.log()[-3000:] for bot in bots)


async def test_each_process_answers_only_its_shards_servers(shards, tmp_path: Path) -> None:
    """``$health`` in shard 0's server is answered once, by process 0; shard 1's by process 1."""
    stub, channels = shards
    asked = [int((await stub.send_user_message("$health", channel_id=c))["id"]) for c in channels]
    for shard, request in enumerate(asked):
        reply = await stub.wait_for_message(lambda m, r=request: m.reply_to == r, timeout=30)
        assert f"Gateway shard: shard {shard} (this process runs {shard} of 2)" in reply.content
        assert reply.channel_id == channels[shard]
    # Each process handles its events in order: once later commands are answered, a second
    # answer to the first ones would have been sent already.
    later = [int((await stub.send_user_message("$dlq", channel_id=c))["id"]) for c in channels]
    for request in later:
        await stub.wait_for_message(lambda m, r=request: m.reply_to == r, timeout=30)
    assert [sum(m.reply_to == r for m in stub.messages) for r in asked + later] == [1, 1, 1, 1]
    queues = sorted(p.name for p in (tmp_path / "data").glob("queue*.sqlite3"))
    assert queues == ["queue.shards-0-of-2.sqlite3", "queue.shards-1-of-2.sqlite3"]
