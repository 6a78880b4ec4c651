"""The monitoring files in ``deploy/`` and the metric names their queries use.

``queried`` lists every PromQL expression of the alert rules and the Grafana dashboard;
``metric_names`` picks the metric names out of one; ``served`` gives the sample names a
``/metrics`` page can carry (a counter ``x`` as ``x_total``, a histogram as ``x_bucket``,
``x_sum`` and ``x_count``), so a renamed metric leaves a query naming nothing.
``feed_distributed`` reports workers to a ``Metrics`` as a gateway with a broker does, so
the series only such a gateway serves are on its page too.
"""

import json
import re
from pathlib import Path
from typing import Any

import yaml
from prometheus_client.parser import text_string_to_metric_families

from boss_bot.core.metrics import Metrics

DEPLOY = Path(__file__).resolve().parents[1] / "deploy"
RULES = DEPLOY / "prometheus" / "boss-bot-rules.yml"
RULE_TESTS = DEPLOY / "prometheus" / "boss-bot-rules.test.yml"
DASHBOARD = DEPLOY / "grafana" / "boss-bot-dashboard.json"
PROMETHEUS_OWN = {"up"}  # series Prometheus writes itself for every target
# served only by a gateway with BOSS_BOT_BROKER_URL set, once it reports its workers
DISTRIBUTED = {"workers_connected", "worker_slots", "remote_job_retries_total"}
_NOT_NAMES = {"and", "or", "unless", "bool", "offset", "inf", "nan"}
_SUFFIXES = {"counter": ("_total",), "histogram": ("_bucket", "_sum", "_count"), "gauge": ("",)}


def rules() -> list[dict[str, Any]]:
    """The alerting rules, from every group."""
    groups = yaml.safe_load(RULES.read_text())["groups"]
    return [rule for group in groups for rule in group["rules"]]


def dashboard() -> dict[str, Any]:
    """The Grafana dashboard."""
    return json.loads(DASHBOARD.read_text())


def panels() -> list[dict[str, Any]]:
    """The dashboard's panels that query (rows left out)."""
    return [p for p in dashboard()["panels"] if p["type"] != "row"]


def panel_queries() -> list[str]:
    """Every PromQL expression of the dashboard's panels."""
    return [target["expr"] for panel in panels() for target in panel["targets"]]


def queried() -> list[str]:
    """Every PromQL expression: the rules', then the dashboard panels'."""
    return [rule["expr"] for rule in rules()] + panel_queries()


def metric_names(expr: str) -> set[str]:
    """The metric names ``expr`` selects (not functions, labels, keywords or durations)."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)  # label values, Grafana's $variables
    text = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", text)  # matchers, ranges
    text = re.sub(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", text)
    found = re.findall(r"(?<![\w:$.])([a-zA-Z_:][\w:]*)\b(?!\s*\()", text)
    return {name for name in found if name.lower() not in _NOT_NAMES}


def families(page: str) -> dict[str, str]:
    """The metric families of a ``/metrics`` page: name → type."""
    return {family.name: family.type for family in text_string_to_metric_families(page)}


def served(page: str) -> set[str]:
    """The sample names a ``/metrics`` page's families carry (with or without samples yet)."""
    return {
        name + suffix
        for name, kind in families(page).items()
        for suffix in _SUFFIXES.get(kind, ("",))
    }


def feed_distributed(metrics: Metrics) -> Metrics:
    """Report two workers with four slots and one retried job, as a gateway does."""
    metrics.workers(2, 4)
    metrics.worker_retry("worker-a")
    return metrics
