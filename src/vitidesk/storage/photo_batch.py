"""Import many files at once: each is imported, skipped as a duplicate, or refused with a reason.

One bad file never stops the others: a damaged image, a broken link, a file name that is not
UTF-8 text, even an unexpected error, each is one refused file among the rest. Used by the
CLI and by the Photos section's worker.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from vitidesk.core.prepared_photo import PhotoRejectedError, PreparedPhoto, shown_name
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


def _visible_files(folder: Path) -> list[Path]:
    """Every file under ``folder``, hidden files and folders (such as .DS_Store or
    .thumbnails) left out; links to files are kept, broken links too (they are reported),
    links to folders are not followed."""
    found: list[Path] = []
    for root, folders, files in os.walk(folder, followlinks=False):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root, name)
            if path.is_file() or (path.is_symlink() and not path.exists()):
                found.append(path)
    return sorted(found)


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; a folder stands for every visible file inside it, subfolders included."""
    expanded: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            expanded.extend(_visible_files(path))
        else:
            expanded.append(path)
    return expanded


def prepare_photo(path: Path, taken: dt.date | None = None) -> PreparedPhoto:
    """:func:`vitidesk.core.photo_import.prepare_photo`, loading Pillow only when a photo
    is imported (listing the library never needs it)."""
    from vitidesk.core.photo_import import prepare_photo as prepare

    return prepare(path, taken)


def _name_problem(path: Path) -> str | None:
    try:
        os.fsencode(path).decode("utf-8")
    except UnicodeDecodeError:
        return "the file name is not valid UTF-8 text; rename the file and import it again"
    return None


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
        try:
            outcome = _import_one(library, path, site, taken, light, allow_duplicates)
        except Exception as exc:  # one file's surprise never stops the others
            why = str(exc).strip().splitlines()[0][:80] if str(exc).strip() else ""
            outcome = ImportOutcome(
                path,
                REFUSED,
                f"{shown_name(path)}: could not be imported ({type(exc).__name__}"
                + (f": {why})" if why else ")"),
            )
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
    problem = _name_problem(path)
    if problem is not None:
        return ImportOutcome(path, REFUSED, f"{shown_name(path)}: {problem}")
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
