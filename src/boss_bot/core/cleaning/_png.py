"""PNG chunks, copied whole (CRCs untouched) except those carrying text, EXIF or a time.

Dropped: ``tEXt``, ``zTXt``, ``iTXt`` (text, often the author or software, and XMP),
``eXIf`` and ``tIME``, and anything after ``IEND``. Kept: everything else, colour
(``iCCP``, ``sRGB``, ``gAMA``, ``cHRM``) and APNG animation (``acTL``, ``fcTL``, ``fdAT``)
among it. Lengths are checked against the bytes there are.
"""

SIGNATURE = b"\x89PNG\r\n\x1a\n"
DROPPED = frozenset({b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"})


class PngError(ValueError):
    """The bytes are not a PNG whose chunks can be walked."""


def chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    """``(type, whole chunk)`` from the first chunk to ``IEND``."""
    if not data.startswith(SIGNATURE):
        raise PngError("no PNG signature")
    found, pos = [], len(SIGNATURE)
    while pos + 12 <= len(data):
        length = int.from_bytes(data[pos : pos + 4])
        kind, end = data[pos + 4 : pos + 8], pos + 12 + length
        if end > len(data):
            raise PngError(f"chunk {kind!r} at {pos} runs past the end")
        found.append((kind, data[pos:end]))
        if kind == b"IEND":
            return found
        pos = end
    raise PngError("no IEND")


def strip(data: bytes) -> bytes | None:
    """``data`` without the dropped chunks, or ``None`` when it has none.

    Raises:
        PngError: the chunks cannot be walked.
    """
    kept = [chunk for kind, chunk in chunks(data) if kind not in DROPPED]
    cleaned = SIGNATURE + b"".join(kept)
    return None if cleaned == data else cleaned
