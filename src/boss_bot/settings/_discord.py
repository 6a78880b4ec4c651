"""Settings for the connection to Discord: token, prefix, endpoints."""

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings

from boss_bot.errors import ConfigError


class DiscordSettings(BaseSettings):
    """The bot token, the command prefix, and where Discord (or a stub) is."""

    discord_token: SecretStr | None = None
    command_prefix: str = Field(default="$", min_length=1, max_length=5)
    sync_commands: bool = False
    discord_api_url: str = "https://discord.com/api/v10"
    discord_gateway_url: str = "wss://gateway.discord.gg/"

    @field_validator("discord_api_url", "discord_gateway_url")
    @classmethod
    def _stripped(cls, value: str) -> str:
        return value.strip()

    def token(self) -> str:
        """Return the bot token.

        Raises:
            ConfigError: When no token is configured.
        """
        if self.discord_token is None or not self.discord_token.get_secret_value().strip():
            raise ConfigError("BOSS_BOT_DISCORD_TOKEN is not set (put it in .env or the env).")
        return self.discord_token.get_secret_value().strip()
