"""Import many files at once: each is imported, skipped as a duplicate, or refused with a reason.

One bad file never stops the others. Used by the CLI and by the Photos section's worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from vitidesk.core.photo_import import PhotoRejectedError, prepare_photo
from vitidesk.errors import UserError
from vitidesk.storage.photos import Photo, PhotoLibrary, Site

IMPORTED, DUPLICATE, REFUSED = "imported", "duplicate", "refused"
DEFAULT_SITE = "Unsorted"


@dataclass(frozen=True)
class ImportOutcome:
    source: Path
    status: str
    message: str
    photo: Photo | None = None


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; a folder stands for every file inside it, subfolders included
    (hidden files, such as .DS_Store, are left out)."""
    expanded: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            expanded.extend(
                sorted(
                    child
                    for child in path.rglob("*")
                    if child.is_file() and not child.name.startswith(".")
                )
            )
        else:
            expanded.append(path)
    return expanded


def import_files(
    library: PhotoLibrary,
    paths: Iterable[Path],
    *,
    site: Site,
    taken: dt.date | None = None,
    light: str = "visible",
    allow_duplicates: bool = False,
    progress: Callable[[int, ImportOutcome], None] | None = None,
) -> list[ImportOutcome]:
    outcomes: list[ImportOutcome] = []
    for index, path in enumerate(paths):
        outcome = _import_one(library, path, site, taken, light, allow_duplicates)
        outcomes.append(outcome)
        if progress is not None:
            progress(index, outcome)
    return outcomes


def _import_one(
    library: PhotoLibrary,
    path: Path,
    site: Site,
    taken: dt.date | None,
    light: str,
    allow_duplicates: bool,
) -> ImportOutcome:
    try:
        prepared = prepare_photo(path, taken)
    except PhotoRejectedError as exc:
        return ImportOutcome(path, REFUSED, exc.one_line())
    if not allow_duplicates and (twin := library.find_duplicate(prepared.source_sha256)):
        return ImportOutcome(
            path,
            DUPLICATE,
            f"{path}: already in your library (photo {twin.id}, {twin.site}, "
            f"{twin.taken_at.isoformat()}); skipped",
            twin,
        )
    try:
        photo = library.add(prepared, site, light)
    except (UserError, OSError) as exc:
        reason = exc.one_line() if isinstance(exc, UserError) else f"{path}: {exc.strerror or exc}"
        return ImportOutcome(path, REFUSED, reason)
    return ImportOutcome(
        path,
        IMPORTED,
        f"{path}: imported to {photo.site}, {photo.taken_at.isoformat()} (photo {photo.id})",
        photo,
    )
