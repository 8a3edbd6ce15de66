"""The 四议两公开 editor: the matter, 一肩挑, and the six steps as a table of meetings.

The table starts with one row per step (村党组织提议 … 实施结果公开); a step counts as held once
its row has a date, attendance, votes or content, so the clerk fills the steps in as they happen.
Each voting meeting shows its quorum and majority as the numbers are typed — "实到 20/30 ≥ 2/3 ✓；
同意 15/20 > 1/2 ✓" — by the thresholds `check_decision` applies (党员大会: two thirds present and
more than half of all members in favour; 村民代表会议: two thirds present, more than half of those
present in favour; 村民会议: more than half of the adult villagers, or two thirds of the households,
present; more than half of those present in favour).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from models.rules.kinds import (
    COUNTED,
    DECISION_STAGES,
    MEETING_KINDS,
    VOTING_MEETINGS,
    Finding,
    check_decision,
    content_items,
    meeting_counted,
)
from models.services.disclosures import DisclosureData

from ...qtmodels.grid_model import GridColumn, GridModel
from ..grid_view import GridView
from .base import ContentEditor, EditorContext, row_buttons
from .fields import decimal_or_text

# kinds.DECISION_STAGES names and MEETING_KINDS labels, listed for lupdate.
_LABELS_FOR_TRANSLATION = (
    QT_TRANSLATE_NOOP("DecisionEditor", "村党组织提议"), QT_TRANSLATE_NOOP("DecisionEditor", "村两委会议商议"),
    QT_TRANSLATE_NOOP("DecisionEditor", "党员大会审议"), QT_TRANSLATE_NOOP("DecisionEditor", "村民会议或村民代表会议决议"),
    QT_TRANSLATE_NOOP("DecisionEditor", "决议公开"), QT_TRANSLATE_NOOP("DecisionEditor", "实施结果公开"),
    QT_TRANSLATE_NOOP("DecisionEditor", "村党组织会议"), QT_TRANSLATE_NOOP("DecisionEditor", "村两委联席会议"),
    QT_TRANSLATE_NOOP("DecisionEditor", "党员大会"), QT_TRANSLATE_NOOP("DecisionEditor", "村民代表会议"),
    QT_TRANSLATE_NOOP("DecisionEditor", "村民会议"), QT_TRANSLATE_NOOP("DecisionEditor", "公开"),
    # kinds.COUNTED
    QT_TRANSLATE_NOOP("DecisionEditor", "按年满十八周岁村民"), QT_TRANSLATE_NOOP("DecisionEditor", "按户"),
)
RESULT = "_result"  # computed column: never stored
MEETING_KEYS = ("stage", "kind", "date", "due", "present", "for", "against", "abstain", "content", "counted")
HELD_KEYS = ("date", "due", "present", "for", "against", "abstain", "content")
DEFAULT_KINDS = {1: "party_branch", 2: "two_committees", 3: "party_members", 4: "representatives",
                 5: "notice", 6: "notice"}


def _count(text: str) -> int | None:
    v = decimal_or_text(text)
    if isinstance(v, Decimal) and v == v.to_integral_value() and v >= 0:
        return int(v)
    return None


def vote_summary(kind: str, due: int | None, present: int | None, yes: int | None,
                 households: bool = False) -> tuple[str, bool | None]:
    """("实到 20/30 ≥ 2/3 ✓；同意 15/20 > 1/2 ✓", all met?) for a voting meeting; ("", None) when
    the meeting does not vote or the counts are not there yet."""
    if kind not in VOTING_MEETINGS or due is None or present is None:
        return "", None
    households = meeting_counted({"kind": kind, "counted": "households" if households else ""}) == "households"
    two_thirds = kind in ("party_members", "representatives") or households
    if two_thirds:
        quorum = 3 * present >= 2 * due
        text = QCoreApplication.translate("DecisionEditor", "实到 %1/%2 %3 2/3 %4").replace("%3", "≥" if quorum else "<")
    else:
        quorum = 2 * present > due
        text = QCoreApplication.translate("DecisionEditor", "实到 %1/%2 %3 1/2 %4").replace("%3", ">" if quorum else "≤")
    # a meeting counted by households says so: "实到 200/300 户 ≥ 2/3 ✓"
    due_text = str(due) + (" " + QCoreApplication.translate("DecisionEditor", "户") if households else "")
    text = text.replace("%1", str(present)).replace("%2", due_text).replace("%4", "✓" if quorum else "✗")
    if yes is None:
        return text, quorum
    base = due if kind == "party_members" else present
    majority = 2 * yes > base
    text += (QCoreApplication.translate("DecisionEditor", "；同意 %1/%2 %3 1/2 %4").replace("%1", str(yes)).replace("%2", str(base))
                   .replace("%3", ">" if majority else "≤").replace("%4", "✓" if majority else "✗"))
    return text, quorum and majority


def meeting_columns() -> list[GridColumn]:
    stages = tuple((str(n), str(n) + " " + QCoreApplication.translate("DecisionEditor", name))
                   for n, (name, _kinds) in DECISION_STAGES.items())
    kinds = tuple((k, QCoreApplication.translate("DecisionEditor", label)) for k, label in MEETING_KINDS.items())
    counted = tuple((key, QCoreApplication.translate("DecisionEditor", label)) for key, label in COUNTED.items())
    return [
        GridColumn("stage", QCoreApplication.translate("DecisionEditor", "步骤"), "choice", stages, width=27),
        GridColumn("kind", QCoreApplication.translate("DecisionEditor", "会议"), "choice", kinds, width=13),
        GridColumn("date", QCoreApplication.translate("DecisionEditor", "日期"), "date", width=11),
        GridColumn("due", QCoreApplication.translate("DecisionEditor", "应到"), "int", width=5,
                   hint=QCoreApplication.translate("DecisionEditor", "应到：党员、村民代表、年满十八周岁的村民人数；村民会议按户计数时为户数")),
        GridColumn("present", QCoreApplication.translate("DecisionEditor", "实到"), "int", width=5),
        GridColumn("for", QCoreApplication.translate("DecisionEditor", "同意"), "int", width=5),
        GridColumn("against", QCoreApplication.translate("DecisionEditor", "反对"), "int", width=5),
        GridColumn("abstain", QCoreApplication.translate("DecisionEditor", "弃权"), "int", width=5),
        GridColumn("counted", QCoreApplication.translate("DecisionEditor", "计数方式"), "choice", counted, width=10,
                   hint=QCoreApplication.translate("DecisionEditor", "村民会议按年满十八周岁村民（过半数到会）还是按户（三分之二的户代表到会）计算；应到、实到随之为人数或户数，公告印“人”或“户”")),
        GridColumn("content", QCoreApplication.translate("DecisionEditor", "会议内容"), width=20, stretch=True),
        GridColumn(RESULT, QCoreApplication.translate("DecisionEditor", "表决结果"), editable=False, width=40,
                   hint=QCoreApplication.translate("DecisionEditor", "按法定人数和表决比例自动判断")),
    ]


class MeetingsModel(GridModel):
    """The six-step table, with the live quorum and majority of each voting meeting."""

    def is_held(self, row: int) -> bool:
        r = self.rows()[row]
        return any(r.get(k) for k in HELD_KEYS)

    def _summary(self, row: int) -> tuple[str, bool | None]:
        return vote_summary(self.text(row, "kind"), _count(self.text(row, "due")),
                            _count(self.text(row, "present")), _count(self.text(row, "for")),
                            self.text(row, "counted") == "households")

    def computed(self, row: int, key: str) -> str | None:
        if key != RESULT:
            return None
        text, _ok = self._summary(row)
        return text or None

    def computed_color(self, row: int, key: str) -> QColor | None:
        _text, ok = self._summary(row)
        return QColor("#2e7d32") if ok else QColor("#c62828")


class DecisionEditor(ContentEditor):
    _main_list = "meetings"

    def __init__(self, undo_stack: QUndoStack, context: EditorContext, parent: QWidget | None = None):
        super().__init__(undo_stack, context, parent)
        self._extra: dict[str, Any] = {}
        self.matter_edit = QLineEdit()
        self.matter_edit.setPlaceholderText(self.tr("如：村内主干道硬化工程"))
        matter_label = QLabel(self.tr("决策事项(&M)"))
        matter_label.setBuddy(self.matter_edit)
        self.combined_check = QCheckBox(self.tr("书记、主任“一肩挑”（第一、二步可合并为一次会议）(&J)"))
        top = QHBoxLayout()
        top.addWidget(matter_label)
        top.addWidget(self.matter_edit, 1)
        top.addSpacing(12)
        top.addWidget(self.combined_check)

        self.model = MeetingsModel(meeting_columns(), undo_stack, self)
        self.view = GridView()
        self.view.setAccessibleName(self.tr("会议记录"))
        self._grid("meetings", self.model, self.view, self.tr("会议记录"))
        buttons, self.add_button, self.remove_button = row_buttons(self.view, add_text=self.tr("添加会议"))
        note = QLabel(self.tr("已召开的步骤填写日期、人数和表决情况；未填写的步骤视为尚未进行，不计入记录"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #6b6b6b;")
        box = QGroupBox(self.tr("四议两公开（六个步骤）"))
        bl = QVBoxLayout(box)
        bl.addWidget(self.view, 1)
        bl.addWidget(note)
        bl.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(box, 1)
        self._field("matter", self.matter_edit)
        self._field("combined_first_two", self.combined_check)

    # --- content --------------------------------------------------------------------------------
    def load(self, data: DisclosureData) -> None:
        self._loading = True
        c = dict(data.content or {})
        self._extra = {k: v for k, v in c.items() if k not in ("matter", "combined_first_two", "meetings")}
        self.matter_edit.setText(c.get("matter") or "")
        combined = c.get("combined_first_two")
        self.combined_check.setChecked(combined is True or str(combined).lower() in ("true", "1"))
        meetings = [dict(m) for m in content_items(c.get("meetings"))]
        for m in meetings:  # what earlier versions stored for adults
            if m.get("counted") == "persons":
                m["counted"] = "adults"
        present = {str(m.get("stage")) for m in meetings}
        rows = meetings + [{"stage": str(n), "kind": DEFAULT_KINDS[n]} for n in DECISION_STAGES
                           if str(n) not in present]
        rows.sort(key=lambda r: _count(str(r.get("stage") or "")) or 99)
        self.model.set_rows(rows)
        self._after_load()

    def content(self) -> dict[str, Any]:
        held = [i for i in range(self.model.rowCount()) if self.model.is_held(i)]
        self._row_maps["meetings"] = held
        meetings = []
        for i in held:
            r = self.model.rows()[i]
            m: dict[str, Any] = {k: v for k, v in r.items() if k not in MEETING_KEYS}
            for k in MEETING_KEYS:
                v = r.get(k)
                if k == "counted" and not v:
                    continue
                m[k] = (int(v) if k == "stage" and str(v).isdigit() else v) if v else None
            meetings.append(m)
        return {**self._extra, "matter": self.matter_edit.text().strip(),
                "combined_first_two": self.combined_check.isChecked(), "meetings": meetings}

    def _check(self, content: dict[str, Any]) -> list[Finding]:
        return check_decision(content)

    def results(self) -> list[str]:
        """The 表决结果 column as shown (for tests and the screen reader)."""
        col = self.model.column_of(RESULT)
        return [self.model.index(r, col).data() or "" for r in range(self.model.rowCount())]

    def tab_chain(self) -> list[QWidget]:
        return [self.matter_edit, self.combined_check, self.view, self.add_button, self.remove_button]
