"""Settings for gateway shards: how many there are and which of them this process runs.

Unset, the bot is one unsharded gateway connection, as Discord allows below 2,500
servers. With ``SHARD_COUNT``, the process runs the shards ``SHARD_IDS`` names (all of
them if unset); Discord sends a server's events to shard ``(server_id >> 22) % count``
and direct messages to shard 0 only.
"""

from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode


class ShardSettings(BaseSettings):
    """``SHARD_COUNT`` and ``SHARD_IDS``; ``shard_tag`` names this shard set's files."""

    shard_count: int | None = Field(default=None, ge=1)
    shard_ids: Annotated[list[int] | None, NoDecode] = None

    @field_validator("shard_ids", mode="before")
    @classmethod
    def _shard_list(cls, value: object) -> object:  # a name of its own: pydantic keys by name
        if not isinstance(value, str):
            return value
        ids = []
        for part in (p.strip() for p in value.split(",")):
            if not part.isdigit():
                raise ValueError(f"{part!r} is not a shard id (0, 1, 2 ...); write e.g. 0,1")
            ids.append(int(part))
        return ids

    @field_validator("shard_ids")
    @classmethod
    def _within_count(cls, ids: list[int] | None, info: ValidationInfo) -> list[int] | None:
        if ids is None or "shard_count" not in info.data:  # a bad count is reported alone
            return ids
        count = info.data["shard_count"]
        if count is None:
            raise ValueError("needs BOSS_BOT_SHARD_COUNT (how many shards there are in all)")
        if not ids:
            raise ValueError("names no shard; leave it unset to run all of them")
        if wrong := [i for i in ids if not 0 <= i < count]:
            raise ValueError(f"shard {wrong[0]} does not exist: ids go from 0 to {count - 1}")
        if len(set(ids)) != len(ids):
            raise ValueError("names a shard twice")
        return sorted(ids)

    @property
    def shards_run(self) -> list[int] | None:
        """The shard ids this process runs, or ``None`` when it is unsharded."""
        if self.shard_count is None:
            return None
        return self.shard_ids if self.shard_ids is not None else list(range(self.shard_count))

    @property
    def shard_tag(self) -> str:
        """``""`` unsharded, else e.g. ``shards-0+1-of-4``: part of this shard set's file names."""
        if (ids := self.shards_run) is None:
            return ""
        return f"shards-{'+'.join(map(str, ids))}-of-{self.shard_count}"

    @property
    def shard_summary(self) -> str:
        """What this process runs, for the start log and ``doctor``."""
        if (ids := self.shards_run) is None:
            return "unsharded (one gateway connection for every server)"
        dms = "; direct messages arrive here" if 0 in ids else ""
        return f"shard(s) {', '.join(map(str, ids))} of {self.shard_count}{dms}"
