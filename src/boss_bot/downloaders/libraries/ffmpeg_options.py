"""What yt-dlp (ours, and the one gallery-dl embeds) may let ffmpeg open.

yt-dlp runs ffmpeg to download HLS (unless told to use its own downloader) and after a
download: the merger of separate video and audio formats, and the fixups. Each reads a
downloaded file, whose content the remote server chose: an HLS playlist or a concat list
there would make ffmpeg read files from our disk into the result. So HLS is downloaded
natively, and every post-processor's ffmpeg inputs get the same allow-lists as our own
(``core.ffmpeg``): the containers we accept (and FLV, which sites serve as a format), the
``file`` protocol only. yt-dlp reads them from ``postprocessor_args`` keys
``<post-processor>+ffmpeg_i`` (input arguments; ``yt_dlp.utils._configuration_args``).
"""

from typing import Any

from boss_bot.core.ffmpeg import PROTOCOLS, WHITELIST

POSTPROCESSORS = (
    "Merger",
    "FixupM3u8",
    "FixupM4a",
    "FixupStretched",
    "FixupTimestamp",
    "FixupDuration",
    "FixupDuplicateMoov",
    "VideoRemuxer",
    "VideoConvertor",
    "ExtractAudio",
    "EmbedSubtitle",
    "EmbedThumbnail",
    "Metadata",
)
INPUT_ARGS = ["-format_whitelist", f"{WHITELIST},flv", "-protocol_whitelist", PROTOCOLS]


def ffmpeg_options(ffmpeg: str | None, allow_private: bool) -> dict[str, Any]:
    """yt-dlp options: where ffmpeg is, native HLS, and ffmpeg's inputs restricted."""
    opts: dict[str, Any] = {
        "hls_prefer_native": True,
        "postprocessor_args": {f"{pp.lower()}+ffmpeg_i": INPUT_ARGS for pp in POSTPROCESSORS},
    }
    if ffmpeg:
        opts["ffmpeg_location"] = ffmpeg
    if not allow_private:
        # ffmpeg resolves names itself, past the address guard: never let it fetch.
        opts["external_downloader_args"] = {"ffmpeg_i": ["-protocol_whitelist", "file,crypto"]}
    return opts
