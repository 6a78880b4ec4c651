"""The CLI names the shard set its environment runs: ``queue`` and ``doctor``."""

from itertools import islice
from pathlib import Path

from typer.testing import CliRunner

from boss_bot.cli import _doctor
from boss_bot.cli.app import app
from boss_bot.settings import load_settings

runner = CliRunner()


def _shard_one_of_two(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BOSS_BOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BOSS_BOT_SHARD_COUNT", "2")
    monkeypatch.setenv("BOSS_BOT_SHARD_IDS", "1")


def test_queue_reads_the_shard_sets_own_database(monkeypatch, tmp_path: Path) -> None:
    """``bossbotctl queue`` looks at ``queue.shards-1-of-2.sqlite3``, not the unsharded file."""
    _shard_one_of_two(monkeypatch, tmp_path)
    result = runner.invoke(app, ["queue"])
    assert result.exit_code == 0, result.output
    assert "queue.shards-1-of-2.sqlite3" in result.output.replace("\n", "")


def test_doctor_says_which_shards_this_process_runs(monkeypatch, tmp_path: Path) -> None:
    """``doctor``'s first checks name the shards and this shard set's queue database."""
    _shard_one_of_two(monkeypatch, tmp_path)
    first = {name: detail for _ok, name, detail in islice(_doctor.checks(load_settings()), 5)}
    assert first["shards"] == "shard(s) 1 of 2"
    assert first["queue db"].endswith("queue.shards-1-of-2.sqlite3 (not created yet)")
