"""The Prometheus alert rules and the Grafana dashboard in ``deploy/`` are complete and sound.

Without promtool the structure is checked here; with it (Debian: ``apt-get install
prometheus``) ``promtool check rules`` and the rules' own unit tests run too, and the
dashboard's queries are parsed by Prometheus as rules would be.
"""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from boss_bot.core.metrics import Metrics
from tests import deploykit
from tests.deploykit import metric_names

SEED_ALERTS = {  # seeds 001/003: error rate > 5 %, CPU > 80 %, queue > 50, disk > 80 %
    "BossBotHighErrorRate": "> 0.05",
    "BossBotHighCPU": "> 80",
    "BossBotQueueBacklog": "> 50",
    "BossBotDiskAlmostFull": "> 0.80",
}
PROMTOOL = shutil.which("promtool")
needs_promtool = pytest.mark.skipif(
    PROMTOOL is None, reason="promtool not installed (Debian: prometheus)"
)


def test_metric_names_are_picked_out_of_promql() -> None:
    """Functions, labels and their values, keywords and durations are not metric names."""
    expr = (
        'sum by (le, platform) (rate(a_bucket{status="failed|b"}[5m])) / on (job) b_total'
        ' > 0.05 and ignoring(x) c offset 1h or histogram_quantile(0.9, d{e=~"$job"}) unless f'
    )
    assert metric_names(expr) == {"a_bucket", "b_total", "c", "d", "f"}


def test_every_rule_says_how_bad_and_what_to_do() -> None:
    """Each alert has an expression, a hold time, a severity and a summary and description."""
    for rule in deploykit.rules():
        assert set(rule) == {"alert", "expr", "for", "labels", "annotations"}, rule.get("alert")
        assert rule["labels"]["severity"] in {"warning", "critical"}
        assert rule["for"].endswith("m")
        assert {"summary", "description"} <= set(rule["annotations"])
        assert len(rule["annotations"]["description"]) > 80  # says what to do, not just what


def test_the_seeds_thresholds_are_alerted_and_the_bot_being_down() -> None:
    """The seeds' four thresholds each have an alert, plus one for a bot Prometheus cannot reach."""
    exprs = {rule["alert"]: rule["expr"] for rule in deploykit.rules()}
    for alert, threshold in SEED_ALERTS.items():
        assert threshold in exprs[alert]
    assert exprs["BossBotDown"] == 'up{job="boss-bot"} == 0'


def test_the_dashboard_shows_every_metric_the_bot_exports() -> None:
    """Every metric family ``/metrics`` carries (a gateway's too) appears in some panel's query."""
    shown = {name for expr in deploykit.panel_queries() for name in metric_names(expr)}
    page = deploykit.feed_distributed(Metrics()).render().decode()
    exported = deploykit.families(page)
    for family, kind in exported.items():
        if family.removesuffix("_created") in exported.keys() - {family}:
            continue  # a counter's creation time, parsed as a family of its own
        names = {family + suffix for suffix in ("", "_total", "_bucket", "_sum", "_count")}
        assert names & shown, f"no panel shows {family} ({kind})"


def test_the_dashboard_imports_with_a_chosen_data_source() -> None:
    """Panels and queries use the ``DS_PROMETHEUS`` input; ids are unique; panels fit the grid."""
    board = deploykit.dashboard()
    assert [i["name"] for i in board["__inputs"]] == ["DS_PROMETHEUS"]
    ids = [p["id"] for p in board["panels"]]
    assert len(ids) == len(set(ids))
    for panel in deploykit.panels():
        place = panel["gridPos"]
        assert place["x"] + place["w"] <= 24
        sources = [panel["datasource"]] + [t["datasource"] for t in panel["targets"]]
        assert all(s == {"type": "prometheus", "uid": "${DS_PROMETHEUS}"} for s in sources)
        assert panel["targets"]
        assert panel["description"]


def _promtool(*args: str) -> str:
    assert PROMTOOL is not None
    done = subprocess.run(
        [PROMTOOL, *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@needs_promtool
def test_promtool_checks_the_rules() -> None:
    """``promtool check rules`` accepts the rules file."""
    assert "SUCCESS: 8 rules found" in _promtool("check", "rules", str(deploykit.RULES))


@needs_promtool
def test_each_alert_fires_past_its_threshold_and_not_below() -> None:
    """``promtool test rules``: the rules' unit tests (series at and around each threshold) pass."""
    assert "SUCCESS" in _promtool("test", "rules", str(deploykit.RULE_TESTS))


@needs_promtool
def test_prometheus_parses_every_dashboard_query(tmp_path: Path) -> None:
    """Each panel query, its Grafana variables filled in, is valid PromQL."""
    exprs = deploykit.panel_queries()
    filled = [
        e.replace("$__rate_interval", "5m").replace("$job", ".*").replace("$instance", ".*")
        for e in exprs
    ]
    rules = [{"record": f"boss_bot:panel_{n}", "expr": e} for n, e in enumerate(filled)]
    path = tmp_path / "panels.yml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "panels", "rules": rules}]}))
    assert f"SUCCESS: {len(rules)} rules found" in _promtool("check", "rules", str(path))
