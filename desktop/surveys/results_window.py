"""调查结果: per question the counts and percentages (two decimals, every option, zero ones too), the
base they are of, the "其他" texts, a bar or pie chart, the cross-tab by 村民小组, and — for a
公开需求 survey — turning what villagers asked for into catalog items.

Everything shown is `SurveyService.results` / `demand` as computed by the core
(models.rules.survey.tally): the window formats, it does not count. For a multiple-choice question
the clerk picks the base — 占答题人数 or 占选择总数 (published sheets often use the latter: 50 of 226
selections = 22.12%) — and the pick, one for the whole sheet as the sheet states it, is what the printed
result notice uses (`base()`; the notice's own default, 占选择总数, until the clerk picks).
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError
from models.services.surveys import SurveyService

from .. import dialogs
from ..pages.table_page_parts import read_only_table
from ..permissions import gate
from ..qtmodels.survey_models import T_OPTION, TallyModel
from ..read_only import keep_disabled
from ..row_list import RowList
from ..screen_fit import fit_to_screen
from .chart import BAR, PIE, QuestionChart, Slice

OF_RESPONDENTS = "respondents"
OF_SELECTIONS = "selections"


def _natural(name: str) -> tuple:
    """"2组" before "10组": numbers inside a group name compare as numbers."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name))


