"""Records of finished jobs, the quotas that refuse new jobs, and the janitor."""

import os
from datetime import timedelta
from pathlib import Path

from boss_bot.core.items import DownloadStatus
from boss_bot.core.storage.janitor import sweep
from boss_bot.core.storage.policy import Policy
from boss_bot.core.storage.records import Records
from tests.core.recordkit import finish, make_records


def test_a_record_is_written_where_the_tree_says(tmp_path: Path) -> None:
    """downloads/<guild>/<yyyy-mm-dd>/<job>/metadata.json; files only when kept."""
    records, _ = make_records(tmp_path)
    folder = finish(records, DownloadStatus.COMPLETED, 1000)
    assert folder.parent.name == "2026-12-01"
    assert folder.parent.parent.name == "7"
    assert sorted(p.name for p in folder.iterdir()) == ["metadata.json"]
    kept, _ = make_records(tmp_path / "kept", keep_files=True)
    assert sorted(p.name for p in finish(kept, DownloadStatus.COMPLETED, 10).iterdir()) == [
        "metadata.json",
        "v.mp4",
    ]


def test_the_daily_quota_refuses_new_jobs_until_midnight(tmp_path: Path) -> None:
    """Bytes delivered today count; other guilds and tomorrow are not affected."""
    records, clock = make_records(tmp_path, guild_daily=3000)
    finish(records, DownloadStatus.COMPLETED, 2000)
    assert records.refusal(7) is None
    finish(records, DownloadStatus.COMPLETED, 1500)
    finish(records, DownloadStatus.FAILED, 5000)  # nothing was delivered
    assert records.used_today(7) == 3500
    assert "used today's 2.9 KB download quota" in (records.refusal(7) or "")
    assert records.refusal(8) is None
    again = Records(records.storage, records.policy, clock)  # after a restart: from disk
    assert again.used_today(7) == 3500
    clock.now += timedelta(days=1)
    assert records.refusal(7) is None


def test_in_direct_messages_each_user_has_the_daily_quota(tmp_path: Path) -> None:
    """DMs have no server: the quota applies per user, so one user can't spend another's."""
    records, clock = make_records(tmp_path, guild_daily=3000)
    finish(records, DownloadStatus.COMPLETED, 2500, guild=None, user=41)
    finish(records, DownloadStatus.COMPLETED, 1000, guild=None, user=42)
    assert records.refusal(None, 42) is None
    finish(records, DownloadStatus.COMPLETED, 1000, guild=None, user=41)
    assert records.refusal(None, 41) == (
        "You have used today's 2.9 KB download quota in direct messages. It resets at 00:00 UTC."
    )
    assert records.refusal(None, 42) is None
    again = Records(records.storage, records.policy, clock)  # after a restart: from disk
    assert (again.used_today(None, 41), again.used_today(None, 42)) == (3500, 1000)
    assert again.refusal(7, 41) is None


def test_full_temp_space_and_low_disk_refuse_new_jobs(tmp_path: Path) -> None:
    """Running jobs filling the temp cap, or too little free disk, pause new jobs."""
    records, _ = make_records(tmp_path, temp_cap=1000)
    (records.storage.job_dir("abc123") / "part").write_bytes(b"x" * 2000)
    assert "in progress" in (records.refusal(7) or "")
    spare, _ = make_records(tmp_path / "low")
    low = Records(spare.storage, Policy(min_free=1 << 62), spare.clock)
    assert "low on disk space" in (low.refusal(None) or "")


def test_the_janitor_applies_each_retention(tmp_path: Path) -> None:
    """Temp after 1 h (unless running), failed after 6 h, delivered after 24 h."""
    records, clock = make_records(tmp_path)
    done = finish(records, DownloadStatus.COMPLETED, 10)
    failed = finish(records, DownloadStatus.FAILED, 10, guild=8)
    stale, running = records.storage.job_dir("old1"), records.storage.job_dir("run1")
    for entry in (stale, running):  # temp ages come from mtimes: made "now" on the test clock
        os.utime(entry, (clock.now.timestamp(),) * 2)
    clock.now += timedelta(minutes=30)
    assert sweep(records, {"run1"}) == 0
    clock.now += timedelta(hours=6)
    assert sweep(records, {"run1"}) == 2  # the stale temp entry and the failed record
    assert not stale.exists()
    assert running.exists()
    assert not failed.parent.parent.exists()  # empty day and guild directories go too
    assert done.exists()
    clock.now += timedelta(hours=18)
    assert sweep(records, set()) == 2
    assert not done.exists()
    assert list(records.storage.downloads.iterdir()) == []


def test_a_damaged_record_neither_blocks_downloads_nor_the_janitor(tmp_path: Path) -> None:
    """A half-written metadata.json (disk full, crash) counts as empty and is swept away."""
    records, clock = make_records(tmp_path)
    folder = finish(records, DownloadStatus.COMPLETED, 100)
    (folder / "metadata.json").write_text('{"bytes": 12')
    fresh = Records(records.storage, records.policy, clock)
    assert fresh.refusal(7) is None
    assert fresh.used_today(7) == 0
    assert sweep(fresh, set()) == 1
    assert not folder.exists()
