"""Being told: a mention when a job ends, a DM with a jump link, live queue positions.

``Wants`` is the seam to what servers and members chose (``Told``); ``Teller`` pings
and DMs accordingly; ``texts`` holds what those messages and the position edits say.
"""

from boss_bot.bot.telling.teller import Teller
from boss_bot.bot.telling.wants import Told, Wants, default_wants, mentioning, stored_wants

__all__ = ["Teller", "Told", "Wants", "default_wants", "mentioning", "stored_wants"]
