"""``DiscordSink`` against Discord's error answers: 413 splits, 403 explains, history dedupes."""

from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import discord
import pytest

from boss_bot.bot.delivery import DiscordSink
from boss_bot.core.items import DownloadItem, DownloadResult
from boss_bot.core.urls import Platform
from boss_bot.errors import DownloadFailedError, FailureKind


def _http_error(cls: type[discord.HTTPException], status: int) -> discord.HTTPException:
    response = SimpleNamespace(status=status, reason="x")
    return cls(response, {"code": 0, "message": "nope"})


@dataclass
class FakeChannel:
    refuse_over: int = 99  # more files than this in one message -> 413
    forbidden: bool = False
    sent: list[list[str]] = field(default_factory=list)
    earlier: list[object] = field(default_factory=list)
    tried: list[tuple[list[str], str]] = field(default_factory=list)  # (files, nonce)

    async def send(
        self, *, files, allowed_mentions, nonce, reference=None, content=None, embeds=()
    ):
        self.tried.append(([f.filename for f in files], nonce))
        if self.forbidden:
            raise _http_error(discord.Forbidden, 403)
        if len(files) > self.refuse_over:
            raise _http_error(discord.HTTPException, 413)
        self.sent.append([f.filename for f in files])
        return SimpleNamespace(id=len(self.sent))  # the posted message, as discord.py returns

    def get_partial_message(self, message_id: int):
        return SimpleNamespace(to_reference=lambda fail_if_not_exists: None)

    async def history(self, limit, after):
        for message in self.earlier:
            yield message


def _sink(channel: FakeChannel) -> DiscordSink:
    bot = SimpleNamespace(get_channel=lambda _id: channel, user=SimpleNamespace(id=1))
    sink = DiscordSink()
    sink.attach(bot)  # type: ignore[arg-type]
    sink._channel = lambda item: channel  # type: ignore[method-assign]
    return sink


def _files(tmp_path: Path, count: int) -> tuple[Path, ...]:
    paths = []
    for n in range(count):
        path = tmp_path / f"{n}.jpg"
        path.write_bytes(b"x")
        paths.append(path)
    return tuple(paths)


ITEM = DownloadItem(
    url="https://e.test/a", platform=Platform.GENERIC, user_id=5, channel_id=6, message_id=7
)


async def test_413_splits_into_single_files(tmp_path: Path) -> None:
    """When Discord refuses a message as too large, each file goes in its own message."""
    channel = FakeChannel(refuse_over=1)
    posted = []
    result = DownloadResult(_files(tmp_path, 3), limit=1000)
    await _sink(channel).deliver(ITEM, result, lambda n, mid: posted.append((n, mid)))
    assert channel.sent == [["0.jpg"], ["1.jpg"], ["2.jpg"]]
    assert posted == [(1, 1), (2, 2), (3, 3)]  # files posted so far, and each message's id


async def test_413_for_one_file_and_403_have_their_own_messages(tmp_path: Path) -> None:
    """A single refused file and a missing permission end with specific reasons."""
    result = DownloadResult(_files(tmp_path, 1), limit=1000)
    with pytest.raises(DownloadFailedError) as too_big:
        await _sink(FakeChannel(refuse_over=0)).deliver(ITEM, result, lambda n, mid: None)
    assert too_big.value.kind is FailureKind.UPLOAD_REJECTED
    with pytest.raises(DownloadFailedError) as forbidden:
        await _sink(FakeChannel(forbidden=True)).deliver(ITEM, result, lambda n, mid: None)
    assert "Attach Files" in forbidden.value.user_message()


async def test_a_retry_skips_messages_already_in_the_channel(tmp_path: Path) -> None:
    """After a crash, files already in the bot's replies to the request are not posted again."""
    mine = SimpleNamespace(
        author=SimpleNamespace(id=1),
        attachments=[1] * 10,
        reference=SimpleNamespace(message_id=7),
        embeds=[],
    )
    other = SimpleNamespace(
        author=SimpleNamespace(id=2),
        attachments=[1],
        reference=SimpleNamespace(message_id=7),
        embeds=[],
    )
    channel = FakeChannel(earlier=[mine, other])
    result = DownloadResult(_files(tmp_path, 12), limit=1000)
    await _sink(channel).deliver(ITEM.evolve(attempts=2), result, lambda n, mid: None)
    assert channel.sent == [["10.jpg", "11.jpg"]]


async def test_a_message_sent_again_has_its_nonce_and_no_other_does(tmp_path: Path) -> None:
    """Nonces: one per message (a 413 single is not its group), the same after a restart."""
    files = _files(tmp_path, 3)
    first, again = FakeChannel(refuse_over=1), FakeChannel(refuse_over=1)
    await _sink(first).deliver(ITEM, DownloadResult(files, limit=1000), lambda n, mid: None)
    restarted = ITEM.evolve(delivered=1)  # the first single was counted before a restart
    await _sink(again).deliver(restarted, DownloadResult(files, limit=1000), lambda n, mid: None)
    nonces = {tuple(names): nonce for names, nonce in first.tried}
    assert list(nonces) == [("0.jpg", "1.jpg", "2.jpg"), ("0.jpg",), ("1.jpg",), ("2.jpg",)]
    assert len(set(nonces.values())) == 4
    assert all(len(nonce) <= 25 for nonce in nonces.values())  # Discord's limit
    assert again.tried[1:] == first.tried[2:]  # the singles 1 and 2 again: the same nonces
    assert again.tried[0][1] not in nonces.values()  # files 1 and 2 together: a new one
    other = FakeChannel()
    await _sink(other).deliver(
        ITEM.evolve(id="b2c3d4"), DownloadResult(files, limit=1000), lambda n, mid: None
    )
    assert other.tried[0][1] != nonces[("0.jpg", "1.jpg", "2.jpg")]  # another job
