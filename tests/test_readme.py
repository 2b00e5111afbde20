"""The README's test command is the one CI runs, and the install command is there too."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _ci_test_command() -> str:
    for line in (ROOT / ".ci" / "run").read_text().splitlines():
        if line.startswith("python3 -m venv .venv") and "pytest" in line:
            return line.strip()
    raise AssertionError(".ci/run has no test command")


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text()
    assert _ci_test_command() in readme


def test_readme_has_the_install_and_start_command() -> None:
    readme = (ROOT / "README.md").read_text()
    assert "pip install . && .venv/bin/vitidesk --demo" in readme
