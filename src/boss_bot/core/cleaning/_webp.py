"""WebP (RIFF) chunks without ``EXIF`` and ``XMP``; the extended header's flags say so.

Kept: ``VP8``/``VP8L``/``VP8X``, ``ICCP`` (the colour profile), ``ALPH``, ``ANIM`` and
``ANMF`` (animation) and any other chunk. The ``VP8X`` flags for EXIF and XMP are
cleared and the RIFF size is written again; bytes past the RIFF size are dropped.
"""

import struct

DROPPED = frozenset({b"EXIF", b"XMP "})
EXIF_FLAG, XMP_FLAG = 0x08, 0x04


class WebpError(ValueError):
    """The bytes are not a WebP whose chunks can be walked."""


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """``(fourcc, whole chunk with its padding)`` inside the RIFF."""
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise WebpError("not a RIFF WebP")
    end = min(len(data), 8 + int.from_bytes(data[4:8], "little"))
    found, pos = [], 12
    while pos + 8 <= end:
        fourcc, size = data[pos : pos + 4], int.from_bytes(data[pos + 4 : pos + 8], "little")
        stop = pos + 8 + size + (size & 1)
        if pos + 8 + size > end:
            raise WebpError(f"chunk {fourcc!r} at {pos} runs past the end")
        found.append((fourcc, data[pos : min(stop, end)]))
        pos = stop
    return found


def strip(data: bytes) -> bytes | None:
    """``data`` without ``EXIF``/``XMP`` chunks, or ``None`` when it has none.

    Raises:
        WebpError: the chunks cannot be walked.
    """
    kept = []
    for fourcc, chunk in chunks(data):
        if fourcc in DROPPED:
            continue
        if fourcc == b"VP8X" and len(chunk) > 8:
            flags = chunk[8] & ~(EXIF_FLAG | XMP_FLAG)
            kept.append(chunk[:8] + bytes([flags]) + chunk[9:])
        else:
            kept.append(chunk)
    body = b"WEBP" + b"".join(kept)
    cleaned = b"RIFF" + struct.pack("<I", len(body)) + body
    return None if cleaned == data else cleaned
