"""A table view that types like a spreadsheet, over a `GridModel`.

Clerks type rosters from paper, so the keys do what Excel and WPS do:

- typing starts editing the current cell (Chinese through the input method too), F2 edits it;
- Enter commits and moves down, Tab commits and moves right, wrapping to the next row; Enter, Down
  or Tab past a filled last row adds a row; Tab past the end of a blank last row leaves the table,
  Ctrl+Tab always does;
- Delete clears the selected cells, Backspace clears the current cell and starts editing;
- Ctrl+C copies the selection as tab-separated text, Ctrl+V pastes a block from Excel/WPS at the
  current cell (adding rows as needed; one copied cell fills the whole selection);
- Ctrl+Insert (or Ctrl+=) inserts a row above, Ctrl+Delete (or Ctrl+-) deletes the selected rows;
- Ctrl+Z / Ctrl+Y undo and redo (the editor window owns the same shortcuts).

The view holds no data: every change goes through the model's undoable editing methods.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QAction, QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from models.rules.idnumber import check_id_number, normalize_id_number

from ..qtmodels.grid_model import GridModel, parse_tsv

_BAD_EDITOR_STYLE = "background: #ffcdd2;"
_WARN_EDITOR_STYLE = "background: #fff0c2;"


def check_id_as_typed(editor: QLineEdit, text: str) -> None:
    """Colour the cell editor as soon as an ID number is complete (or too long)."""
    normalized = normalize_id_number(text)
    if len(normalized) in (15, 18) or len(normalized) > 18:
        result = check_id_number(normalized)
        if result.severity == "error":
            editor.setStyleSheet(_BAD_EDITOR_STYLE)
            editor.setToolTip(result.message or "")
            return
        if result.severity == "warning":
            editor.setStyleSheet(_WARN_EDITOR_STYLE)
            editor.setToolTip(result.message or "")
            return
    editor.setStyleSheet("")
    editor.setToolTip("")


class GridDelegate(QStyledItemDelegate):
    """Line edits for text and numbers, editable combos for choice columns; Enter commits at once."""

    def __init__(self, view: GridView):
        super().__init__(view)
        self.view = view
        self.editor: QWidget | None = None
        self._inner: dict[QObject, QWidget] = {}

    def createEditor(self, parent: QWidget, option, index: QModelIndex) -> QWidget:
        col = index.model().column(index.column())
        if col.choices:
            combo = QComboBox(parent)
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.setFrame(False)
            for value, label in col.choices:
                combo.addItem(label, value)
            completer = combo.completer()
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            combo.lineEdit().installEventFilter(self)
            self._inner[combo.lineEdit()] = combo
            widget: QWidget = combo
        else:
            edit = QLineEdit(parent)
            edit.setFrame(False)
            if col.kind == "id_number":
                edit.textChanged.connect(lambda text, e=edit: check_id_as_typed(e, text))
            elif col.kind == "date":
                edit.setPlaceholderText("2026-07-18")
            if col.numeric:
                edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            widget = edit
        self.editor = widget
        return widget

    def destroyEditor(self, editor: QWidget, index: QModelIndex) -> None:
        if editor is self.editor:
            self.editor = None
        if isinstance(editor, QComboBox):
            self._inner.pop(editor.lineEdit(), None)
        super().destroyEditor(editor, index)

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            col = index.model().column(index.column())
            i = editor.findData(text)
            if i >= 0:
                editor.setCurrentIndex(i)
            editor.setEditText(col.label_of(text))
            editor.lineEdit().selectAll()
        elif isinstance(editor, QLineEdit):
            editor.setText(text)

    def setModelData(self, editor: QWidget, model, index: QModelIndex) -> None:
        col = model.column(index.column())
        if isinstance(editor, QComboBox):
            text = editor.currentText()
        elif isinstance(editor, QLineEdit):
            text = editor.text()
        else:
            return
        model.setData(index, col.value_of(text) if col.choices else text.strip(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        editor = self._inner.get(obj, obj)
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, QWidget):
            key = event.key()
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == Qt.KeyboardModifier.NoModifier:
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
                return True
            if obj is not editor and key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                hint = (QAbstractItemDelegate.EndEditHint.EditPreviousItem
                        if key == Qt.Key.Key_Backtab or mods & Qt.KeyboardModifier.ShiftModifier
                        else QAbstractItemDelegate.EndEditHint.EditNextItem)
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, hint)
                return True
            if obj is not editor and key == Qt.Key.Key_Escape:
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
                return True
        return super().eventFilter(obj, event)


class GridView(QTableView):
    """A spreadsheet-like view; see the module docstring for its keys."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.delegate = GridDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # fixed heights: 10,000 rows stay fast
        vh.setDefaultSectionSize(self.fontMetrics().height() + 10)
        hh = self.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(True)
        hh.setHighlightSections(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.can_add_rows = True

    # --- model ------------------------------------------------------------------------------
    def setModel(self, model) -> None:  # noqa: N802 - Qt name
        old = self.model()
        if isinstance(old, GridModel):
            try:
                old.reveal.disconnect(self._reveal)
                old.modelReset.disconnect(self.fit_columns)
            except (RuntimeError, TypeError):
                pass
        super().setModel(model)
        if isinstance(model, GridModel):
            model.reveal.connect(self._reveal)
            model.modelReset.connect(self.fit_columns)
            self.fit_columns()
            self.set_read_only(model.read_only)

    def grid(self) -> GridModel:
        return self.model()  # type: ignore[return-value]

    def fit_columns(self) -> None:
        model = self.model()
        if not isinstance(model, GridModel):
            return
        fm = self.fontMetrics()
        digit = fm.horizontalAdvance("0")
        hh = self.horizontalHeader()
        stretch = [n for n, col in enumerate(model.columns) if col.stretch]
        hh.setStretchLastSection(not stretch)
        for n, col in enumerate(model.columns):
            header = fm.horizontalAdvance(col.label) + 24
            want = digit * col.width + 14 if col.width else 0
            if col.choices:  # translated choice labels may be longer than the hint allows
                want = max(want, min(280, max(fm.horizontalAdvance(label) for _v, label in col.choices) + 24))
            hh.setSectionResizeMode(n, QHeaderView.ResizeMode.Stretch if n in stretch
                                    else QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(n, max(header, want, 48))

    def set_read_only(self, read_only: bool) -> None:
        """Read-only grids can be scrolled, selected and copied; Tab then leaves the table."""
        self.setTabKeyNavigation(not read_only)
        if read_only:
            self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        else:
            self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                 | QAbstractItemView.EditTrigger.EditKeyPressed
                                 | QAbstractItemView.EditTrigger.AnyKeyPressed)

    def _editable(self) -> bool:
        model = self.model()
        return isinstance(model, GridModel) and not model.read_only

    def editable_columns(self) -> list[int]:
        model = self.grid()
        return [c for c in range(model.columnCount()) if model.column(c).editable and not self.isColumnHidden(c)]

    # --- editing helpers --------------------------------------------------------------------
    def finish_editing(self) -> None:
        """Commit the cell being edited (before saving with Ctrl+S, which leaves focus in place)."""
        editor = self.delegate.editor
        if editor is not None and self.state() == QAbstractItemView.State.EditingState:
            self.delegate.commitData.emit(editor)
            self.delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def go_to(self, row: int, column: int) -> None:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        column = max(0, min(column, model.columnCount() - 1))
        index = model.index(row, column)
        self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    def _reveal(self, row: int, column: int) -> None:
        if self.model() is not None and 0 <= row < self.model().rowCount():
            self.go_to(row, max(0, column))

    def selected_cells(self) -> list[tuple[int, int]]:
        cells = [(i.row(), i.column()) for i in self.selectionModel().selectedIndexes()] if self.selectionModel() else []
        if not cells and self.currentIndex().isValid():
            cells = [(self.currentIndex().row(), self.currentIndex().column())]
        return cells

    def selected_rows(self) -> list[int]:
        return sorted({r for r, _c in self.selected_cells()})

    def copy_selection(self) -> None:
        cells = self.selected_cells()
        if not cells:
            return
        rows = [r for r, _ in cells]
        cols = [c for _, c in cells]
        QApplication.clipboard().setText(self.grid().block_text(min(rows), min(cols), max(rows), max(cols)))

    def paste(self) -> None:
        if not self._editable():
            return
        block = parse_tsv(QApplication.clipboard().text())
        current = self.currentIndex()
        if not block or not current.isValid():
            return
        model = self.grid()
        cells = self.selected_cells()
        if len(block) == 1 and len(block[0]) == 1 and len(cells) > 1:
            model.fill_cells(cells, block[0][0])
            return
        top = min((r for r, _ in cells), default=current.row())
        left = min((c for _, c in cells), default=current.column())
        written, _added = model.paste_block(top, left, block)
        targets = [c for c in self.editable_columns() if c >= left][:max(len(r) for r in block)]
        if written and targets:
            self.go_to(top, left)
            selection = QItemSelection(model.index(top, left), model.index(top + written - 1, targets[-1]))
            self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def cut_selection(self) -> None:
        self.copy_selection()
        self.clear_selection_cells()

    def clear_selection_cells(self) -> None:
        if self._editable():
            self.grid().clear_cells(self.selected_cells())

    def insert_row_above(self) -> None:
        if not self._editable():
            return
        rows = self.selected_rows()
        current = self.currentIndex()
        at = rows[0] if rows else (current.row() if current.isValid() else self.grid().rowCount())
        count = len(rows) if len(rows) > 1 else 1
        self.grid().insert_rows(at, count=count)
        self.go_to(at, self.editable_columns()[0] if self.editable_columns() else 0)

    def delete_selected_rows(self) -> None:
        if not self._editable():
            return
        rows = self.selected_rows()
        if not rows:
            return
        column = max(0, self.currentIndex().column())
        model = self.grid()
        model.undo_stack.beginMacro(QCoreApplication.translate("GridView", "删除行"))
        model.remove_rows(rows)
        if model.rowCount() == 0 and self.can_add_rows:
            model.insert_rows(0, count=1)  # keep one row to type into
        model.undo_stack.endMacro()
        self.go_to(min(rows[0], model.rowCount() - 1), column)

    def _move_down(self) -> None:
        current = self.currentIndex()
        if not current.isValid():
            return
        model = self.grid()
        row = current.row() + 1
        if row >= model.rowCount():
            if model.read_only or not self.can_add_rows or model.is_blank(current.row()):
                return
            model.append_row()
        self.go_to(row, current.column())

    # --- keys -------------------------------------------------------------------------------
    def moveCursor(self, action, modifiers):  # noqa: N802 - Qt name
        if action not in (QAbstractItemView.CursorAction.MoveNext, QAbstractItemView.CursorAction.MovePrevious) \
                or not isinstance(self.model(), GridModel):
            return super().moveCursor(action, modifiers)
        current = self.currentIndex()
        model = self.grid()
        columns = self.editable_columns()
        if not current.isValid() or not columns:
            return super().moveCursor(action, modifiers)
        row, col = current.row(), current.column()
        if action == QAbstractItemView.CursorAction.MoveNext:
            later = [c for c in columns if c > col]
            if later:
                return model.index(row, later[0])
            if row + 1 < model.rowCount():
                return model.index(row + 1, columns[0])
            if not model.read_only and self.can_add_rows and not model.is_blank(row):
                model.append_row()
                return model.index(row + 1, columns[0])
            return QModelIndex()
        earlier = [c for c in columns if c < col]
        if earlier:
            return model.index(row, earlier[-1])
        if row > 0:
            return model.index(row - 1, columns[-1])
        return QModelIndex()

    def closeEditor(self, editor: QWidget, hint) -> None:  # noqa: N802 - Qt name
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self._move_down()
            return
        super().closeEditor(editor, hint)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt name
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = Qt.KeyboardModifier.ControlModifier
        shift = Qt.KeyboardModifier.ShiftModifier
        if key == Qt.Key.Key_Insert and mods == ctrl or key in (Qt.Key.Key_Equal, Qt.Key.Key_Plus) and mods & ctrl:
            self.insert_row_above()
        elif key == Qt.Key.Key_Delete and mods == ctrl or key == Qt.Key.Key_Minus and mods == ctrl:
            self.delete_selected_rows()
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
        elif event.matches(QKeySequence.StandardKey.Cut):
            self.cut_selection()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.grid().undo_stack.undo()
        elif event.matches(QKeySequence.StandardKey.Redo) or key == Qt.Key.Key_Y and mods == ctrl:
            self.grid().undo_stack.redo()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == Qt.KeyboardModifier.NoModifier:
            self._move_down()
        elif (key == Qt.Key.Key_Down and mods == Qt.KeyboardModifier.NoModifier and self.currentIndex().isValid()
              and self.currentIndex().row() == self.grid().rowCount() - 1):
            self._move_down()  # below a filled last row there is always a row to type into
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == shift:
            current = self.currentIndex()
            if current.isValid() and current.row() > 0:
                self.go_to(current.row() - 1, current.column())
        elif key == Qt.Key.Key_Delete and mods == Qt.KeyboardModifier.NoModifier:
            self.clear_selection_cells()
        elif key == Qt.Key.Key_Backspace and mods == Qt.KeyboardModifier.NoModifier and self._editable():
            current = self.currentIndex()
            if current.isValid() and current.flags() & Qt.ItemFlag.ItemIsEditable:
                self.grid().clear_cells([(current.row(), current.column())])
                self.edit(current)
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and mods & ctrl:
            QWidget.focusNextPrevChild(self, key == Qt.Key.Key_Tab and not mods & shift)
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self.tabKeyNavigation():
            back = key == Qt.Key.Key_Backtab or bool(mods & shift)
            target = self.moveCursor(QAbstractItemView.CursorAction.MovePrevious if back
                                     else QAbstractItemView.CursorAction.MoveNext, event.modifiers())
            if target.isValid():
                self.go_to(target.row(), target.column())
                event.accept()
            else:
                event.ignore()  # focusNextPrevChild then moves the focus out of the table
        else:
            super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt name
        # Qt opens the cell editor for text from the input method but drops the text itself;
        # a clerk typing 张三 on a cell expects it in the cell, so hand it to the new editor.
        current = self.currentIndex()
        if (self.state() != QAbstractItemView.State.EditingState and event.commitString()
                and not event.preeditString() and current.isValid()
                and current.flags() & Qt.ItemFlag.ItemIsEditable):
            self.edit(current)  # the public overload returns nothing: look at the editor instead
            editor = self.delegate.editor
            if editor is not None and self.state() == QAbstractItemView.State.EditingState:
                QApplication.sendEvent(editor.focusProxy() or editor, QInputMethodEvent(event))
                event.accept()
                return
        super().inputMethodEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().focusInEvent(event)
        model = self.model()
        # A click sets the current cell itself: choosing the first cell here would scroll the view
        # before the press is handled, and the press would land on another cell.
        if event.reason() == Qt.FocusReason.MouseFocusReason:
            return
        if model is not None and not self.currentIndex().isValid() and model.rowCount():
            columns = self.editable_columns() if isinstance(model, GridModel) else [0]
            self.setCurrentIndex(model.index(0, columns[0] if columns else 0))

    # --- context menu -----------------------------------------------------------------------
    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        editable = self._editable()

        def add(text: str, shortcut: str, slot, enabled: bool = True) -> QAction:
            action = menu.addAction(text)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutVisibleInContextMenu(True)
            action.setEnabled(enabled)
            action.triggered.connect(slot)
            return action

        add(QCoreApplication.translate("GridView", "复制"), "Ctrl+C", self.copy_selection)
        add(QCoreApplication.translate("GridView", "粘贴"), "Ctrl+V", self.paste, editable)
        add(QCoreApplication.translate("GridView", "清除内容"), "Del", self.clear_selection_cells, editable)
        menu.addSeparator()
        add(QCoreApplication.translate("GridView", "在上方插入行"), "Ctrl+Insert", self.insert_row_above, editable)
        add(QCoreApplication.translate("GridView", "删除所选行"), "Ctrl+Delete", self.delete_selected_rows, editable)
        menu.exec(self.viewport().mapToGlobal(pos))
