"""WebVTT made search text: cues, markup, rolling repeats, stretches and caps."""

from boss_bot.core.captions import MAX_CHARS, MAX_STRETCHES, Caption, checked_captions
from boss_bot.core.subtitles import captions_from_vtt

ROLLING = "\n".join(  # as YouTube's automatic captions: lines of one space included
    [
        "WEBVTT",
        "Kind: captions",
        "Language: en",
        "",
        "00:00:00.000 --> 00:00:02.350 align:start position:0%",
        " ",
        "hello<00:00:00.480><c> everyone</c><00:00:00.900><c> welcome</c>",
        "",
        "00:00:02.350 --> 00:00:02.360 align:start position:0%",
        "hello everyone welcome",
        " ",
        "",
        "00:00:02.360 --> 00:00:05.000 align:start position:0%",
        "hello everyone welcome",
        "to<00:00:02.800><c> the</c><00:00:03.100><c> channel</c>",
    ]
)


def test_rolling_automatic_captions_say_each_line_once() -> None:
    """A line repeated above the next, and the few-millisecond repeat, are dropped."""
    assert captions_from_vtt(ROLLING) == (Caption(0.0, "hello everyone welcome to the channel"),)


def test_markup_and_entities_become_plain_text() -> None:
    """Voice, class and bold tags go; entities are decoded; identifiers and notes skipped."""
    vtt = (
        "\ufeffWEBVTT\r\n\r\nNOTE a comment\r\n\r\nintro\r\n"
        "00:01.500 --> 00:03.000 line:0\r\n<v Ann><b>Tom &amp; Jerry</b> &lt;3</v>\r\n"
    )
    assert captions_from_vtt(vtt) == (Caption(1.5, "Tom & Jerry <3"),)


def test_a_line_growing_word_by_word_is_said_once() -> None:
    """A line then the same line and more: the longer replaces the shorter."""
    first, second = "00:01.000 --> 00:02.000\nhello", "00:02.000 --> 00:03.000\nhello there"
    vtt = f"WEBVTT\n\n{first}\n\n{second}\n"
    assert captions_from_vtt(vtt) == (Caption(1.0, "hello there"),)


def test_stretches_break_after_30_seconds_at_a_sentence_and_after_60_in_any_case() -> None:
    """Sentences close a stretch after 30 s; without punctuation it runs up to 60 s."""
    times = [0, 10, 20, 31, 40, 50, 61, 95, 130, 170]
    texts = ["a", "b", "c.", "d", "e", "f", "g", "h", "i", "j"]
    cues = "".join(
        f"00:{t // 60:02d}:{t % 60:02d}.000 --> 00:{t // 60:02d}:{t % 60:02d}.900\n{x}\n\n"
        for t, x in zip(times, texts, strict=True)
    )
    got = captions_from_vtt("WEBVTT\n\n" + cues)
    assert [(c.start, c.text) for c in got] == [
        (0.0, "a b c."),
        (31.0, "d e f g"),
        (95.0, "h i"),
        (170.0, "j"),
    ]


def test_not_webvtt_gives_nothing() -> None:
    """Binary, HTML or an empty body is no subtitles."""
    for text in ("", "<html><body>login</body></html>", "\x00\xff\x89PNG" * 100):
        assert captions_from_vtt(text) == ()


def test_a_huge_file_is_capped() -> None:
    """However many cues, at most 400 stretches and 200,000 characters are kept."""
    cue = "{h:02d}:{m:02d}:{s:02d}.000 --> {h:02d}:{m:02d}:{s:02d}.500\n{text}.\n\n"
    body = "".join(
        cue.format(h=n // 3600, m=n // 60 % 60, s=n % 60, text=f"word{n} " * 60)
        for n in range(0, 30 * 1000, 31)
    )
    got = captions_from_vtt("WEBVTT\n\n" + body)
    assert 0 < len(got) <= MAX_STRETCHES
    assert sum(len(c.text) for c in got) <= MAX_CHARS
    assert all(len(c.text) <= 2000 for c in got)


def test_pairs_from_another_process_are_checked() -> None:
    """Bad starts (negative, NaN, bool, text) and empty or hidden text are dropped."""
    raw = [[-1, "a"], [float("nan"), "b"], [True, "c"], ["5", "d"], [5, ""], [6, "\u202e"]]
    assert checked_captions([*raw, [7, "ok\x00 text"], "junk", [8]]) == (Caption(7.0, "ok text"),)
    assert checked_captions("not a list") == ()
