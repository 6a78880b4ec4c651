"""``bossbotctl cookies import``, and what ``bossbotctl doctor`` says about the cookies.

Both list the sites a cookies file holds and their earliest expiry; neither ever prints
a cookie's name or value.
"""

import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from boss_bot.cli._common import fail, settings_or_exit
from boss_bot.core.cookies import CookiesFormatError, Site, cookies_path, install, parse, read
from boss_bot.core.cookies import sites as sites_of
from boss_bot.settings import BotSettings

Check = tuple[bool | None, str, str]  # as in ``_doctor``: (ok, or None for a warning), name, detail
GUIDE = "see the operator guide, Cookies"
app = typer.Typer(
    help="Cookies for sites that need a login (X, Instagram, age-restricted YouTube, …).",
    no_args_is_help=True,
)


def _expiring(found: list[Site], now: datetime) -> str | None:
    """The warning for cookies expired or expiring soon, or None."""
    soon = [f"{site.name} ({site.earliest:%Y-%m-%d})" for site in found if site.expiring(now)]
    if not soon:
        return None
    return (
        f"expired or expiring within 7 days: {', '.join(soon)}. Those sites may ask for a "
        "login again: sign in in the browser, export the cookies again and import them"
    )


def _open_to_others(path: Path) -> str | None:
    """The warning for a cookies file others may read, or None."""
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        return f"{path} has mode {mode:o}: others may read the logins in it. Run: chmod 600 {path}"
    return None


@app.command("import")
def import_file(
    file: Annotated[
        Path, typer.Argument(help="A cookies.txt exported from a browser.", dir_okay=False)
    ],
) -> None:
    """Check a cookies.txt, list its sites, and install it for the bot (mode 600)."""
    settings = settings_or_exit()
    target = cookies_path(settings)
    try:
        found = sites_of(install(file, target))
    except (CookiesFormatError, OSError) as exc:  # neither quotes the file's content
        fail(f"{file} was not installed: {exc}")
    now = datetime.now(UTC)
    typer.echo(f"Installed {target} (mode 600) with cookies for {len(found)} site(s):")
    for site in found:
        typer.echo(f"  {site.describe(now)}")
    if warning := _expiring(found, now):
        typer.echo(f"warning: {warning}")
    typer.echo("Every download uses them from its next job on; no restart needed.")


def checks(settings: BotSettings) -> Iterator[Check]:
    """What ``doctor`` reports: the file's sites and expiries, and its permissions."""
    path = cookies_path(settings)
    if not path.exists():
        if settings.cookies_file is None:
            yield True, "cookies", f"none (links that need a login fail; {GUIDE})"
        else:
            yield None, "cookies", f"{path} does not exist; `bossbotctl cookies import FILE`"
        return
    try:
        found = sites_of(parse(read(path)))
    except (CookiesFormatError, OSError) as exc:
        yield False, "cookies", f"{path} is not used: {exc}"
        return
    now = datetime.now(UTC)
    yield True, "cookies", f"{path}: " + "; ".join(site.describe(now) for site in found)
    for warning in (_expiring(found, now), _open_to_others(path)):
        if warning:
            yield None, "cookies", warning
