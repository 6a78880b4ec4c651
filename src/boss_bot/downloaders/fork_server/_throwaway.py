"""Answering a question in a throwaway fork, so the fork server's pages stay as they are.

A look-up over every extractor (which library claims a link, which of yt-dlp's
extractors takes it) touches about 1,800 classes and their compiled patterns, and each
touch writes a reference count. In the server that would copy each touched page once
more for every job already forked (the page a running child shares with the server
becomes the child's own when the server writes it). A forked copy of the server asks
instead, sends its JSON answer back on a pipe and exits; its copies go with it. A fork
of the server costs about a millisecond.
"""

import json
import os
from collections.abc import Callable
from typing import Any


def ask_in_fork(question: Callable[[str], Any], arg: str) -> Any:
    """``question(arg)``, computed in a forked copy of this process (a JSON value).

    Raises:
        RuntimeError: The copy failed (its error, as text).
    """
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover -- the copy; coverage does not follow it
        os.close(read)
        try:
            answer = {"ok": question(arg)}
        except BaseException as exc:  # everything goes back to the server
            answer = {"error": repr(exc)}
        with os.fdopen(write, "w", encoding="utf-8") as pipe:
            json.dump(answer, pipe)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, encoding="utf-8") as pipe:
        text = pipe.read()
    os.waitpid(pid, 0)
    answer = json.loads(text) if text else {"error": "the copy died"}
    if "error" in answer:
        raise RuntimeError(answer["error"])
    return answer["ok"]
