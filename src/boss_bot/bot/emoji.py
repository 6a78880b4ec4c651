"""The reactions the bot reads and puts on messages: ⏹️ cancels, 🔄 retries, 📥 downloads."""

import discord

STOP, RETRY = "⏹️", "🔄"
INBOX = "📥"  # auto-download ``react``: on a message with a link; a member's 📥 downloads it


def same_emoji(emoji: discord.PartialEmoji | str, wanted: str) -> bool:
    """Compare emoji ignoring the variation selector (clients send both forms)."""
    return str(emoji).replace("\ufe0f", "") == wanted.replace("\ufe0f", "")
