"""``bossbotctl download --fit MB`` (fitting for a chosen limit); doctor's port check."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from boss_bot.cli.app import app
from tests.support.media import make_video
from tests.support.media_server import MediaServer

runner = CliRunner()


@pytest.mark.slow
def test_fit_shrinks_a_video_to_the_given_limit(monkeypatch, tmp_path: Path) -> None:
    """An 800 KB clip with ``--fit 0.5`` is written re-encoded under 0.5 MiB."""
    monkeypatch.setenv("BOSS_BOT_ALLOW_PRIVATE_URLS", "true")
    video = make_video(tmp_path / "src.mp4", seconds=10, size="640x480", video_bitrate="1M")
    assert video.stat().st_size > 700_000
    out = tmp_path / "out"
    with MediaServer() as server:
        url = server.add_file("/clip.mp4", video, content_type="video/mp4")
        result = runner.invoke(app, ["download", url, "-o", str(out), "--fit", "0.5"])
    assert result.exit_code == 0, result.output
    (written,) = out.iterdir()
    assert written.suffix == ".mp4"
    assert 0 < written.stat().st_size <= 512 * 1024
    assert str(written) in result.output


@pytest.mark.slow
def test_doctor_checks_the_metrics_port(monkeypatch, tmp_path: Path) -> None:
    """A metrics port already in use is a failure; a free one is fine."""
    import socket

    monkeypatch.setenv("BOSS_BOT_DATA_DIR", str(tmp_path / "data"))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        monkeypatch.setenv("BOSS_BOT_METRICS_PORT", str(busy.getsockname()[1]))
        taken = runner.invoke(app, ["doctor"])
    assert taken.exit_code == 1
    assert "[FAIL] metrics: 127.0.0.1:" in taken.output
    monkeypatch.delenv("BOSS_BOT_METRICS_PORT")
    assert "] metrics: off" in runner.invoke(app, ["doctor"]).output
