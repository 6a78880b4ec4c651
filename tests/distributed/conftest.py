"""Fixtures of the distributed mode's tests: a real Redis, and skipping without one."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.redis_server import REDIS_SERVER, SKIP_REASON, RedisServer


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip every test here, with the reason, when redis-server is missing."""
    for item in items:
        if REDIS_SERVER is None and "tests/distributed" in str(item.path):
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A started redis-server, stopped after the test."""
    server = RedisServer(tmp_path / "redis")
    server.start()
    yield server
    server.stop()
