"""The import contracts in pyproject.toml hold: layers are a tool's job, not a reviewer's."""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"  # installed with the dev group


@pytest.mark.parametrize("contract", [c["id"] for c in CONTRACTS["contracts"]])
def test_contract_is_kept(contract: str) -> None:
    """Each import-linter contract is kept by the code under src/.

    In a child process: import-linter reconfigures stdlib logging, which would leak into
    the tests that follow.
    """
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", "--contract", contract],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
