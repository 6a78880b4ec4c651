"""Settings for the distributed mode: the Redis broker and the download workers."""

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings


class DistributedSettings(BaseSettings):
    """Where the broker is, and how workers run and watch each other.

    With no ``broker_url`` (the default) one process does everything and Redis is
    never touched.
    """

    broker_url: SecretStr | None = None
    """``redis://:password@host:6379/0`` or ``rediss://…`` (TLS); holds a password."""
    worker_concurrency: int = Field(default=2, ge=1, le=50)
    """Jobs one ``bossbotctl worker`` runs at once (``--concurrency`` overrides it)."""
    broker_heartbeat_seconds: int = Field(default=30, ge=2, le=3600)
    """A running job whose worker has not reported for this long is taken over."""
    broker_sweep_seconds: int = Field(default=15, ge=1, le=3600)
    """How often workers look for such jobs (and report themselves alive)."""
    broker_poll_seconds: float = Field(default=0.5, gt=0, le=10)
    """How often the gateway reads the state of the jobs it handed out."""

    @field_validator("broker_url")
    @classmethod
    def _redis(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        url = value.get_secret_value().strip()
        if not url.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must start with redis://, rediss:// (TLS) or unix://")
        return SecretStr(url)

    @property
    def distributed(self) -> bool:
        """Whether jobs go to workers through the broker."""
        return self.broker_url is not None
