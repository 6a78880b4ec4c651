"""The documentation site builds with ``mkdocs build --strict`` (broken links fail)."""

import subprocess
import sys
from pathlib import Path

import pytest

from boss_bot.settings import BotSettings

pytestmark = pytest.mark.slow  # builds the whole documentation site

ROOT = Path(__file__).resolve().parents[1]


def test_docs_build_strictly(tmp_path: Path) -> None:
    """Every page in the nav exists, every link and snippet resolves."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    operator = (tmp_path / "operator-guide" / "index.html").read_text()
    assert "BOSS_BOT_DOWNLOADS_PER_MINUTE" in operator  # env.sample is included, not copied


def test_user_guide_names_the_prefix_setting_that_exists() -> None:
    """The guide says where the prefix comes from: the server's setting, then the operator's."""
    guide = (ROOT / "docs" / "user-guide.md").read_text()
    assert "command_prefix" in BotSettings.model_fields
    assert "`BOSS_BOT_COMMAND_PREFIX`" in guide
    assert "`$settings set prefix !`" in guide
