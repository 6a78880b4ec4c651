"""Sniffing what a downloaded file is by its first bytes, whatever its name says."""

import pytest

from boss_bot.core.media.content import sniff
from tests.fakes import MP4

ACCEPTED = [
    (MP4, "mov"),
    (b"\x00\x00\x00\x18ftyp", "mov"),  # FakeDownloader's default clip.mp4
    (b"\x00\x00\x00\x1cftypM4A ", "mov"),
    (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81", "matroska"),
    (b"GIF89a\x40\x00", "gif"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", "png_pipe"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\x08acTL\x00\x00\x00\x00IDAT", "apng"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg_pipe"),
    (b"RIFF\x70\x10\x00\x00WEBPVP8 ", "webp_pipe"),
    (b"RIFF\xce\x58\x01\x00WAVEfmt ", "wav"),
    (b"OggS\x00\x02", "ogg"),
    (b"fLaC\x00\x00\x00\x22", "flac"),
    (b"ID3\x04\x00\x00", "mp3"),
    (b"\xff\xfb\x90\x64", "mp3"),
    (b"\xff\xf1\x50\x40", "aac"),
    (bytes([0x47] + [0] * 187) * 3, "mpegts"),
]
REFUSED = [
    (b"#EXTM3U\n#EXT-X-TARGETDURATION:10\n", "a playlist"),
    (b"\xef\xbb\xbf  #EXTM3U\n", "a playlist"),
    (b"ffconcat version 1.0\nfile /home/me/holiday.mp4\n", "a concat list"),
    (b"file '/home/me/holiday.mp4'\n", "a concat list"),
    (b"WEBVTT\n\n00:00.000 --> 00:01.000\nhi\n", "a subtitle file"),
    (b"1\n00:00:01,000 --> 00:00:02,000\nhi\n", "a subtitle file"),
    (b"[Script Info]\nTitle: x\n", "a subtitle file"),
    (b"<!DOCTYPE html><html>", "a web page"),
    (b'<?xml version="1.0"?><MPD', "a web page"),
    (b"PK\x03\x04\x14\x00", "an archive"),
    (b"\x1f\x8b\x08\x00", "an archive"),
    (b"MZ\x90\x00", "a program"),
    (b"\x7fELF\x02\x01", "a program"),
    (b"#!/bin/sh\nrm -rf ~\n", "a program"),
    (b"%PDF-1.7", "a document"),
    (b"", "an empty file"),
    (b"hello", "a file of unknown type"),
]


@pytest.mark.parametrize(("head", "demuxer"), ACCEPTED)
def test_media_containers_are_accepted_with_their_demuxer(head: bytes, demuxer: str) -> None:
    """Each picture, video and audio container maps to the one demuxer that opens it."""
    content = sniff(head)
    assert content.accepted
    assert content.demuxer == demuxer


@pytest.mark.parametrize(("head", "what"), REFUSED)
def test_everything_else_is_refused_and_named(head: bytes, what: str) -> None:
    """Playlists, lists, subtitles, pages, archives and programs are refused, in words."""
    content = sniff(head)
    assert not content.accepted
    assert content.what == what
