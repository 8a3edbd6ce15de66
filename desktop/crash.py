"""The one `sys.excepthook`: log the traceback, show a crash dialog with a copyable report.

Errors meant for users (`CunwuError`) are caught where they happen and shown with `dialogs.error`;
what reaches this hook is a bug. The report names the log file so a clerk can send it to whoever
supports the village.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from models import __version__ as app_version
from models.errors import CunwuError

log = logging.getLogger("cunwu.crash")


def format_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    lines = [
        f"cunwu {app_version} · Python {platform.python_version()} · Qt {qVersion()} · PySide6 {pyside_version}",
        f"{platform.platform()} · {datetime.now().isoformat(timespec='seconds')}",
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


def write_log(log_path: Path, report: str) -> bool:
    """Append the report to the log file; False when it cannot be written (the dialog says so)."""
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with log_path.open("a", encoding="utf-8") as f:
            f.write(f"{datetime.now().isoformat(timespec='seconds')} CRASH\n{report}\n\n")
        return True
    except OSError:
        return False


class CrashDialog(QDialog):
    def __init__(self, report: str, log_path: Path, logged: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("程序出错"))
        self.report = report
        layout = QVBoxLayout(self)
        head = QLabel(self.tr("程序遇到了意外错误，刚才的操作可能没有完成。已保存的数据不受影响。\n"
                              "请复制下面的报告，连同日志文件一起发给技术支持人员。"))
        head.setWordWrap(True)
        layout.addWidget(head)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setMinimumSize(640, 260)
        layout.addWidget(self.text)
        where = (self.tr("日志文件：%1") if logged else self.tr("日志文件无法写入：%1")).replace("%1", str(log_path))
        self.log_label = QLabel(where)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.log_label)
        buttons = QDialogButtonBox()
        self.copy_button = buttons.addButton(self.tr("复制报告"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.report}\n\n{self.log_label.text()}")
        self.copy_button.setText(self.tr("已复制"))


def show_crash_dialog(report: str, log_path: Path, logged: bool) -> None:
    """Shown modally; tests patch this."""
    CrashDialog(report, log_path, logged, QApplication.activeWindow()).exec()


class CrashHandler:
    """Callable installed as sys.excepthook."""

    def __init__(self, log_path: Path, show: Callable[[str, Path, bool], None] | None = None):
        self.log_path = Path(log_path)
        self._show = show
        self._busy = False

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        from models.storage.faults import fault_for

        fault = fault_for(exc) if not isinstance(exc, CunwuError) else None
        if fault is not None:  # a full disk, a read-only folder: the user's to fix, not a crash
            exc_type, exc = type(fault), fault
        report = format_report(exc_type, exc, tb)
        logged = write_log(self.log_path, report)
        log.error("unhandled %s: %s", exc_type.__name__, exc)
        if self._busy or QCoreApplication.instance() is None:
            sys.stderr.write(report + "\n")
            return
        self._busy = True  # an error inside the dialog must not open another dialog
        try:
            if isinstance(exc, CunwuError):  # a user error that escaped its handler: still readable
                from . import dialogs

                dialogs.error(QCoreApplication.translate("CrashHandler", "操作未完成"), exc)
            else:
                (self._show or show_crash_dialog)(report, self.log_path, logged)
        except Exception:  # the last line of defence must not raise
            sys.stderr.write(report + "\n")
        finally:
            self._busy = False


def install_excepthook(log_path: Path) -> CrashHandler:
    handler = CrashHandler(log_path)
    sys.excepthook = handler
    return handler
