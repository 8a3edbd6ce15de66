"""Pieces the catalog and record pages share: a search that runs a moment after the clerk stops
typing (or at once on Enter), Enter on the table acting on the current row, and the list table."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView, QWidget


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


class EnterActivates(QObject):
    """Return / Enter (main or keypad) without other modifiers on `view` calls `activate` (instead of
    moving down a row)."""

    def __init__(self, view: QWidget, activate: Callable[[], None]):
        super().__init__(view)
        self._activate = activate
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            # The keypad's Enter arrives with KeypadModifier: it counts as a plain Enter.
            plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
                self._activate()
                return True
        return super().eventFilter(watched, event)


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
