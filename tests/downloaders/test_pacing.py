"""A download child's pace: its rate, changed while it runs, applies from the next block."""

from boss_bot.downloaders.libraries.pacing import CREDIT, Pace, read_rates

K = 1024


class _Clock:
    """A clock that moves only when the pace sleeps (or the test says)."""

    def __init__(self) -> None:
        self.now, self.slept = 1000.0, 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.slept += seconds


def _fetch(pace: Pace, blocks: int, start: int = 0, transfer: str = "f") -> int:
    """Report ``blocks`` blocks of 64K of ``transfer``; the bytes reported last."""
    done = start
    pace.advance(done, transfer)
    for _ in range(blocks):
        done += 64 * K
        pace.advance(done, transfer)
    return done


def test_blocks_are_held_to_the_rate() -> None:
    """10 MB at 1M/s take 10 s, less the credit of the first blocks."""
    clock = _Clock()
    _fetch(Pace(1024 * K, clock, clock.sleep), 160)
    assert abs(clock.slept - (10 - CREDIT)) < 0.01


def test_a_new_rate_applies_from_the_next_block() -> None:
    """2 MB at 1M/s, then the rate doubles: the next 2 MB take 1 s, with no burst or stall."""
    clock = _Clock()
    pace = Pace(1024 * K, clock, clock.sleep)
    done = _fetch(pace, 32)
    before = clock.now
    pace.set(2048 * K)
    _fetch(pace, 32, start=done)
    assert abs(clock.now - before - 1.0) < 0.01


def test_a_pause_does_not_become_a_burst() -> None:
    """After 60 s without bytes, the next megabyte still takes its second (less the credit)."""
    clock = _Clock()
    pace = Pace(1024 * K, clock, clock.sleep)
    done = _fetch(pace, 16)
    clock.now += 60
    before = clock.now
    _fetch(pace, 16, start=done)
    assert abs(clock.now - before - (1 - CREDIT)) < 0.01


def test_a_resumed_file_does_not_count_its_partial_bytes() -> None:
    """A new transfer starting at 50 MB (a resumed .part) is paced from there, not stalled."""
    clock = _Clock()
    pace = Pace(1024 * K, clock, clock.sleep)
    _fetch(pace, 16, transfer="first")
    before = clock.now
    _fetch(pace, 16, start=50 * 1024 * K, transfer="second")
    assert clock.now - before < 1.01


def test_unlimited_never_sleeps_and_rates_come_from_the_pipe() -> None:
    """No rate, no sleep; the bot's lines set the rate (a number, or null for none)."""
    clock = _Clock()
    pace = Pace(None, clock, clock.sleep)
    _fetch(pace, 100)
    assert clock.slept == 0
    read_rates([b"1048576\n", b"junk\n"], pace)
    assert pace.rate == 1024 * K
    read_rates([b"null\n"], pace)
    assert pace.rate is None


def test_gallery_dls_own_ytdlp_is_paced_too() -> None:
    """The yt-dlp that gallery-dl runs for some sites gets the pace's hook and even blocks."""
    from gallery_dl import config

    from boss_bot.downloaders.libraries.gallerydl import configure

    pace = Pace(1024 * K)
    spec = {"engine": "gallery-dl", "url": "u", "dest": ".", "max_bytes": 1, "max_files": 1}
    try:
        configure(spec, pace)  # type: ignore[arg-type]
        raw = config.get(("downloader", "ytdl"), "raw-options")
        assert raw["progress_hooks"] == [pace.ytdlp_hook]
        assert raw["noresizebuffer"] is True
        assert config.get(("downloader",), "progress") == 0.0
    finally:
        config.clear()
