"""``bossbotctl cookies import`` and doctor's cookies lines: formats, sites, expiry, mode."""

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from boss_bot.cli import _doctor
from boss_bot.cli.app import app
from boss_bot.downloaders.fork_server.forker import Forker

runner = CliRunner()
YEAR = 365 * 24 * 3600


def _line(domain: str, name: str, expires: float | str, flag: str = "TRUE") -> str:
    when = expires if isinstance(expires, str) else str(int(expires))
    return "\t".join([domain, flag, "/", "TRUE", when, name, f"v-{name}-secret"])


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A data dir for the commands; doctor's download server check fails fast."""
    monkeypatch.setenv("BOSS_BOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(_doctor, "Forker", lambda: Forker([str(tmp_path / "no-python")]))
    return tmp_path / "data"


def _export(tmp_path: Path, *lines: str, header: str = "# Netscape HTTP Cookie File") -> Path:
    path = tmp_path / "export.txt"
    path.write_text("\ufeff" + "\r\n".join([header, *lines]) + "\r\n")  # as Windows saves it
    return path


def test_import_lists_sites_and_installs_a_private_clean_copy(env: Path, tmp_path: Path) -> None:
    """Sites grouped by domain with their earliest expiry; the file 600; no value printed."""
    now = time.time()
    export = _export(
        tmp_path,
        _line(".x.com", "auth_token", now + YEAR),
        "#HttpOnly_" + _line("x.com", "ct0", now + 3 * 86400),  # TRUE without the dot
        _line("www.youtube.com", "SID", "0", flag="FALSE"),  # 0: a session cookie
        _line("old.reddit.com", "session", "", flag="FALSE"),  # empty: one too
        "# a comment",
    )
    result = runner.invoke(app, ["cookies", "import", str(export)])
    assert result.exit_code == 0, result.output
    assert "with cookies for 3 site(s):" in result.output
    assert "x.com: 2 cookies, earliest expiry " in result.output
    assert "youtube.com: 1 cookie, session only" in result.output
    assert "reddit.com: 1 cookie, session only" in result.output
    assert "warning: expired or expiring within 7 days: x.com (" in result.output
    assert "secret" not in result.output
    installed = env / "cookies.txt"
    assert installed.stat().st_mode & 0o777 == 0o600
    lines = installed.read_text().splitlines()
    assert lines[0] == "# Netscape HTTP Cookie File"
    assert lines[2].startswith("#HttpOnly_.x.com\tTRUE\t/\tTRUE\t")  # loads in MozillaCookieJar
    assert len(lines) == 5


@pytest.mark.parametrize(
    ("text", "says"),
    [
        (
            '[{"domain": ".x.com", "name": "a", "value": "v-secret"}]',
            "this is a JSON cookie export",
        ),
        ("# Netscape HTTP Cookie File\n.x.com TRUE / TRUE 0 a v-secret\n", "line 2 has 1 field "),
        ("# Netscape HTTP Cookie File\n# only comments\n", "there are no cookies in it"),
    ],
)
def test_import_refuses_what_is_not_a_cookies_txt(
    env: Path, tmp_path: Path, text: str, says: str
) -> None:
    """A clear refusal saying what format is expected; nothing is installed or quoted."""
    export = tmp_path / "export.txt"
    export.write_text(text)
    result = runner.invoke(app, ["cookies", "import", str(export)])
    assert result.exit_code == 2
    assert says in result.output
    assert "expected a Netscape cookies.txt" in result.output
    assert "secret" not in result.output
    assert not (env / "cookies.txt").exists()


def test_import_goes_to_the_configured_file(env: Path, tmp_path: Path, monkeypatch) -> None:
    """With BOSS_BOT_COOKIES_FILE set, that is where the file goes (its directory created)."""
    target = tmp_path / "secrets" / "bot-cookies.txt"
    monkeypatch.setenv("BOSS_BOT_COOKIES_FILE", str(target))
    export = _export(tmp_path, _line(".x.com", "a", time.time() + YEAR))
    assert runner.invoke(app, ["cookies", "import", str(export)]).exit_code == 0
    assert target.stat().st_mode & 0o777 == 0o600
    assert not (env / "cookies.txt").exists()


def test_doctor_reports_sites_expiry_and_a_file_others_can_read(env: Path) -> None:
    """``doctor`` lists the sites, and warns about an expired cookie and a mode of 644."""
    env.mkdir(parents=True)
    (env / "cookies.txt").write_text(
        "\n".join(["# Netscape HTTP Cookie File", _line(".x.com", "a", time.time() - 60)])
    )
    (env / "cookies.txt").chmod(0o644)
    output = runner.invoke(app, ["doctor"]).output
    assert "[ok  ] cookies: " in output
    assert "x.com: 1 cookie, one expired " in output
    assert "[warn] cookies: expired or expiring within 7 days: x.com (" in output
    assert f"[warn] cookies: {env / 'cookies.txt'} has mode 644: others may read" in output
    assert "secret" not in output


def test_doctor_without_cookies(env: Path, tmp_path: Path, monkeypatch) -> None:
    """No file by default is fine; a configured file that is missing is a warning."""
    assert (
        "[ok  ] cookies: none (links that need a login fail"
        in runner.invoke(app, ["doctor"]).output
    )
    monkeypatch.setenv("BOSS_BOT_COOKIES_FILE", str(tmp_path / "gone.txt"))
    output = runner.invoke(app, ["doctor"]).output
    assert f"[warn] cookies: {tmp_path / 'gone.txt'} does not exist" in output
