"""``$restart``'s last step: the same command line again, in this process, nothing leaked."""

import os
import sys
from types import SimpleNamespace

import pytest
import typer

from boss_bot.cli import _restart


@pytest.fixture
def execv(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str]]]:
    """Record ``os.execv`` calls instead of replacing the test process."""
    calls: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(_restart.os, "execv", lambda path, argv: calls.append((path, argv)))
    quiet = SimpleNamespace(info=lambda *_: None, remove=lambda: None)  # keep the test's sinks
    monkeypatch.setattr(_restart, "logger", quiet)
    return calls


def test_it_runs_the_original_command_line_with_this_python(execv) -> None:
    """``sys.executable`` with ``sys.orig_argv``: interpreter options and ``-m`` kept."""
    _restart.restart_in_place()
    assert execv == [(sys.executable, list(sys.orig_argv))]


def test_no_descriptor_but_the_standard_streams_is_inherited(execv) -> None:
    """A descriptor someone made inheritable is close-on-exec by the time of the exec."""
    read, write = os.pipe()
    stderr = os.get_inheritable(2)
    try:
        os.set_inheritable(read, True)
        os.set_inheritable(write, True)
        _restart.restart_in_place()
        assert not os.get_inheritable(read)
        assert not os.get_inheritable(write)
        assert os.get_inheritable(2) == stderr  # the standard streams are left as they are
    finally:
        os.close(read)
        os.close(write)


def test_a_failed_exec_exits_with_one_clear_line(monkeypatch, execv, capsys) -> None:
    """If the exec fails, the bot exits non-zero saying so (a service manager restarts it)."""

    def refuse(_path: str, _argv: list[str]) -> None:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(_restart.os, "execv", refuse)
    with pytest.raises(typer.Exit) as exited:
        _restart.restart_in_place()
    assert exited.value.exit_code == 1
    assert capsys.readouterr().err == (
        "bossbotctl: could not restart (No such file or directory); start the bot again\n"
    )
