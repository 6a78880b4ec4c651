"""The import contracts in pyproject.toml hold: layers are a tool's job, not a reviewer's."""

import tomllib
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

PYPROJECT = Path(__file__).parents[1] / "pyproject.toml"
CONTRACTS = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]


@pytest.mark.parametrize("contract", [c["id"] for c in CONTRACTS])
def test_contract_is_kept(contract: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Each import-linter contract is kept by the code under src/."""
    status = lint_imports(
        str(PYPROJECT), limit_to_contracts=(contract,), no_cache=True, no_logo=True
    )

    assert status == 0, capsys.readouterr().out
