"""``BOSS_BOT_SHARD_COUNT`` and ``BOSS_BOT_SHARD_IDS``: parsing, checks, what they name."""

import pytest

from boss_bot.errors import ConfigError
from boss_bot.settings import load_settings


@pytest.fixture(autouse=True)
def _no_dotenv(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env but the test's


def _load(monkeypatch: pytest.MonkeyPatch, **env: str):
    for name, value in env.items():
        monkeypatch.setenv(f"BOSS_BOT_{name}", value)
    return load_settings()


def test_unset_is_unsharded(monkeypatch) -> None:
    """Without a count the bot is one unsharded connection and its files keep their names."""
    s = _load(monkeypatch)
    assert (s.shard_count, s.shards_run, s.shard_tag) == (None, None, "")
    assert s.shard_summary.startswith("unsharded")


@pytest.mark.parametrize(
    ("count", "ids", "run", "tag"),
    [
        ("2", None, [0, 1], "shards-0+1-of-2"),
        ("2", "1", [1], "shards-1-of-2"),
        ("4", " 3, 0 ", [0, 3], "shards-0+3-of-4"),
    ],
)
def test_a_count_and_ids_name_the_shards_run(monkeypatch, count, ids, run, tag) -> None:
    """A comma list (spaces allowed, any order) or, unset, every shard of the count."""
    s = _load(monkeypatch, SHARD_COUNT=count, **({"SHARD_IDS": ids} if ids else {}))
    assert (s.shards_run, s.shard_tag) == (run, tag)
    assert ("direct messages arrive here" in s.shard_summary) == (0 in run)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SHARD_COUNT": "2", "SHARD_IDS": "2"}, "SHARD_IDS: .*shard 2 does not exist: .*0 to 1"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "0,x"}, "SHARD_IDS: .*'x' is not a shard id"),
        ({"SHARD_COUNT": "2", "SHARD_IDS": "-1"}, "SHARD_IDS: .*'-1' is not a shard id"),
        ({"SHARD_COUNT": "3", "SHARD_IDS": "1,1"}, "SHARD_IDS: .*names a shard twice"),
        ({"SHARD_IDS": "0"}, "SHARD_IDS: .*needs BOSS_BOT_SHARD_COUNT"),
        ({"SHARD_COUNT": "0"}, "^BOSS_BOT_SHARD_COUNT: .*greater than or equal to 1"),
        ({"SHARD_COUNT": "two", "SHARD_IDS": "5"}, "^BOSS_BOT_SHARD_COUNT: "),
    ],
)
def test_bad_shard_settings_are_one_clear_line(monkeypatch, env, message) -> None:
    """Each mistake is one line naming the variable and what is wrong."""
    with pytest.raises(ConfigError, match=message) as exc:
        _load(monkeypatch, **env)
    assert "\n" not in str(exc.value)
    assert str(exc.value).startswith("BOSS_BOT_SHARD_")


def test_shard_ids_leave_the_other_comma_lists_alone(monkeypatch) -> None:
    """Each settings module's list parser keeps its own name (pydantic keys them by name)."""
    s = _load(monkeypatch, SHARD_COUNT="2", SHARD_IDS="1", ALLOWED_CHANNEL_IDS="42, 43")
    assert (s.shard_ids, s.allowed_channel_ids) == ([1], [42, 43])
