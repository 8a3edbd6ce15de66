"""The lock file a GUI instance keeps beside its database, so a second window on the same file is told.

``cunwu.sqlite3.lock`` holds the owner's process id, computer name, start time (UTC) and user, as
JSON. `InstanceLock.acquire()` takes it when there is none, or when the one there is stale: the
process is gone on this computer, the computer was restarted since it was written (a power cut in
the village office leaves a lock whose pid a new process may have reused), or the file is
unreadable. A lock held by a live process — or by another computer, whose processes cannot be
checked — is returned as the `LockOwner` for the GUI to ask the user about.

SQLite itself stays safe with two writers (short transactions, a busy timeout); the lock is about
people: two windows editing the same records. The CLI does not take it.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

LOCK_SUFFIX = ".lock"


def lock_path_for(db_path: Path) -> Path:
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def this_host() -> str:
    return socket.gethostname() or "localhost"


@dataclass(frozen=True)
class LockOwner:
    pid: int
    host: str
    started: datetime  # UTC
    user: str | None = None

    def to_json(self) -> dict:
        return {"pid": self.pid, "host": self.host, "started": self.started.isoformat(timespec="seconds"),
                "user": self.user}

    @classmethod
    def from_json(cls, data: dict) -> LockOwner:
        started = datetime.fromisoformat(str(data["started"]))
        if started.tzinfo is None:
            started = started.replace(tzinfo=UTC)
        user = data.get("user")
        return cls(pid=int(data["pid"]), host=str(data["host"]), started=started,
                   user=str(user) if user else None)

    def describe(self) -> str:
        """进程 1234，计算机 村委会-PC，自 2026-12-07 08:15 起（操作人：王文书）"""
        text = (f"进程 {self.pid}，计算机 {self.host}，"
                f"自 {self.started.astimezone().strftime('%Y-%m-%d %H:%M')} 起")
        return text + (f"（操作人：{self.user}）" if self.user else "")


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() == 5  # ERROR_ACCESS_DENIED: it exists
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def boot_time() -> datetime | None:
    """When this computer last started (UTC), or None where it cannot be told."""
    try:
        if sys.platform.startswith("linux"):
            for line in Path("/proc/stat").read_text().splitlines():
                if line.startswith("btime "):
                    return datetime.fromtimestamp(int(line.split()[1]), UTC)
        elif sys.platform == "win32":
            import ctypes

            uptime_ms = ctypes.windll.kernel32.GetTickCount64()  # type: ignore[attr-defined]
            return datetime.fromtimestamp(time.time() - uptime_ms / 1000, UTC)
    except (OSError, ValueError, AttributeError):
        return None
    return None


class InstanceLock:
    """The lock file of one database for this process."""

    def __init__(self, db_path: Path, *, user: str | None = None):
        self.db_path = Path(db_path)
        self.path = lock_path_for(db_path)
        self.me = LockOwner(pid=os.getpid(), host=this_host(), started=datetime.now(UTC).replace(microsecond=0),
                            user=user)
        self.held = False

    def read(self) -> LockOwner | None:
        """Who holds the lock now (None: nobody, or the file cannot be read)."""
        try:
            return LockOwner.from_json(json.loads(self.path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def is_stale(self, owner: LockOwner | None) -> bool:
        """A lock nobody can be holding: unreadable, or on this computer and its process gone or
        started before the computer was last switched on."""
        if owner is None:
            return True
        if owner.host != self.me.host:
            return False  # another computer (a shared folder): its processes cannot be checked here
        if owner.pid == self.me.pid:
            return True  # left by this very process (a database reopened)
        booted = boot_time()
        if booted is not None and owner.started < booted:
            return True
        return not process_alive(owner.pid)

    def acquire(self) -> LockOwner | None:
        """Take the lock; None when this process holds it now, else the live owner."""
        for _attempt in range(3):
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                owner = self.read()
                if owner is not None and not self.is_stale(owner):
                    return owner
                # Stale (or half written by a starting instance: give it a moment first).
                if owner is None and self._younger_than(2.0):
                    time.sleep(0.2)
                    owner = self.read()
                    if owner is not None and not self.is_stale(owner):
                        return owner
                try:
                    self.path.unlink()
                except FileNotFoundError:
                    pass
                continue  # create it afresh; whoever creates it first holds it
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self.me.to_json(), f, ensure_ascii=False)
                f.flush()
                os.fsync(f.fileno())
            self.held = True
            return None
        owner = self.read()
        return owner if owner is not None else self.me

    def _younger_than(self, seconds: float) -> bool:
        try:
            return time.time() - self.path.stat().st_mtime < seconds
        except OSError:
            return False

    def release(self) -> None:
        """Remove the lock file if it is still ours."""
        if not self.held:
            return
        self.held = False
        owner = self.read()
        if owner is not None and owner.pid == self.me.pid and owner.host == self.me.host:
            try:
                self.path.unlink()
            except OSError:
                pass


__all__ = ["InstanceLock", "LockOwner", "lock_path_for", "process_alive", "boot_time", "this_host"]
