"""Several links in one command: one acknowledgement, one job per link, each delivered.

The acknowledgement is every job's status message: one line per link (job id, queue
position, link), each line kept up to date. Real gallery-dl fetches from the loopback
media server in the first test; the others need no download and use the fake.
"""

import asyncio
import re
from pathlib import Path

import discord.ext.test as dpytest
import pytest

from boss_bot.bot.shared_status import SharedStatus
from boss_bot.errors.kinds import FailureKind
from tests.bot.conftest import drain, say
from tests.fakes import FakeDownloader
from tests.support.media import make_image, make_video
from tests.support.media_server import MediaServer
from tests.support.playlists import serve_feed

JOB_ID = re.compile(r"Job `([0-9a-f]{6})`")


def _messages() -> list:
    """Every message the bot sent that dpytest still holds, oldest first."""
    sent = []
    while not dpytest.verify().message().nothing():
        sent.append(dpytest.get_message())
    return sent


async def test_five_links_get_one_acknowledgement_and_five_deliveries(
    make_bot, downloaders, tmp_path: Path
) -> None:
    """Five loopback links in one ``$dl``: one message lists five job ids; five files arrive."""
    bot = await make_bot(downloaders.route)
    picture = make_image(tmp_path / "pic.png")
    with MediaServer() as server:
        urls = [server.add_file(f"/p{n}.png", picture, content_type="image/png") for n in range(5)]
        await dpytest.message("$dl " + "\n".join(urls))
        ack = dpytest.get_message()
        lines = ack.content.splitlines()
        assert len(lines) == 5
        assert [JOB_ID.search(line) is not None for line in lines] == [True] * 5
        assert all(f"<{url}>" in line for url, line in zip(urls, lines, strict=True))
        assert "position 5 in the queue" in lines[4]
        await drain(bot, timeout=60)
    uploads = [m for m in _messages() if m.attachments]
    assert len(uploads) == 5
    final = (await ack.channel.fetch_message(ack.id)).content.splitlines()
    assert len(final) == 5
    assert all(line.startswith("✅ Job `") for line in final), final
    assert {JOB_ID.search(line).group(1) for line in final} == {
        JOB_ID.search(line).group(1) for line in lines
    }


async def test_more_links_than_allowed_are_refused_before_queueing(make_bot) -> None:
    """Six links (the most is five) are refused, saying the most; nothing is queued."""
    fake = FakeDownloader()
    bot = await make_bot(fake.route)
    links = " ".join(f"https://example.com/{n}.mp4" for n in range(6))
    await say(f"$dl {links} high")
    reply = dpytest.get_message().content
    assert "That's 6 links; one command takes at most 5." in reply
    await drain(bot)
    assert fake.calls == []


async def test_the_same_link_twice_is_one_job(make_bot) -> None:
    """A link given twice (once as ``<link>``) is queued once, beside the other link."""
    fake = FakeDownloader()
    bot = await make_bot(fake.route)
    await dpytest.message(
        "$dl https://example.com/a.mp4 <https://example.com/a.mp4> https://example.com/b.mp4"
    )
    assert len(dpytest.get_message().content.splitlines()) == 2
    await drain(bot)
    assert sorted(url for url, _ in fake.calls) == [
        "https://example.com/a.mp4",
        "https://example.com/b.mp4",
    ]


async def test_a_bad_link_refuses_the_command_naming_it(make_bot) -> None:
    """A bad link among several is named by its place; none of the links is queued."""
    fake = FakeDownloader()
    bot = await make_bot(fake.route)
    await say("$dl https://example.com/a.mp4 ftp://example.com/b.mp4 https://example.com/c.mp4")
    reply = dpytest.get_message().content
    assert reply.startswith("⚠️ Link 2 of 3 (`ftp://example.com/b.mp4`): Only http://")
    assert reply.endswith("Nothing was queued.")
    await drain(bot)
    assert fake.calls == []
    assert len(bot.service.queue_view()) == 0


async def test_a_link_over_a_limit_is_listed_and_the_others_run(make_bot) -> None:
    """Limits apply per link: the one over the queue's size is listed as not queued."""
    fake = FakeDownloader(gate=asyncio.Event())
    bot = await make_bot(fake.route, max_queue_size=2)
    await dpytest.message(
        "$dl https://example.com/a.mp4 https://example.com/b.mp4 https://e.test/c"
    )
    lines = dpytest.get_message().content.splitlines()
    starts = [line.startswith(("📥 Job `", "⚠️ Not queued: ")) for line in lines]
    assert starts == [True, True, True]
    assert lines[2].startswith("⚠️ Not queued: ")
    assert "queue is full" in lines[2]
    assert lines[2].endswith("<https://e.test/c>")
    fake.gate.set()
    await drain(bot)
    assert len(fake.calls) == 2


async def test_stop_on_the_shared_message_cancels_every_job_of_it(make_bot) -> None:
    """⏹️ on the acknowledgement of three links cancels all three; each line says so."""
    fake = FakeDownloader(gate=asyncio.Event())
    bot = await make_bot(fake.route, max_concurrent_downloads=1)
    links = " ".join(f"https://example.com/{n}.mp4" for n in range(3))
    await dpytest.message(f"$dl {links}")
    ack = dpytest.get_message()
    await asyncio.wait_for(fake.started.wait(), 5)
    await dpytest.add_reaction(dpytest.get_config().members[0], ack, "⏹️")
    await drain(bot, timeout=10)
    final = (await ack.channel.fetch_message(ack.id)).content.splitlines()
    assert [line.split(" · ")[0][-16:] for line in final] == ["` was cancelled."] * 3
    assert len(fake.calls) == 1


