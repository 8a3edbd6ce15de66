"""The 一事一议 筹资筹劳 editor: the project (建设性质, 建设规模), its total and 筹资筹劳时间, the
funding sources, the optional per-person standard, the labour (筹劳人数 × 每人天数 × 元/人·天), the
理财小组 and who is exempted.

The sources table lists the usual sources (村民筹资, 投劳折资, 财政奖补, 社会捐赠, 村集体投入,
整合资金, 其他); a source without an amount is not part of the plan. The line under the table says
whether the sources add up to the total as the clerk types, and the line under the labour fields
whether 人数 × 天数 × 元/人·天 is the 投劳折资 source (`check_yishi` decides both).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from models.rules.kinds import (
    LABOUR_SOURCE,
    YISHI_NATURES,
    YISHI_SOURCES,
    Finding,
    check_yishi,
    content_items,
    finance_group_members,
    labour_money,
    labour_terms,
    money_text,
)
from models.services.disclosures import DisclosureData

from ...qtmodels.grid_model import GridColumn, GridModel
from ..grid_view import GridView
from .base import ContentEditor, EditorContext, blank_to_none, row_buttons
from .fields import DateEdit, NumberEdit
from .project_editor import source_columns, sources_line, sum_sources, unit_combo

# kinds.YISHI_SOURCES, listed for lupdate.
_SOURCE_LABELS = (
    QT_TRANSLATE_NOOP("YishiEditor", "村民筹资"), QT_TRANSLATE_NOOP("YishiEditor", "投劳折资"),
    QT_TRANSLATE_NOOP("YishiEditor", "财政奖补"), QT_TRANSLATE_NOOP("YishiEditor", "社会捐赠"),
    QT_TRANSLATE_NOOP("YishiEditor", "村集体投入"), QT_TRANSLATE_NOOP("YishiEditor", "整合资金"),
    QT_TRANSLATE_NOOP("YishiEditor", "其他"),
)
# kinds.YISHI_NATURES, listed for lupdate.
_NATURE_LABELS = (
    QT_TRANSLATE_NOOP("YishiEditor", "新建"), QT_TRANSLATE_NOOP("YishiEditor", "改建"),
    QT_TRANSLATE_NOOP("YishiEditor", "扩建"), QT_TRANSLATE_NOOP("YishiEditor", "维修"),
)
TOP_KEYS = ("project", "nature", "scale", "unit", "total", "sources", "per_person", "labour_persons", "labour_days",
            "labour_rate", "raise_start", "raise_end", "finance_group", "exemptions")


def _source_names() -> tuple[tuple[str, str], ...]:
    return tuple((s, QCoreApplication.translate("YishiEditor", s)) for s in YISHI_SOURCES)


class SourcesModel(GridModel):
    """Sources: a row without an amount is a source the plan does not use."""

    def is_used(self, row: int) -> bool:
        return bool(self.text(row, "amount"))


class YishiEditor(ContentEditor):
    def __init__(self, undo_stack: QUndoStack, context: EditorContext, parent: QWidget | None = None):
        super().__init__(undo_stack, context, parent)
        self._extra: dict[str, Any] = {}
        self.project_edit = QLineEdit()
        self.project_edit.setPlaceholderText(self.tr("如：三组生产路硬化"))
        self.nature_combo = QComboBox()
        self.nature_combo.setEditable(True)  # the usual natures offered; any other may be typed
        for nature in YISHI_NATURES:
            self.nature_combo.addItem(QCoreApplication.translate("YishiEditor", nature), nature)
        self.nature_combo.setCurrentIndex(-1)
        self.nature_combo.lineEdit().setPlaceholderText(self.tr("新建、改建、扩建或维修"))
        self.scale_edit = QLineEdit()
        self.scale_edit.setPlaceholderText(self.tr("如：长 1.2 公里、宽 3.5 米、厚 0.18 米"))
        self.group_edit = QLineEdit()
        self.group_edit.setPlaceholderText(self.tr("成员姓名，以顿号分隔：张三、李四、王五"))
        self.unit_combo = unit_combo()
        self.total_edit = NumberEdit()
        self.start_edit = DateEdit()
        self.end_edit = DateEdit()
        self.per_person_edit = NumberEdit(placeholder=self.tr("可不填"))
        self.persons_edit = NumberEdit(placeholder="0")
        self.labour_edit = NumberEdit(placeholder="0")
        self.rate_edit = NumberEdit()
        self.labour_line = QLabel()
        self.labour_line.setObjectName("labourLine")
        self.labour_line.setWordWrap(True)
        self.total_label = QLabel(self.tr("筹资筹劳合计(&M)"))
        self.total_label.setBuddy(self.total_edit)

        left = QFormLayout()
        left.addRow(self._label(self.tr("议事项目(&N)"), self.project_edit), self.project_edit)
        left.addRow(self._label(self.tr("建设性质(&X)"), self.nature_combo), self.nature_combo)
        left.addRow(self._label(self.tr("建设规模(&G)"), self.scale_edit), self.scale_edit)
        left.addRow(self._label(self.tr("理财小组(&F)"), self.group_edit), self.group_edit)

        right = QFormLayout()
        money_row = QHBoxLayout()
        money_row.addWidget(self.total_edit, 1)
        money_row.addWidget(self.unit_combo)
        right.addRow(self.total_label, money_row)
        dates = QHBoxLayout()
        dates.addWidget(self.start_edit, 1)
        dates.addWidget(QLabel(self.tr("至")))
        dates.addWidget(self.end_edit, 1)
        right.addRow(self._label(self.tr("筹资筹劳时间(&T)"), self.start_edit), dates)
        per_row = QHBoxLayout()
        per_row.addWidget(self.per_person_edit, 1)
        per_row.addWidget(QLabel(self.tr("元/人")))
        right.addRow(self._label(self.tr("每人筹资标准(&P)"), self.per_person_edit), per_row)
        labour_row = QHBoxLayout()
        labour_row.addWidget(self.persons_edit, 2)
        labour_row.addWidget(QLabel(self.tr("人 ×")))
        labour_row.addWidget(self.labour_edit, 2)
        labour_row.addWidget(QLabel(self.tr("天/人 ×")))
        labour_row.addWidget(self.rate_edit, 3)
        labour_row.addWidget(QLabel(self.tr("元/人·天")))
        right.addRow(self._label(self.tr("筹劳(&L)"), self.persons_edit), labour_row)
        right.addRow("", self.labour_line)
        form = QHBoxLayout()
        form.addLayout(left, 1)
        form.addSpacing(16)
        form.addLayout(right, 1)

        self.sources_model = SourcesModel(source_columns("元", names=_source_names()), undo_stack, self)
        self.sources_view = GridView()
        self._grid("sources", self.sources_model, self.sources_view, self.tr("资金来源"))
        self.sources_sum = QLabel()
        self.sources_sum.setObjectName("sourcesSum")
        self.sources_sum.setWordWrap(True)
        src_buttons, self.src_add, self.src_remove = row_buttons(self.sources_view, add_text=self.tr("添加来源"))
        sources_box = QGroupBox(self.tr("资金来源（未填金额的来源不计入）"))
        sl = QVBoxLayout(sources_box)
        sl.addWidget(self.sources_view, 1)
        sl.addWidget(self.sources_sum)
        sl.addWidget(src_buttons)

        self.exemptions_model = GridModel([
            GridColumn("name", self.tr("减免对象（姓名或类别）"), width=18),
            GridColumn("reason", self.tr("减免理由"), width=22),
        ], undo_stack, self)
        self.exemptions_view = GridView()
        self._grid("exemptions", self.exemptions_model, self.exemptions_view, self.tr("减免对象"))
        ex_buttons, self.ex_add, self.ex_remove = row_buttons(self.exemptions_view, add_text=self.tr("添加减免对象"))
        ex_box = QGroupBox(self.tr("减免对象（五保户、现役军人等）"))
        el = QVBoxLayout(ex_box)
        el.addWidget(self.exemptions_view, 1)
        el.addWidget(ex_buttons)

        tables = QGridLayout()
        tables.addWidget(sources_box, 0, 0)
        tables.addWidget(ex_box, 0, 1)
        tables.setColumnStretch(0, 1)
        tables.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(tables, 1)

        for name, widget in (("project", self.project_edit), ("nature", self.nature_combo), ("scale", self.scale_edit),
                             ("finance_group", self.group_edit), ("unit", self.unit_combo), ("total", self.total_edit),
                             ("raise_start", self.start_edit), ("raise_end", self.end_edit),
                             ("per_person", self.per_person_edit), ("labour_persons", self.persons_edit),
                             ("labour_days", self.labour_edit), ("labour_rate", self.rate_edit)):
            self._field(name, widget)
        self.unit_combo.currentIndexChanged.connect(self._unit_changed)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def nature(self) -> str:
        """The 建设性质 as stored: the key of an offered nature, or what the clerk typed."""
        text = self.nature_combo.currentText().strip()
        i = self.nature_combo.findText(text)
        return (self.nature_combo.itemData(i) or text) if i >= 0 else text

    def unit(self) -> str:
        return self.unit_combo.currentData() or "元"

    def _unit_changed(self) -> None:
        self.sources_model.set_columns(source_columns(self.unit(), names=_source_names()))
        self.sources_view.fit_columns()

    # --- content --------------------------------------------------------------------------------
    def load(self, data: DisclosureData) -> None:
        self._loading = True
        c = dict(data.content or {})
        self._extra = {k: v for k, v in c.items() if k not in TOP_KEYS}
        self.project_edit.setText(c.get("project") or "")
        nature = str(c.get("nature") or "")
        i = self.nature_combo.findData(nature)
        self.nature_combo.setCurrentIndex(i)
        if i < 0:
            self.nature_combo.setEditText(nature)
        self.scale_edit.setText(c.get("scale") or "")
        self.group_edit.setText("、".join(finance_group_members(c.get("finance_group"))))
        self.start_edit.set_value(c.get("raise_start"))
        self.end_edit.set_value(c.get("raise_end"))
        self.persons_edit.set_value(c.get("labour_persons"))
        self.rate_edit.set_value(c.get("labour_rate"))
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(c.get("unit") or "元")))
        self._unit_changed()
        self.total_edit.set_value(c.get("total"))
        self.per_person_edit.set_value(c.get("per_person"))
        self.labour_edit.set_value(c.get("labour_days"))
        sources = [dict(s) for s in content_items(c.get("sources"))]
        named = {s.get("name") for s in sources}
        # The usual sources as a list to fill in; those already in the plan keep their place.
        sources += [{"name": n} for n in YISHI_SOURCES if n not in named]
        self.sources_model.set_rows(sources)
        self.exemptions_model.set_rows([dict(e) for e in content_items(c.get("exemptions"))] or [{}])
        self._after_load()

    def content(self) -> dict[str, Any]:
        used = [i for i in range(self.sources_model.rowCount()) if self.sources_model.is_used(i)]
        exemptions = self._grid_rows(self.exemptions_model)
        self._row_maps["sources"] = used
        self._row_maps["exemptions"] = [i for i, _ in exemptions]
        rows = self.sources_model.rows()
        return {
            **self._extra,
            "project": self.project_edit.text().strip(), "nature": self.nature() or None,
            "scale": self.scale_edit.text().strip() or None, "unit": self.unit(), "total": self.total_edit.value(),
            "raise_start": self.start_edit.value(), "raise_end": self.end_edit.value(),
            "sources": [blank_to_none(rows[i], ("name", "amount")) for i in used],
            "per_person": self.per_person_edit.value(), "labour_persons": self.persons_edit.value(),
            "labour_days": self.labour_edit.value(), "labour_rate": self.rate_edit.value(),
            "finance_group": finance_group_members(self.group_edit.text()),
            "exemptions": [blank_to_none(r, ("name", "reason")) for _i, r in exemptions],
        }

    def _check(self, content: dict[str, Any]) -> list[Finding]:
        return check_yishi(content)

    def _refresh_summaries(self) -> None:
        total, ok = sum_sources(self.sources_model)
        text, style = sources_line(self.tr("合计"), self.total_edit.value(), total, ok, self.unit())
        self.sources_sum.setText(text)
        self.sources_sum.setStyleSheet(style)
        self._refresh_labour()

    def _refresh_labour(self) -> None:
        """人数 × 天数 × 元/人·天 = 投劳折资, and whether the 投劳折资 source says so (the check's
        verdict: the labour findings)."""
        content = self.content()
        terms = labour_terms(content)
        if terms is None:
            self.labour_line.setText(self.tr("填写人数、天数和折资标准后自动计算投劳折资"))
            self.labour_line.setStyleSheet("color: #6b6b6b;")
            return
        computed = money_text(labour_money(*terms))
        text = self.tr("投劳折资 %1 元").replace("%1", computed)
        wrong = [f for f in self._findings if f.rule in ("labour_money", "labour_source")]
        if wrong:
            self.labour_line.setText(text + "  " + self.tr("✗ 与资金来源“%1”不符").replace(
                "%1", QCoreApplication.translate("YishiEditor", LABOUR_SOURCE)))
            self.labour_line.setStyleSheet("color: #c62828; font-weight: bold;")
        else:
            self.labour_line.setText(text + "  " + self.tr("＝ 资金来源“%1” ✓").replace(
                "%1", QCoreApplication.translate("YishiEditor", LABOUR_SOURCE)))
            self.labour_line.setStyleSheet("color: #2e7d32; font-weight: bold;")

    def tab_chain(self) -> list[QWidget]:
        return [self.project_edit, self.nature_combo, self.scale_edit, self.group_edit, self.total_edit,
                self.unit_combo, self.start_edit, self.end_edit, self.per_person_edit, self.persons_edit,
                self.labour_edit, self.rate_edit, self.sources_view, self.src_add, self.src_remove, self.exemptions_view, self.ex_add, self.ex_remove]
