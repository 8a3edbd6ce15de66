"""Pieces the list pages share: a search that runs a moment after the clerk stops typing (or at once
on Enter), the list table (its clicks, keys and menu: `desktop.row_list`), and one background job at
a time with its state in the status bar (`PageJobs`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMainWindow, QTableView

from models.errors import CunwuError

from .. import dialogs, workers


def debounced_search(parent: QObject, delay_ms: int, run: Callable[[], None], *edits: QLineEdit) -> QTimer:
    """A single-shot timer that calls `run` `delay_ms` after the last keystroke in any of `edits`;
    Enter in one of them calls `run` at once (which should stop the timer)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    timer.timeout.connect(run)
    for edit in edits:
        edit.textChanged.connect(timer.start)
        edit.returnPressed.connect(run)
    return timer


def read_only_table(model, accessible_name: str) -> QTableView:
    """A list table as the pages show them: whole rows, one at a time, not editable in place,
    alternating rows, long text elided, no row numbers."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    view.setAccessibleName(accessible_name)
    return view


class PageJobs:
    """One long job of a page (an import, an export) off the GUI thread. The page (a QWidget with a
    ``job_finished`` signal, a ``_job`` attribute and ``_update_actions``) calls ``_run``; its actions
    follow ``_job`` (busy while it runs), the status bar says what runs, and ``job_finished`` is emitted
    when it ends either way. A refusal of the core is shown under ``error_title``; anything else is a
    bug and goes to the crash handler."""

    def _run(self, fn, on_done, busy_text: str, error_title: str) -> None:
        job = workers.Job(fn)
        self._job = job
        self._error_title = error_title
        self._on_done = on_done
        job.signals.finished.connect(self._job_done)
        job.signals.failed.connect(self._job_failed)
        self._update_actions()
        self._status(busy_text, timeout=0)
        workers.start(job)

    def _job_done(self, result) -> None:
        self._job = None
        self._update_actions()
        self._status("")
        try:
            self._on_done(result)
        finally:
            self.job_finished.emit()

    def _job_failed(self, exc: Exception) -> None:
        self._job = None
        self._update_actions()
        self._status("")
        try:
            if isinstance(exc, CunwuError):
                dialogs.error(self._error_title, exc, parent=self)
            else:
                raise exc  # a bug: the crash handler logs it and shows the report
        finally:
            self.job_finished.emit()

    def _status(self, text: str, timeout: int = 6000) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            if text:
                window.statusBar().showMessage(text, timeout)
            else:
                window.statusBar().clearMessage()
