"""The demo profile's reset, for the window: the slow part first (on a worker, the old store
still open), then the quick swap. Refuses any folder that is not a demo folder. No Qt."""

from __future__ import annotations

from pathlib import Path

from vitidesk.storage.database import Store
from vitidesk.storage.demo import reset_demo, warm_up

__all__ = ["prepare_reset", "reset"]


def prepare_reset() -> None:
    """Render the sample photos ahead; safe on a worker."""
    warm_up()


def reset(folder: Path) -> Store:
    """Empty the demo folder and seed it again (its store must be closed first)."""
    return reset_demo(folder)
