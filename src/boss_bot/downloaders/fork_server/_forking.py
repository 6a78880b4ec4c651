"""Asking the fork server for a child (used by ``forker.Forker``, under its lock)."""

from collections.abc import Callable

from boss_bot.downloaders.fork_server._link import Link
from boss_bot.downloaders.fork_server.messages import StartRequest
from boss_bot.errors import DownloadFailedError, FailureKind


def failed(detail: str) -> DownloadFailedError:
    """The failure of a job whose child the server could not give."""
    return DownloadFailedError(FailureKind.UNKNOWN, f"download fork server: {detail}")


def fork(link: Link, request: StartRequest, fds: list[int], close: Callable[[], None]) -> int:
    """Send ``request`` with ``fds``; the child's pid. A server found dead is replaced once.

    ``close`` ends the link and forgets its children (a dead or confused server).

    Raises:
        DownloadFailedError: The server could not fork the child.
    """
    for _ in range(2):
        link.open()
        try:
            link.send(request, fds)
        except OSError:
            close()  # the request never arrived
            continue
        try:
            answer = link.receive()
        except (OSError, ValueError) as exc:
            close()  # it may have forked: not again (the orphan ends itself)
            raise failed(repr(exc)) from None
        if "error" in answer:
            raise failed(answer["error"])
        return answer["pid"]
    raise failed("it does not start")
