"""What a file is, by its first bytes: a container we accept (and its demuxer), or not.

A downloaded file's name is chosen by the remote server, so only its content counts.
Accepted are the containers of pictures, video and audio that ffmpeg opens without
reading any other file (see ``core.ffmpeg._inputs``); everything else is described in
a few words for the user ("a playlist", "a subtitle file").
"""

import re
from dataclasses import dataclass
from pathlib import Path

import aiofiles

HEAD_BYTES = 4096


@dataclass(frozen=True, slots=True)
class Content:
    """A sniffed file: ``demuxer`` is the ffmpeg demuxer for it, ``None`` when refused."""

    demuxer: str | None
    what: str

    @property
    def accepted(self) -> bool:
        """Whether this is a picture, video or audio container we deliver and fit."""
        return self.demuxer is not None


_MAGIC = (  # (offset, bytes, demuxer, what), first match wins
    (4, b"ftyp", "mov", "an MP4/QuickTime file"),
    (4, b"moov", "mov", "a QuickTime file"),
    (4, b"mdat", "mov", "a QuickTime file"),
    (4, b"wide", "mov", "a QuickTime file"),
    (0, b"\x1a\x45\xdf\xa3", "matroska", "a Matroska/WebM file"),
    (0, b"GIF87a", "gif", "a GIF"),
    (0, b"GIF89a", "gif", "a GIF"),
    (0, b"\x89PNG", "png_pipe", "a PNG picture"),
    (0, b"\xff\xd8\xff", "jpeg_pipe", "a JPEG picture"),
    (8, b"WEBP", "webp_pipe", "a WebP picture"),
    (0, b"II*\x00", "tiff_pipe", "a TIFF picture"),
    (0, b"MM\x00*", "tiff_pipe", "a TIFF picture"),
    (0, b"BM", "bmp_pipe", "a BMP picture"),
    (8, b"WAVE", "wav", "a WAV file"),
    (0, b"OggS", "ogg", "an Ogg file"),
    (0, b"fLaC", "flac", "a FLAC file"),
    (0, b"ID3", "mp3", "an MP3 file"),
)
_REFUSED = (  # (pattern on the first bytes, what)
    (rb"(\xef\xbb\xbf)?\s*#EXTM3U", "a playlist"),
    (rb"(\xef\xbb\xbf)?\s*(ffconcat|file\s+['\"]?[^\n]*\n)", "a concat list"),
    (rb"(\xef\xbb\xbf)?\s*(WEBVTT|\[Script Info\]|\d+\r?\n\d\d:\d\d:\d\d,\d)", "a subtitle file"),
    (rb"(\xef\xbb\xbf)?\s*<(\?xml|!doctype html|html|head|body|!--|svg|MPD)", "a web page"),
    (rb"PK\x03\x04|Rar!|\x1f\x8b|7z\xbc\xaf|BZh|\xfd7zXZ", "an archive"),
    (rb"MZ|\x7fELF|\xfe\xed\xfa[\xce\xcf]|[\xce\xcf]\xfa\xed\xfe|\xca\xfe\xba\xbe|#!", "a program"),
    (rb"%PDF", "a document"),
)


def _frame_sync(head: bytes) -> Content | None:
    """MPEG-TS (a sync byte every 188), MP3 or AAC (ADTS) frames without a tag."""
    if len(head) >= 377 and head[0] == head[188] == head[376] == 0x47:
        return Content("mpegts", "an MPEG-TS video")
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        layer = head[1] & 0x06
        return Content("mp3", "an MP3 file") if layer else Content("aac", "an AAC file")
    return None


def sniff(head: bytes) -> Content:
    """What the file starting with ``head`` is."""
    for offset, magic, demuxer, what in _MAGIC:
        if head[offset : offset + len(magic)] == magic:
            if demuxer == "png_pipe" and b"acTL" in head.split(b"IDAT", 1)[0]:
                return Content("apng", "an animated PNG")
            return Content(demuxer, what)
    if (frames := _frame_sync(head)) is not None:
        return frames
    for pattern, what in _REFUSED:
        if re.match(pattern, head, re.IGNORECASE):
            return Content(None, what)
    return Content(None, "an empty file" if not head else "a file of unknown type")


async def sniff_file(path: Path) -> Content:
    """What the file at ``path`` is, by its first bytes."""
    async with aiofiles.open(path, "rb") as handle:
        return sniff(await handle.read(HEAD_BYTES))
