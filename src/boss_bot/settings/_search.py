"""Settings for $find and $ask: retention, subtitles, the optional models."""

from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings


class SearchSettings(BaseSettings):
    """What search keeps and for how long, and the optional embedding and language models.

    Search itself is opt-in per server (``$settings set search on``); these are the
    operator's bounds and the models.
    """

    search_retention_days: int = Field(default=90, ge=0, le=3650)
    """Days an item stays findable after delivery; 0 turns search off everywhere."""
    subtitle_langs: str = "en.*"
    """Subtitle languages to index, comma-separated patterns (yt-dlp's ``subtitleslangs``)."""
    embedding_model: Path | None = None
    """A local model2vec model directory: hybrid (words + meaning) search; needs ``rag``."""
    llm_url: str | None = None
    """Base URL of an OpenAI-compatible API (``…/v1``) that $ask answers with."""
    llm_model: str = "default"
    """The model name sent to ``LLM_URL``."""
    llm_api_key: SecretStr | None = None
    """Sent as ``Authorization: Bearer`` to ``LLM_URL``; masked like the token."""

    @field_validator("llm_url")
    @classmethod
    def _web_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        url = value.strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return url

    def subtitle_patterns(self) -> tuple[str, ...]:
        """The subtitle language patterns, e.g. ``("en.*",)``; empty when none."""
        return tuple(part.strip() for part in self.subtitle_langs.split(",") if part.strip())

    def search_secrets(self) -> list[str]:
        """What the log must never show: the language model's key."""
        return [self.llm_api_key.get_secret_value()] if self.llm_api_key else []
