"""A fake chat endpoint on loopback for each test that asks for ``server``."""

from collections.abc import AsyncIterator

import pytest

from tests.rag.chatkit import FakeChatServer


@pytest.fixture
async def server() -> AsyncIterator[FakeChatServer]:
    fake = FakeChatServer()
    await fake.start()
    yield fake
    await fake.stop()
