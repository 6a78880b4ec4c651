"""Fixtures shared by every test."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from loguru import logger

from boss_bot.downloaders.fork_server.forker import Forker
from boss_bot.downloaders.routing import Downloaders
from boss_bot.settings import BotSettings
from tests.fakes import FakeDownloader
from tests.support.bot_process import kill_left

TESTS = Path(__file__).parent
E2E_DIRS = {"e2e", "support", "distributed"}  # real processes: the bot, stub, workers


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/e2e and tests/support ``e2e`` (markers: pyproject)."""
    for item in items:
        if item.path.relative_to(TESTS).parts[0] in E2E_DIRS:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's BOSS_BOT_* variables or .env file."""
    import os

    for name in list(os.environ):
        if name.startswith("BOSS_BOT_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


@pytest.fixture(autouse=True)
def _no_bot_left() -> Iterator[None]:
    """Whatever a test ends with (a failure, a timeout), its bot processes do not outlive it."""
    yield
    kill_left()


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., BotSettings]:
    """Build settings with a private data dir; loopback allowed (the media server is there)."""

    def build(**overrides: object) -> BotSettings:
        values: dict[str, object] = {
            "data_dir": tmp_path / "data",
            "allow_private_urls": True,
            "discord_token": "test-token-not-real",
            "min_free_mb": 0,  # the tests must not depend on this machine's free disk
            "downloads_per_minute": 0,  # tests that queue many jobs; test_access turns it on
        }
        values.update(overrides)
        return BotSettings(_env_file=None, **values)  # type: ignore[call-arg]

    return build


@pytest.fixture(scope="session")
def downloaders() -> Iterator[Downloaders]:
    """The real yt-dlp and gallery-dl, forked from one server for the whole session."""
    with Forker() as forker:
        yield Downloaders(forker)


@pytest.fixture
def fake_downloader() -> FakeDownloader:
    """A fake downloader that writes one small file."""
    return FakeDownloader()


@pytest.fixture
def logged() -> Iterator[list[str]]:
    """Every message logged (DEBUG and up) while the test runs."""
    lines: list[str] = []
    handler = logger.add(lambda m: lines.append(str(m)), level="DEBUG", format="{message}")
    yield lines
    logger.remove(handler)
