"""How ffmpeg and ffprobe are told to open a file: one demuxer, one protocol, no lists.

ffmpeg picks a demuxer by content, and some demuxers open further inputs named inside
the file: HLS playlists (``#EXTM3U``), concat lists (``ffconcat``), ``image2`` (``%d``
patterns and globs in the file name). Those names would be read from the bot's disk.
So the caller sniffs the container itself (``core.content``) and every input is opened
with that demuxer forced (``-f``), the allow-list as a second wall (``-format_whitelist``:
ffmpeg refuses a demuxer not on it after probing), the ``file`` protocol only, and the
path spelled ``file:<absolute path>`` so that no part of a name is read as a protocol.
"""

from pathlib import Path

# Demuxers we open (ffmpeg 5.1 names); none of these reads other files, once ``mov``'s
# external data references are off (its default, made explicit: ``PRIVATE``).
VIDEO_DEMUXERS = ("mov", "matroska", "gif", "mpegts")
PICTURE_DEMUXERS = ("png_pipe", "apng", "jpeg_pipe", "webp_pipe", "bmp_pipe", "tiff_pipe")
AUDIO_DEMUXERS = ("mp3", "aac", "ogg", "flac", "wav")
DEMUXERS = frozenset(VIDEO_DEMUXERS + PICTURE_DEMUXERS + AUDIO_DEMUXERS)
WHITELIST = ",".join(sorted(DEMUXERS))
PROTOCOLS = "file"
PRIVATE = {"mov": ["-enable_drefs", "0", "-use_absolute_path", "0"]}


def input_args(demuxer: str, path: Path) -> list[str]:
    """The options and ``-i`` that open ``path`` with ``demuxer`` and nothing else.

    Raises:
        ValueError: ``demuxer`` is not one we open.
    """
    if demuxer not in DEMUXERS:
        raise ValueError(f"demuxer {demuxer!r} is not allowed")
    return [
        "-f",
        demuxer,
        *PRIVATE.get(demuxer, []),
        "-format_whitelist",
        WHITELIST,
        "-protocol_whitelist",
        PROTOCOLS,
        "-i",
        f"file:{path.resolve()}",
    ]


def allowed_format(format_name: str) -> bool:
    """Whether ffprobe's ``format_name`` (``mov,mp4,m4a,…`` for mov) is one we open."""
    return any(name in DEMUXERS for name in format_name.split(","))
