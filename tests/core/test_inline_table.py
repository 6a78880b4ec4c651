"""The table of what Discord plays inline, as ``judge`` reads a probe."""

import pytest

from boss_bot.core.ffmpeg import MediaInfo
from boss_bot.core.inline._verdict import Action, judge


def _info(demuxer: str, video: str | None, audio: str | None, pixels: str = "yuv420p") -> MediaInfo:
    return MediaInfo(2.0, 320, 240, video, audio is not None, 50, False, demuxer, audio, pixels)


@pytest.mark.parametrize(
    ("info", "name", "webm", "action", "suffix"),
    [
        (_info("mov", "h264", "aac"), "a.mp4", False, Action.KEEP, None),
        (_info("mov", "h264", "mp3"), "a.mov", False, Action.KEEP, None),
        (_info("mov", "h264", None), "a.mp4", False, Action.KEEP, None),
        (_info("mov", "h264", "aac"), "a.bin", False, Action.REMUX, ".mp4"),
        (_info("matroska", "h264", "aac"), "a.mkv", False, Action.REMUX, ".mp4"),
        (_info("mpegts", "h264", "aac"), "a.ts", False, Action.REMUX, ".mp4"),
        (_info("matroska", "vp9", "opus"), "a.webm", True, Action.KEEP, None),
        (_info("matroska", "vp8", "vorbis"), "a.webm", False, Action.REMUX, ".webm"),
        (_info("mov", "vp9", "opus"), "a.mp4", False, Action.REMUX, ".webm"),
        (_info("mov", "hevc", "aac"), "a.mp4", False, Action.ENCODE, ".mp4"),
        (_info("mov", "av1", "aac"), "a.mp4", False, Action.ENCODE, ".mp4"),
        (_info("matroska", "av1", "opus"), "a.webm", True, Action.ENCODE, ".mp4"),
        (_info("mov", "prores", None), "a.mov", False, Action.ENCODE, ".mp4"),
        (_info("mov", "h264", "aac", "yuv420p10le"), "a.mp4", False, Action.ENCODE, ".mp4"),
        (_info("mov", "h264", "opus"), "a.mp4", False, Action.SOUND, ".mp4"),
        (_info("matroska", "vp9", "aac"), "a.webm", True, Action.SOUND, ".webm"),
        (_info("mp3", None, "mp3"), "a.mp3", False, Action.KEEP, None),
        (_info("mov", None, "aac"), "a.m4a", False, Action.KEEP, None),
        (_info("aac", None, "aac"), "a.aac", False, Action.KEEP, None),
        (_info("ogg", None, "opus"), "a.opus", False, Action.KEEP, None),
        (_info("flac", None, "flac"), "a.flac", False, Action.KEEP, None),
        (_info("wav", None, "pcm_s16le"), "a.wav", False, Action.KEEP, None),
        (_info("matroska", None, "opus"), "a.webm", True, Action.REMUX, ".ogg"),
        (_info("mov", None, "alac"), "a.m4a", False, Action.ENCODE, ".m4a"),
        (_info("png_pipe", "png", None), "a.png", False, Action.KEEP, None),
    ],
)
def test_the_table(
    info: MediaInfo, name: str, webm: bool, action: Action, suffix: str | None
) -> None:
    """Each row: what Discord plays stays, a wrong container is remuxed, the rest encoded."""
    verdict = judge(info, name, webm)
    assert verdict.action is action
    assert (verdict.target.suffix if verdict.target else None) == suffix
