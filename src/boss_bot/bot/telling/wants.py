"""What a member wants to be told when a job ends: the seam to servers' and members' settings.

``Wants`` answers for one member in one server (``guild_id`` None: a direct message)
with the final decision: ``mention`` only if the server allows mentions when done and
the member wants them; ``dm`` if the member asked for a DM. The composition root
(``serve.build_bot``) uses ``stored_wants`` (``$settings set mention_on_done``, ``$dls set
mention|dm``); ``default_wants`` (mention on, DM off) is the same without a store.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import discord

from boss_bot.core.server_settings import SettingsStore


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
    """Mention on, DM off: the defaults, without a settings store."""
    return Told()


def stored_wants(servers: SettingsStore) -> Wants:
    """``Wants`` from the settings store: the server's ``mention_on_done``, the member's choices."""

    async def wants(guild_id: int | None, user_id: int) -> Told:
        member = servers.member(user_id)
        return Told(
            mention=servers.server(guild_id).mention_on_done and member.mention, dm=member.dm
        )

    return wants


def mentioning(user_id: int | None) -> discord.AllowedMentions:
    """Allowed mentions of a message: that one user, or nobody; never everyone, here or roles.

    ``replied_user`` stays off: a reply to someone else's message (the "Download media"
    command) must not ping that message's author.
    """
    if user_id is None:
        return discord.AllowedMentions.none()
    users = [discord.Object(user_id)]
    return discord.AllowedMentions(everyone=False, users=users, roles=False, replied_user=False)
