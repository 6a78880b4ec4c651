"""One ``run`` per data directory and shard set, one ``worker`` per data directory."""

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from boss_bot.cli.app import app
from boss_bot.core.storage.paths import Storage
from boss_bot.core.storage.single_run import RunLock
from boss_bot.errors import ConfigError

runner = CliRunner()


@pytest.fixture
def data_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A configured bot (token, data directory, a broker URL nothing listens on)."""
    monkeypatch.setenv("BOSS_BOT_DISCORD_TOKEN", "stub-token.not.real")
    monkeypatch.setenv("BOSS_BOT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("BOSS_BOT_BROKER_URL", "redis://127.0.0.1:9/0")
    return tmp_path


def test_a_second_run_on_the_same_data_directory_is_refused(data_dir: Path) -> None:
    """While a process serves the data directory, ``run`` exits at once, naming its pid."""
    with RunLock(Storage(data_dir).run_lock, "bot"):
        result = runner.invoke(app, ["run"])
    assert result.exit_code == 2
    assert f"Another boss-bot bot (pid {os.getpid()}) is already running on" in result.output
    assert "own BOSS_BOT_DATA_DIR" in result.output
    assert "Traceback" not in result.output


def test_a_second_worker_on_the_same_data_directory_is_refused(data_dir: Path) -> None:
    """Two workers on one data directory would remove each other's files: the second stops."""
    with RunLock(Storage(data_dir).worker.run_lock, "worker"):
        result = runner.invoke(app, ["worker", "--concurrency", "1"])
    assert result.exit_code == 2
    assert f"Another boss-bot worker (pid {os.getpid()}) is already running" in result.output


def test_the_lock_is_free_again_once_released(data_dir: Path) -> None:
    """Released (or its process gone), the lock is taken again; other shard sets never wait."""
    path = Storage(data_dir).run_lock
    other_shards = Storage(data_dir, "shards-1-of-2").run_lock
    with (
        RunLock(path, "bot"),
        RunLock(other_shards, "bot"),
        pytest.raises(ConfigError, match="already running"),
    ):
        RunLock(path, "bot").__enter__()
    with RunLock(path, "bot"):
        assert path.read_text() == f"{os.getpid()}\n"
