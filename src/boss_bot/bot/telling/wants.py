"""What a member wants to be told when a job ends: the seam to servers' and members' settings.

``Wants`` answers for one member in one server (``guild_id`` None: a direct message)
with the final decision: ``mention`` only if the server allows mentions when done and
the member wants them; ``dm`` if the member asked for a DM. The composition root
(``serve.build_bot``) takes one; until settings exist, ``default_wants`` answers
mention on, DM off.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import discord


@dataclass(frozen=True, slots=True)
class Told:
    """How a member is told that a job ended.

    Attributes:
        mention: Mention them in the reply carrying the files (or the failure).
        dm: Send them a direct message with a jump link.
    """

    mention: bool = True
    dm: bool = False


Wants = Callable[[int | None, int], Awaitable[Told]]
"""``wants(guild_id, user_id)``: how that member is told in that server."""


async def default_wants(guild_id: int | None, user_id: int) -> Told:
    """Mention on, DM off: the defaults while there are no stored settings."""
    return Told()


def mentioning(user_id: int | None) -> discord.AllowedMentions:
    """Allowed mentions of a message: that one user, or nobody; never everyone, here or roles.

    ``replied_user`` stays off: a reply to someone else's message (the "Download media"
    command) must not ping that message's author.
    """
    if user_id is None:
        return discord.AllowedMentions.none()
    users = [discord.Object(user_id)]
    return discord.AllowedMentions(everyone=False, users=users, roles=False, replied_user=False)
