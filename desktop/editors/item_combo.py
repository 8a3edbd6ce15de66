"""A catalog item chooser that finds items as the clerk types: characters, pinyin or initials.

An editable combo box: typing ``cwszmx`` or ``财务`` or ``FW-04`` opens a list of the matching items
(the catalog search's own rule, `models.rules.search.matches`); Up/Down and Enter pick one, and
Enter or leaving the field with a partial text takes the first match. The combo always ends on a
real item — `current_item()` is never a half-typed name.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from models.rules.search import matches
from models.services.catalog import ItemData

ItemRole = Qt.ItemDataRole.UserRole + 1
SearchRole = Qt.ItemDataRole.UserRole + 2


def item_text(item: ItemData) -> str:
    return f"{item.code} {item.name}"


class _Matching(QSortFilterProxyModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.query = ""

    def set_query(self, query: str) -> None:
        self.beginFilterChange()
        self.query = query
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if not self.query.strip():
            return True
        item = self.sourceModel().index(source_row, 0, source_parent).data(ItemRole)
        return item is not None and matches(self.query, item.code, item.name, item.group)


class ItemCombo(QComboBox):
    item_changed = Signal(object)  # the ItemData now chosen (None when the list is empty)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setCompleter(None)  # the default inline completion would type ahead over Chinese input
        self.setMaxVisibleItems(15)
        self.lineEdit().setPlaceholderText(self.tr("输入编号、名称或拼音首字母查找"))
        self.matching = _Matching(self)
        self.matching.setSourceModel(self.model())
        self.completer_popup = QCompleter(self.matching, self)
        self.completer_popup.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_popup.setWidget(self.lineEdit())
        self.completer_popup.setMaxVisibleItems(12)
        self.completer_popup.activated[QModelIndex].connect(self._picked)
        self.lineEdit().textEdited.connect(self._typed)
        self.lineEdit().installEventFilter(self)
        self.lineEdit().returnPressed.connect(self.resolve)
        self.lineEdit().editingFinished.connect(self._editing_finished)
        self.currentIndexChanged.connect(self._index_changed)

    # --- contents ---------------------------------------------------------------------------
    def set_items(self, items: Iterable[ItemData], current: str | None = None) -> None:
        self.blockSignals(True)
        self.clear()
        for item in items:
            self.addItem(item_text(item))
            self.setItemData(self.count() - 1, item, ItemRole)
            self.setItemData(self.count() - 1, f"{item.group} · {item.timing_text}", Qt.ItemDataRole.ToolTipRole)
        self.blockSignals(False)
        if current and self.select_code(current):
            return
        self.setCurrentIndex(0 if self.count() else -1)
        self._index_changed()

    def select_code(self, code: str) -> bool:
        for row in range(self.count()):
            item = self.itemData(row, ItemRole)
            if item is not None and item.code == code:
                self.setCurrentIndex(row)
                self._index_changed()
                return True
        return False

    def current_item(self) -> ItemData | None:
        return self.itemData(self.currentIndex(), ItemRole) if self.currentIndex() >= 0 else None

    # --- typing -----------------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        self.matching.set_query(text)
        if not text.strip() or self.matching.rowCount() == 0:
            self.completer_popup.popup().hide()
            return
        self.completer_popup.setCompletionPrefix("")
        self.completer_popup.complete()
        popup = self.completer_popup.popup()
        popup.setCurrentIndex(self.completer_popup.completionModel().index(0, 0))

    def _picked(self, index: QModelIndex) -> None:
        proxy_index = self.completer_popup.completionModel().mapToSource(index)
        source = self.matching.mapToSource(proxy_index)
        if source.isValid():
            self.setCurrentIndex(source.row())
            self._index_changed()

    def event(self, event: QEvent) -> bool:
        self._settle_before_tab(event)
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.lineEdit():
            self._settle_before_tab(event)
        return super().eventFilter(watched, event)

    def _settle_before_tab(self, event: QEvent) -> None:
        """Tab leaves the field: settle on an item first, so the fields that follow (which depend on
        the item) are in place before Qt picks where the focus goes."""
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.resolve()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # really leaving: settle on an item
            self.resolve()

    def _editing_finished(self) -> None:
        # Showing the list of matches takes the focus from the line edit for a moment; that is not
        # the clerk leaving the field.
        if self.completer_popup.popup().isVisible():
            return
        self.resolve()

    def resolve(self) -> ItemData | None:
        """Settle a typed text on an item: the exact one, else the first match, else the one before."""
        text = self.currentText().strip()
        current = self.current_item()
        if current is not None and text == item_text(current):
            return current
        row = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if row < 0 and text:
            self.matching.set_query(text)
            if self.matching.rowCount():
                row = self.matching.mapToSource(self.matching.index(0, 0)).row()
        self.completer_popup.popup().hide()
        if row >= 0:
            self.setCurrentIndex(row)
        self.setEditText(item_text(self.current_item()) if self.current_item() else "")
        self._index_changed()
        return self.current_item()

    def _index_changed(self, *_args) -> None:
        item = self.current_item()
        if getattr(self, "_last", None) is not item:
            self._last = item
            self.item_changed.emit(item)
