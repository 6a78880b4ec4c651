"""yt-dlp's ffmpeg (ours, and the one inside gallery-dl) opens only media, from files."""

from pathlib import Path

import pytest
import yt_dlp
from gallery_dl import config
from yt_dlp.postprocessor.ffmpeg import FFmpegMergerPP
from yt_dlp.utils import PostProcessingError

from boss_bot.downloaders.libraries.ffmpeg_options import ffmpeg_options
from boss_bot.downloaders.libraries.gallerydl import configure
from tests.support.media import FFMPEG, _ffmpeg
from tests.support.media import probe as ffprobe


def _merge(tmp_path: Path, video: Path, audio: Path, opts: dict) -> Path:
    """Run yt-dlp's merger on two downloaded "formats", as after a ``bv*+ba`` download."""
    out = tmp_path / "merged.mp4"
    formats = [
        {"acodec": "none", "vcodec": "h264", "protocol": "https"},
        {"acodec": "aac", "vcodec": "none", "protocol": "https"},
    ]
    merge = [str(video), str(audio)]
    info = {"filepath": str(out), "requested_formats": formats, "__files_to_merge": merge}
    with yt_dlp.YoutubeDL({**opts, "quiet": True, "noprogress": True}) as ydl:
        FFmpegMergerPP(ydl).run(info)
    return out


async def test_the_merger_refuses_a_format_that_is_a_playlist(tmp_path: Path) -> None:
    """A "video format" whose bytes are an HLS playlist naming a local file is not merged."""
    secret, audio, video = tmp_path / "holiday.mp4", tmp_path / "a.m4a", tmp_path / "v.mp4"
    _ffmpeg("-f", "lavfi", "-i", "testsrc=s=176x144:r=10", "-t", "2", str(secret))
    _ffmpeg("-f", "lavfi", "-i", "sine=d=2", str(audio))
    video.write_text(f"#EXTM3U\n#EXT-X-TARGETDURATION:5\n#EXTINF:2,\n{secret}\n#EXT-X-ENDLIST\n")
    with pytest.raises(PostProcessingError):
        _merge(tmp_path, video, audio, ffmpeg_options(FFMPEG, allow_private=False))
    assert not (tmp_path / "merged.mp4").exists()


async def test_the_merger_still_merges_real_formats(tmp_path: Path) -> None:
    """Real video and audio formats merge as before under the allow-lists."""
    audio, video = tmp_path / "a.m4a", tmp_path / "v.mp4"
    _ffmpeg("-f", "lavfi", "-i", "testsrc=s=176x144:r=10", "-t", "2", str(video))
    _ffmpeg("-f", "lavfi", "-i", "sine=d=2", str(audio))
    out = _merge(tmp_path, video, audio, ffmpeg_options(FFMPEG, allow_private=False))
    assert {s["codec_type"] for s in ffprobe(out)["streams"]} == {"video", "audio"}


def test_gallery_dls_yt_dlp_gets_the_same_restrictions(tmp_path: Path) -> None:
    """gallery-dl's embedded yt-dlp: native HLS, and the post-processors' inputs restricted."""
    spec = {"dest": str(tmp_path), "max_files": 3, "max_bytes": 1000, "ffmpeg": FFMPEG}
    configure(spec)
    try:
        for section in ("downloader", "extractor"):
            raw = config.get((section, "ytdl"), "raw-options")
            assert raw.items() >= ffmpeg_options(FFMPEG, allow_private=False).items()
            assert raw["hls_prefer_native"] is True
            assert raw["ffmpeg_location"] == FFMPEG
            merger = raw["postprocessor_args"]["merger+ffmpeg_i"]
            assert merger[merger.index("-protocol_whitelist") + 1] == "file"
    finally:
        config.clear()
