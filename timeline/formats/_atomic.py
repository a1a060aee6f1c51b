"""
Replace a file whole or not at all: write a temporary file beside it, sync, rename.

The temporary file is named ``.{name}.{pid}.{random}.timeline-tmp`` after the file it
replaces and the process writing it. A save killed before its rename leaves that file
behind; the next save to the same path removes every such file whose process is gone
(one whose process still runs may be a save in progress, and is left alone).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path
from typing import Final

from ..errors import FolderNotFoundError, PathError, WrongTypeError

__all__ = ["TEMP_SUFFIX", "checked_path", "write_atomic"]

TEMP_SUFFIX: Final = ".timeline-tmp"
"""The ending of the temporary files `write_atomic` writes, and removes once stale."""


def checked_path(path: str | os.PathLike[str]) -> str:
    """
    *path* as a string, refused when no file system can hold it.

    >>> checked_path(Path("chronology.json"))
    'chronology.json'

    Raises:
        PathError: the path holds a NUL byte (an `OSError`, as other unusable paths are).
        WrongTypeError: *path* is not a string or an `os.PathLike` of one.
    """
    try:
        text = os.fspath(path)
    except TypeError:
        text = None
    if not isinstance(text, str):
        raise WrongTypeError.expected("path", path, "a str or os.PathLike path")
    if "\0" in text:
        msg = "a path cannot contain a NUL byte"
        raise PathError(errno.EINVAL, msg, text)
    return text


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """
    Write *text* (UTF-8, ``\\n`` line ends) to *path* so that a crash never leaves it half written.

    The temporary file lives in the same folder (a rename is only atomic within one
    file system) and keeps the old file's permissions. When *path* is a symbolic
    link, the file it points to is replaced and the link is kept.

    Raises:
        PathError: the path holds a NUL byte.
        FolderNotFoundError: the folder does not exist (`.filename` names it).
        OSError: the file cannot be written; the old file is untouched and the
            temporary file has been removed.
    """
    target = Path(os.path.realpath(checked_path(path)))
    folder = target.parent
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = 0o644
    _remove_stale(folder, target.name)
    tmp = folder / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileNotFoundError:
        if folder.is_dir():  # pragma: no cover - the folder vanished in between
            raise
        raise FolderNotFoundError(errno.ENOENT, "no such folder", str(folder)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(folder)


def _remove_stale(folder: Path, name: str) -> None:
    """Remove the temporary files of saves to *name* whose process is gone."""
    if os.name != "posix":  # pragma: no cover - no cheap way to ask after a pid
        return
    prefix = f".{name}."
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return  # a missing folder is reported when the temp file is created
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX)):
            continue
        owner = entry.name[len(prefix) : -len(TEMP_SUFFIX)].split(".", 1)[0]
        if owner.isdigit() and not _alive(int(owner)):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _alive(pid: int) -> bool:
    """Whether a process with this id runs (or may run: when unsure, it does)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True  # another user's process, or not a pid we can ask about
    return True


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the platform allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows cannot open folders
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
