"""Files VitiDesk writes for the person (exports, backups, reports): never inside a data
folder, never over an existing file unless asked, always whole and private.

:func:`check_output_path` is the one rule every output follows; :func:`private_output`
writes one. On Linux the file is written unnamed (``O_TMPFILE``) and only linked into
place once complete, so a run killed half-way leaves nothing behind; elsewhere it is written
under a temporary name that the data folder's scratch records, so the next start removes
it. Either way the file is 0600 and appears whole or not at all. No Qt here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from vitidesk.errors import UserError
from vitidesk.storage.atomic import PRIVATE_FILE_MODE, _fsync_dir
from vitidesk.storage.scratch import Scratch

REPLACE_HINT = "already exists; add --force to replace it"


def _inside(path: Path, folder: Path) -> bool:
    """True when ``path`` is ``folder`` or inside it, links and letter case included."""
    real = Path(os.path.realpath(path))
    real_folder = Path(os.path.realpath(folder))
    if real == real_folder or real.is_relative_to(real_folder):
        return True
    if not real_folder.exists():
        return False
    for ancestor in (real, *real.parents):
        with contextlib.suppress(OSError):
            if ancestor.exists() and os.path.samefile(ancestor, real_folder):
                return True
    return False


def check_output_path(
    path: str | os.PathLike[str], *, protect: Iterable[Path], force: bool = False
) -> Path:
    """Where a file for the person may be written, or a one-line :class:`UserError`: not a
    folder, in a folder that exists, outside every folder in ``protect`` (the data folders),
    and not an existing file unless ``force``."""
    text = os.fspath(path)
    target = Path(text).expanduser()
    if not target.name or text.endswith(("/", os.sep)) or target.is_dir():
        raise UserError(text, "is a folder; give a file name to write")
    target = target.absolute()
    for data_dir in protect:
        if _inside(target, data_dir):
            raise UserError(
                text, f"is inside VitiDesk's data folder ({data_dir}); choose a place outside it"
            )
    folder = target.parent
    if not folder.exists():
        raise UserError(text, f"the folder {folder} does not exist")
    if not folder.is_dir():
        raise UserError(text, f"{folder} is not a folder")
    if os.path.lexists(target):
        if not force:
            raise UserError(text, REPLACE_HINT)
        if not target.is_file():
            raise UserError(text, "is not a regular file; not replacing it")
    return target


def _unnamed(folder: Path) -> int | None:
    """An unnamed private file in ``folder`` (Linux), or None where that is not possible."""
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, PRIVATE_FILE_MODE)
    except OSError:  # a file system without it (some network and FUSE ones)
        return None


def _link_fd(fd: int, target: Path) -> None:
    """Give the unnamed file ``fd`` the name ``target`` (fails if that name exists)."""
    # os.link follows the /proc link (linkat with AT_SYMLINK_FOLLOW) only with a dir fd.
    procfd = os.open("/proc/self/fd", os.O_RDONLY)
    try:
        os.link(str(fd), target, src_dir_fd=procfd, follow_symlinks=True)
    finally:
        os.close(procfd)


def _link_into_place(fd: int, target: Path, force: bool, scratch: Scratch | None) -> None:
    if not force:
        try:
            _link_fd(fd, target)
        except FileExistsError:
            raise UserError(str(target), REPLACE_HINT) from None
        return
    temp = Path(tempfile.mktemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent))
    if scratch is not None:
        scratch.note_outside(temp)
    _link_fd(fd, temp)
    try:
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _publish_named(temp: Path, target: Path, force: bool) -> None:
    if force:
        os.replace(temp, target)
        return
    try:
        os.link(temp, target)  # never over a file that appeared meanwhile
    except FileExistsError:
        raise UserError(str(target), REPLACE_HINT) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        if os.path.lexists(target):
            raise UserError(str(target), REPLACE_HINT) from None
        os.replace(temp, target)
        return
    temp.unlink()


@contextlib.contextmanager
def private_output(
    target: Path, *, scratch: Scratch | None = None, force: bool = False
) -> Iterator[BinaryIO]:
    """Yield a handle whose contents become ``target`` (0600) only if the block succeeds.
    ``scratch`` (in the data folder) records a temporary name, where one is needed."""
    folder = target.parent
    fd = _unnamed(folder)
    if fd is not None:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
            if os.name == "posix":
                os.fchmod(handle.fileno(), PRIVATE_FILE_MODE)
            _link_into_place(handle.fileno(), target, force, scratch)
        _fsync_dir(folder)
        return
    named, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    temp = Path(temp_name)
    if scratch is not None:
        scratch.note_outside(temp)
    try:
        with os.fdopen(named, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if os.name == "posix":
            os.chmod(temp, PRIVATE_FILE_MODE)
        _publish_named(temp, target, force)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_dir(folder)


def write_output(
    target: Path, data: bytes, *, data_dir: Path | None = None, force: bool = False
) -> None:
    """Write ``data`` to ``target`` as :func:`private_output` does; an unfinished file is
    recorded in scratch in ``data_dir`` (when given and writable)."""
    scratch = None
    if data_dir is not None and data_dir.is_dir():
        with contextlib.suppress(OSError):
            scratch = Scratch(data_dir, "output")
    try:
        with private_output(target, scratch=scratch, force=force) as handle:
            handle.write(data)
    finally:
        if scratch is not None:
            scratch.close()
