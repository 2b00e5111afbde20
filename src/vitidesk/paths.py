"""Every location VitiDesk reads or writes, resolved in one place.

The patient's data live in the platform's user data folder (platformdirs) unless
``--data-dir`` or ``VITIDESK_DATA_DIR`` says otherwise. The demo profile has a folder of its
own under the user cache folder (``VITIDESK_DEMO_DIR`` overrides it), so a demonstration can
never read or change the patient's data. Logs go to the user log folder
(``VITIDESK_LOG_DIR`` overrides it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

_APP_DIR_NAME = "vitidesk"
# Kept in the data folder while a process owns it (storage/folder_lock.py, held by the app's
# window, by restore and while a store is created or migrated) and the second launch's
# request to show the window (ui/single_instance.py); not user data.
LOCK_FILE = ".vitidesk.lock"
RAISE_FILE = ".raise-request"
RUNTIME_FILES = (LOCK_FILE, RAISE_FILE)


def default_data_dir() -> Path:
    override = os.environ.get("VITIDESK_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path(_APP_DIR_NAME, appauthor=False)


def default_demo_dir() -> Path:
    override = os.environ.get("VITIDESK_DEMO_DIR")
    if override:
        return Path(override).expanduser()
    return platformdirs.user_cache_path(_APP_DIR_NAME, appauthor=False) / "demo-profile"


def default_log_dir() -> Path:
    override = os.environ.get("VITIDESK_LOG_DIR")
    if override:
        return Path(override).expanduser()
    return platformdirs.user_log_path(_APP_DIR_NAME, appauthor=False)


@dataclass(frozen=True)
class AppPaths:
    """The folders one run of VitiDesk uses."""

    data_dir: Path
    log_dir: Path
    demo: bool

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None, demo: bool) -> AppPaths:
        if demo:
            chosen = default_demo_dir()
        elif data_dir is not None:
            chosen = Path(data_dir).expanduser()
        else:
            chosen = default_data_dir()
        return cls(data_dir=chosen.absolute(), log_dir=default_log_dir().absolute(), demo=demo)

    def protected_folders(self) -> tuple[Path, ...]:
        """Every data folder an export, backup or report must never be written into: this
        run's, and the personal and demo folders whichever one this run uses."""
        folders: list[Path] = []
        for folder in (self.data_dir, default_data_dir(), default_demo_dir()):
            folder = folder.absolute()
            if folder not in folders:
                folders.append(folder)
        return tuple(folders)
