"""What crosses hosts in saq's job metadata: jobs, progress, failed tries and results."""

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from boss_bot.core.captions import Caption
from boss_bot.core.card import Card
from boss_bot.core.items import DownloadItem, DownloadResult, DownloadStatus, ProgressEvent
from boss_bot.core.urls import Platform
from boss_bot.distributed import results, state
from boss_bot.errors import DownloadFailedError, FailureKind


def _item() -> DownloadItem:
    item = DownloadItem(url="https://e.test/v", platform=Platform.GENERIC, user_id=7, channel_id=1)
    return item.evolve(status=DownloadStatus.UPLOADING, delivered=2)


def test_a_job_comes_back_as_it_was_written() -> None:
    item = _item()
    assert state.decode_item(state.encode_item(item)) == item


@pytest.mark.parametrize("raw", [None, 3, "not json", '{"id": 1}', "[]"])
def test_anything_else_is_no_job(raw: object) -> None:
    assert state.decode_item(raw) is None


def test_progress_round_trips_and_bad_reports_are_dropped() -> None:
    event = ProgressEvent(1024, 4096, 512.0)
    assert state.decode_progress(state.encode_progress(event)) == event
    assert state.decode_progress([5, None, None]) == ProgressEvent(5)
    for raw in (None, [], ["5", 1, 2], {"downloaded": 5}):
        assert state.decode_progress(raw) is None


def test_a_failed_try_keeps_what_the_member_is_shown_but_not_the_detail() -> None:
    failure = DownloadFailedError(FailureKind.RATE_LIMITED, "HTTP 429 from 10.0.0.1", site="X")
    retry = state.decode_retry(state.encode_retry(state.retry_of(failure, 1, 3, 2.5)))
    assert retry is not None
    assert (retry.kind, retry.tried, retry.tries, retry.delay) == (failure.kind, 1, 3, 2.5)
    assert retry.failure().user_message() == failure.user_message()
    assert "10.0.0.1" not in str(state.encode_retry(retry))
    assert state.decode_retry({"kind": "no such kind"}) is None
    assert state.decode_retry("retry") is None


def test_a_result_crosses_as_names_and_sizes_never_paths(tmp_path: Path) -> None:
    (tmp_path / "a.mp4").write_bytes(b"x" * 10)
    result = DownloadResult(
        (tmp_path / "a.mp4",), (("big.mp4", 99),), 50, 1.5, ("note",), "yt-dlp", 120
    )
    raw = results.encode_result(result)
    assert str(tmp_path) not in str(raw)
    back = results.decode_result(raw)
    assert back is not None
    assert back.files == (Path("a.mp4"),)
    assert (back.total_bytes, back.oversized, back.notes) == (10, (("big.mp4", 99),), ("note",))
    assert (back.limit, back.elapsed, back.downloader) == (50, 1.5, "yt-dlp")
    assert back.fetched_bytes == 120


def test_a_result_naming_a_path_keeps_only_the_name() -> None:
    raw = {
        "files": ["../../etc/passwd"],
        "sizes": [1],
        "oversized": [],
        "limit": 1,
        "elapsed": 0,
        "notes": [],
        "downloader": "",
        "fetched_bytes": 1,
    }
    back = results.decode_result(raw)
    assert back is not None
    assert back.files == (Path("passwd"),)
    assert results.decode_result({"files": []}) is None
    assert results.decode_result(None) is None


def test_a_results_card_crosses_with_tags_and_captions_but_no_poster(tmp_path: Path) -> None:
    """The gateway gets what search indexes: the card whole, but never the poster's path."""
    card = Card(
        title="Bridge",
        uploaded=date(2024, 5, 1),
        poster=tmp_path / "poster.jpg",
        tags=("r/bridges",),
        captions=(Caption(0.0, "The old bridge."), Caption(35.5, "It crosses.")),
    )
    result = DownloadResult((tmp_path / "a.mp4",), sizes=(1,), card=card)
    raw = json.loads(json.dumps(results.encode_result(result)))  # as Redis keeps it
    assert str(tmp_path) not in str(raw)
    back = results.decode_result(raw)
    assert back is not None
    assert back.card == replace(card, poster=None)
    raw["card"] = {"captions": [[float("inf"), "x"]], "tags": "not a list"}
    back = results.decode_result(raw)
    assert back is not None
    assert back.card is None
