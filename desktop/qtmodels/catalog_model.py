"""Item models over the catalog service's results: the item table and the group tree.

One source of truth: the page reloads these from `CatalogService` after every write; nothing here
is edited in place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QStandardItem, QStandardItemModel

from models.rules import catalog_terms as terms
from models.services.catalog import GroupData, ItemData

from .base import Index, ListTableModel, ObjectRole

ItemRole = ObjectRole  # the ItemData of a row
SortRole = Qt.ItemDataRole.UserRole + 2  # a key that sorts the column sensibly (numbers as numbers)
CategoryRole = Qt.ItemDataRole.UserRole + 3  # group tree: the node's category ("" = any)
GroupRole = Qt.ItemDataRole.UserRole + 4  # group tree: the node's 一级事项 ("" = any)

(COL_CODE, COL_GROUP, COL_NAME, COL_TIMING, COL_PUBLISHER, COL_CHANNELS, COL_AUDIENCE, COL_POSTING_DAYS,
 COL_STATUS) = range(9)

_CTX = "CatalogTableModel"
HEADERS = (
    QT_TRANSLATE_NOOP("CatalogTableModel", "编号"),
    QT_TRANSLATE_NOOP("CatalogTableModel", "一级事项"),
    QT_TRANSLATE_NOOP("CatalogTableModel", "二级事项"),
    QT_TRANSLATE_NOOP("CatalogTableModel", "公开时限"),
    QT_TRANSLATE_NOOP("CatalogTableModel", "公开主体"),
    QT_TRANSLATE_NOOP("CatalogTableModel", "公开渠道"),
    QT_TRANSLATE_NOOP("CatalogTableModel", "公开对象"),
    QT_TRANSLATE_NOOP("CatalogTableModel", "公示天数"),
    QT_TRANSLATE_NOOP("CatalogTableModel", "状态"),
)


def posting_days_text(item: ItemData) -> str:
    if item.posting_days == 0:
        return QCoreApplication.translate("CatalogTableModel", "不公示")
    if item.posting_working_days:
        return QCoreApplication.translate("CatalogTableModel", "%n个工作日", None, item.posting_days)
    return QCoreApplication.translate("CatalogTableModel", "%n天", None, item.posting_days)


class CatalogTableModel(ListTableModel[ItemData]):
    """Rows are `ItemData` in the service's order; retired rows are greyed."""

    HEADERS = HEADERS
    TR_CONTEXT = _CTX
    RIGHT_ALIGNED = (COL_POSTING_DAYS,)

    # --- contents ---------------------------------------------------------------------------
    def set_items(self, items: Iterable[ItemData]) -> None:
        self.set_rows(items)

    def items(self) -> list[ItemData]:
        return self.rows()

    def item_at(self, row: int) -> ItemData:
        return self.row_at(row)

    def key_of(self, item: ItemData) -> str:
        return item.code

    # --- cells ------------------------------------------------------------------------------
    def tooltip(self, item: ItemData, col: int) -> str | None:
        if col == COL_CHANNELS:
            return "\n".join(item.channels)
        if col == COL_NAME and item.content:
            return item.content
        if col in (COL_TIMING, COL_GROUP, COL_PUBLISHER):
            return self.display(item, col)
        return None

    def foreground(self, item: ItemData, col: int) -> QColor | None:
        if item.active:
            return None
        return QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)

    def role_data(self, item: ItemData, col: int, role: int):
        if role != SortRole:
            return None
        if col == COL_POSTING_DAYS:
            return item.posting_days
        if col == COL_GROUP:
            return f"{item.category}/{item.group}"
        return self.display(item, col)

    def display(self, item: ItemData, col: int) -> str:
        if col == COL_CODE:
            return item.code
        if col == COL_GROUP:
            return item.group
        if col == COL_NAME:
            return item.name
        if col == COL_TIMING:
            return item.timing_text or item.timing.describe()
        if col == COL_PUBLISHER:
            return item.publisher
        if col == COL_CHANNELS:
            return "、".join(item.channels)
        if col == COL_AUDIENCE:
            return item.audience
        if col == COL_POSTING_DAYS:
            return posting_days_text(item)
        if col == COL_STATUS:
            return QCoreApplication.translate("CatalogTableModel", "启用") if item.active else QCoreApplication.translate("CatalogTableModel", "已停用")
        return ""


class CatalogGroupModel(QStandardItemModel):
    """全部 → 类别 (党务 / 村务 / 财务 …) → 一级事项, each with its item count.

    Every node carries `CategoryRole` and `GroupRole` ("" meaning any); `filter_of(index)` reads them.
    """

    ALWAYS_SHOWN = ("党务", "村务", "财务")  # 三务公开; other categories appear when they are used

    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_groups([], [])

    def set_groups(self, groups: Sequence[GroupData], items: Sequence[ItemData]) -> None:
        counts = Counter((i.category, i.group) for i in items)
        per_category = Counter(i.category for i in items)
        self.clear()
        self._nodes: dict[tuple[str | None, str | None], QStandardItem] = {}
        root = self._node(QCoreApplication.translate("CatalogTableModel", "全部"), len(items), (None, None))
        self.appendRow(root)
        for category in terms.CATEGORIES:
            its_groups = [g for g in groups if g.category == category]
            if not its_groups and category not in self.ALWAYS_SHOWN:
                continue
            cat_node = self._node(category, per_category[category], (category, None))
            root.appendRow(cat_node)
            for g in its_groups:
                cat_node.appendRow(self._node(g.name, counts[(category, g.name)], (category, g.name)))

    def _node(self, label: str, count: int, key: tuple[str | None, str | None]) -> QStandardItem:
        node = QStandardItem(f"{label}（{count}）")
        node.setToolTip(label)  # long group names are elided in a narrow tree
        node.setData(key[0] or "", CategoryRole)
        node.setData(key[1] or "", GroupRole)
        node.setEditable(False)
        self._nodes[key] = node
        return node

    @staticmethod
    def filter_of(index: Index) -> tuple[str | None, str | None]:
        """(category, group) of a node, None meaning any; (None, None) for no selection."""
        if not index.isValid():
            return None, None
        return index.data(CategoryRole) or None, index.data(GroupRole) or None

    def index_of(self, key: tuple[str | None, str | None]) -> QModelIndex:
        """The node for a filter key (the root when it is gone)."""
        node = self._nodes.get(key)
        return node.index() if node is not None else self.index(0, 0)
