"""The reactions the bot reads and puts on messages.

⏹️ cancels, 🔄 retries, ⏸️ pauses, ▶️ resumes and ℹ️ tells a job's details (on status
messages); 📥 downloads a link (auto-download ``react``).
"""

import discord

STOP, RETRY = "⏹️", "🔄"
INBOX = "📥"  # auto-download ``react``: on a message with a link; a member's 📥 downloads it
PAUSE, RESUME = "⏸️", "▶️"
INFO = "ℹ️"
CONTROLS = (STOP, PAUSE)  # on a status message while its job may still be stopped
REACTIONS = (*CONTROLS, INFO)  # put on a new status message; ℹ️ stays after the end


def same_emoji(emoji: discord.PartialEmoji | str, wanted: str) -> bool:
    """Compare emoji ignoring the variation selector (clients send both forms)."""
    return str(emoji).replace("\ufe0f", "") == wanted.replace("\ufe0f", "")
