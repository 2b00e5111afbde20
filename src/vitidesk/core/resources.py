"""Read the package data shipped in ``resources/`` (installed as ``vitidesk.resources``)."""

from __future__ import annotations

import json
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any


def resource(*parts: str) -> Traversable:
    node = files("vitidesk.resources")
    for part in parts:
        node = node / part
    return node


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def read_json(*parts: str) -> Any:
    return json.loads(read_text(*parts))


def resource_dir(*parts: str) -> Path:
    """A real folder path for a resource folder (package data is installed as plain files)."""
    with as_file(resource(*parts)) as path:
        return Path(path)
