"""End to end: with workers, the gateway asks for subtitles and indexes what a worker fetched."""

from pathlib import Path

from tests.distributed.cluster import ask, shut, start_cluster
from tests.support.discord_stub import DiscordStub
from tests.support.media import make_video
from tests.support.media_server import MediaServer
from tests.support.redis_server import RedisServer
from tests.support.search_page import TITLE, VTT, page


async def test_a_remote_download_is_found_by_its_subtitles(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    """The job goes to a worker with the languages; its captions come back; $find finds them."""
    clip = make_video(tmp_path / "clip.mp4", seconds=2)
    with MediaServer() as media:
        video = media.add_file("/media/clip.mp4", clip, content_type="video/mp4")
        subs = media.add_file("/media/subs.vtt", VTT.encode(), "text/vtt")
        url = media.add_html("/watch/humber.html", page(video, subs))
        async with DiscordStub() as stub:
            bot, workers = await start_cluster(stub, tmp_path, redis_server.url, 1)
            await ask(stub, "$settings set search on")
            request, ack = await ask(stub, f"$dlt {url}")
            files = await stub.wait_for_message(
                lambda m: m.reply_to == request and bool(m.attachments), timeout=60
            )
            await stub.wait_for_message(lambda m: m.id == ack.id and "✅" in m.content, 60)
            _, found = await ask(stub, "$find wire by wire over the water")
            await shut(bot, workers)
    assert TITLE in found.content
    assert "at 1:10" in found.content
    assert f"/{stub.channel_id}/{files.id}" in found.content
    assert media.hits("/media/subs.vtt") == 1
