"""Pictures arrive without EXIF, XMP, text chunks or comments; colour profiles stay.

The files are made by ffmpeg; the metadata it cannot write is added by ``cleankit``.
"""

import struct
from pathlib import Path

import pytest

from boss_bot.core.cleaning import Cleaner
from boss_bot.core.ffmpeg import Tools
from boss_bot.core.results import Batch
from tests.core.cleankit import corner_jpeg, exif_app1, ffmpeg, icc_app2, png_chunk, red_at, rgb

LIMIT = 10 * 1024 * 1024
TESTSRC = ("-f", "lavfi", "-i", "testsrc=s=32x24", "-frames:v", "1")
PROFILE = b"not really a profile, but bytes that must survive " * 4


async def _clean(*paths: Path, limit: int = LIMIT) -> list[Path]:
    batch = await Cleaner(Tools.find(), 60)(Batch(list(paths)), limit)
    return batch.files


@pytest.mark.parametrize("order", [">", "<"])
async def test_a_gps_photo_arrives_without_exif_upright_with_its_profile(
    tmp_path: Path, order: str
) -> None:
    """Orientation 6 (either byte order): no APP1 left, turned upright, the ICC kept."""
    photo = corner_jpeg(tmp_path / "photo.jpg", exif_app1(6, order), icc_app2(PROFILE))
    assert rgb(photo)[:2] == (64, 32)
    [out] = await _clean(photo)
    data = out.read_bytes()
    assert out == photo
    assert b"Exif" not in data
    assert b"\xff\xe1" not in data.split(b"\xff\xda")[0]  # no APP1 before the scan
    assert data.count(b"ICC_PROFILE") == 1
    assert icc_app2(PROFILE) in data
    width, height, pixels = rgb(out)
    assert (width, height) == (32, 64)  # upright: the stored 64×32 turned a quarter
    assert red_at(width, pixels, 28, 3)  # the stored top-left went to the top-right
    assert not red_at(width, pixels, 3, 3)


async def test_an_upright_photo_loses_exif_without_being_reencoded(tmp_path: Path) -> None:
    """Orientation 1: only the APP1 segment goes; the image data is the same bytes."""
    plain = corner_jpeg(tmp_path / "plain.jpg")
    photo = corner_jpeg(tmp_path / "photo.jpg", exif_app1(1))
    [out] = await _clean(photo)
    original = plain.read_bytes()
    assert out.read_bytes().endswith(original[original.index(b"\xff\xdb") :])  # DQT on
    assert b"Exif" not in out.read_bytes()


async def test_a_malformed_jpeg_is_left_as_it_was(tmp_path: Path, logged: list[str]) -> None:
    """A segment length running past the end: the file is posted untouched, nothing raised."""
    photo = corner_jpeg(tmp_path / "bad.jpg", exif_app1(6))
    data = bytearray(photo.read_bytes())
    dqt = data.index(b"\xff\xdb")
    data[dqt + 2 : dqt + 4] = b"\xff\xf0"
    photo.write_bytes(bytes(data))
    [out] = await _clean(photo)
    assert out.read_bytes() == bytes(data)
    assert any("posted without cleaning" in line for line in logged)


async def test_truncated_jpegs_never_raise(tmp_path: Path) -> None:
    """Cut anywhere, a JPEG with EXIF is cleaned or left alone, and the call returns."""
    whole = corner_jpeg(tmp_path / "whole.jpg", exif_app1(6), icc_app2(PROFILE)).read_bytes()
    for cut in range(3, len(whole), 37):
        part = tmp_path / f"cut{cut}.jpg"
        part.write_bytes(whole[:cut])
        assert await _clean(part) == [part]


async def test_a_png_keeps_its_profile_and_loses_its_text(tmp_path: Path) -> None:
    """tEXt, iTXt and tIME go; iCCP and the image data stay, chunk for chunk."""
    data = ffmpeg(*TESTSRC, "-c:v", "png", "-f", "image2pipe", "-")
    iccp = png_chunk(b"iCCP", b"profile\0\0" + PROFILE)
    text = png_chunk(b"tEXt", b"Author\0Jane Doe, 48.85N 2.29E")
    stamp = png_chunk(b"tIME", struct.pack(">HBBBBB", 2024, 5, 1, 12, 0, 0))
    head = data.index(b"IHDR") + 4 + 13 + 4  # after IHDR
    picture = tmp_path / "pic.png"
    picture.write_bytes(data[:head] + iccp + text + stamp + data[head:])
    [out] = await _clean(picture)
    cleaned = out.read_bytes()
    assert cleaned == data[:head] + iccp + data[head:]
    assert b"Jane Doe" not in cleaned


def _riff_chunk(fourcc: bytes, data: bytes) -> bytes:
    return fourcc + struct.pack("<I", len(data)) + data + b"\0" * (len(data) & 1)


async def test_a_webp_loses_exif_and_keeps_its_profile(tmp_path: Path) -> None:
    """EXIF chunk and flag gone, ICCP kept, RIFF size right, the same picture decoded."""
    simple = ffmpeg(*TESTSRC, "-c:v", "libwebp", "-f", "webp", "-")
    assert simple[12:16] == b"VP8 "
    flags, canvas = 0x20 | 0x08, (31).to_bytes(3, "little") + (23).to_bytes(3, "little")
    chunks = [_riff_chunk(b"VP8X", bytes([flags, 0, 0, 0]) + canvas)]
    chunks += [_riff_chunk(b"ICCP", PROFILE), simple[12:], _riff_chunk(b"EXIF", exif_app1(1)[4:])]
    body = b"WEBP" + b"".join(chunks)
    picture = tmp_path / "pic.webp"
    picture.write_bytes(b"RIFF" + struct.pack("<I", len(body)) + body)
    before = ffmpeg("-i", str(picture), "-f", "framemd5", "-")
    [out] = await _clean(picture)
    cleaned = out.read_bytes()
    assert b"EXIF" not in cleaned
    assert b"Exif" not in cleaned
    assert _riff_chunk(b"ICCP", PROFILE) in cleaned
    assert cleaned[20] == 0x20  # VP8X flags: ICC only
    assert struct.unpack("<I", cleaned[4:8])[0] == len(cleaned) - 8
    assert ffmpeg("-i", str(out), "-f", "framemd5", "-") == before


async def test_a_gif_loses_its_comment_and_keeps_its_loop(tmp_path: Path) -> None:
    """A comment extension goes; NETSCAPE2.0 (the loop) and the frames stay."""
    scene = ("-f", "lavfi", "-i", "testsrc=s=32x24:r=5", "-t", "1")
    data = ffmpeg(*scene, "-loop", "0", "-f", "gif", "-")
    assert b"NETSCAPE2.0" in data
    comment = b"\x21\xfe" + bytes([17]) + b"taken at home, 9h" + b"\0"
    at = data.index(b"\x21\xff")  # the application extension, after the colour table
    picture = tmp_path / "anim.gif"
    picture.write_bytes(data[:at] + comment + data[at:])
    [out] = await _clean(picture)
    assert out.read_bytes() == data
