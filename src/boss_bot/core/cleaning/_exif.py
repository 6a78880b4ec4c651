"""The one EXIF tag worth keeping: Orientation (IFD0, tag 0x0112), read and written back.

EXIF in a JPEG is an APP1 segment: ``Exif`` and two zero bytes then a TIFF structure, little-endian
(``II``) or big-endian (``MM``). Only IFD0's entries are read, each bounds-checked; a
value that is missing or out of range reads as 1 (upright).
"""

import struct

ORIENTATION = 0x0112
SHORT = 3
EXIF = b"Exif\0\0"


def orientation(payload: bytes) -> int:
    """The Orientation (1–8) in an APP1 ``payload``; 1 when absent or unreadable."""
    if not payload.startswith(EXIF):
        return 1
    tiff = payload[len(EXIF) :]
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None or len(tiff) < 8:
        return 1
    (ifd,) = struct.unpack(order + "I", tiff[4:8])
    if ifd + 2 > len(tiff):
        return 1
    (count,) = struct.unpack(order + "H", tiff[ifd : ifd + 2])
    for n in range(count):
        at = ifd + 2 + 12 * n
        if at + 12 > len(tiff):
            return 1
        tag, kind, _count = struct.unpack(order + "HHI", tiff[at : at + 8])
        if tag == ORIENTATION and kind == SHORT:
            (value,) = struct.unpack(order + "H", tiff[at + 8 : at + 10])
            return value if 1 <= value <= 8 else 1
    return 1


def orientation_segment(value: int) -> bytes:
    """An APP1 segment holding nothing but ``Orientation = value`` (big-endian TIFF)."""
    entry = struct.pack(">HHIH2x", ORIENTATION, SHORT, 1, value)
    tiff = b"MM\0*" + struct.pack(">IH", 8, 1) + entry + struct.pack(">I", 0)
    payload = EXIF + tiff
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
