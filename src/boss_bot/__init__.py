"""boss-bot: a self-hosted Discord bot that turns a link into the media itself."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("boss-bot")
except PackageNotFoundError:  # pragma: no cover - running from a bare source tree
    __version__ = "0.0.0"
