"""Running ffprobe and ffmpeg on downloaded files, safely.

Child processes killed on timeout or cancel, never blocking the loop (``_process``);
inputs opened with a sniffed demuxer and allow-lists only (``_inputs``); probing
(``_probe``). The binaries are configured (``BOSS_BOT_FFMPEG_PATH``/``FFPROBE_PATH``)
or found on PATH (Debian's and Homebrew's packages put them there).
"""

from boss_bot.core.ffmpeg._inputs import DEMUXERS, PROTOCOLS, WHITELIST, input_args
from boss_bot.core.ffmpeg._probe import MediaInfo, probe, size_of
from boss_bot.core.ffmpeg._process import run
from boss_bot.core.ffmpeg._tools import Tools

__all__ = [
    "DEMUXERS",
    "PROTOCOLS",
    "WHITELIST",
    "MediaInfo",
    "Tools",
    "input_args",
    "probe",
    "run",
    "size_of",
]