@pytest.mark.parametrize("restarted", [False, True])
def test_a_shared_message_keeps_the_other_jobs_lines(restarted: bool) -> None:
    """A job's new line replaces only its own, also when the text is read back after a restart."""
    shared = SharedStatus()
    before = (
        "✅ Job `aaaaaa` done · <https://e.test/a>\n📥 Job `bbbbbb` accepted · <https://e.test/b>"
    )
    if restarted:
        shared.put(7, "bbbbbb", "⬇️ Job `bbbbbb` is downloading · <https://e.test/b>")
        shared.seed(7, before)
    else:
        shared.open(7, [("aaaaaa", before.splitlines()[0]), ("bbbbbb", before.splitlines()[1])])
        shared.put(7, "bbbbbb", "⬇️ Job `bbbbbb` is downloading · <https://e.test/b>")
    assert shared.text(7).splitlines() == [
        "✅ Job `aaaaaa` done · <https://e.test/a>",
        "⬇️ Job `bbbbbb` is downloading · <https://e.test/b>",
    ]
    assert not shared.settle(7)


async def test_a_long_playlist_posts_what_fits_and_says_so(
    make_bot, downloaders, tmp_path: Path
) -> None:
    """A five-episode feed with a two-file limit: two files posted, the ✅ says "2 of 5"."""
    bot = await make_bot(downloaders.route, max_files_per_job=2)
    clip = make_video(tmp_path / "clip.mp4", seconds=1, size="64x48")
    with MediaServer() as server:
        await dpytest.message(f"$dl {serve_feed(server, clip, 5)}")
        ack = dpytest.get_message()
        await drain(bot, timeout=60)
    uploads = [m for m in _messages() if m.attachments]
    posted = [a.filename for m in uploads for a in m.attachments]
    assert len([name for name in posted if name != "poster.jpg"]) == 2  # the card's poster aside
    final = (await ack.channel.fetch_message(ack.id)).content
    assert final.startswith("✅ Job `")
    assert "Took the first 2 of 5 items: the rest is over the 2-file limit." in final


async def test_retry_on_the_shared_message_runs_each_failed_job_again(make_bot) -> None:
    """Two links fail: 🔄 on their one message runs both again, each as a new job."""
    fake = FakeDownloader(fail=FailureKind.NOT_FOUND, fail_times=2)
    bot = await make_bot(fake.route, download_tries=1)
    await dpytest.message("$dl https://example.com/a.mp4 https://example.com/b.mp4")
    ack = dpytest.get_message()
    await drain(bot)
    failed = (await ack.channel.fetch_message(ack.id)).content.splitlines()
    assert [line.startswith("❌ Job `") for line in failed] == [True, True]
    await dpytest.add_reaction(dpytest.get_config().members[0], ack, "🔄")
    await drain(bot)
    assert sorted(url for url, _ in fake.calls[2:]) == [
        "https://example.com/a.mp4",
        "https://example.com/b.mp4",
    ]
    final = (await ack.channel.fetch_message(ack.id)).content.splitlines()
    assert [line[:1] for line in final] == ["❌", "❌", "✅", "✅"]
    assert bot.service.failed_job(ack.id) is None


async def test_the_jobs_of_several_links_run_in_the_links_order(make_bot) -> None:
    """One worker: the jobs start in the order of the links, as their lines say."""
    fake = FakeDownloader()
    bot = await make_bot(fake.route, max_concurrent_downloads=1)
    links = [f"https://example.com/{n}.mp4" for n in range(4)]
    await dpytest.message("$dl " + " ".join(links))
    await drain(bot)
    assert [url for url, _ in fake.calls] == links


async def test_ten_long_links_fit_in_one_message_with_every_job_id(make_bot) -> None:
    """Ten links of 115 characters: one message under Discord's limit, a job id per line."""
    fake = FakeDownloader()
    bot = await make_bot(fake.route, max_links_per_command=10, max_waiting_per_user=10)
    links = [f"https://example.com/{n}/{'x' * 90}.mp4" for n in range(10)]
    await dpytest.message("$dl " + "\n".join(links))
    lines = dpytest.get_message().content.splitlines()
    assert len("\n".join(lines)) <= 2000
    assert [bool(JOB_ID.search(line)) for line in lines] == [True] * 10
    await drain(bot)
    assert len(fake.calls) == 10


def test_long_lines_are_cut_to_their_share_keeping_each_job_id() -> None:
    """Ten final lines of 300 characters: each is cut to a tenth of the limit, id kept."""
    shared = SharedStatus()
    ids = [f"{n:06x}" for n in range(10)]
    shared.open(8, [(i, f"✅ Job `{i}` done: {'a' * 280} · <https://e.test/{i}>") for i in ids])
    text = shared.text(8)
    assert len(text) <= 2000
    assert [JOB_ID.search(line).group(1) for line in text.splitlines()] == ids
    assert all(line.endswith("…") for line in text.splitlines())
