"""Does YouTube's challenge solver work here? ``bossbotctl doctor`` asks this.

It runs deno the way yt-dlp does (``jsc/_builtin/deno.py``: no remote modules, no npm,
no prompt, no config), on yt-dlp-ejs's scripts from the installed package, and checks
that they load and that deno computes. Nothing is fetched: a failure here is local.
"""

import subprocess
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version

from yt_dlp.globals import supported_js_runtimes

from boss_bot.core.environment import child_env
from boss_bot.downloaders.libraries.javascript import deno_path

DENO_FLAGS = (
    "--ext=js",
    "--no-code-cache",
    "--no-prompt",
    "--no-remote",
    "--no-npm",
    "--no-lock",
    "--node-modules-dir=none",
    "--no-config",
)
EXPECTED = "function 2"


@dataclass(frozen=True)
class JavaScriptReport:
    """The outcome: whether YouTube's challenges can be solved, and what was found."""

    ok: bool
    detail: str


def _probe(path: str, timeout: float) -> str | None:
    """Run the solver's scripts in deno; None when they loaded, else what went wrong."""
    from yt_dlp_ejs.yt import solver

    script = (
        f"{solver.lib()}\nObject.assign(globalThis, lib);\n{solver.core()}\n"
        "console.log(typeof jsc, 1 + 1);\n"
    )
    try:
        out = subprocess.run(
            [path, "run", *DENO_FLAGS, "-"],
            input=script,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=child_env(),
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"deno did not run ({exc.__class__.__name__})"
    if out.returncode == 0 and out.stdout.strip() == EXPECTED:
        return None
    said = out.stderr.strip().splitlines() or out.stdout.strip().splitlines() or ["nothing"]
    return f"deno exited with {out.returncode}: {said[-1][:200]}"


def check_javascript(timeout: float = 30.0) -> JavaScriptReport:
    """Whether deno runs, yt-dlp accepts it, and yt-dlp-ejs's scripts load in it."""
    path = deno_path()
    if path is None:
        return JavaScriptReport(False, "deno is not installed; run `uv sync`")
    info = supported_js_runtimes.value["deno"](path=path).info
    if info is None:
        return JavaScriptReport(False, f"yt-dlp could not run deno at {path}")
    if not info.supported:
        return JavaScriptReport(
            False, f"deno {info.version} is too old for yt-dlp {version('yt-dlp')}"
        )
    try:
        ejs = version("yt-dlp-ejs")
    except PackageNotFoundError:
        return JavaScriptReport(False, "yt-dlp-ejs (the challenge solver) is missing; `uv sync`")
    if problem := _probe(path, timeout):
        return JavaScriptReport(False, problem)
    return JavaScriptReport(True, f"deno {info.version} runs yt-dlp-ejs {ejs} offline ({path})")
