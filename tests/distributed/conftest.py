"""Fixtures of the distributed mode's tests: a real Redis, and skipping without one."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.redis_server import REDIS_SERVER, SKIP_REASON, RedisServer
from tests.support.worker_process import kill_all


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip every test here, with the reason, when redis-server is missing."""
    for item in items:
        if "tests/distributed" not in str(item.path):
            continue
        if REDIS_SERVER is None:
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    """A started redis-server, stopped after the test."""
    server = RedisServer(tmp_path / "redis")
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def no_worker_left() -> Iterator[None]:
    """Whatever a test ends with (a failure, a timeout), its workers do not outlive it."""
    yield
    kill_all()
