"""The job runner retries transient failures, shows each retry, and says when it gives up."""

from boss_bot.core.items import DownloadStatus
from boss_bot.errors.kinds import FailureKind as K
from tests.core.jobkit import RecordingSink, make_item, make_runner
from tests.fakes import FakeDownloader


async def test_a_network_failure_is_retried_and_shown(tmp_path) -> None:
    """One network failure, then success: the retry is shown, the debris is not posted."""
    fake = FakeDownloader(fail=K.NETWORK, fail_times=1)
    sink = RecordingSink()
    final = await make_runner(tmp_path, fake, sink).run(make_item())
    assert final.status is DownloadStatus.COMPLETED
    assert sink.retries == [(K.NETWORK, 1, 3, 0.01)]
    assert sink.delivered == [["clip.mp4"]]
    assert len(fake.calls) == 2


async def test_giving_up_after_the_last_try_says_so(tmp_path) -> None:
    """A site that stays down: three tries, then ❌ saying how many."""
    fake = FakeDownloader(fail=K.SERVER_ERROR)
    sink = RecordingSink()
    final = await make_runner(tmp_path, fake, sink).run(make_item())
    assert final.status is DownloadStatus.FAILED
    assert final.error.endswith("(Tried 3 times.)")
    assert [tried for _, tried, _, _ in sink.retries] == [1, 2]


async def test_a_status_message_that_cannot_be_edited_does_not_end_the_job(tmp_path) -> None:
    """Showing the retry fails (the message was deleted): the job is still tried again."""

    class Gone(RecordingSink):
        async def retrying(self, *args: object) -> None:
            raise RuntimeError("404 Unknown Message")

    fake = FakeDownloader(fail=K.NETWORK, fail_times=1)
    final = await make_runner(tmp_path, fake, Gone()).run(make_item())
    assert final.status is DownloadStatus.COMPLETED
    assert len(fake.calls) == 2


async def test_a_failing_finish_hook_still_shows_the_final_status(tmp_path) -> None:
    """Recording the job fails (disk full): the member still sees ✅, the log has it."""
    from boss_bot.core.jobs.hooks import logged as _logged

    def full_disk(item, result) -> None:
        raise OSError(28, "No space left on device")

    sink = RecordingSink()
    runner = make_runner(tmp_path, FakeDownloader(), sink)
    runner.report.on_finish = (_logged(full_disk),)
    final = await runner.run(make_item())
    assert final.status is DownloadStatus.COMPLETED
    assert sink.statuses[-1][1] is DownloadStatus.COMPLETED
