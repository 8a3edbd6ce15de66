"""Using a list as a clerk with a mouse does: click, ctrl/shift-click and double-click a row at its
place on screen, and right-click it for the context menu.

A context menu's `exec()` would run a nested event loop and wait for a person: `record_menus`
replaces `desktop.row_list.exec_menu`, records what the menu lists (text and whether it is enabled) and picks one entry the
way a click on it would (triggering it only if it is enabled).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu


def row_center(view: QAbstractItemView, row: int, column: int = 0) -> QPoint:
    model = view.model()
    index = model.index(row, column)
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid(), f"row {row} of {model.rowCount()} is not on screen ({view.isVisible()}, {view.viewport().size()})"
    return rect.center()


def click_row(qtbot, view: QAbstractItemView, row: int, modifier=Qt.KeyboardModifier.NoModifier,
              column: int = 0) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, row_center(view, row, column))


def double_click_row(qtbot, view: QAbstractItemView, row: int, column: int = 0) -> None:
    pos = row_center(view, row, column)
    # Qt 6's mouseDClick sends no press first, and views act only on a double click of the pressed row
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


@dataclass
class MenuRecorder:
    """What the last context menus listed; `choose` is the text of the entry to click next."""

    menus: list[list[tuple[str, bool]]] = field(default_factory=list)
    choose: str | None = None
    chosen_enabled: bool | None = None

    @property
    def last(self) -> list[tuple[str, bool]]:
        assert self.menus, "no context menu was shown"
        return self.menus[-1]

    def texts(self) -> list[str]:
        return [text for text, _enabled in self.last]

    def enabled(self, text: str) -> bool:
        return dict(self.last)[text]


def record_menus(monkeypatch) -> MenuRecorder:
    recorder = MenuRecorder()

    def exec_menu(menu: QMenu, _global_pos):
        entries = [a for a in menu.actions() if not a.isSeparator()]
        recorder.menus.append([(a.text(), a.isEnabled()) for a in entries])
        choice = next((a for a in entries if a.text() == recorder.choose), None)
        recorder.choose = None
        if choice is None:
            return None
        recorder.chosen_enabled = choice.isEnabled()
        if choice.isEnabled():
            choice.trigger()  # what a click on the entry does inside the real exec()
        return choice

    from desktop import row_list

    monkeypatch.setattr(row_list, "exec_menu", exec_menu)
    return recorder


def right_click_at(qtbot, view: QAbstractItemView, pos: QPoint) -> None:
    """A right click as the window system delivers it: the press and release, then the context-menu
    event at that place (QTest's synthetic clicks do not produce one themselves)."""
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.RightButton, pos=pos)
    qtbot.mouseRelease(viewport, Qt.MouseButton.RightButton, pos=pos)
    menu_at(view, pos)


def menu_at(view: QAbstractItemView, pos: QPoint, reason=QContextMenuEvent.Reason.Mouse) -> None:
    """Only the context-menu event (as the menu key sends it, or a right click on some platforms,
    which raise the menu before or without selecting)."""
    viewport = view.viewport()
    QApplication.sendEvent(viewport, QContextMenuEvent(reason, pos, viewport.mapToGlobal(pos)))


def right_click_row(qtbot, view: QAbstractItemView, row: int, column: int = 0) -> None:
    right_click_at(qtbot, view, row_center(view, row, column))