class SurveyResultsWindow(QDialog):
    """The results of one survey. `base()` is OF_SELECTIONS or OF_RESPONDENTS: what the
    multiple-choice percentages are of, on screen and on the printed result notice."""

    catalog_changed = Signal()

    def __init__(self, workspace, survey_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.survey_id = survey_id
        self._base = OF_SELECTIONS  # the published sheets' usual base, and the notice's default
        self.results = None
        self.demand_rows: list = []
        self.setWindowTitle(self.tr("调查结果"))
        self._build()
        self.reload()
        fit_to_screen(self, 1060, 660)

    @property
    def service(self) -> SurveyService:
        return SurveyService(self.ws.ctx)

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.question_model = QStringListModel(self)
        self.question_view = QListView()
        self.question_view.setModel(self.question_model)
        self.question_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.question_view.setAccessibleName(self.tr("题目"))
        self.question_view.setMinimumWidth(200)
        self.question_view.setWordWrap(True)
        self.question_rows = RowList(self.question_view)
        self.question_rows.selection_changed.connect(self._show_question)

        # One question: its base, the table, the chart, the 其他 texts.
        self.question_title = QLabel()
        self.question_title.setWordWrap(True)
        self.question_title.setStyleSheet("font-weight: bold;")
        self.base_label = QLabel()
        self.base_label.setWordWrap(True)
        self.of_respondents = QRadioButton(self.tr("占答题人数(&R)"))
        self.of_selections = QRadioButton(self.tr("占选择总数(&S)"))
        for b in (self.of_respondents, self.of_selections):
            b.setToolTip(self.tr("各多选题的百分比按哪个总数算；结果公告用这里选中的口径"))
        self.base_group = QButtonGroup(self)
        self.base_group.addButton(self.of_respondents)
        self.base_group.addButton(self.of_selections)
        self.base_box = QWidget()
        base_line = QHBoxLayout(self.base_box)
        base_line.setContentsMargins(0, 0, 0, 0)
        base_line.addWidget(QLabel(self.tr("百分比口径：")))
        base_line.addWidget(self.of_respondents)
        base_line.addWidget(self.of_selections)
        base_line.addStretch(1)
        self.of_respondents.toggled.connect(self._base_changed)

        self.tally_model = TallyModel(self)
        self.tally_view = read_only_table(self.tally_model, self.tr("选项统计"))
        self.tally_view.horizontalHeader().setSectionResizeMode(T_OPTION, QHeaderView.ResizeMode.Stretch)
        self.tally_view.setColumnWidth(1, 60)
        self.tally_view.setColumnWidth(2, 80)
        self.tally_rows = RowList(self.tally_view)

        self.chart = QuestionChart()
        self.chart_style = QComboBox()
        self.chart_style.addItem(self.tr("条形图"), BAR)
        self.chart_style.addItem(self.tr("饼图"), PIE)
        self.chart_style.setAccessibleName(self.tr("图表样式"))
        self.chart_style.currentIndexChanged.connect(self._draw_chart)

        self.other_title = QLabel(self.tr("“其他”填写的内容"))
        self.other_model = QStringListModel(self)
        self.other_view = QListView()
        self.other_view.setModel(self.other_model)
        self.other_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.other_view.setAccessibleName(self.tr("“其他”填写的内容"))
        self.other_view.setMaximumHeight(110)
        self.other_rows = RowList(self.other_view)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tally_view, 1)
        left_layout.addWidget(self.other_title)
        left_layout.addWidget(self.other_view)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        style_line = QHBoxLayout()
        style_line.addStretch(1)
        style_label = QLabel(self.tr("图表(&C)"))
        style_label.setBuddy(self.chart_style)
        style_line.addWidget(style_label)
        style_line.addWidget(self.chart_style)
        right_layout.addLayout(style_line)
        right_layout.addWidget(self.chart, 1)
        inner = QSplitter(Qt.Orientation.Horizontal)
        inner.addWidget(left)
        inner.addWidget(right)
        inner.setSizes([360, 420])
        inner.setChildrenCollapsible(False)

        stats = QWidget()
        stats_layout = QVBoxLayout(stats)
        stats_layout.setContentsMargins(0, 0, 0, 0)
        stats_layout.addWidget(self.question_title)
        stats_layout.addWidget(self.base_label)
        stats_layout.addWidget(self.base_box)
        stats_layout.addWidget(inner, 1)

        # The cross-tab by 村民小组.
        self.cross_model = QStandardItemModel(self)
        self.cross_view = QTableView()
        self.cross_view.setModel(self.cross_model)
        self.cross_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cross_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.cross_view.setAccessibleName(self.tr("按村民小组"))
        self.cross_view.verticalHeader().hide()
        self.cross_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.cross_rows = RowList(self.cross_view)
        cross = QWidget()
        cross_layout = QVBoxLayout(cross)
        cross_layout.setContentsMargins(0, 0, 0, 0)
        self.cross_note = QLabel()
        self.cross_note.setWordWrap(True)
        cross_layout.addWidget(self.cross_note)
        cross_layout.addWidget(self.cross_view, 1)

        # 公开需求: options linked to catalog items, and the 其他 topics.
        self.add_item_action = QAction(self.tr("加为新的目录事项…"), self)
        self.add_item_action.setToolTip(self.tr("把村民要求公开、目录里还没有的事项加进公开事项目录，并记下是哪次调查提出的"))
        self.mark_action = QAction(self.tr("标记为群众关注"), self)
        self.mark_action.setToolTip(self.tr("目录里已有的事项：记下这次调查有多少人要求公开它"))
        self.add_item_action.triggered.connect(self.add_catalog_item)
        self.mark_action.triggered.connect(self.mark_in_demand)
        keep_disabled(self.ws, self.add_item_action, self.mark_action)
        self.demand_model = QStandardItemModel(self)
        self.demand_view = QTableView()
        self.demand_view.setModel(self.demand_model)
        self.demand_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.demand_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.demand_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.demand_view.verticalHeader().hide()
        self.demand_view.setAccessibleName(self.tr("公开需求"))
        self.demand_rows_list = RowList(self.demand_view, activate=self._demand_default,
                                        actions=[self.add_item_action, self.mark_action])
        self.demand_rows_list.selection_changed.connect(self._update_demand_actions)
        demand = QWidget()
        demand_layout = QVBoxLayout(demand)
        demand_layout.setContentsMargins(0, 0, 0, 0)
        demand_note = QLabel(self.tr("村民关心什么，就公开什么：选中一行，把它加为新的目录事项，或把目录里已有的事项标记为群众关注。"))
        demand_note.setWordWrap(True)
        demand_layout.addWidget(demand_note)
        demand_layout.addWidget(self.demand_view, 1)
        buttons = QHBoxLayout()
        for action in (self.add_item_action, self.mark_action):
            button = QPushButton(action.text())
            button.setAutoDefault(False)
            button.clicked.connect(action.trigger)
            action.changed.connect(lambda b=button, a=action: (b.setEnabled(a.isEnabled()), b.setToolTip(a.toolTip())))
            button.setEnabled(action.isEnabled())
            buttons.addWidget(button)
        buttons.addStretch(1)
        demand_layout.addLayout(buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(stats, self.tr("统计(&1)"))
        self.tabs.addTab(cross, self.tr("按村民小组(&2)"))
        self.demand_tab = demand
        self.tabs.addTab(demand, self.tr("公开需求(&3)"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.question_view)
        splitter.addWidget(self.tabs)
        splitter.setSizes([250, 800])
        splitter.setChildrenCollapsible(False)

        self.print_button = QPushButton(self.tr("打印结果公告…"))
        self.print_button.setToolTip(self.tr("预览并打印结果公告；多选题按上面选中的口径算百分比"))
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_results)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    # --- data -------------------------------------------------------------------------------
    def reload(self) -> None:
        current = self._current_index()
        try:
            self.results = self.service.results(self.survey_id)
            self.demand_rows = self.service.demand(self.survey_id)
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取调查结果"), exc, parent=self)
            return
        r = self.results
        q = r.questionnaire
        self.setWindowTitle(self.tr("调查结果 — %1").replace("%1", q.title))
        text = self.tr("<b>%1</b>　计入结果 %2 份").replace("%1", html.escape(q.title)).replace("%2", str(r.respondents))
        if r.waiting:
            text += self.tr("　<span style='color:#8a4b00'>另有 %1 份待第二遍录入或核对，未计入</span>") \
                .replace("%1", str(r.waiting))
        self.heading.setText(text)
        self.question_model.setStringList([f"Q{t.no}  {t.text}" for t in r.questions])
        self._fill_demand()
        self.tabs.setTabEnabled(self.tabs.indexOf(self.demand_tab), bool(self.demand_rows)
                                or any(t.other_texts for t in r.questions))
        if r.questions:
            self.question_rows.select_row(self.question_model.index(max(0, min(current, len(r.questions) - 1)), 0))
        self._show_question()

    def _current_index(self) -> int:
        index = self.question_rows.current()
        return index.row() if index is not None else 0

    def tally(self):
        """The selected question's tally (models.rules.survey.QuestionTally) or None."""
        if self.results is None:
            return None
        index = self.question_rows.current()
        return self.results.questions[index.row()] if index is not None else None

    def base(self) -> str:
        return self._base

    def select_question(self, no: int) -> None:
        self.question_rows.select_row(self.question_model.index(no - 1, 0))

    def _show_question(self) -> None:
        t = self.tally()
        if t is None:
            self.question_title.clear()
            self.base_label.clear()
            self.tally_model.set_rows([])
            self._draw_chart()
            self._fill_cross(None)
            return
        self.question_title.setText(f"Q{t.no}　{t.text}（{self._type_label(t.type)}）")
        multiple = t.type == "multiple"
        self.base_box.setVisible(multiple)
        if multiple:
            self.of_respondents.blockSignals(True)
            selections = self._base == OF_SELECTIONS
            (self.of_selections if selections else self.of_respondents).setChecked(True)
            self.of_respondents.blockSignals(False)
        self.tally_model.set_base(multiple and self._base == OF_SELECTIONS)
        self.tally_model.set_rows(t.options)
        self.tally_view.setVisible(bool(t.options))
        self._show_base(t)
        self.other_model.setStringList(list(t.other_texts) or list(t.answers if t.type == "text" else []))
        self.other_title.setText(self.tr("各人填写的内容") if t.type == "text" else self.tr("“其他”填写的内容"))
        has_list = bool(t.other_texts) or t.type == "text"
        self.other_title.setVisible(has_list)
        self.other_view.setVisible(has_list)
        if t.type == "text":
            self.other_view.setMaximumHeight(16777215)
        else:
            self.other_view.setMaximumHeight(110)
        self._draw_chart()
        self._fill_cross(t)

    def _type_label(self, kind: str) -> str:
        from models.rules.survey import QUESTION_TYPES

        return QUESTION_TYPES.get(kind, kind)

    def _show_base(self, t) -> None:
        """The base stated: the core's wording, and what the percentages shown are of."""
        text = t.base_text
        if t.type == "multiple":
            if self._base == OF_SELECTIONS:
                text += self.tr("；百分比 = 票数 ÷ 选择总数 %1").replace("%1", str(t.selections))
            else:
                text += self.tr("；百分比 = 票数 ÷ 答题人数 %1").replace("%1", str(t.answered))
        elif t.options:
            text += self.tr("；百分比 = 票数 ÷ 答题人数 %1").replace("%1", str(t.answered))
        if t.type == "number" and t.total is not None:
            text += self.tr("；合计 %1，平均 %2").replace("%1", t.total).replace("%2", t.mean or "—")
        self.base_label.setText(text)

    def _base_changed(self, _checked: bool) -> None:
        t = self.tally()
        if t is None or t.type != "multiple":
            return
        self._base = OF_RESPONDENTS if self.of_respondents.isChecked() else OF_SELECTIONS
        self.tally_model.set_base(self._base == OF_SELECTIONS)
        self._show_base(t)
        self._draw_chart()
        self._fill_cross(t)
        self._fill_demand()

    def _draw_chart(self, *_args) -> None:
        t = self.tally()
        if t is None or not t.options:
            self.chart.set_data("", [], BAR)
            return
        slices = [Slice(f"{o.letter} {o.label}", o.count, self.tally_model.percent(o)) for o in t.options]
        self.chart.set_data(f"Q{t.no}", slices, self.chart_style.currentData())

    def _fill_cross(self, t) -> None:
        """Rows: the question's options; columns: each 村民小组 (票数 and 百分比 of that group's base)."""
        self.cross_model.clear()
        if t is None or self.results is None:
            return
        groups = sorted(self.results.by_group, key=_natural)
        if not t.options:
            self.cross_note.setText(self.tr("第%1题不是选择题，没有按小组的选项统计。").replace("%1", str(t.no)))
            return
        of_selections = t.type == "multiple" and self._base == OF_SELECTIONS
        self.cross_note.setText(self.tr("第%1题，各小组的票数和百分比（%2）").replace("%1", str(t.no))
                                .replace("%2", self.tr("占该组选择总数") if of_selections else self.tr("占该组答题人数")))
        self.cross_model.setHorizontalHeaderLabels([self.tr("选项"), *groups])
        totals = [self.tr("答题人数")]
        for n, o in enumerate(t.options):
            row = [QStandardItem(f"{o.letter} {o.label}")]
            for g in groups:
                gt = self.results.by_group[g][t.no - 1]
                go = gt.options[n]
                pct = go.percent_of_selections if of_selections and go.percent_of_selections is not None else go.percent
                item = QStandardItem(f"{go.count}（{pct}%）")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                row.append(item)
            self.cross_model.appendRow(row)
        for g in groups:
            totals.append(str(self.results.by_group[g][t.no - 1].answered))
        last = [QStandardItem(x) for x in totals]
        for item in last[1:]:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.cross_model.appendRow(last)

    def print_results(self) -> None:
        from ..printing import actions as printing

        self.preview = printing.preview_survey(self.ws, self.survey_id, "results", self, base=self._base)

    # --- 公开需求 ---------------------------------------------------------------------------
    def _fill_demand(self) -> None:
        self.demand_model.clear()
        self.demand_model.setHorizontalHeaderLabels(
            [self.tr("题目"), self.tr("选项 / 村民填写"), self.tr("票数"), self.tr("目录事项"), self.tr("已处理")])
        self._demand_entries: list[tuple] = []
        for d in self.demand_rows:
            item = f"{d.item} {d.item_name}" if d.item_name else self.tr("%1（目录中没有）").replace("%1", d.item)
            done = {"added": self.tr("已加入目录"), "marked": self.tr("已标记关注")}.get(d.recorded or "", "")
            pct = (d.percent_of_selections if self._base == OF_SELECTIONS
                   and d.percent_of_selections is not None else d.percent)
            self._append_demand([f"Q{d.question}", f"{d.letter} {d.label}", f"{d.count}（{pct}%）", item, done],
                                ("option", d))
        if self.results is not None:
            for t in self.results.questions:
                for text in dict.fromkeys(t.other_texts):
                    self._append_demand([f"Q{t.no}", self.tr("其他：%1").replace("%1", text), "", "", ""],
                                        ("other", t, text))
        self.demand_view.resizeColumnsToContents()
        self.demand_view.horizontalHeader().setStretchLastSection(True)
        self._update_demand_actions()

    def _append_demand(self, cells: list[str], entry: tuple) -> None:
        self.demand_model.appendRow([QStandardItem(c) for c in cells])
        self._demand_entries.append(entry)

    def demand_entry(self) -> tuple | None:
        index = self.demand_rows_list.current()
        return self._demand_entries[index.row()] if index is not None else None

    def _update_demand_actions(self) -> None:
        entry = self.demand_entry()
        exists = entry is not None and entry[0] == "option" and entry[1].item_name is not None
        self.add_item_action.setEnabled(entry is not None and not exists)
        self.mark_action.setEnabled(exists)
        gate(self.add_item_action, self.ws, "catalog.edit")
        gate(self.mark_action, self.ws, "catalog.edit")

    def _demand_default(self) -> None:
        if self.mark_action.isEnabled():
            self.mark_in_demand()
        elif self.add_item_action.isEnabled():
            self.add_catalog_item()

    def mark_in_demand(self) -> None:
        entry = self.demand_entry()
        if entry is None or entry[0] != "option":
            return
        d = entry[1]
        try:
            self.service.mark_in_demand(self.survey_id, d.item, question=d.question, letter=d.letter, topic=d.label)
        except CunwuError as exc:
            dialogs.error(self.tr("未能标记"), exc, parent=self)
            return
        self._after_catalog_change(self.tr("已把 %1 %2 标记为群众关注。").replace("%1", d.item).replace("%2", d.item_name))

    def add_catalog_item(self) -> None:
        """A requested topic becomes a catalog item: the catalog's own item dialog, prefilled."""
        from models.services.catalog import CatalogService, ItemData

        from ..editors.catalog_item_dialog import CatalogItemDialog

        entry = self.demand_entry()
        if entry is None:
            return
        catalog = CatalogService(self.ws.ctx)
        try:
            groups = catalog.groups()
            code = entry[1].item if entry[0] == "option" else catalog.next_code()
        except CunwuError as exc:
            dialogs.error(self.tr("无法新增事项"), exc, parent=self)
            return
        if entry[0] == "option":
            d = entry[1]
            name, question, letter, topic = d.label, d.question, d.letter, d.label
        else:
            t, text = entry[1], entry[2]
            other = next((o for o in t.options if o.other), None)
            name, question, letter, topic = text, t.no, other.letter if other else None, text
        survey_id = self.survey_id

        def save(data: ItemData):
            self.service.add_catalog_item(survey_id, data, question=question, letter=letter, topic=topic)
            return data

        dialog = CatalogItemDialog(ItemData(code=code, group="", name=name, category="村务"), save, editing=False,
                                   groups=groups, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._after_catalog_change(
            self.tr("已把“%1”加入公开事项目录。").replace("%1", name)))
        self.item_dialog = dialog
        dialog.open()

    def _after_catalog_change(self, text: str) -> None:
        self.reload()
        self.catalog_changed.emit()
        self.heading.setToolTip(text)
        self.status_text = text
