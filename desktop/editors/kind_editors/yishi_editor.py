"""The 一事一议 筹资筹劳 editor: the project, its total, the funding sources, the per-person
standard and labour, and who is exempted.

The sources table lists the usual sources (村民筹资, 投劳折资, 财政奖补, 社会捐赠, 村集体投入,
整合资金, 其他); a source without an amount is not part of the plan. The line under the table says
whether the sources add up to the total as the clerk types.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from models.rules.kinds import YISHI_SOURCES, Finding, check_yishi
from models.services.disclosures import DisclosureData

from ...qtmodels.grid_model import GridColumn, GridModel
from ..grid_view import GridView
from .base import ContentEditor, EditorContext, blank_to_none, row_buttons
from .fields import NumberEdit
from .project_editor import source_columns, sources_line, sum_sources, unit_combo

# kinds.YISHI_SOURCES, listed for lupdate.
_SOURCE_LABELS = (
    QT_TRANSLATE_NOOP("YishiEditor", "村民筹资"), QT_TRANSLATE_NOOP("YishiEditor", "投劳折资"),
    QT_TRANSLATE_NOOP("YishiEditor", "财政奖补"), QT_TRANSLATE_NOOP("YishiEditor", "社会捐赠"),
    QT_TRANSLATE_NOOP("YishiEditor", "村集体投入"), QT_TRANSLATE_NOOP("YishiEditor", "整合资金"),
    QT_TRANSLATE_NOOP("YishiEditor", "其他"),
)
TOP_KEYS = ("project", "unit", "total", "sources", "per_person", "labour_days", "exemptions")


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
        self.unit_combo = unit_combo()
        self.total_edit = NumberEdit()
        self.per_person_edit = NumberEdit()
        self.labour_edit = NumberEdit(placeholder="0")
        self.total_label = QLabel(self.tr("筹资筹劳合计(&M)"))
        self.total_label.setBuddy(self.total_edit)

        form = QFormLayout()
        project_label = QLabel(self.tr("议事项目(&N)"))
        project_label.setBuddy(self.project_edit)
        form.addRow(project_label, self.project_edit)
        money_row = QHBoxLayout()
        money_row.addWidget(self.total_edit, 1)
        money_row.addWidget(self.unit_combo)
        form.addRow(self.total_label, money_row)
        per_row = QHBoxLayout()
        per_row.addWidget(self.per_person_edit, 1)
        per_row.addWidget(QLabel(self.tr("元/人")))
        per_row.addSpacing(16)
        labour_label = QLabel(self.tr("每人投劳(&L)"))
        labour_label.setBuddy(self.labour_edit)
        per_row.addWidget(labour_label)
        per_row.addWidget(self.labour_edit, 1)
        per_row.addWidget(QLabel(self.tr("个工日")))
        per_label = QLabel(self.tr("每人筹资标准(&P)"))
        per_label.setBuddy(self.per_person_edit)
        form.addRow(per_label, per_row)

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

        for name, widget in (("project", self.project_edit), ("unit", self.unit_combo), ("total", self.total_edit),
                             ("per_person", self.per_person_edit), ("labour_days", self.labour_edit)):
            self._field(name, widget)
        self.unit_combo.currentIndexChanged.connect(self._unit_changed)

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
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(c.get("unit") or "元")))
        self._unit_changed()
        self.total_edit.set_value(c.get("total"))
        self.per_person_edit.set_value(c.get("per_person"))
        self.labour_edit.set_value(c.get("labour_days"))
        sources = [dict(s) for s in (c.get("sources") or []) if isinstance(s, dict)]
        named = {s.get("name") for s in sources}
        # The usual sources as a list to fill in; those already in the plan keep their place.
        sources += [{"name": n} for n in YISHI_SOURCES if n not in named]
        self.sources_model.set_rows(sources)
        self.exemptions_model.set_rows([e for e in (c.get("exemptions") or []) if isinstance(e, dict)] or [{}])
        self._after_load()

    def content(self) -> dict[str, Any]:
        used = [i for i in range(self.sources_model.rowCount()) if self.sources_model.is_used(i)]
        exemptions = self._grid_rows(self.exemptions_model)
        self._row_maps["sources"] = used
        self._row_maps["exemptions"] = [i for i, _ in exemptions]
        rows = self.sources_model.rows()
        return {
            **self._extra,
            "project": self.project_edit.text().strip(), "unit": self.unit(), "total": self.total_edit.value(),
            "sources": [blank_to_none(rows[i], ("name", "amount")) for i in used],
            "per_person": self.per_person_edit.value(), "labour_days": self.labour_edit.value(),
            "exemptions": [blank_to_none(r, ("name", "reason")) for _i, r in exemptions],
        }

    def _check(self, content: dict[str, Any]) -> list[Finding]:
        return check_yishi(content)

    def _refresh_summaries(self) -> None:
        total, ok = sum_sources(self.sources_model)
        text, style = sources_line(self.tr("合计"), self.total_edit.value(), total, ok, self.unit())
        self.sources_sum.setText(text)
        self.sources_sum.setStyleSheet(style)

    def tab_chain(self) -> list[QWidget]:
        return [self.project_edit, self.total_edit, self.unit_combo, self.per_person_edit, self.labour_edit,
                self.sources_view, self.src_add, self.src_remove, self.exemptions_view, self.ex_add, self.ex_remove]
