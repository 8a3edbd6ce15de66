"""Tamper evidence and backups in the GUI: the audit chain's head in the status bar, the fast check
at start, the full check, the audit log, backup and restore in 关于与设置, automatic backups.

Everything slow (checks, backups, restore) runs as a `workers.Job`; the services do the work.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError
from models.services.audit_log import AuditLogService
from models.services.backup import KEEP_RANGE, SUFFIX, BackupService
from models.services.context import chain_head
from models.services.integrity import IntegrityReport, IntegrityService

from . import dialogs, workers
from .forms import open_owned
from .pages.table_page_parts import read_only_table
from .qtmodels.audit_model import AuditLogModel
from .read_only import keep_disabled

log = logging.getLogger("cunwu.desktop")

DAILY_POLL_MS = 60 * 60 * 1000  # how often an open window asks whether the daily backup is due
OK_COLOR = "#2e7d32"
BAD_COLOR = "#c62828"


def head_text(ws) -> str:
    """"审计链 第 128 条 3f9a2c1d0e4b" — the same words the notices print in their footer."""
    head = chain_head(ws.db)
    if head is None:
        return QCoreApplication.translate("Integrity", "审计链：尚无记录")
    return (QCoreApplication.translate("Integrity", "审计链 第 %1 条 %2")
            .replace("%1", str(head.event_id)).replace("%2", head.short))


class AuditLogDialog(QDialog):
    """The audit trail, of one record (its history) or of everything."""

    def __init__(self, ws, record: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.record = record
        self.setWindowTitle(self.tr("记录 #%1 的审计记录").replace("%1", str(record)) if record is not None
                            else self.tr("审计记录"))
        self.model = AuditLogModel(self)
        self.view = read_only_table(self.model, self.tr("审计记录"))
        self.note = QLabel(self.tr("绿色的操作封存了记录内容的校验值；校验值可与公告页脚印的审计链编号核对。"))
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(760, 440)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.model.set_rows(AuditLogService(self.ws.ctx).events(record=self.record))
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取审计记录"), exc, parent=self)
            return
        self.view.resizeColumnsToContents()
        if self.model.rowCount():
            self.view.scrollToBottom()


def report_lines(report: IntegrityReport) -> list[str]:
    return [p.message for p in report.problems] + list(report.notes)


class IntegrityBox(QGroupBox):
    """关于与设置 › 数据完整与备份."""

    def __init__(self, ws, parent: QWidget | None = None):
        super().__init__(self.tr("数据完整与备份"), parent)
        self.ws = ws
        self._job: workers.Job | None = None
        self.head_label = QLabel()
        self.head_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label = QLabel(self.tr("尚未做全面检查"))
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check_button = QPushButton(self.tr("全面检查"))
        self.check_button.setToolTip(self.tr("核对每条提交审核后封存的记录的内容与合计、审计链、附件和数据库文件"))
        self.log_button = QPushButton(self.tr("审计记录…"))
        self.backup_button = QPushButton(self.tr("立即备份到…"))
        self.restore_button = QPushButton(self.tr("从备份恢复…"))
        self.keep_spin = QSpinBox()
        self.keep_spin.setRange(*KEEP_RANGE)
        self.keep_spin.setSuffix(self.tr(" 份"))
        self.extra_edit = QLineEdit()
        self.extra_edit.setPlaceholderText(self.tr("如 U 盘上的文件夹（可不填）"))
        self.extra_button = QPushButton(self.tr("选择…"))
        self.save_settings_button = QPushButton(self.tr("保存备份设置"))

        actions = QHBoxLayout()
        for b in (self.check_button, self.log_button, self.backup_button, self.restore_button):
            actions.addWidget(b)
        actions.addStretch(1)
        extra = QHBoxLayout()
        extra.addWidget(self.extra_edit, 1)
        extra.addWidget(self.extra_button)
        form = QFormLayout(self)
        form.addRow(self.tr("审计链"), self.head_label)
        form.addRow(self.tr("检查结果"), self.result_label)
        form.addRow("", actions)
        form.addRow(self.tr("自动备份保留"), self.keep_spin)
        form.addRow(self.tr("另存一份到"), extra)
        form.addRow("", self.save_settings_button)

        self.check_button.clicked.connect(self.run_check)
        self.log_button.clicked.connect(self.open_log)
        self.backup_button.clicked.connect(self.backup_to_file)
        self.restore_button.clicked.connect(self.restore_from_file)
        self.extra_button.clicked.connect(self._choose_extra)
        self.save_settings_button.clicked.connect(self.save_settings)
        # A read-only window (another one is editing) checks and reads the log, but never replaces
        # the database under the other window, nor writes its backups or settings.
        keep_disabled(self.ws, self.backup_button, self.restore_button, self.save_settings_button)
        self.refresh()

    def _service(self) -> BackupService:
        return BackupService(self.ws.ctx, self.ws.data_dir)

    def refresh(self) -> None:
        self.head_label.setText(head_text(self.ws))
        try:
            settings = self._service().settings()
        except CunwuError:
            return
        self.keep_spin.setValue(settings.keep)
        self.extra_edit.setText(settings.extra_dir or "")

    def _busy(self, busy: bool) -> None:
        for b in (self.check_button, self.backup_button, self.restore_button):
            b.setEnabled(not busy)

    def _start(self, fn, done, title: str) -> None:
        job = workers.Job(lambda _p, _c: fn())
        self._job = job
        self._busy(True)

        def finished(result):
            self._job = None
            self._busy(False)
            done(result)

        def failed(exc):
            self._job = None
            self._busy(False)
            if isinstance(exc, CunwuError):
                dialogs.error(title, exc, parent=self)
            else:
                raise exc

        job.signals.finished.connect(finished)
        job.signals.failed.connect(failed)
        workers.start(job)

    # --- check -----------------------------------------------------------------------------
    def run_check(self) -> None:
        self.result_label.setText(self.tr("正在检查…"))
        ctx, data_dir = self.ws.ctx, self.ws.data_dir
        self._start(lambda: IntegrityService(ctx, data_dir).check(full=True), self._checked, self.tr("检查未完成"))

    def _checked(self, report: IntegrityReport) -> None:
        self.head_label.setText(head_text(self.ws))
        if report.ok:
            text = self.tr("未发现问题（核对记录 %1 条）").replace("%1", str(report.records_checked))
            self.result_label.setStyleSheet(f"color: {OK_COLOR};")
        else:
            text = self.tr("发现 %1 处问题：").replace("%1", str(len(report.problems)))
            self.result_label.setStyleSheet(f"color: {BAD_COLOR};")
        lines = report_lines(report)
        self.result_label.setText("\n".join([text, *lines]))
        window = self.window()
        if isinstance(window, QMainWindow) and hasattr(window, "integrity_watch"):
            window.integrity_watch.show_report(report)

    def open_log(self) -> None:
        open_owned(self, "log_dialog", AuditLogDialog(self.ws, parent=self))

    # --- backups ---------------------------------------------------------------------------
    def backup_to_file(self) -> None:
        from datetime import date

        suggested = f"村务公开备份-{date.today():%Y%m%d}{SUFFIX}"
        path = dialogs.save_file(self.tr("备份到"), self.tr("村务公开备份 (*%1)").replace("%1", SUFFIX),
                                 purpose=dialogs.BACKUP, suggested=suggested, parent=self)
        if path is None:
            return
        service = self._service()
        self._start(lambda: service.backup(path), self._backed_up, self.tr("备份未完成"))

    def _backed_up(self, info) -> None:
        dialogs.info(self.tr("备份"), self.tr("已备份到 %1（附件 %2 个）").replace("%1", str(info.path))
                     .replace("%2", str(info.attachments)), parent=self)

    def restore_from_file(self) -> None:
        path = dialogs.open_file(self.tr("从备份恢复"), self.tr("村务公开备份 (*%1)").replace("%1", SUFFIX),
                                 purpose=dialogs.BACKUP, parent=self)
        if path is None:
            return
        if not dialogs.confirm(
                self.tr("从备份恢复"),
                self.tr("先检查备份 %1，通过后用它替换当前数据库；当前数据库另存在数据文件夹的 replaced 中。"
                        "恢复后程序将关闭，请重新打开。").replace("%1", path.name),
                ok_text=self.tr("检查并恢复"), parent=self):
            return
        service = self._service()
        self._start(lambda: service.restore(path), self._restored, self.tr("未恢复"))

    def _restored(self, result) -> None:
        kept = str(result.replaced_kept_at) if result.replaced_kept_at else self.tr("（无）")
        dialogs.info(self.tr("已恢复"), self.tr("已从 %1 恢复（备份时间 %2）。原数据库另存为 %3。程序将关闭，请重新打开。")
                     .replace("%1", result.restored_from.name).replace("%2", str(result.created or ""))
                     .replace("%3", kept), parent=self)
        window = self.window()
        if window is not None:
            window.close()

    def _choose_extra(self) -> None:
        folder = dialogs.choose_folder(self.tr("选择备份另存文件夹"), purpose=dialogs.BACKUP,
                                       current=self.extra_edit.text(), parent=self)
        if folder is not None:
            self.extra_edit.setText(str(folder))

    def save_settings(self) -> None:
        try:
            settings = self._service().save_settings(self.keep_spin.value(), self.extra_edit.text())
        except CunwuError as exc:
            dialogs.error(self.tr("未保存"), exc, parent=self)
            return
        self.keep_spin.setValue(settings.keep)
        self.extra_edit.setText(settings.extra_dir or "")
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.tr("已保存备份设置"), 6000)


class IntegrityWatch(QObject):
    """The status bar's chain head and check state; the fast check and the daily backup at start
    (off the GUI thread); the backup on exit when something changed."""

    def __init__(self, window: QMainWindow, ws):
        super().__init__(window)
        self.window = window
        self.ws = ws
        self._jobs: list[workers.Job] = []
        self.label = QLabel()
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        window.statusBar().addPermanentWidget(self.label)
        window.integrity_watch = self
        if hasattr(window, "page_changed"):
            window.page_changed.connect(lambda _key: self.update_head())
        self.problems: list[str] | None = None
        self.update_head()

    def update_head(self) -> None:
        text = head_text(self.ws)
        if self.problems:
            text += self.tr(" · 发现 %1 处问题（见 关于与设置）").replace("%1", str(len(self.problems)))
        self.label.setText(text)

    def show_report(self, report: IntegrityReport) -> None:
        self.problems = [p.message for p in report.problems]
        self.label.setStyleSheet(f"color: {BAD_COLOR};" if self.problems else "")
        self.label.setToolTip("\n".join(report_lines(report)) or self.tr("检查通过"))
        self.update_head()

    def _run(self, fn, done) -> None:
        job = workers.Job(lambda _p, _c: fn())
        self._jobs.append(job)

        def finished(result):
            self._jobs.remove(job)
            done(result)

        def failed(exc):
            self._jobs.remove(job)
            log.warning("background %s failed: %s", getattr(fn, "__name__", "job"), exc)

        job.signals.finished.connect(finished)
        job.signals.failed.connect(failed)
        workers.start(job)

    def start(self, checked: IntegrityReport | None = None) -> None:
        """At start: the fast check — or its report `checked`, when start-up ran it on its worker
        before reading anything for the window — then the daily backup (when one is due)."""
        ctx, data_dir = self.ws.ctx, self.ws.data_dir

        def fast_check():
            return IntegrityService(ctx, data_dir).check(full=False)

        def daily_backup():
            return BackupService(ctx, data_dir).backup_if_due("daily")

        if checked is None:
            self._run(fast_check, self._fast_checked)
        else:  # shown once the window has its page (the warning is modal)
            QTimer.singleShot(0, lambda: self._fast_checked(checked))
        self._run(daily_backup, self._backed_up)
        # A window left open for days still gets its daily backup.
        self._daily = QTimer(self)
        self._daily.setInterval(DAILY_POLL_MS)
        self._daily.timeout.connect(lambda: self._run(daily_backup, self._backed_up))
        self._daily.start()

    def _fast_checked(self, report: IntegrityReport) -> None:
        self.show_report(report)
        if not report.ok:
            dialogs.warn(self.tr("数据可能被改动"),
                         self.tr("启动检查发现 %1 处问题：\n%2\n\n请在“关于与设置”中做全面检查，并告知村务监督委员会。")
                         .replace("%1", str(len(report.problems)))
                         .replace("%2", "\n".join(p.message for p in report.problems[:10])),
                         parent=self.window)

    def _backed_up(self, info) -> None:
        if info is not None:
            message = self.tr("已自动备份：%1").replace("%1", info.path.name)
            if info.extra_problem:
                message += " · " + info.extra_problem
            self.window.statusBar().showMessage(message, 8000)

    def backup_on_exit(self) -> None:
        """Called once the window has closed, before the database is closed."""
        try:
            BackupService(self.ws.ctx, self.ws.data_dir).backup_if_due("exit")
        except (CunwuError, OSError) as exc:
            log.warning("backup on exit failed: %s", exc)


__all__ = ["AuditLogDialog", "IntegrityBox", "IntegrityWatch", "head_text"]
