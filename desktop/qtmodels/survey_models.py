"""Item models of the 问卷 page and its windows, over `SurveyService` results (plain objects):
the survey list, the double-entry discrepancies and one question's tally."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from .base import ListTableModel, bold_font

CONTEXT = "SurveyModels"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class SurveyRow:
    """One survey as the list shows it: the service's summary and the questionnaire's period."""

    summary: object  # models.services.surveys.SurveySummary
    period: str

    @property
    def id(self) -> int:
        return self.summary.id


COL_ID, COL_TITLE, COL_PERIOD, COL_TARGET, COL_FIRST, COL_SECOND, COL_COUNTED = range(7)


class SurveyListModel(ListTableModel[SurveyRow]):
    TR_CONTEXT = CONTEXT
    HEADERS = (QT_TRANSLATE_NOOP("SurveyModels", "编号"), QT_TRANSLATE_NOOP("SurveyModels", "问卷标题"),
               QT_TRANSLATE_NOOP("SurveyModels", "调查时间"), QT_TRANSLATE_NOOP("SurveyModels", "调查对象"),
               QT_TRANSLATE_NOOP("SurveyModels", "已录入"), QT_TRANSLATE_NOOP("SurveyModels", "第二遍录入"),
               QT_TRANSLATE_NOOP("SurveyModels", "计入结果"))
    RIGHT_ALIGNED = (COL_ID, COL_FIRST, COL_COUNTED)

    def key_of(self, row: SurveyRow) -> int:
        return row.id

    def display(self, row: SurveyRow, col: int) -> str:
        s = row.summary
        if col == COL_ID:
            return str(s.id)
        if col == COL_TITLE:
            return s.title
        if col == COL_PERIOD:
            return row.period or "—"
        if col == COL_TARGET:
            return s.target
        if col == COL_FIRST:
            return _tr("%1 份").replace("%1", str(s.first_entries))
        if col == COL_SECOND:
            return second_entry_text(s)
        if col == COL_COUNTED:
            return _tr("%1 份").replace("%1", str(s.counted))
        return ""

    def foreground(self, row: SurveyRow, col: int) -> QColor | None:
        if col == COL_SECOND and row.summary.second_entries and row.summary.counted < row.summary.first_entries:
            return QColor("#8a4b00")  # forms waiting for the second pass or a decision
        return None


def second_entry_text(summary) -> str:
    """未做 / 已录 40 份（待核对）/ 已核对."""
    if not summary.second_entries:
        return _tr("未做")
    text = _tr("已录 %1 份").replace("%1", str(summary.second_entries))
    if summary.counted < max(summary.first_entries, summary.second_entries):
        text += _tr("（待核对）")
    else:
        text += _tr("（已核对）")
    return text


D_RESPONDENT, D_QUESTION, D_FIRST, D_SECOND, D_DECIDED = range(5)


class DiscrepancyModel(ListTableModel):
    """Every field where the two entries differ: respondent, question, first, second, decided."""

    TR_CONTEXT = CONTEXT
    HEADERS = (QT_TRANSLATE_NOOP("SurveyModels", "问卷编号"), QT_TRANSLATE_NOOP("SurveyModels", "题目"),
               QT_TRANSLATE_NOOP("SurveyModels", "第一遍"), QT_TRANSLATE_NOOP("SurveyModels", "第二遍"),
               QT_TRANSLATE_NOOP("SurveyModels", "裁定为"))
    RIGHT_ALIGNED = (D_RESPONDENT,)

    def key_of(self, row) -> tuple[int, str]:
        return row.respondent, row.field

    def display(self, row, col: int) -> str:
        if col == D_RESPONDENT:
            return str(row.respondent)
        if col == D_QUESTION:
            return field_label(row.field)
        if col == D_FIRST:
            return row.first or _tr("（空）")
        if col == D_SECOND:
            return row.second or _tr("（空）")
        if col == D_DECIDED:
            if row.decided is None:
                return _tr("待裁定")
            return row.decided or _tr("（空）")
        return ""

    def foreground(self, row, col: int) -> QColor | None:
        if col == D_DECIDED:
            return QColor("#c62828") if row.decided is None else QColor("#2e7d32")
        return None


def field_label(field: str) -> str:
    """group → 村民小组, Q3 → 第3题, Q3_other → 第3题“其他”说明."""
    if field == "group":
        return _tr("村民小组")
    base, _, other = field.partition("_")
    text = _tr("第%1题").replace("%1", base[1:])
    return text + _tr("“其他”说明") if other else text


T_OPTION, T_COUNT, T_PERCENT = range(3)


class TallyModel(ListTableModel):
    """One question's options: 选项, 票数, 百分比 (of respondents, or of selections when asked)."""

    TR_CONTEXT = CONTEXT
    HEADERS = (QT_TRANSLATE_NOOP("SurveyModels", "选项"), QT_TRANSLATE_NOOP("SurveyModels", "票数"),
               QT_TRANSLATE_NOOP("SurveyModels", "百分比"))
    RIGHT_ALIGNED = (T_COUNT, T_PERCENT)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.of_selections = False

    def set_base(self, of_selections: bool) -> None:
        self.beginResetModel()
        self.of_selections = of_selections
        self.endResetModel()

    def key_of(self, row) -> str:
        return row.letter

    def percent(self, row) -> str:
        if self.of_selections and row.percent_of_selections is not None:
            return row.percent_of_selections
        return row.percent

    def display(self, row, col: int) -> str:
        if col == T_OPTION:
            return f"{row.letter}　{row.label}"
        if col == T_COUNT:
            return str(row.count)
        if col == T_PERCENT:
            return f"{self.percent(row)}%"
        return ""

    def font(self, row, col: int):
        top = max((r.count for r in self.rows()), default=0)
        return bold_font() if top and row.count == top else None
