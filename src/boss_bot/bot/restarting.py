"""``$restart``'s note from the old process to the new one, and the "back" message.

The cog answers "restarting…", leaves a notice naming that message in the data
directory, and asks the bot to restart: it closes as on SIGTERM and the composition
root runs the same command line again in this process. Once ready, the new process
takes (reads and removes) the notice and edits the message.

A file, not an environment variable: it outlives a new process that dies while
starting and is started again by systemd or by hand, which then still says it is back.
"""

import json
import os
from dataclasses import asdict, dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import discord
from discord.ext import commands
from loguru import logger

RESTARTING = "🔄 Restarting… Waiting and running jobs are kept and go on when I'm back."


@dataclass(frozen=True)
class RestartNotice:
    """The "restarting…" message, to be edited once the bot is back."""

    channel_id: int
    message_id: int


def leave_notice(path: Path, notice: RestartNotice) -> None:
    """Write the notice for the next start (atomically); a failure is only logged."""
    partial = path.with_suffix(".partial")
    try:
        partial.write_text(json.dumps(asdict(notice)))
        os.replace(partial, path)
    except OSError:
        logger.opt(exception=True).warning("could not leave the restart notice in {}", path)


def take_notice(path: Path) -> RestartNotice | None:
    """Read and remove the notice a restart left; None if there is none (or it is bad)."""
    try:
        text = path.read_text()
    except FileNotFoundError:
        return None
    except OSError:
        logger.opt(exception=True).warning("could not read the restart notice {}", path)
        return None
    path.unlink(missing_ok=True)
    try:
        data = json.loads(text)
        return RestartNotice(int(data["channel_id"]), int(data["message_id"]))
    except (ValueError, KeyError, TypeError):
        logger.warning("ignoring a malformed restart notice: {!r}", text[:200])
        return None


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def back_text() -> str:
    """What the "restarting…" message becomes: back, with the downloaders' versions."""
    ytdlp, gallerydl = _version("yt-dlp"), _version("gallery-dl")
    return f"✅ Back after a restart, with yt-dlp {ytdlp} and gallery-dl {gallerydl}."


async def announce_back(bot: commands.Bot, notice: RestartNotice) -> None:
    """Edit the "restarting…" message; a failure (deleted message) is only logged."""
    channel = bot.get_partial_messageable(notice.channel_id)
    try:
        await channel.get_partial_message(notice.message_id).edit(content=back_text())
    except discord.HTTPException:
        logger.opt(exception=True).warning("could not edit the restart message")
    else:
        logger.info("back after a restart; said so in channel {}", notice.channel_id)
