"""Real media served from loopback for the real downloaders."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.media import make_image, make_video
from tests.support.media_server import MediaServer


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small real video and image, made once per session with ffmpeg."""
    root = tmp_path_factory.mktemp("media")
    make_video(root / "clip.mp4", seconds=2)
    make_image(root / "pic.png")
    return root


@pytest.fixture
def media_server(media_dir: Path) -> Iterator[MediaServer]:
    """A loopback server with a video, an image, a 404, and HTML pages."""
    with MediaServer() as server:
        server.add_file("/v/clip.mp4", media_dir / "clip.mp4", content_type="video/mp4")
        server.add_file("/i/pic.png", media_dir / "pic.png", content_type="image/png")
        server.add_status("/v/gone.mp4", 404)
        server.add_status("/i/gone.png", 404)
        server.add_html("/page.html", "<html><body><p>No media here.</p></body></html>")
        server.add_html("/i/fake.jpg", "<!DOCTYPE html><html><body>login</body></html>")
        yield server
