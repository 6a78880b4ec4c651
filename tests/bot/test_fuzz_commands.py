"""Fuzzing the download commands' arguments through dpytest (hypothesis).

Whatever a member types after ``$dl``, the bot answers once, with a refusal or an
acknowledgement, never a traceback; names resolve to an internal address through a
fake resolver, so nothing is fetched and nothing leaves the process.
"""

import asyncio
import socket

import discord
import discord.ext.test as dpytest
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.bot.conftest import drain, say, sent

pytestmark = pytest.mark.slow  # hypothesis drives many commands

ARGS = st.one_of(
    st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=120),
    st.builds(
        lambda a, b: f"https://{a}/{b}",
        st.from_regex(r"[\w.:\[\]@-]{1,30}", fullmatch=True),
        st.text(max_size=20),
    ),
    st.sampled_from(
        [
            "https://e.test/a.mp4 high",
            "https://e.test/a.mp4 urgent",
            '"quoted',
            "https://1.1.1.1/x.mp4",
            "--exec=id",
            "<@123>",
            "@everyone",
            "a" * 3000,
        ]
    ),
)


@pytest.fixture
def internal_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, port, *a, **k: [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.1", port or 0))
        ],
    )


async def words_back(timeout: float = 30) -> list[discord.Message]:
    """The bot's messages without files, once there is at least one (the answer).

    The answer may come after the command returns (a name is looked up in a thread
    first): wait for it, then for the queue to empty, then take what else came.
    """
    answers: list[discord.Message] = []
    async with asyncio.timeout(timeout):
        while not answers:
            while not dpytest.sent_queue.empty():
                message = dpytest.get_message()
                if not message.attachments:  # a delivered file is fine; words are counted
                    answers.append(message)
            await asyncio.sleep(0.01)
    return answers


@pytest.mark.timeout(300)  # 100 examples: ~30 s alone, longer beside other test workers
@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ARGS)
async def test_any_argument_gets_one_friendly_answer(make_bot, internal_dns, text: str) -> None:
    """One message back, starting with ⚠️ or 📥, no traceback, no mention."""
    bot = getattr(make_bot, "bot", None) or await make_bot(max_queue_size=1000)
    make_bot.bot = bot  # one bot for every example of this run
    await dpytest.empty_queue()
    await say(f"$dl {text}")
    answers = await words_back()
    await drain(bot)
    answers += [m for m in sent() if not m.attachments]
    assert len(answers) == 1, [a.content for a in answers]
    content = answers[0].content
    assert content.startswith(("⚠️", "📥", "♻️")), content  # ♻️: a link an earlier example sent
    assert "Traceback" not in content
    assert "/tmp" not in content
