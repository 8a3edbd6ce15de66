"""The list of disclosure records (公开记录) over `DisclosureService.list` rows, fetched in batches.

The model holds plain `DisclosureListRow`s and asks for more only when the view scrolls near the
end (`canFetchMore` / `fetchMore`), so a village with thousands of records opens as fast as one
with ten. Statuses are coloured as the workflow table says; a superseded record is struck through,
a correction is tagged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex
from PySide6.QtGui import QColor, QFont

from models.rules import workflow as W
from models.rules.money import format_money_cn
from models.services.disclosures import DisclosureListRow

from ..editors.catalog_item_dialog import record_kind_label
from ..formats import period_label
from ..workflow import status_color, status_text
from .base import Index, ListTableModel, ObjectRole, bold_font

DisclosureRole = ObjectRole  # the DisclosureListRow of a row

(COL_ID, COL_ITEM, COL_PERIOD, COL_KIND, COL_TITLE, COL_STATUS, COL_DRAFTER, COL_REVIEWER, COL_POSTING,
 COL_AMOUNT) = range(10)

_CTX = "DisclosureListModel"
HEADERS = (
    QT_TRANSLATE_NOOP("DisclosureListModel", "编号"),
    QT_TRANSLATE_NOOP("DisclosureListModel", "事项"),
    QT_TRANSLATE_NOOP("DisclosureListModel", "期间"),
    QT_TRANSLATE_NOOP("DisclosureListModel", "类型"),
    QT_TRANSLATE_NOOP("DisclosureListModel", "标题"),
    QT_TRANSLATE_NOOP("DisclosureListModel", "状态"),
    QT_TRANSLATE_NOOP("DisclosureListModel", "起草人"),
    QT_TRANSLATE_NOOP("DisclosureListModel", "审核人"),
    QT_TRANSLATE_NOOP("DisclosureListModel", "公示期"),
    QT_TRANSLATE_NOOP("DisclosureListModel", "金额"),
)

SUPERSEDED_COLOR = "#9e9e9e"

FetchRows = Callable[[int, int], Sequence[DisclosureListRow]]  # (offset, limit) -> rows


def posting_text(start: date | None, end: date | None) -> str:
    """'2026-11-01 至 11-07' (the year once), '' when not posted."""
    if start is None:
        return ""
    if end is None:
        return start.isoformat()
    tail = end.strftime("%m-%d") if end.year == start.year else end.isoformat()
    return QCoreApplication.translate("DisclosureListModel", "%1 至 %2").replace("%1", start.isoformat()) \
        .replace("%2", tail)


class DisclosureListModel(ListTableModel[DisclosureListRow]):
    """Rows in the service's order (newest first); more are fetched as the view scrolls."""

    HEADERS = HEADERS
    TR_CONTEXT = _CTX
    RIGHT_ALIGNED = (COL_ID, COL_AMOUNT)
    BATCH = 200

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ids: set[int] = set()
        self._total = 0
        self._fetch: FetchRows | None = None

    # --- contents ---------------------------------------------------------------------------
    def reset(self, fetch: FetchRows, total: int, *, at_least: int = 0) -> None:
        """Start over with a new query: `total` rows match it; load the first batch (or `at_least`)."""
        self.beginResetModel()
        self._fetch = fetch
        self._total = total
        self._rows = []
        self._ids = set()
        self._append(fetch(0, max(self.BATCH, at_least)))
        if len(self._rows) < max(self.BATCH, at_least):
            self._total = len(self._rows)  # the query returned less than counted: trust the rows
        self.endResetModel()

    def set_rows(self, rows: Iterable[DisclosureListRow]) -> None:
        """A fixed list instead of a query (keeps the loaded ids in step)."""
        fixed = list(rows)
        self.reset(lambda offset, limit: fixed[offset:offset + limit], len(fixed), at_least=len(fixed))

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._ids, self._total, self._fetch = [], set(), 0, None
        self.endResetModel()

    def _append(self, rows: Sequence[DisclosureListRow]) -> int:
        added = 0
        for r in rows:
            if r.id in self._ids:  # a record added between two batches shifts the offsets
                continue
            self._rows.append(r)
            self._ids.add(r.id)
            added += 1
        return added

    @property
    def total(self) -> int:
        """How many records match the query (loaded or not)."""
        return max(self._total, len(self._rows))

    def loaded(self) -> int:
        return len(self._rows)

    def key_of(self, r: DisclosureListRow) -> int:
        return r.id

    def row_of(self, disclosure_id: int) -> int | None:
        return super().row_of(disclosure_id) if disclosure_id in self._ids else None

    def fetch_until(self, disclosure_id: int, limit: int = 5000) -> int | None:
        """Load batches until the record is loaded (or `limit` rows are); its row or None."""
        row = self.row_of(disclosure_id)
        while row is None and self.canFetchMore() and len(self._rows) < limit:
            self.fetchMore()
            row = self.row_of(disclosure_id)
        return row

    # --- Qt model interface -----------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._fetch is not None and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        batch = [r for r in self._fetch(len(self._rows), self.BATCH) if r.id not in self._ids]
        if not batch:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self._append(batch)
        self.endInsertRows()

    # --- cells ------------------------------------------------------------------------------
    def foreground(self, r: DisclosureListRow, col: int) -> QColor | None:
        if r.superseded_by is not None or (col == COL_TITLE and not r.title):
            return QColor(SUPERSEDED_COLOR)
        if col == COL_STATUS:
            return status_color(r.status)
        return None

    def font(self, r: DisclosureListRow, col: int) -> QFont | None:
        if col == COL_TITLE and r.superseded_by is not None:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if col == COL_STATUS and r.status in W.WAITING_STATUSES:
            return bold_font()  # someone has to act on these
        return None

    def display(self, r: DisclosureListRow, col: int) -> str:
        if col == COL_ID:
            return str(r.id)
        if col == COL_ITEM:
            return r.item_name
        if col == COL_PERIOD:
            return period_label(r.period)
        if col == COL_KIND:
            kind = record_kind_label(r.kind)
            return QCoreApplication.translate("DisclosureListModel", "%1·更正").replace("%1", kind) if r.is_correction else kind
        if col == COL_TITLE:
            return r.title or QCoreApplication.translate("DisclosureListModel", "（无标题）")
        if col == COL_STATUS:
            text = status_text(r.status)
            if r.superseded_by is not None:
                return QCoreApplication.translate("DisclosureListModel", "%1（已更正）").replace("%1", text)
            return text
        if col == COL_DRAFTER:
            return r.drafter
        if col == COL_REVIEWER:
            return r.reviewer or ""
        if col == COL_POSTING:
            return posting_text(r.posting_start, r.posting_end)
        if col == COL_AMOUNT:
            return format_money_cn(r.amount) if r.amount is not None else ""
        return ""

    def tooltip(self, r: DisclosureListRow, col: int) -> str | None:
        if col == COL_ITEM:
            return f"{r.item_code} {r.item_name}"
        if col == COL_TITLE:
            return r.title
        if col in (COL_STATUS, COL_KIND, COL_ID):
            lines = [self.display(r, COL_KIND)] if col == COL_KIND else []
            if r.is_correction and r.supersedes is not None:
                lines.append(QCoreApplication.translate("DisclosureListModel", "更正记录：更正 #%1").replace("%1", str(r.supersedes)))
            if r.superseded_by is not None:
                lines.append(QCoreApplication.translate("DisclosureListModel", "已被更正记录 #%1 取代").replace("%1", str(r.superseded_by)))
            return "\n".join(lines) or None
        if col == COL_PERIOD:
            return r.period
        return None
