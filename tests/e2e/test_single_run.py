"""End to end: a second ``bossbotctl run`` on a served data directory refuses to start."""

import asyncio
from pathlib import Path

from tests.support.bot_process import BOSSBOTCTL, BotProcess
from tests.support.discord_stub import DiscordStub


async def test_a_second_bot_process_refuses_and_the_first_goes_on(tmp_path: Path) -> None:
    """The second exits with one line naming the first's pid; the first answers, once."""
    async with DiscordStub() as stub:
        first = BotProcess(stub, tmp_path / "data", tmp_path / "first.log")
        await first.start()
        assert first.proc is not None
        second = await asyncio.create_subprocess_exec(
            str(BOSSBOTCTL),
            "run",
            env=first.env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            stdin=asyncio.subprocess.DEVNULL,
        )
        output, _ = await asyncio.wait_for(second.communicate(), 60)
        request = int((await stub.send_user_message("$health"))["id"])
        await stub.wait_for_message(lambda m: m.reply_to == request)
        later = int((await stub.send_user_message("$dlq"))["id"])
        await stub.wait_for_message(lambda m: m.reply_to == later)
        assert await first.stop() == 0
    text = output.decode()
    assert second.returncode == 2
    assert f"Another boss-bot bot (pid {first.proc.pid}) is already running" in text
    assert "Traceback" not in text
    assert sum(m.reply_to == request for m in stub.messages) == 1
    assert len(stub.events_of("ready")) == 1  # the second never connected
