"""Being told when a job ends: a mention of the requester only, once per command; a DM.

dpytest drops ``allowed_mentions`` from what it records, so ``payloads`` keeps every
message payload the bot sends, as Discord would receive it.
"""

import inspect
import json
import re

import discord
import discord.ext.test as dpytest
import pytest
from discord.ext.test import backend

from boss_bot.bot.telling import Told
from boss_bot.errors import FailureKind
from tests.bot.conftest import drain, sent
from tests.fakes import FakeDownloader

JOB_ID = re.compile(r"`([0-9a-f]{6})`")
ONLY = {"parse": []}  # no mention of anyone


@pytest.fixture
def payloads(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """The JSON payload of every message the bot sends (files or not), in order."""
    seen: list[dict] = []
    send = backend.FakeHttp.send_message  # conftest's wrapper

    async def record(self, channel_id, *, params):
        channel = inspect.currentframe().f_back.f_locals.get("channel")  # noqa: F841 - dpytest
        payload = params.payload or json.loads(params.multipart[0]["value"])
        seen.append({**payload, "channel_id": channel_id})
        return await send(self, channel_id, params=params)

    monkeypatch.setattr(backend.FakeHttp, "send_message", record)
    return seen


def answering(told: Told):
    """A ``wants`` seam that answers ``told`` for everyone."""

    async def wants(guild_id: int | None, user_id: int) -> Told:
        return told

    return wants


async def test_the_files_reply_mentions_the_requester_and_nobody_else(make_bot, payloads) -> None:
    """The reply with the files pings its requester only: no everyone, here, roles or reply."""
    files = {"@everyone @here <@&1>.mp4": b"\x00\x00\x00\x18ftyp"}
    bot = await make_bot(FakeDownloader(files=files).route)
    member = dpytest.get_config().members[0]
    await dpytest.message("$dl https://example.com/a.mp4")
    await drain(bot)
    _ack, upload = sent()
    assert upload.attachments
    assert upload.content == f"<@{member.id}>"
    assert upload.mentions == [member]
    files_payload = next(p for p in payloads if p.get("attachments"))
    assert files_payload["allowed_mentions"] == {"parse": [], "users": [member.id]}
    assert all(p["allowed_mentions"] == ONLY for p in payloads if p is not files_payload)


async def test_no_mention_when_the_server_or_member_turned_it_off(make_bot, payloads) -> None:
    """``wants`` says no mention: the files come without one, and nobody may be pinged."""
    bot = await make_bot(wants=answering(Told(mention=False)))
    await dpytest.message("$dl https://example.com/a.mp4")
    await drain(bot)
    _, upload = sent()
    assert upload.attachments
    assert not upload.content
    assert all(p["allowed_mentions"] == ONLY for p in payloads)


async def test_a_failure_pings_with_a_short_reply_to_the_status(make_bot, payloads) -> None:
    """An edit notifies nobody, so a failed job's requester gets a reply that mentions them."""
    bot = await make_bot(FakeDownloader(fail=FailureKind.NOT_FOUND).route)
    member = dpytest.get_config().members[0]
    await dpytest.message("$dl https://example.com/gone.mp4")
    await drain(bot)
    ack, ping = sent()
    job = JOB_ID.search(ack.content).group(1)
    assert ping.content.startswith(f"<@{member.id}> Your download `{job}` failed: ")
    assert payloads[-1]["message_reference"]["message_id"] == ack.id
    assert payloads[-1]["allowed_mentions"] == {"parse": [], "users": [member.id]}


async def test_several_links_ping_once_when_the_last_one_ends(make_bot, payloads) -> None:
    """Three links: their files mention nobody; one reply pings the member at the end."""
    bot = await make_bot()
    member = dpytest.get_config().members[0]
    links = " ".join(f"https://example.com/{n}.mp4" for n in range(3))
    await dpytest.message(f"$dl {links}")
    await drain(bot)
    messages = sent()
    pings = [m for m in messages if m.mentions]
    assert len([m for m in messages if m.attachments]) == 3
    assert [m.content for m in pings] == [f"<@{member.id}> Your 3 downloads have ended (3 done)."]
    pinging = [p for p in payloads if p["allowed_mentions"] != ONLY]
    assert len(pinging) == 1
    assert pinging[0]["message_reference"]["message_id"] == messages[0].id  # the shared status


async def test_a_dm_with_a_jump_link_when_wanted(make_bot) -> None:
    """``dm`` on: the member gets a DM saying the job is ready, with a link to its status."""
    bot = await make_bot(wants=answering(Told(mention=False, dm=True)))
    await dpytest.message("$dl https://example.com/a.mp4")
    await drain(bot)
    ack, _, dm = sent()
    assert isinstance(dm.channel, discord.DMChannel)
    job, guild = JOB_ID.search(ack.content).group(1), ack.guild.id
    link = f"https://discord.com/channels/{guild}/{ack.channel.id}/{ack.id}"
    assert dm.content == f"Your download `{job}` is ready: {link}"


async def test_closed_dms_are_logged_and_the_job_still_ends(
    make_bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The member's DMs are closed (403): no DM, the job ends ✅ and the next job runs."""
    send = backend.FakeHttp.send_message

    async def closed(self, channel_id, *, params):
        channel = inspect.currentframe().f_back.f_locals.get("channel")
        if isinstance(channel, discord.DMChannel):
            response = type("R", (), {"status": 403, "reason": "Forbidden"})()
            raise discord.Forbidden(response, "Cannot send messages to this user")
        return await send(self, channel_id, params=params)

    monkeypatch.setattr(backend.FakeHttp, "send_message", closed)
    bot = await make_bot(wants=answering(Told(dm=True)))
    for n in range(2):
        await dpytest.message(f"$dl https://example.com/{n}.mp4")
        await drain(bot)
        ack, upload = sent()
        assert upload.attachments
        assert (await ack.channel.fetch_message(ack.id)).content.startswith("✅")
