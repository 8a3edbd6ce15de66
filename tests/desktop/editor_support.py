"""Helpers for the disclosure editor tests: a workspace over the standard village catalog, opening
an editor, and typing into grid cells the way a clerk does (keys for ASCII, the input method's
committed text for Chinese), always into whatever widget has the keyboard focus."""

from __future__ import annotations

from itertools import groupby

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

# Valid GB 11643 numbers (region 410322, the old 孟津县 code: still valid today).
IDS = ("410322196501011233", "410322197003150024", "410322198811204515", "410322200102036678",
       "410322195506067813")


def make_workspace(village, settings, db_path, data_dir):
    """A workspace over the `village` fixture's database: the standard catalog, in which CW-13
    (耕地地力保护补贴) is a roster, FW-04 finance, CW-06 四议两公开, CW-19 project, CW-20 一事一议."""
    from desktop.workspace import Workspace

    db, _ctx = village
    return Workspace.open(db, user=None, db_path=db_path, data_dir=data_dir, settings=settings)


def open_editor(qtbot, ws, disclosure_id: int):
    from desktop.editors.disclosure_editor import DisclosureEditor

    editor = DisclosureEditor(ws, disclosure_id)
    qtbot.addWidget(editor)
    with qtbot.waitExposed(editor):
        editor.show()
    return editor


def focus() :
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def type_here(qtbot, text: str) -> None:
    """Type where the focus is; the focus may move to a cell editor after the first key."""
    for is_ascii, run in groupby(text, key=lambda c: c.isascii()):
        chunk = "".join(run)
        if is_ascii:
            for ch in chunk:
                qtbot.keyClick(focus(), ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(focus(), event)


def key(qtbot, k, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focus(), k, modifiers)
