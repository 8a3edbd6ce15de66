"""The findings list under an editor: one line per finding, errors in red, warnings in amber.

The editor passes a `describe(finding) -> str` that says where the finding is in its own terms
(row and column label); the message itself is the rules' Chinese text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from models.rules.kinds import Finding

FindingRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex

ERROR_COLOR = QColor("#b71c1c")
WARNING_COLOR = QColor("#8a6100")


class FindingsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._describe: Callable[[Finding], str] = lambda f: f.located()

    def set_findings(self, findings: Sequence[Finding], describe: Callable[[Finding], str] | None = None) -> None:
        self.beginResetModel()
        # Errors first: they block submission; warnings are for a look.
        self._findings = sorted(findings, key=lambda f: 0 if f.is_error else 1)
        if describe is not None:
            self._describe = describe
        self.endResetModel()

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._findings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._findings):
            return None
        f = self._findings[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._describe(f)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ERROR_COLOR if f.is_error else WARNING_COLOR)
        if role == FindingRole:
            return f
        return None
