"""Item models of the start page (待办): what is due, what is overdue, posting windows about to end,
villagers' questions awaiting an answer. Each is a table over the schedule / feedback services'
plain results, with `EntryRole` returning the entry itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QFont

from models.rules.schedule import STATUS_LABELS as DUE_STATUS_LABELS
from models.services.feedback import FeedbackData
from models.services.schedule import DueEntry, PostingEnding

from ..formats import period_label, short_date
from .base import ListTableModel, ObjectRole, bold_font

EntryRole = ObjectRole  # the DueEntry / PostingEnding / FeedbackData of a row

# schedule.STATUS_LABELS, listed so lupdate collects them.
_DUE_STATUS_TEXTS = (
    QT_TRANSLATE_NOOP("DueStatus", "未到期"),
    QT_TRANSLATE_NOOP("DueStatus", "即将到期"),
    QT_TRANSLATE_NOOP("DueStatus", "按时公开"),
    QT_TRANSLATE_NOOP("DueStatus", "逾期公开"),
    QT_TRANSLATE_NOOP("DueStatus", "逾期未公开"),
)
DUE_COLORS = {
    "upcoming": "#616161",
    "due": "#b26a00",
    "posted_on_time": "#2e7d32",
    "posted_late": "#e65100",
    "overdue": "#c62828",
}
# feedback.FeedbackData.state_label, listed so lupdate collects them.
_FEEDBACK_STATE_TEXTS = {
    "open": QT_TRANSLATE_NOOP("FeedbackState", "待答复"),
    "overdue": QT_TRANSLATE_NOOP("FeedbackState", "逾期未答复"),
    "answered": QT_TRANSLATE_NOOP("FeedbackState", "已答复"),
    "answered_late": QT_TRANSLATE_NOOP("FeedbackState", "逾期答复"),
}
FEEDBACK_COLORS = {"open": "#b26a00", "overdue": "#c62828", "answered": "#2e7d32", "answered_late": "#e65100"}


def due_status_text(status: str) -> str:
    return QCoreApplication.translate("DueStatus", DUE_STATUS_LABELS.get(status, status))


def feedback_state_text(state: str) -> str:
    return QCoreApplication.translate("FeedbackState", _FEEDBACK_STATE_TEXTS.get(state, state))


def _days(n: int) -> str:
    return QCoreApplication.translate("TodoModels", "%n 天", None, n)


class _EntryTable(ListTableModel[Any]):
    """Rows are plain entries; subclasses say the headers and the cell texts."""

    TR_CONTEXT = "TodoModels"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.today: date | None = None

    def set_entries(self, entries: Iterable[Any], today: date | None = None) -> None:
        self.today = today  # read by data() once set_rows resets the view
        self.set_rows(entries)

    def entries(self) -> list[Any]:
        return self.rows()

    def entry_at(self, row: int) -> Any:
        return self.row_at(row)

    def foreground(self, entry: Any, col: int) -> QColor | None:
        color = self.color(entry, col)
        return QColor(color) if color else None

    def font(self, entry: Any, col: int) -> QFont | None:
        return bold_font() if self.bold(entry, col) else None

    # --- for subclasses ---------------------------------------------------------------------
    def color(self, entry: Any, col: int) -> str | None:
        return None

    def bold(self, entry: Any, col: int) -> bool:
        return False


class _DueEntryTable(_EntryTable):
    """What DueModel and OverdueModel share: item, period, due date, …, the record (an entry's
    fourth column is what differs)."""

    COL_ITEM, COL_PERIOD, COL_DUE, COL_RECORD = 0, 1, 2, 4

    def display(self, e: DueEntry, col: int) -> str:
        if col == self.COL_ITEM:
            return e.item_name
        if col == self.COL_PERIOD:
            return period_label(e.period)
        if col == self.COL_DUE:
            return short_date(e.due_date, self.today)
        if col == self.COL_RECORD:
            return record_text(e, self.today)
        return ""

    def tooltip(self, e: DueEntry, col: int) -> str | None:
        if col == self.COL_ITEM:
            return f"{e.item_code} {e.item_name}"
        if col == self.COL_RECORD:
            return QCoreApplication.translate("TodoModels", "回车或双击打开记录") if e.disclosure_id else QCoreApplication.translate("TodoModels", "回车或双击新建公开记录")
        return None


class DueModel(_DueEntryTable):
    """本月应公开: every entry due this month with its status (coloured)."""

    COL_STATUS = 3
    HEADERS = (
        QT_TRANSLATE_NOOP("TodoModels", "事项"),
        QT_TRANSLATE_NOOP("TodoModels", "期间"),
        QT_TRANSLATE_NOOP("TodoModels", "应公开日期"),
        QT_TRANSLATE_NOOP("TodoModels", "状态"),
        QT_TRANSLATE_NOOP("TodoModels", "公开记录"),
    )

    def display(self, e: DueEntry, col: int) -> str:
        if col == self.COL_STATUS:
            if e.status == "posted_late":
                return QCoreApplication.translate("TodoModels", "%1（晚 %2）").replace("%1", due_status_text(e.status)).replace("%2", _days(e.days_late))
            if e.status == "overdue":
                return QCoreApplication.translate("TodoModels", "%1（%2）").replace("%1", due_status_text(e.status)).replace("%2", _days(e.days_late))
            return due_status_text(e.status)
        return super().display(e, col)

    def color(self, e: DueEntry, col: int) -> str | None:
        return DUE_COLORS.get(e.status) if col == self.COL_STATUS else None

    def bold(self, e: DueEntry, col: int) -> bool:
        return col == self.COL_STATUS and e.status in ("overdue", "due")


class OverdueModel(_DueEntryTable):
    """逾期未公开: entries past their due date without a posted record, with days late."""

    COL_LATE = 3
    HEADERS = (
        QT_TRANSLATE_NOOP("TodoModels", "事项"),
        QT_TRANSLATE_NOOP("TodoModels", "期间"),
        QT_TRANSLATE_NOOP("TodoModels", "应公开日期"),
        QT_TRANSLATE_NOOP("TodoModels", "逾期天数"),
        QT_TRANSLATE_NOOP("TodoModels", "公开记录"),
    )
    RIGHT_ALIGNED = (COL_LATE,)

    def display(self, e: DueEntry, col: int) -> str:
        return _days(e.days_late) if col == self.COL_LATE else super().display(e, col)

    def color(self, e: DueEntry, col: int) -> str | None:
        return DUE_COLORS["overdue"] if col == self.COL_LATE else None


def record_text(e: DueEntry, today: date | None) -> str:
    if e.disclosure_id is None:
        return QCoreApplication.translate("TodoModels", "未起草")
    if e.posted_on is not None:
        return QCoreApplication.translate("TodoModels", "#%1，%2公示").replace("%1", str(e.disclosure_id)).replace("%2", short_date(e.posted_on, today))
    return QCoreApplication.translate("TodoModels", "#%1，未公示").replace("%1", str(e.disclosure_id))


class PostingEndingModel(_EntryTable):
    """公示即将结束: posted notices whose window ends within a few days."""

    COL_ID, COL_TITLE, COL_ITEM, COL_WINDOW, COL_LEFT = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("TodoModels", "编号"),
        QT_TRANSLATE_NOOP("TodoModels", "标题"),
        QT_TRANSLATE_NOOP("TodoModels", "事项"),
        QT_TRANSLATE_NOOP("TodoModels", "公示期"),
        QT_TRANSLATE_NOOP("TodoModels", "剩余"),
    )
    RIGHT_ALIGNED = (COL_ID,)

    def display(self, e: PostingEnding, col: int) -> str:
        if col == self.COL_ID:
            return str(e.disclosure_id)
        if col == self.COL_TITLE:
            return e.title
        if col == self.COL_ITEM:
            return e.item_name
        if col == self.COL_WINDOW:
            return QCoreApplication.translate("TodoModels", "%1至%2").replace("%1", short_date(e.posting_start, self.today)) \
                .replace("%2", short_date(e.posting_end, self.today))
        if col == self.COL_LEFT:
            if e.days_left == 0:
                return QCoreApplication.translate("TodoModels", "今天结束")
            return QCoreApplication.translate("TodoModels", "还剩 %1").replace("%1", _days(e.days_left))
        return ""

    def tooltip(self, e: PostingEnding, col: int) -> str | None:
        if col == self.COL_TITLE:
            return e.title
        if col == self.COL_ITEM:
            return f"{e.item_code} {e.item_name}"
        return None

    def color(self, e: PostingEnding, col: int) -> str | None:
        return "#b26a00" if col == self.COL_LEFT and e.days_left == 0 else None


class FeedbackModel(_EntryTable):
    """Villagers' questions: on the start page those awaiting an answer, on a record all of them."""

    COL_RECEIVED, COL_RECORD, COL_FROM, COL_TEXT, COL_DUE, COL_STATE, COL_ANSWER = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("TodoModels", "收到日期"),
        QT_TRANSLATE_NOOP("TodoModels", "公开记录"),
        QT_TRANSLATE_NOOP("TodoModels", "反映人"),
        QT_TRANSLATE_NOOP("TodoModels", "意见内容"),
        QT_TRANSLATE_NOOP("TodoModels", "答复期限"),
        QT_TRANSLATE_NOOP("TodoModels", "状态"),
        QT_TRANSLATE_NOOP("TodoModels", "答复"),
    )

    def display(self, f: FeedbackData, col: int) -> str:
        if col == self.COL_RECEIVED:
            return short_date(f.received_on, self.today)
        if col == self.COL_RECORD:
            return f"#{f.disclosure_id} {f.disclosure_title}"
        if col == self.COL_FROM:
            return f.from_name or QCoreApplication.translate("TodoModels", "（未留名）")
        if col == self.COL_TEXT:
            return " ".join(f.text.split())
        if col == self.COL_DUE:
            return short_date(f.answer_due, self.today)
        if col == self.COL_STATE:
            text = feedback_state_text(f.state)
            if f.answered_on is not None:
                return QCoreApplication.translate("TodoModels", "%1（%2）").replace("%1", text) \
                    .replace("%2", short_date(f.answered_on, self.today))
            return text
        if col == self.COL_ANSWER:
            return " ".join((f.answer_text or "").split())
        return ""

    def tooltip(self, f: FeedbackData, col: int) -> str | None:
        if col == self.COL_TEXT:
            lines = [f.text]
            if f.answer_text:
                lines += ["", QCoreApplication.translate("TodoModels", "答复：%1").replace("%1", f.answer_text)]
            return "\n".join(lines)
        if col == self.COL_RECORD:
            return f.disclosure_title
        if col == self.COL_ANSWER and f.answer_text:
            return f.answer_text + (f"\n— {f.answered_by}" if f.answered_by else "")
        return None

    def color(self, f: FeedbackData, col: int) -> str | None:
        if f.overdue and col in (self.COL_DUE, self.COL_STATE):
            return FEEDBACK_COLORS["overdue"]
        return FEEDBACK_COLORS.get(f.state) if col == self.COL_STATE else None

    def bold(self, f: FeedbackData, col: int) -> bool:
        return f.overdue and col == self.COL_STATE
