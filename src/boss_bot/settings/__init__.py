"""Settings from the environment and ``.env`` (prefix ``BOSS_BOT_``).

The CLI builds one :class:`BotSettings` and passes it down; nothing reads settings at
import time. Each concern's settings live in their own module; ``BotSettings`` is all
of them, read from one flat set of variables.
"""

from pydantic import ValidationError
from pydantic_settings import SettingsConfigDict

from boss_bot.errors import ConfigError
from boss_bot.settings._access import AccessSettings
from boss_bot.settings._bandwidth import BandwidthSettings
from boss_bot.settings._discord import DiscordSettings
from boss_bot.settings._distributed import DistributedSettings
from boss_bot.settings._media import MediaSettings
from boss_bot.settings._operations import OperationsSettings
from boss_bot.settings._output import InlineVideo, OutputSettings
from boss_bot.settings._queue import QueueSettings
from boss_bot.settings._search import SearchSettings
from boss_bot.settings._shards import ShardSettings
from boss_bot.settings._storage import StorageSettings

__all__ = ["BotSettings", "InlineVideo", "load_settings"]


class BotSettings(
    SearchSettings,
    DistributedSettings,
    ShardSettings,
    OperationsSettings,
    OutputSettings,
    BandwidthSettings,
    MediaSettings,
    AccessSettings,
    QueueSettings,
    StorageSettings,
    DiscordSettings,
):
    """Every setting of the bot; ``env.sample`` lists them with their defaults.

    pydantic lists fields from the last base to the first: Discord's come first.
    """

    model_config = SettingsConfigDict(
        env_prefix="BOSS_BOT_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        env_ignore_empty=True,  # `BOSS_BOT_LOG_FILE=` in env.sample means "the default"
    )


def load_settings() -> BotSettings:
    """Build settings from the environment, turning validation errors into one line.

    Returns:
        The validated settings.

    Raises:
        ConfigError: When a value is invalid; the message names the variable.
    """
    try:
        return BotSettings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "BOSS_BOT_" + "_".join(str(part) for part in first["loc"]).upper()
        raise ConfigError(f"{name}: {first['msg']}") from None
