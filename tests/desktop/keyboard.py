"""Typing as a clerk does: ASCII through key presses, Chinese through the input method.

`QTest.keyClicks` asserts on characters outside ASCII (Qt's qasciikey.cpp), and on a real desktop
Chinese arrives from the IME as a committed string anyway — so that is what we send.
"""

from __future__ import annotations

from itertools import groupby

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:
    target = widget.lineEdit() if isinstance(widget, QComboBox) and widget.isEditable() else widget
    target.setFocus()
    for is_ascii, run in groupby(text, key=lambda c: c.isascii()):
        chunk = "".join(run)
        if is_ascii:
            qtbot.keyClicks(target, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(target, event)


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier) -> QWidget:
    """Press a key where the keyboard focus is, as a real keyboard would; returns that widget."""
    target = QApplication.focusWidget()
    assert target is not None, "no widget has the keyboard focus"
    qtbot.keyClick(target, key, modifiers)
    return target


def wait_active(qtbot, window: QWidget) -> None:
    """Window activation is asynchronous (also offscreen); keys go to the active window only."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
