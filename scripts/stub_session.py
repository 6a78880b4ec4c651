"""A session with the real bot against the loopback Discord stub, printed as a transcript.

Types the commands a user would and prints every message the bot posts (with each
edit of its status messages), so the behaviour can be read as a person sees it.

    uv run python scripts/stub_session.py
"""

import asyncio
import tempfile
from pathlib import Path

from _bench import ROOT  # noqa: F401 - puts the repository on sys.path
from tests.support.bot_process import BotProcess
from tests.support.discord_stub import DiscordStub, StubMessage
from tests.support.media import make_video
from tests.support.media_server import MediaServer


def show(message: StubMessage) -> str:
    """The message as a reader sees it: content, embeds, attachments, and its edits."""
    lines = [f"  [bot] {message.content}" if message.content else "  [bot]"]
    for embed in message.embeds:
        lines.append(f"        ┃ {embed.get('title', '')}")
        for field in embed.get("fields", []):
            lines.append(f"        ┃ {field['name']}: " + field["value"].replace("\n", " ⏎ "))
    for attachment in message.attachments:
        lines.append(f"        📎 {attachment.filename} ({attachment.size} bytes)")
    history = [e.get("content") for e in message.edits if e.get("content")]
    if len(history) > 1:
        lines.append("        edits: " + " → ".join(h.split(" ", 1)[0] for h in history))
    return "\n".join(lines)


async def say(stub: DiscordStub, text: str, settle: float = 1.0, **kwargs: int) -> None:
    """Type ``text`` as a user and print what the bot posts in the next ``settle`` seconds."""
    before = len(stub.messages)
    print(f"[user] {text}")
    await stub.send_user_message(text, **kwargs)
    await asyncio.sleep(settle)
    for message in stub.messages[before:]:
        print(show(message))


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, MediaServer() as media:
        video = make_video(Path(tmp) / "clip.mp4", seconds=3)
        clip = media.add_file("/clip.mp4", video, content_type="video/mp4")
        slow = [
            media.add_file(
                f"/slow{n}.png",
                b"\x89PNG" + b"\x00" * 400_000,
                content_type="image/png",
                throttle_bps=50_000,
            )
            for n in range(4)
        ]
        async with DiscordStub() as stub:
            env = {"MAX_CONCURRENT_DOWNLOADS": "2", "LOG_LEVEL": "WARNING"}
            bot = BotProcess(stub, Path(tmp) / "data", Path(tmp) / "bot.log", **env)
            await bot.start()
            await asyncio.sleep(2.5)
            await say(stub, f"$dlt {clip}", settle=4)
            await say(stub, f"$dlt {media.base_url}/missing.mp4", settle=3)
            await say(stub, "$dlr https://x.com/someone/status/1")
            await say(stub, "$dlt file:///etc/passwd")
            bea = stub.add_user("bea")
            for n, url in enumerate(slow):
                await say(stub, f"$dl {url}", settle=0.3, user_id=bea if n % 2 else stub.user_id)
            await say(stub, "$dlq")
            acks = [m for m in stub.messages if m.content.startswith(("📥", "⬇️"))][-4:]
            owners_job, beas_job = (m.content.split("`")[1] for m in acks[2:])
            print("# bea (no Manage Messages) tries the owner's job, then her own:")
            await say(stub, f"$dlc {owners_job}", user_id=bea)
            await say(stub, f"$dlc {beas_job}", user_id=bea)
            print("# the guild owner (a moderator) cancels everything left:")
            await say(stub, "$dlc all", settle=3)
            await say(stub, "$health")
            await bot.stop()


if __name__ == "__main__":
    asyncio.run(main())
