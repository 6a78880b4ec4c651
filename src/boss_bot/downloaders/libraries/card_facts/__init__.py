"""The card's facts, from yt-dlp's info dict or gallery-dl's metadata of a file.

Runs in the download child. Every value came from the site: only strings, numbers and
dates of the expected types are kept, lengths are capped here (the bot cuts them to
Discord's limits), and only http(s) links pass (``core.untrusted``).
"""

from boss_bot.downloaders.libraries.card_facts._clean import guarded
from boss_bot.downloaders.libraries.card_facts.gallerydl import from_gallerydl
from boss_bot.downloaders.libraries.card_facts.ytdlp import from_ytdlp

__all__ = ["from_gallerydl", "from_ytdlp", "guarded"]
