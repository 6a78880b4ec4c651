"""Fakes for our own seams."""

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

from boss_bot.core.card import Card
from boss_bot.core.items import ProgressEvent
from boss_bot.core.ports import Downloaded, Downloader, JobLimits, ProgressCallback
from boss_bot.core.urls import CheckedURL
from boss_bot.errors import DownloadFailedError, FailureKind

MP4 = b"\x00\x00\x00\x18ftypisom"  # the start of an mp4: what the bot accepts as video


@dataclass
class FakeDownloader:
    """A ``Downloader`` that writes given files, fails, or waits until released."""

    name: str = "fake"
    files: dict[str, bytes] = field(default_factory=lambda: {"clip.mp4": b"\x00\x00\x00\x18ftyp"})
    fail: FailureKind | None = None
    fail_times: int | None = None  # fail only the first calls (None: every call)
    gate: asyncio.Event | None = None
    calls: list[tuple[str, Path]] = field(default_factory=list)
    started: asyncio.Event = field(default_factory=asyncio.Event)
    card: Card | None = None  # what the "site" says about the media
    limits_seen: list[JobLimits] = field(default_factory=list)  # each call's limits

    async def download(
        self, url: str, dest: Path, limits: JobLimits, on_progress: ProgressCallback
    ) -> list[Path]:
        self.calls.append((url, dest))
        self.limits_seen.append(limits)
        self.started.set()
        if self.gate is not None:
            await self.gate.wait()
        if self.fail is not None and (
            self.fail_times is None or len(self.calls) <= self.fail_times
        ):
            (dest / "partial.part").write_bytes(b"half")  # a failed try leaves debris
            raise DownloadFailedError(self.fail, "fake failure", limit="1 MB")
        written = []
        for name, data in self.files.items():
            path = dest / name
            path.write_bytes(data)
            on_progress(ProgressEvent(downloaded=len(data), total=len(data)))
            written.append(path)
        return Downloaded(written, card=self.card) if self.card else written

    def route(self, url: CheckedURL) -> Downloader:
        """Use as the service's router: every URL goes to this fake."""
        return self
