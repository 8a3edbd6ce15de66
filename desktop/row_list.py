"""Every list in the app answers the mouse as it answers the keys.

`RowList` wraps one item view (table, list or tree) and gives it, in one place:

- **selection** that a page can trust: `selection_changed` fires once the selection has settled,
  whether it came from an arrow key, a click, a ctrl/shift-click or the program. (A mouse press makes
  the pressed row *current* first and selects it afterwards, an arrow key selects first and moves the
  current row afterwards; a page that read "the current row, if selected" on `currentRowChanged` saw
  nothing on a click. The selected rows are what counts, so that is what is compared.)
- **activation**: Enter and a double click on a row do the same (edit, open, answer…);
- **a context menu**: a right click selects the row under the cursor (unless it is already part of
  the selection) and shows the row's actions — the very `QAction`s of the page's toolbar or buttons,
  enabled as they are there — followed by the list's general actions (新建, 刷新…). On empty space
  only the general actions are shown. The menu key opens the same menu at the current row.

Multi-selection (ctrl/shift-click, shift+arrows) only where an action takes several rows at once:
pass ``multi=True`` and read `selected_indexes()`; `current()` is the one row single-row actions use.

`ActionButton` is a push button that mirrors a `QAction`, so a page whose actions sit on buttons
(the record's 附件 and 群众意见 tabs) has one object per step for the button and the menu.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QMenu, QPushButton, QWidget


def exec_menu(menu: QMenu, global_pos: QPoint) -> QAction | None:
    """Show a context menu and wait for the choice; the chosen action is triggered inside. The one
    place that waits for a menu, so tests replace this rather than open a real one."""
    return menu.exec(global_pos)


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


class RowList(QObject):
    """Selection, activation and the context menu of one item view (see the module docstring)."""

    selection_changed = Signal()

    def __init__(self, view: QAbstractItemView, *, activate: Callable[[], None] | None = None,
                 actions: Sequence[QAction] = (), general_actions: Sequence[QAction] = (),
                 multi: bool = False):
        super().__init__(view)
        self.view = view
        self.multi = multi
        self._activate = activate
        self.actions: list[QAction] = list(actions)
        self.general_actions: list[QAction] = list(general_actions)
        self.menu: QMenu | None = None  # the open context menu, if any
        self._state: tuple = self._selection_state()

        behaviour = QAbstractItemView.SelectionBehavior.SelectRows
        if view.selectionBehavior() != behaviour:
            view.setSelectionBehavior(behaviour)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                              else QAbstractItemView.SelectionMode.SingleSelection)
        if activate is not None:
            self._enter = EnterActivates(view, self.activate)
            view.doubleClicked.connect(self._double_clicked)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.show_menu)
        # Set the view's model before: a new model brings a new selection model.
        selection = view.selectionModel()
        selection.selectionChanged.connect(self._maybe_changed)
        selection.currentChanged.connect(self._maybe_changed)
        model = view.model()
        # A reset or re-sort clears or moves the selection without a signal (as Qt's own views do, the
        # page selects again afterwards and that is what is announced): note the new state quietly.
        model.modelReset.connect(self._resync)
        model.layoutChanged.connect(self._resync)
        model.rowsRemoved.connect(self._maybe_changed)

    # --- selection ----------------------------------------------------------------------------
    def _selection_state(self) -> tuple:
        rows = tuple(i.row() for i in self.selected_indexes())
        current = self.current()
        return rows, current.row() if current is not None else None

    def _resync(self, *_args) -> None:
        self._state = self._selection_state()

    def _maybe_changed(self, *_args) -> None:
        state = self._selection_state()
        if state != self._state:
            self._state = state
            self.selection_changed.emit()

    def selected_indexes(self) -> list[QModelIndex]:
        """The selected rows, top to bottom, as indexes of column 0 (read the row's data from them)."""
        selection = self.view.selectionModel()
        if selection is None:
            return []
        rows = {(i.row(), i.parent()): i.siblingAtColumn(0) for i in selection.selectedIndexes()}
        return sorted(rows.values(), key=lambda i: i.row())

    def current(self) -> QModelIndex | None:
        """The one row single-row actions act on: the current row if it is selected, else the only
        selected row; None when nothing (or, without a current row among them, several) is selected."""
        selection = self.view.selectionModel()
        if selection is None:
            return None
        index = self.view.currentIndex()
        if index.isValid() and selection.isRowSelected(index.row(), index.parent()):
            return index.siblingAtColumn(0)
        selected = self.selected_indexes()
        return selected[0] if len(selected) == 1 else None

    def select_row(self, index: QModelIndex) -> None:
        """Make `index`'s row the current and only selected row, as a plain click does."""
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(index, flags)

    # --- activation ---------------------------------------------------------------------------
    def activate(self) -> None:
        if self._activate is not None and self.current() is not None:
            self._activate()

    def _double_clicked(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        if self.current() is None or self.current().row() != index.row():
            self.select_row(index)
        self.activate()

    # --- the context menu ---------------------------------------------------------------------
    def menu_actions(self, on_row: bool) -> list[QAction | None]:
        """What the menu lists (None is a separator): the row's actions, then the general ones."""
        general: list[QAction | None] = [a for a in self.general_actions if a.isVisible()]
        if not on_row:
            return general
        own: list[QAction | None] = [a for a in self.actions if a.isVisible()]
        return own + ([None] + general if own and general else general)

    def show_menu(self, pos: QPoint) -> None:
        """`pos` in the viewport's coordinates (a right click, or the menu key at the current row)."""
        index = self.view.indexAt(pos)
        on_row = index.isValid()
        if on_row and not self.view.selectionModel().isRowSelected(index.row(), index.parent()):
            self.select_row(index)
        entries = self.menu_actions(on_row)
        if not entries:
            return
        menu = QMenu(self.view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setToolTipsVisible(True)  # a greyed step says why in its tooltip
        for action in entries:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        self.menu = menu
        menu.destroyed.connect(lambda *_a: setattr(self, "menu", None))
        # exec() runs an event loop and the chosen action's slot runs inside it: nothing after it.
        exec_menu(menu, self.view.viewport().mapToGlobal(pos))


class ActionButton(QPushButton):
    """A push button that shows and triggers a `QAction` (text, tooltip and enabled state follow it)."""

    def __init__(self, action: QAction, parent: QWidget | None = None):
        super().__init__(parent)
        self.action = action
        self.setAutoDefault(False)
        self._follow()
        action.changed.connect(self._follow)  # a bound slot: disconnected when the button goes
        self.clicked.connect(self._trigger)

    def _follow(self) -> None:
        self.setText(self.action.text())
        self.setToolTip(self.action.toolTip())
        self.setEnabled(self.action.isEnabled())

    def _trigger(self, _checked: bool = False) -> None:
        self.action.trigger()
