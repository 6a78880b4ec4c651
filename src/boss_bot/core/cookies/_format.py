"""Netscape cookies.txt, read as yt-dlp and gallery-dl read it, and never quoted.

The format (curl's; what browser "cookies.txt" export extensions and yt-dlp write): a
first line ``# Netscape HTTP Cookie File``, then one cookie a line in seven
tab-separated fields: domain, include subdomains (TRUE/FALSE), path, secure
(TRUE/FALSE), expiry (Unix seconds; empty or 0: a session cookie), name, value. A line
starting ``#HttpOnly_`` is a cookie (an HTTP-only one); other ``#`` lines are comments.

``http.cookiejar.MozillaCookieJar``, which yt-dlp's jar extends, is stricter than the
exporters: it needs that first line, and a domain starting with a dot exactly when the
second field is TRUE; its errors, and yt-dlp's warnings, quote the offending line with
its value. ``clean`` therefore checks each line first (its errors give a line number and
what is wrong, never the content) and writes the form both libraries load.
"""

import http.cookiejar
import io
import re
from pathlib import Path

MAGIC = "# Netscape HTTP Cookie File"
HTTPONLY = "#HttpOnly_"
EXPECTED = (
    "expected a Netscape cookies.txt (what a browser's 'cookies.txt' export extension or "
    "`yt-dlp --cookies-from-browser BROWSER --cookies FILE` writes): one cookie a line, "
    "seven fields separated by tabs"
)
_EXPIRY = re.compile(r"[0-9]+(?:\.[0-9]+)?")  # yt-dlp's own check of the field


class CookiesFormatError(ValueError):
    """Not a usable cookies.txt; the message says why without quoting the file."""


def _clean_line(line: str, number: int) -> str:
    fields = line.removeprefix(HTTPONLY).split("\t")
    if len(fields) != 7:
        count = f"{len(fields)} field{'s' if len(fields) != 1 else ''}"
        raise CookiesFormatError(f"line {number} has {count} between tabs, not 7; {EXPECTED}")
    domain, subdomains, _path, secure, expires, _name, _value = fields
    domain = domain.strip()  # gallery-dl strips leading spaces; MozillaCookieJar does not
    if not domain.strip("."):
        raise CookiesFormatError(f"line {number} has no domain; {EXPECTED}")
    if expires and not _EXPIRY.fullmatch(expires):
        raise CookiesFormatError(f"line {number}: the expiry is not a number; {EXPECTED}")
    if subdomains.upper() == "TRUE" and not domain.startswith("."):
        domain = "." + domain  # "this domain and its subdomains", as http.cookiejar spells it
    fields[:2] = domain, "TRUE" if domain.startswith(".") else "FALSE"
    fields[3] = secure.upper()
    return (HTTPONLY if line.startswith(HTTPONLY) else "") + "\t".join(fields)


def clean(text: str) -> str:
    """The cookies in ``text`` as a file both libraries load: the first line, then cookies.

    Raises:
        CookiesFormatError: ``text`` is not a cookies.txt (a JSON export, say) or has none.
    """
    text = text.removeprefix("\ufeff")
    if text.lstrip().startswith(("[", "{")):
        raise CookiesFormatError(f"this is a JSON cookie export; {EXPECTED}")
    lines = [MAGIC]
    for number, line in enumerate(text.splitlines(), 1):
        comment = line.lstrip().startswith(("#", "$")) and not line.startswith(HTTPONLY)
        if line.strip() and not comment:
            lines.append(_clean_line(line, number))
    if len(lines) == 1:
        raise CookiesFormatError(f"there are no cookies in it; {EXPECTED}")
    return "\n".join(lines) + "\n"


class _Jar(http.cookiejar.MozillaCookieJar):
    def load_text(self, text: str) -> None:
        """Load cookies.txt ``text`` (MozillaCookieJar reads only from a named file)."""
        try:  # keep session cookies and expired ones: they are reported, not dropped
            self._really_load(io.StringIO(text), "cookies.txt", True, True)  # pyright: ignore[reportAttributeAccessIssue]
        except http.cookiejar.LoadError:  # its message quotes the line: not shown
            raise CookiesFormatError(f"it could not be read; {EXPECTED}") from None


def parse(text: str) -> list[http.cookiejar.Cookie]:
    """The cookies in ``text``, parsed by ``MozillaCookieJar`` after ``clean``.

    Session cookies (expiry empty or 0, which yt-dlp also reads as "session") have no
    ``expires``.

    Raises:
        CookiesFormatError: ``text`` is not a cookies.txt.
    """
    jar = _Jar()
    jar.load_text(clean(text))
    cookies = list(jar)
    for cookie in cookies:
        cookie.expires = cookie.expires or None
    return cookies


def read(path: Path) -> str:
    """The text of a cookies file.

    Raises:
        CookiesFormatError: It is not text (a browser's cookie database, say).
        OSError: It cannot be read.
    """
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CookiesFormatError(f"it is not a text file; {EXPECTED}") from None
