"""YouTube's JavaScript challenges: yt-dlp (ours and gallery-dl's) runs them in our deno."""

from importlib.metadata import version
from pathlib import Path
from typing import Any

import deno
import pytest
from gallery_dl import config

from boss_bot.downloaders import javascript_check
from boss_bot.downloaders.javascript_check import check_javascript
from boss_bot.downloaders.libraries import gallerydl, ytdlp
from boss_bot.downloaders.libraries.ytdlp_lean import LeanYoutubeDL


def test_yt_dlp_is_given_the_deno_uv_installed(monkeypatch, tmp_path: Path) -> None:
    """A job's yt-dlp names the venv's deno binary and may fetch no remote component."""
    seen: list[dict[str, Any]] = []

    class Recording(LeanYoutubeDL):
        def __init__(self, params: Any) -> None:
            super().__init__(params)
            seen.append(self.params)

        def extract_info(self, *_args: Any, **_kwargs: Any) -> None:
            return None

    monkeypatch.setattr(ytdlp, "LeanYoutubeDL", Recording)
    spec: Any = {"url": "https://example.invalid/v", "dest": str(tmp_path), "max_files": 1}
    ytdlp.run({**spec, "max_bytes": 1000}, lambda **_: None)
    assert seen[0]["js_runtimes"] == {"deno": {"path": deno.find_deno_bin()}}
    assert Path(deno.find_deno_bin()).is_file()
    assert not seen[0]["remote_components"]


def test_gallery_dls_yt_dlp_is_given_the_same_runtime(tmp_path: Path) -> None:
    """gallery-dl's embedded yt-dlp gets the same runtime and no remote components."""
    gallerydl.configure({"dest": str(tmp_path), "max_files": 1, "max_bytes": 1000})
    try:
        for section in ("downloader", "extractor"):
            raw = config.get((section, "ytdl"), "raw-options")
            assert raw["js_runtimes"] == {"deno": {"path": deno.find_deno_bin()}}
            assert raw["remote_components"] == []
    finally:
        config.clear()


@pytest.mark.slow
def test_the_solver_scripts_load_in_deno_offline() -> None:
    """The check runs the real deno on yt-dlp-ejs's scripts and names both versions."""
    report = check_javascript()
    assert report.ok, report.detail
    assert report.detail.startswith(f"deno {version('deno')} runs yt-dlp-ejs ")
    assert version("yt-dlp-ejs") in report.detail


def test_a_deno_that_misbehaves_fails_the_check(monkeypatch, tmp_path: Path) -> None:
    """A "deno" that answers its version but cannot run the scripts is a failure, explained."""
    fake = tmp_path / "deno"
    fake.write_text(
        '#!/bin/sh\n[ "$1" = --version ] && echo "deno 2.9.0" && exit 0\n'
        'echo "error: boom" >&2; exit 3\n'
    )
    fake.chmod(0o755)
    monkeypatch.setattr(javascript_check, "deno_path", lambda: str(fake))
    report = check_javascript()
    assert not report.ok
    assert report.detail == "deno exited with 3: error: boom"


def test_no_deno_is_a_failure_saying_what_to_run(monkeypatch) -> None:
    """Without the deno package the check fails and says to run uv sync."""
    monkeypatch.setattr(javascript_check, "deno_path", lambda: None)
    assert check_javascript().detail == "deno is not installed; run `uv sync`"
