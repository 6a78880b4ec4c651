"""The reactions the bot reads and puts on status messages.

⏹️ cancels, 🔄 retries, ⏸️ pauses and ▶️ resumes.
"""

import discord

STOP, RETRY = "⏹️", "🔄"
PAUSE, RESUME = "⏸️", "▶️"
CONTROLS = (STOP, PAUSE)  # put on a status message while its job may still be stopped


def same_emoji(emoji: discord.PartialEmoji | str, wanted: str) -> bool:
    """Compare emoji ignoring the variation selector (clients send both forms)."""
    return str(emoji).replace("\ufe0f", "") == wanted.replace("\ufe0f", "")
