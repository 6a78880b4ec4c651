"""A loopback Discord REST + gateway stub for driving a real discord.py bot offline.

Only aiohttp, yarl and the standard library are used (never ``discord``), so it
serves bots running in this process or in another one.
"""

from ._models import StubAttachment, StubEvent, StubMessage
from ._stub import DiscordStub

__all__ = ["DiscordStub", "StubAttachment", "StubEvent", "StubMessage"]
