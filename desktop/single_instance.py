"""One GUI per database file: the lock beside the database, the question a second instance asks,
and the local socket over which it asks the first one to come forward.

    claim_database(db_path, user) -> Claim | None     # None: the user chose to quit

The first instance holds `models.storage.instance_lock.InstanceLock` and listens on a
`QLocalServer` named after the database path. A second instance finds the lock live and offers
只读打开 (read-only: the database refuses writes, pages disable their write actions),
切换到已打开的窗口 (it sends "raise" to the first instance, which brings its window forward, then
quits) or 退出. A stale lock (a crash, a power cut) is taken over without asking.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from models.storage.instance_lock import InstanceLock, LockOwner

from . import dialogs

log = logging.getLogger("cunwu.desktop")

RAISE = b"raise\n"
RAISED = b"ok\n"


def server_name(db_path: Path) -> str:
    """The local socket's name for a database file: the same path gives the same name."""
    key = str(Path(db_path).resolve())
    if sys.platform == "win32":
        key = key.lower()
    return "cunwu-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


class RaiseServer(QObject):
    """Listens for a second instance's "raise" and brings `window` forward."""

    raise_requested = Signal()

    def __init__(self, db_path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.name = server_name(db_path)
        self.window: QWidget | None = None
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._connected)
        self.raise_requested.connect(self._bring_forward)

    def listen(self) -> bool:
        # This process holds the lock, so a socket left by a crashed instance is removed first.
        QLocalServer.removeServer(self.name)
        ok = self.server.listen(self.name)
        if not ok:
            log.warning("cannot listen on %s: %s", self.name, self.server.errorString())
        return ok

    def _connected(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.canReadLine():  # arrived before readyRead was connected
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        if bytes(socket.readLine().data()) == RAISE:
            self.raise_requested.emit()
            socket.write(RAISED)
            socket.flush()

    def _bring_forward(self) -> None:
        window = self.window
        if window is None:
            return
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()


def ask_to_raise(db_path: Path, timeout_ms: int = 3000) -> bool:
    """Ask the instance that has `db_path` open to bring its window forward; True once it said so."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(db_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    try:
        socket.write(RAISE)
        if socket.bytesToWrite():  # flush() may already have written it all: nothing to wait for
            socket.waitForBytesWritten(timeout_ms)
        while socket.bytesAvailable() < len(RAISED):
            if not socket.waitForReadyRead(timeout_ms):
                return False
        return bytes(socket.readLine().data()) == RAISED
    finally:
        socket.disconnectFromServer()


@dataclass
class Claim:
    """How this instance opens the database: holding the lock, or read-only beside another one."""

    lock: InstanceLock
    read_only: bool
    other: LockOwner | None = None

    def release(self) -> None:
        self.lock.release()


def claim_database(db_path: Path, user: str | None = None) -> Claim | None:
    """Take the database's lock, or ask what to do when another window holds it; None: quit."""
    lock = InstanceLock(db_path, user=user)
    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    owner = lock.acquire()
    if owner is None:
        return Claim(lock, read_only=False)
    text = QCoreApplication.translate("SingleInstance", "数据库 %1 已在另一个窗口中打开（%2）。").replace("%1", str(db_path)) \
        .replace("%2", owner.describe())
    informative = QCoreApplication.translate("SingleInstance", "两个窗口同时修改同一批记录容易互相覆盖。可以切换到已打开的窗口继续工作，"
                                       "或以只读方式打开（只能查看和打印，不能修改）。")
    # A database still being created by the other instance's wizard cannot be opened read-only.
    choices = (["read_only"] if Path(db_path).exists() else []) + ["switch", "quit"]
    labels = {"read_only": QCoreApplication.translate("SingleInstance", "只读打开"), "switch": QCoreApplication.translate("SingleInstance", "切换到已打开的窗口"),
              "quit": QCoreApplication.translate("SingleInstance", "退出")}
    while True:
        choice = dialogs.ask(QCoreApplication.translate("SingleInstance", "数据库已打开"), text, [labels[c] for c in choices],
                             informative=informative, default=0)
        picked = "quit" if choice is None else choices[choice]
        if picked == "read_only":
            return Claim(lock, read_only=True, other=owner)
        if picked == "switch":
            if ask_to_raise(db_path):
                return None
            dialogs.warn(QCoreApplication.translate("SingleInstance", "无法切换"),
                         QCoreApplication.translate("SingleInstance", "已打开的窗口没有响应（可能在另一台计算机上，或正忙）。"
                                              "请直接切换到那个窗口，或以只读方式打开。"))
            continue
        return None
