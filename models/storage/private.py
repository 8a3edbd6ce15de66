"""Owner-only files and folders (POSIX): the database, its copies, the log, attachments, keys.

The internal roster holds full ID and bank numbers, so nothing this app writes with personal data
may be readable by other accounts on a shared office computer. Modes are set explicitly at creation
(and re-asserted on open) rather than trusting the user's umask. On Windows the calls do nothing:
the per-user profile folder already keeps other accounts out.
"""

from __future__ import annotations

import os
from pathlib import Path

POSIX = os.name == "posix"
FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path: str | os.PathLike[str]) -> Path:
    """Create ``path`` (and missing parents) owner-only; tighten it if it already exists."""
    path = Path(path)
    missing = []
    p = path
    while not p.exists():
        missing.append(p)
        if p.parent == p:
            break
        p = p.parent
    path.mkdir(parents=True, exist_ok=True)
    if POSIX:
        for created in missing:
            os.chmod(created, DIR_MODE)
        os.chmod(path, DIR_MODE)
    return path


def private_file(path: str | os.PathLike[str]) -> Path:
    """Make an existing file owner-only (no-op when it does not exist)."""
    path = Path(path)
    if POSIX and path.exists():
        os.chmod(path, FILE_MODE)
    return path


def touch_private(path: str | os.PathLike[str]) -> Path:
    """Create ``path`` empty and owner-only when it does not exist yet, before anything writes
    personal data into it (SQLite then gives its -wal/-shm files the same mode)."""
    path = Path(path)
    if not path.parent.exists():
        private_dir(path.parent)
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        os.close(fd)
    return private_file(path)


def write_private(path: str | os.PathLike[str], data: bytes, *, sync: bool = True) -> Path:
    """Write ``data`` to ``path`` whole or not at all, owner-only: a 0600 temp file in the same
    folder, fsynced, then renamed over the target; the temp file is removed on any failure."""
    import tempfile

    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return private_file(path)


def sweep_stale_temps(path: str | os.PathLike[str]) -> int:
    """Remove temp files ``write_private`` left for ``path`` when a process was killed mid-write
    (a kill runs no cleanup); returns how many. Called before writing the same target again."""
    path = Path(path)
    removed = 0
    for stale in path.parent.glob(f".{path.name}.*.tmp"):
        stale.unlink(missing_ok=True)
        removed += 1
    return removed


__all__ = ["sweep_stale_temps", "DIR_MODE", "FILE_MODE", "POSIX", "private_dir", "private_file", "touch_private", "write_private"]
