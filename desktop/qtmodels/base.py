"""`ListTableModel`: the read-only table over a list of plain service results that most pages show.

A subclass names its columns (`HEADERS`, marked with `QT_TRANSLATE_NOOP` in its own translation
context `TR_CONTEXT`) and says what a cell shows by overriding `display`, `tooltip`, `foreground`,
`font` or `role_data`; the row count, the header, the index guard and `ObjectRole` (the row's object
itself) live here once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

ObjectRole = Qt.ItemDataRole.UserRole + 1  # the row's object (a service dataclass)

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ListTableModel(QAbstractTableModel, Generic[Row]):
    """Rows are plain objects in the order given; nothing is edited in place."""

    HEADERS: tuple[str, ...] = ()  # source texts, translated in TR_CONTEXT
    TR_CONTEXT = ""
    RIGHT_ALIGNED: tuple[int, ...] = ()  # columns of numbers

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[Row] = []

    # --- contents ---------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def key_of(self, row: Row) -> Any:
        """What `row_of` looks a row up by (a code, an id, a date)."""
        raise NotImplementedError

    def row_of(self, key: Any) -> int | None:
        """The row whose `key_of` equals `key`, None when it is not listed."""
        for n, r in enumerate(self._rows):
            if self.key_of(r) == key:
                return n
        return None

    # --- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(self.TR_CONTEXT, self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == ObjectRole:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(r, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(r, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(r, col)
        if role == Qt.ItemDataRole.FontRole:
            return self.font(r, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col in self.RIGHT_ALIGNED else None
        return self.role_data(r, col, role)

    # --- for subclasses ---------------------------------------------------------------------
    def display(self, row: Row, col: int) -> str:
        return ""

    def tooltip(self, row: Row, col: int) -> str | None:
        return None

    def foreground(self, row: Row, col: int) -> QColor | None:
        return None

    def font(self, row: Row, col: int) -> QFont | None:
        return None

    def role_data(self, row: Row, col: int, role: int) -> Any:
        """Any other role (a sort key, say)."""
        return None


def bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font

