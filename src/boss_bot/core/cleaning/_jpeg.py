"""JPEG marker segments, rewritten without re-encoding: what identifies goes, colour stays.

A JPEG is a list of marker segments (a two-byte marker, a two-byte length that counts
itself, a payload), then entropy-coded scans. Kept: the coding segments, APP0 ``JFIF``,
APP2 ``ICC_PROFILE`` (every chunk: the colour profile), APP14 ``Adobe`` (the colour
transform). Dropped: every other APPn (EXIF and XMP in APP1, IPTC in APP13, MPF, maker
data), comments, and anything after the end marker (second pictures, phone trailers).
The bytes are untrusted: every length is checked, and every step moves forward.
"""

import re

SOI, EOI, SOS, COM = 0xD8, 0xD9, 0xDA, 0xFE
STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})  # TEM, RST0-7: no length
SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}  # not DHT, JPG, DAC
NEXT_MARKER = re.compile(rb"\xff+[^\x00\xd0-\xd7\xff]")  # not stuffing, fill or RSTn
WINDOW = 1 << 20
KEPT_APPS = {0xE0: (b"JFIF\0", b"JFXX\0"), 0xE2: (b"ICC_PROFILE\0",), 0xEE: (b"Adobe",)}


class JpegError(ValueError):
    """The bytes are not a JPEG this parser can walk safely."""


def segments(data: bytes) -> list[tuple[int, bytes]]:
    """``(marker, whole segment)`` from SOI to EOI; a scan's entropy data rides with its SOS."""
    if data[:2] != b"\xff\xd8":
        raise JpegError("no start of image")
    found, pos, end = [(SOI, data[:2])], 2, len(data)
    while pos < end:
        if data[pos] != 0xFF:
            raise JpegError(f"no marker at {pos}")
        start = pos
        while pos < end and data[pos] == 0xFF:  # fill bytes
            pos += 1
        if pos >= end:
            raise JpegError("truncated marker")
        marker, pos = data[pos], pos + 1
        if marker == EOI:
            found.append((EOI, data[start:pos]))
            return found
        if marker not in STANDALONE:
            if pos + 2 > end or (length := int.from_bytes(data[pos : pos + 2])) < 2:
                raise JpegError(f"bad length at {pos}")
            if pos + length > end:
                raise JpegError(f"segment at {start} runs past the end")
            pos += length
        if marker == SOS:
            pos = _scan_end(data, pos)
        found.append((marker, data[start:pos]))
    raise JpegError("no end of image")


def _scan_end(data: bytes, pos: int) -> int:
    """Where the entropy-coded data from ``pos`` ends: the next marker that is not RSTn.

    Searched a window at a time: a regex search holds the GIL, the event loop waits.
    """
    while pos < len(data):
        stop = min(len(data), pos + WINDOW)
        if (found := NEXT_MARKER.search(data, pos, stop)) is not None:
            return found.start()
        pos = max(pos + 1, stop - 1)  # a marker may straddle the window's edge
    raise JpegError("scan runs past the end")


def _kept(marker: int, segment: bytes) -> bool:
    if marker == COM or 0xE0 <= marker <= 0xEF:
        return segment[4:].startswith(KEPT_APPS.get(marker, ()))  # startswith(()) is False
    return True


def strip(data: bytes) -> bytes | None:
    """``data`` without identifying segments, or ``None`` when it has none.

    Raises:
        JpegError: the segments cannot be walked.
    """
    walked = segments(data)
    kept = [segment for marker, segment in walked if _kept(marker, segment)]
    cleaned = b"".join(kept)
    return None if cleaned == data else cleaned


def app_payloads(data: bytes, marker: int, prefix: bytes) -> list[bytes]:
    """The payloads (after the length) of the ``marker`` segments starting with ``prefix``."""
    return [s[4:] for m, s in segments(data) if m == marker and s[4:].startswith(prefix)]


def icc_segments(data: bytes) -> tuple[list[bytes], list[bytes]]:
    """The APP2 ``ICC_PROFILE`` segments, whole and in order, and all the others."""
    icc, rest = [], []
    for marker, segment in segments(data):
        is_icc = marker == 0xE2 and segment[4:].startswith(b"ICC_PROFILE\0")
        (icc if is_icc else rest).append(segment)
    return icc, rest


def components(data: bytes) -> int:
    """How many colour components the frame has (3 for YCbCr, 4 for CMYK; 0 if unknown)."""
    frames = (s for m, s in segments(data) if m in SOF and len(s) > 9)
    return next((frame[9] for frame in frames), 0)


def splice(data: bytes, extra: list[bytes]) -> bytes:
    """``data`` with ``extra`` segments put after its leading APP0 segments."""
    walked = segments(data)
    at = 1
    while at < len(walked) and walked[at][0] == 0xE0:
        at += 1
    head = b"".join(s for _, s in walked[:at])
    return head + b"".join(extra) + b"".join(s for _, s in walked[at:])
