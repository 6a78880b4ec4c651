"""The nonce of each upload message: sent again after a crash, Discord answers with the first.

discord.py sends a message's ``nonce`` with ``enforce_nonce``: if the same author made a
message with that nonce within the past few minutes, Discord returns that message
instead of making a new one. A job's upload message gets a nonce derived from the job
and the files it carries, so the one a crash left uncounted (Discord made it, the bot
died before saving the count) is not posted again by the restarted bot; ``bot.posted``
asks the channel when the window has passed.
"""

from hashlib import blake2b

from boss_bot.core.items import DownloadItem

NONCE_LENGTH = 25  # Discord's limit for a string nonce


def upload_nonce(item: DownloadItem, first: int, count: int) -> str:
    """The nonce of ``item``'s message carrying ``count`` files from its file ``first``.

    The same after a restart (the job's id and creation time are stored), so a message
    sent again is recognised. Different for any other message: another job, or other
    files of this one. The count matters: after a 413 split, file 3 alone is not the
    message of files 3 to 9, and Discord must not answer one with the other. The caption
    card and the mention are left out: the same files with or without them are the same
    delivery. A new job (🔄) is another job, with its own nonces.
    """
    made = item.created_at.isoformat()
    key = f"{item.id}|{made}|{first}|{count}".encode()
    return blake2b(key, digest_size=16).hexdigest()[:NONCE_LENGTH]
