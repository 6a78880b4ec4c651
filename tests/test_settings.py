"""Settings: names, defaults, validation and secrecy."""

from pathlib import Path

import pytest

from boss_bot.errors import ConfigError
from boss_bot.settings import BotSettings, load_settings


def test_defaults_match_the_spec() -> None:
    """Defaults are those of SPEC §6."""
    s = BotSettings(_env_file=None)
    assert (s.command_prefix, s.max_concurrent_downloads, s.max_queue_size) == ("$", 5, 50)
    assert (s.max_jobs_per_user, s.download_timeout, s.max_download_mb) == (2, 300, 500)
    assert (s.progress_interval, s.allow_private_urls, s.metrics_port) == (5, False, None)
    assert s.discord_api_url == "https://discord.com/api/v10"
    assert (s.log_level, s.log_format) == ("INFO", "text")
    assert s.max_download_bytes == 500 * 1024 * 1024


def test_environment_and_dotenv_are_read(monkeypatch, tmp_path: Path) -> None:
    """``BOSS_BOT_*`` variables and a ``.env`` file in the working directory both count."""
    (tmp_path / ".env").write_text("BOSS_BOT_COMMAND_PREFIX=!\nBOSS_BOT_LOG_LEVEL=debug\n")
    monkeypatch.setenv("BOSS_BOT_MAX_QUEUE_SIZE", "7")
    s = load_settings()
    assert (s.command_prefix, s.log_level, s.max_queue_size) == ("!", "DEBUG", 7)


def test_a_bad_value_is_one_line_naming_the_variable(monkeypatch) -> None:
    """Validation errors become one line with the variable's full name."""
    monkeypatch.setenv("BOSS_BOT_MAX_CONCURRENT_DOWNLOADS", "zero")
    with pytest.raises(ConfigError, match=r"^BOSS_BOT_MAX_CONCURRENT_DOWNLOADS: ") as exc:
        load_settings()
    assert "\n" not in str(exc.value)


def test_token_is_secret() -> None:
    """The token never shows in repr or dumps, and a missing token is a clear error."""
    s = BotSettings(_env_file=None, discord_token="abc.def.ghi")
    assert "abc.def.ghi" not in repr(s)
    assert "abc.def.ghi" not in str(s.model_dump())
    assert s.token() == "abc.def.ghi"
    with pytest.raises(ConfigError, match="BOSS_BOT_DISCORD_TOKEN is not set"):
        BotSettings(_env_file=None).token()


def test_env_sample_is_the_defaults() -> None:
    """Copying env.sample to .env changes nothing but what the operator fills in."""
    sample = Path(__file__).resolve().parents[1] / "env.sample"
    loaded = BotSettings(_env_file=sample)  # type: ignore[call-arg]
    defaults = BotSettings(_env_file=None)  # type: ignore[call-arg]
    differing = {
        name
        for name in BotSettings.model_fields
        if getattr(loaded, name) != getattr(defaults, name)
    }
    assert differing <= {"data_dir"}, differing
    assert loaded.log_file is None
