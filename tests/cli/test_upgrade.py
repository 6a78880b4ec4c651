"""``bossbotctl upgrade``: old → new versions from the lock, the commands, the restart advice.

A fake ``uv`` on PATH records its arguments and, for ``lock``, rewrites yt-dlp's locked
version, as an upgrade would. The real ``uv lock --upgrade`` never runs here (offline).
"""

import json
import shutil
import sys
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from boss_bot.cli import _upgrade
from boss_bot.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()

FAKE_UV = f"""#!{sys.executable}
import json, os, re, sys
from pathlib import Path
with open(os.environ["FAKE_UV_LOG"], "a") as log:
    log.write(json.dumps({{"argv": sys.argv[1:], "cwd": os.getcwd()}}) + "\\n")
code = int(os.environ.get("FAKE_UV_EXIT_" + sys.argv[1].upper(), "0"))
if sys.argv[1] == "lock" and code == 0:
    lock = Path("uv.lock")
    pattern = r'(name = "yt-dlp"\\nversion = ")[^"]+'
    lock.write_text(re.sub(pattern, r"\\g<1>2099.1.1", lock.read_text()))
sys.exit(code)
"""


def _locked_version(lock: Path, name: str) -> str:
    packages = tomllib.loads(lock.read_text())["package"]
    return next(p["version"] for p in packages if p["name"] == name)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of this repository's pyproject.toml and uv.lock."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in ("pyproject.toml", "uv.lock"):
        shutil.copy(ROOT / name, copy / name)
    return copy


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Put the fake uv first on PATH; return the file its calls are recorded in."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "uv"
    fake.write_text(FAKE_UV)
    fake.chmod(0o755)
    monkeypatch.delenv("UV", raising=False)  # set by `uv run`; would name the real uv
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    monkeypatch.setenv("FAKE_UV_LOG", str(tmp_path / "calls.jsonl"))
    return tmp_path / "calls.jsonl"


def _recorded(calls: Path) -> list[dict]:
    if not calls.exists():
        return []
    return [json.loads(line) for line in calls.read_text().splitlines()]


def test_dry_run_shows_versions_and_commands_and_touches_nothing(project, calls) -> None:
    """``--dry-run`` reads the lock, prints the exact commands, runs none of them."""
    lock_before = (project / "uv.lock").read_bytes()
    result = runner.invoke(app, ["upgrade", "--dry-run", "--project", str(project)])
    assert result.exit_code == 0, result.output
    old = _locked_version(project / "uv.lock", "yt-dlp")
    gallery = _locked_version(project / "uv.lock", "gallery-dl")
    assert f"Locked now: yt-dlp {old}, gallery-dl {gallery}" in result.output
    fake = calls.parent / "bin" / "uv"
    assert f"  {fake} lock --upgrade-package yt-dlp --upgrade-package gallery-dl\n" in (
        result.output
    )
    # dev, docs: the defaults; the workers and rag extras are installed here (the dev group
    # has saq, model2vec and numpy)
    assert f"  {fake} sync --locked --inexact --extra=workers --extra=rag\n" in result.output
    assert "Dry run: nothing was changed." in result.output
    assert (project / "uv.lock").read_bytes() == lock_before
    assert _recorded(calls) == []


def test_dry_run_keeps_the_extras_and_groups_that_are_installed(project, calls) -> None:
    """An installed extra is kept; a default group not installed is left out of the sync."""
    pyproject = (project / "pyproject.toml").read_text()
    assert 'default-groups = ["dev", "docs"]' in pyproject
    pyproject = pyproject.replace('default-groups = ["dev", "docs"]', 'default-groups = "all"')
    pyproject = pyproject.replace(
        "[project.optional-dependencies]\n",
        '[project.optional-dependencies]\nstats = ["psutil"]\nnone = ["not-installed-pkg"]\n',
    ).replace("[dependency-groups]\n", '[dependency-groups]\nabsent = ["not-installed-pkg>=1"]\n')
    (project / "pyproject.toml").write_text(pyproject)
    result = runner.invoke(app, ["upgrade", "--dry-run", "--project", str(project)])
    assert result.exit_code == 0, result.output
    assert (
        " sync --locked --inexact --no-default-groups --group=dev --group=docs"
        " --extra=stats --extra=workers --extra=rag\n"  # the dev group installs those two
    ) in result.output


def test_upgrade_prints_old_and_new_versions_and_says_to_restart(project, calls) -> None:
    """``uv lock``, then ``uv sync`` run in the project; the versions before and after show."""
    old = _locked_version(project / "uv.lock", "yt-dlp")
    gallery = _locked_version(project / "uv.lock", "gallery-dl")
    result = runner.invoke(app, ["upgrade", "--project", str(project)])
    assert result.exit_code == 0, result.output
    assert f"yt-dlp {old} → 2099.1.1" in result.output
    assert f"gallery-dl {gallery} (already newest)" in result.output
    assert "`$restart` in Discord" in result.output
    assert "restart its service" in result.output
    lock_call, sync_call = _recorded(calls)
    upgrades = ["--upgrade-package", "yt-dlp", "--upgrade-package", "gallery-dl"]
    assert lock_call["argv"] == ["lock", *upgrades]
    assert sync_call["argv"][:3] == ["sync", "--locked", "--inexact"]
    assert {lock_call["cwd"], sync_call["cwd"]} == {str(project)}


def test_a_failed_lock_changes_nothing_and_says_so(project, calls, monkeypatch) -> None:
    """When ``uv lock`` fails (offline, say), sync is not run and the exit code is 1."""
    monkeypatch.setenv("FAKE_UV_EXIT_LOCK", "3")
    result = runner.invoke(app, ["upgrade", "--project", str(project)])
    assert result.exit_code == 1
    assert "uv lock failed (exit 3); nothing was changed" in result.output
    assert [call["argv"][0] for call in _recorded(calls)] == ["lock"]
    assert "restart" not in result.output.lower()


def test_a_failed_sync_says_the_lock_is_already_upgraded(project, calls, monkeypatch) -> None:
    """When ``uv sync`` fails after the lock moved, the message says to finish with uv sync."""
    monkeypatch.setenv("FAKE_UV_EXIT_SYNC", "2")
    result = runner.invoke(app, ["upgrade", "--project", str(project)])
    assert result.exit_code == 1
    assert "uv sync failed (exit 2): uv.lock is upgraded but the environment is not" in (
        result.output
    )
    assert f"run `uv sync` in {project}" in result.output


def test_without_uv_the_message_says_how_to_get_it(project, monkeypatch, tmp_path) -> None:
    """No uv anywhere: a clear line, exit 1, nothing run."""
    monkeypatch.delenv("UV", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    result = runner.invoke(app, ["upgrade", "--project", str(project)])
    assert result.exit_code == 1
    assert "uv not found: install it (https://docs.astral.sh/uv/" in result.output


def test_outside_a_uv_project_it_says_what_to_run_instead(monkeypatch, calls) -> None:
    """Installed by ``uv tool`` or pip: no lock to upgrade; the commands to run are named."""
    monkeypatch.setattr(_upgrade, "find_project", lambda: None)
    result = runner.invoke(app, ["upgrade"])
    assert result.exit_code == 1
    assert "not installed from a uv project" in result.output
    assert "uv tool upgrade boss-bot" in result.output
    assert "-m pip install --upgrade yt-dlp gallery-dl" in result.output
    assert _recorded(calls) == []
