"""GIF blocks without comments and XMP: the picture and animation blocks copied as they are.

Dropped: comment extensions (``0x21 0xFE``), application extensions whose identifier is
``XMP DataXMP``, and anything after the trailer. Kept: the screen descriptor and colour
tables, graphic control (timing, transparency), images, plain text, and other
application extensions (``NETSCAPE2.0``: the loop count).
"""

COMMENT, APPLICATION, IMAGE, EXTENSION, TRAILER = 0xFE, 0xFF, 0x2C, 0x21, 0x3B
XMP = b"XMP DataXMP"


class GifError(ValueError):
    """The bytes are not a GIF whose blocks can be walked."""


def _table(flags: int) -> int:
    """The size of the colour table a packed-fields byte announces."""
    return 3 * 2 ** ((flags & 0x07) + 1) if flags & 0x80 else 0


def _sub_blocks(data: bytes, pos: int) -> int:
    """Where the data sub-blocks starting at ``pos`` end (after the zero-length one)."""
    while pos < len(data) and data[pos]:
        pos += 1 + data[pos]
    if pos >= len(data):
        raise GifError("sub-blocks run past the end")
    return pos + 1


def blocks(data: bytes) -> list[tuple[int, bytes]]:
    """``(kind, whole block)``: the header with its colour table first, the trailer last."""
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 13:
        raise GifError("not a GIF")
    pos = 13 + _table(data[10])
    found, end = [(0, data[:pos])], len(data)
    while pos < end:
        start, kind = pos, data[pos]
        if kind == TRAILER:
            found.append((TRAILER, data[pos : pos + 1]))
            return found
        if kind == EXTENSION and pos + 2 <= end:
            kind, pos = data[pos + 1], _sub_blocks(data, pos + 2)
        elif kind == IMAGE and pos + 10 <= end:
            pos += 10 + _table(data[pos + 9])
            pos = _sub_blocks(data, pos + 1)  # after the LZW code size
        else:
            raise GifError(f"unknown block {kind:#x} at {pos}")
        found.append((kind, data[start:pos]))
    raise GifError("no trailer")


def strip(data: bytes) -> bytes | None:
    """``data`` without comments and XMP, or ``None`` when it has neither.

    Raises:
        GifError: the blocks cannot be walked.
    """
    kept = [
        block
        for kind, block in blocks(data)
        if kind != COMMENT and not (kind == APPLICATION and block[3:14] == XMP)
    ]
    cleaned = b"".join(kept)
    return None if cleaned == data else cleaned
