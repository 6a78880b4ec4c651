"""Cookies for sites that need a login: reading, summarising and copying cookies.txt files.

Pure file work with no Discord and no downloader: the CLI (``cookies import``,
``doctor``) and the download supervisor share it.
"""

from boss_bot.core.cookies._files import cookies_path, install, private_copy
from boss_bot.core.cookies._format import EXPECTED, CookiesFormatError, parse, read
from boss_bot.core.cookies._sites import Site, registrable, sites

__all__ = [
    "EXPECTED",
    "CookiesFormatError",
    "Site",
    "cookies_path",
    "install",
    "parse",
    "private_copy",
    "read",
    "registrable",
    "sites",
]
