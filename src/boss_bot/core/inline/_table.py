"""What Discord's clients play inline: containers, the codecs each may hold, file names.

The reasoning and sources are in ``docs/user-guide.md`` ("Video that plays here"). In
short: the desktop client is Chromium, the web client is any browser, the phones use
their system players; what all of them play is H.264 (8-bit 4:2:0) with AAC or MP3 in
mp4/mov, VP8/VP9 with Opus or Vorbis in WebM, and the common audio files. HEVC (no
Firefox, Chromium only with a hardware decoder), AV1 (no hardware decoder on most
phones in use: iPhones before the 15 Pro), Matroska, MPEG-TS, ProRes and the rest are
not. Discord also goes by the file name's extension, so that must match too.
"""

from dataclasses import dataclass

# Eight-bit 4:2:0: what every H.264 decoder in a browser or phone takes (not 10-bit, 4:4:4)
H264_PIXELS = frozenset({"yuv420p", "yuvj420p"})


@dataclass(frozen=True, slots=True)
class Target:
    """A container Discord plays, what it may hold, how ffmpeg writes it.

    Attributes:
        muxer: ffmpeg's muxer for it.
        suffix: The extension a converted file gets.
        names: Extensions Discord plays it under (the file keeps its own).
        demuxer: The sniffed demuxer of a file already in this container.
        video: Video codecs it plays (empty: audio only).
        audio: Audio codecs it plays.
        what: How a note names it ("an mp4").
    """

    muxer: str
    suffix: str
    names: frozenset[str]
    demuxer: str
    video: frozenset[str]
    audio: frozenset[str]
    what: str


def _target(row: str) -> Target:
    """A row of the table: muxer | names | demuxer | video codecs | audio codecs | what."""
    muxer, names, demuxer, video, audio, what = (cell.strip() for cell in row.split("|"))
    suffixes = names.split()
    return Target(
        muxer=muxer,
        suffix=suffixes[0],
        names=frozenset(suffixes),
        demuxer=demuxer,
        video=frozenset(video.split()),
        audio=frozenset(audio.split()),
        what=what,
    )


MP4 = _target("mp4  | .mp4 .mov | mov      | h264    | aac mp3     | an mp4")
WEBM = _target("webm | .webm     | matroska | vp8 vp9 | opus vorbis | a WebM file")
AUDIO = (
    _target("mp3  | .mp3            | mp3  | | mp3         | an MP3"),
    _target("ipod | .m4a .mp4       | mov  | | aac         | an M4A"),
    _target("adts | .aac            | aac  | | aac         | an AAC file"),
    _target("ogg  | .ogg .opus .oga | ogg  | | opus vorbis | an Ogg file"),
    _target("flac | .flac           | flac | | flac        | a FLAC file"),
    _target("wav  | .wav | wav | | pcm_s16le pcm_s24le pcm_s32le pcm_u8 pcm_f32le | a WAV file"),
)
