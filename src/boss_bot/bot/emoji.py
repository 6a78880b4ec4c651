"""The reactions the bot reads and puts on status messages: ⏹️ cancels, 🔄 retries."""

import discord

STOP, RETRY = "⏹️", "🔄"


def same_emoji(emoji: discord.PartialEmoji | str, wanted: str) -> bool:
    """Compare emoji ignoring the variation selector (clients send both forms)."""
    return str(emoji).replace("\ufe0f", "") == wanted.replace("\ufe0f", "")
