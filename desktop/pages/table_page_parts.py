"""Pieces the catalog and record pages share: a search that runs a moment after the clerk stops
typing (or at once on Enter) and the list table (its clicks, keys and menu: `desktop.row_list`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTableView


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
