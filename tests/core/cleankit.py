"""Media with metadata in it, made by ffmpeg and finished by hand (ffmpeg writes no EXIF).

EXIF is built with ``struct``: a TIFF structure whose IFD0 holds an Orientation and a
pointer to a GPS IFD with a latitude; inserted into a JPEG as an APP1 segment.
"""

import struct
import subprocess
import zlib
from pathlib import Path

from tests.support.media import FFMPEG, make_video, probe

TAGS = {"title": "Our street", "comment": "shot by Jane", "location": "+48.8577+002.2950/"}
CHAPTERS = ";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1000\ntitle=At home\n"
GPS_LATITUDE = (48, 51, 29)  # Paris, degrees minutes seconds


def ffmpeg(*args: str) -> bytes:
    """Run ffmpeg quietly; return what it wrote to stdout."""
    cmd = [FFMPEG, "-hide_banner", "-nostdin", "-v", "error", "-y", *args]
    return subprocess.run(cmd, check=True, capture_output=True, timeout=120).stdout


def exif_app1(orientation: int, order: str = ">") -> bytes:
    """An APP1 segment: Orientation in IFD0, and a GPS IFD with GPSLatitudeRef and GPSLatitude."""
    mark = b"MM\0*" if order == ">" else b"II*\0"
    ifd0_at, gps_at = 8, 8 + 2 + 2 * 12 + 4
    rationals_at = gps_at + 2 + 2 * 12 + 4
    ifd0 = struct.pack(order + "H", 2)
    ifd0 += struct.pack(order + "HHIH2x", 0x0112, 3, 1, orientation)
    ifd0 += struct.pack(order + "HHII", 0x8825, 4, 1, gps_at) + struct.pack(order + "I", 0)
    gps = struct.pack(order + "H", 2) + struct.pack(order + "HHI2s2x", 1, 2, 2, b"N\0")
    gps += struct.pack(order + "HHII", 2, 5, 3, rationals_at) + struct.pack(order + "I", 0)
    rationals = b"".join(struct.pack(order + "II", n, 1) for n in GPS_LATITUDE)
    tiff = mark + struct.pack(order + "I", ifd0_at) + ifd0 + gps + rationals
    payload = b"Exif\0\0" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def icc_app2(profile: bytes) -> bytes:
    """An APP2 ``ICC_PROFILE`` segment carrying ``profile`` as its only chunk."""
    payload = b"ICC_PROFILE\0\x01\x01" + profile
    return b"\xff\xe2" + struct.pack(">H", len(payload) + 2) + payload


def corner_jpeg(path: Path, *extra: bytes) -> Path:
    """A 64×32 blue JPEG with a red 16×16 top-left corner; ``extra`` segments after SOI."""
    scene = "color=c=blue:s=64x32,drawbox=x=0:y=0:w=16:h=16:color=red:t=fill"
    data = ffmpeg(
        *("-f", "lavfi", "-i", scene, "-frames:v", "1", "-pix_fmt", "yuvj444p"),
        *("-f", "mjpeg", "-"),
    )
    path.write_bytes(data[:2] + b"".join(extra) + data[2:])
    return path


def rgb(path: Path) -> tuple[int, int, bytes]:
    """Width, height and RGB24 pixels of a picture, as ffmpeg decodes it."""
    stream = probe(path)["streams"][0]
    pixels = ffmpeg("-i", str(path), "-f", "rawvideo", "-pix_fmt", "rgb24", "-")
    return int(stream["width"]), int(stream["height"]), pixels


def red_at(width: int, pixels: bytes, x: int, y: int) -> bool:
    """Whether the pixel at ``x``, ``y`` is clearly red."""
    r, g, b = pixels[3 * (y * width + x) : 3 * (y * width + x) + 3]
    return r > 180 and g < 80 and b < 80


def png_chunk(kind: bytes, data: bytes) -> bytes:
    """A PNG chunk with its length and CRC."""
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def tagged_video(tmp_path: Path, name: str, container: str) -> Path:
    """A 2 s H.264/AAC clip in ``container`` with identifying tags, a chapter, a language."""
    clip = make_video(tmp_path / "plain.mp4")
    chapters = tmp_path / "chapters.txt"
    chapters.write_text(CHAPTERS)
    tags = [arg for key, value in TAGS.items() for arg in ("-metadata", f"{key}={value}")]
    out = tmp_path / name
    ffmpeg(
        *("-i", str(clip), "-i", str(chapters), "-map", "0", "-map_chapters", "1", "-c", "copy"),
        *(*tags, "-metadata", "creation_time=2024-05-01T12:00:00Z"),
        *("-metadata:s:a:0", "language=fra", "-f", container, str(out)),
    )
    return out


def stream_hashes(path: Path) -> bytes:
    """A hash of every packet of the video and audio streams (mp4 chapters are a data track)."""
    return ffmpeg(
        "-i", str(path), "-map", "0:v", "-map", "0:a", "-c", "copy", "-f", "streamhash", "-"
    )
