"""Small helpers shared by the tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_vitidesk(*args: str, env: dict[str, str] | None = None, timeout: float = 60):
    """Run ``python -m vitidesk ARGS`` in a fresh process, as a person would from a shell."""
    full_env = dict(os.environ)
    full_env.setdefault("QT_QPA_PLATFORM", "offscreen")
    if env:
        full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "vitidesk", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
        check=False,
    )


def file_mode(path: Path) -> int:
    return path.stat().st_mode & 0o777
