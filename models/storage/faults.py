"""Storage faults named for the user: a full disk, a read-only file or folder, a database held by
another program, corrupted pages, a file that is not ours.

The one place that turns the driver's and the OS's errors into a sentence: the engine's
``handle_error`` hook raises a `StorageFault` instead of SQLAlchemy's error, so every service, the
CLI and the GUI see a `CunwuError` with a readable message; the CLI's and the GUI's last-resort
handlers call `fault_for` for errors that reach them from outside the engine (files written
beside the database, the log folder, an output file).
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from ..errors import DatabaseError

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

DISK_FULL = "disk_full"
READ_ONLY = "read_only"
LOCKED = "locked"
CORRUPT = "corrupt"
NOT_OURS = "not_ours"
IO_ERROR = "io_error"
CANT_OPEN = "cant_open"

RESTORE_HINT = "请从备份恢复（程序中“关于与设置 → 数据完整与备份 → 从备份恢复”，或命令 cunwu restore 备份文件）。"


class StorageFault(DatabaseError):
    """The storage under the database failed; ``kind`` says how. Nothing of the action was saved."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def _where(path: Path | str | None) -> str:
    return str(path) if path else "数据库"


def fault_message(kind: str, path: Path | str | None = None) -> str:
    """The user's sentence for a fault of ``kind`` at ``path`` (the database or a file written)."""
    where = _where(path)
    if kind == DISK_FULL:
        return f"磁盘已满：{where} 所在的磁盘没有剩余空间，未保存任何内容。请清理磁盘后重试。"
    if kind == READ_ONLY:
        return (f"文件或其所在文件夹是只读的：{where}，未保存任何内容。"
                "请检查文件和文件夹的权限，或把数据库复制到可写的位置。")
    if kind == LOCKED:
        return (f"数据库正被另一个程序占用：{where}，等待后仍未释放，未保存任何内容。"
                "请关闭正在使用它的程序（或另一个村务公开窗口）后重试。")
    if kind == CORRUPT:
        return f"数据库文件已损坏：{where}。请停止使用该文件，用 cunwu check 检查，并" + RESTORE_HINT
    if kind == NOT_OURS:
        return f"{where} 不是本程序的数据库，未改动该文件。"
    if kind == CANT_OPEN:
        return f"无法打开数据库文件：{where}。请检查文件是否存在、所在文件夹是否可以访问。"
    return f"读写 {where} 时磁盘出错，未保存任何内容。请检查磁盘后重试。"


def sqlite_fault_kind(error: BaseException) -> str | None:
    """How a driver error reads for the user, or None when it is not a storage fault (a constraint,
    a bug in a statement)."""
    code = getattr(error, "sqlite_errorcode", None)
    text = str(error).lower()
    if code is not None:
        primary = code & 0xFF
        kind = {SQLITE_FULL: DISK_FULL, SQLITE_READONLY: READ_ONLY, SQLITE_PERM: READ_ONLY,
                SQLITE_BUSY: LOCKED, SQLITE_LOCKED: LOCKED, SQLITE_CORRUPT: CORRUPT,
                SQLITE_NOTADB: NOT_OURS, SQLITE_CANTOPEN: CANT_OPEN, SQLITE_IOERR: IO_ERROR}.get(primary)
        if kind is not None:
            return kind
    # Errors raised without a code (or injected by tests) are recognised by SQLite's own wording.
    for needle, kind in (("database or disk is full", DISK_FULL), ("readonly database", READ_ONLY),
                         ("database is locked", LOCKED), ("database table is locked", LOCKED),
                         ("disk image is malformed", CORRUPT), ("file is not a database", NOT_OURS),
                         ("unable to open database file", CANT_OPEN), ("disk i/o error", IO_ERROR)):
        if needle in text:
            return kind
    return None


def os_fault_kind(error: OSError) -> str | None:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return DISK_FULL
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return READ_ONLY
    if error.errno == errno.EIO:
        return IO_ERROR
    return None


def fault_for(error: BaseException, path: Path | str | None = None) -> StorageFault | None:
    """A `StorageFault` for an error from the driver, SQLAlchemy or the OS, else None.

    ``path`` names the database when the error does not carry a file name of its own."""
    if isinstance(error, StorageFault):
        return error
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:  # SQLAlchemy wraps the driver's error
        seen.add(id(current))
        if isinstance(current, sqlite3.Error):
            kind = sqlite_fault_kind(current)
            if kind is not None:
                return StorageFault(kind, fault_message(kind, path))
        elif isinstance(current, OSError):
            kind = os_fault_kind(current)
            if kind is not None:
                return StorageFault(kind, fault_message(kind, current.filename or path))
        current = getattr(current, "orig", None) or current.__cause__ or current.__context__
    return None


__all__ = ["CORRUPT", "DISK_FULL", "IO_ERROR", "LOCKED", "NOT_OURS", "READ_ONLY", "RESTORE_HINT",
           "StorageFault", "fault_for", "fault_message", "os_fault_kind", "sqlite_fault_kind"]
