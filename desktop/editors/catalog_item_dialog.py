"""Editor of one catalog item, with every column of the national standard catalog.

The dialog saves through a callback (`CatalogService.add` or `update`); when the service refuses
with a `ValidationError`, each problem is listed in the dialog and its field is marked — the dialog
stays open and nothing is saved. Keyboard: Tab walks the fields in reading order, Ctrl+S or Enter
saves, Esc cancels.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError, Problem, RecordChanged, ValidationError
from models.rules import catalog_terms as terms
from models.rules.limits import MAX_POSTING_DAYS
from models.rules.roster import PRESET_LABELS
from models.services.catalog import GroupData, ItemData

from .. import dialogs
from ..forms import confirm_buttons, offer_reopen, problems_label
from ..qtmodels.roster_model import preset_label
from ..screen_fit import fit_to_screen, scrolling
from .timing_editor import TimingEditor

# catalog_terms.KIND_LABELS, listed so lupdate collects them.
_RECORD_KIND_LABELS = (
    QT_TRANSLATE_NOOP("CatalogItemDialog", "一般公告"),
    QT_TRANSLATE_NOOP("CatalogItemDialog", "财务收支"),
    QT_TRANSLATE_NOOP("CatalogItemDialog", "名单"),
    QT_TRANSLATE_NOOP("CatalogItemDialog", "工程项目"),
    QT_TRANSLATE_NOOP("CatalogItemDialog", "四议两公开"),
    QT_TRANSLATE_NOOP("CatalogItemDialog", "一事一议"),
)



def record_kind_label(kind: str) -> str:
    return QCoreApplication.translate("CatalogItemDialog", terms.KIND_LABELS.get(kind, kind))


PUBLISHERS = ("村民委员会", "村党组织", "村务监督委员会", "村民小组", "村股份经济合作社")

_INVALID_STYLE = "border: 1px solid #c62828;"
_INVALID_LABEL_STYLE = "color: #c62828; font-weight: bold;"


class CatalogItemDialog(QDialog):
    def __init__(self, item: ItemData, save: Callable[[ItemData], ItemData], *, editing: bool,
                 groups: Sequence[GroupData] = (), reload: Callable[[], ItemData] | None = None,
                 parent: QWidget | None = None):
        """`save` gets the form's item, carrying the version it was loaded at; `reload` reads the item
        as stored now, for when a save was refused because someone else changed it meanwhile."""
        super().__init__(parent)
        self._original = item
        self._save = save
        self._reload = reload
        self._groups = list(groups)
        self.editing = editing
        self.saved: ItemData | None = None
        self.setWindowTitle(self.tr("编辑事项 %1").replace("%1", item.code) if editing else self.tr("新增事项"))
        self.setModal(True)
        self._build()
        self._load(item)

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self._labels: dict[str, QLabel] = {}
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(30)
        self.code_edit.setReadOnly(self.editing)
        if self.editing:
            self.code_edit.setToolTip(self.tr("编号在新增后不能修改：公开记录按编号引用事项"))
        self.category_combo = QComboBox()
        for c in terms.CATEGORIES:
            self.category_combo.addItem(c, c)
        self.group_combo = QComboBox()
        self.group_combo.setEditable(True)
        self.group_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.group_combo.lineEdit().setPlaceholderText(self.tr("选择或输入一级事项"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("如：村级财务收支情况"))
        self.content_edit = QPlainTextEdit()
        self.content_edit.setTabChangesFocus(True)
        self.content_edit.setPlaceholderText(self.tr("公开哪些要素，如：收入、支出明细，资金来源"))
        self.basis_edit = QPlainTextEdit()
        self.basis_edit.setTabChangesFocus(True)
        self.basis_edit.setPlaceholderText(self.tr("法律法规、文件名称及条款"))
        for edit in (self.content_edit, self.basis_edit):
            edit.setMinimumHeight(70)

        self.timing_editor = TimingEditor()
        self.publisher_combo = QComboBox()
        self.publisher_combo.setEditable(True)
        self.publisher_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.publisher_combo.addItems(PUBLISHERS)
        self.audience_combo = self._combo(terms.AUDIENCES)
        self.mode_combo = self._combo(terms.MODES)
        self.level_combo = self._combo(terms.LEVELS)
        self.domain_combo = QComboBox()
        self.domain_combo.addItem(self.tr("（不设）"), "")
        for d in terms.DOMAINS:
            self.domain_combo.addItem(d, d)
        self.domain_combo.setMaxVisibleItems(15)
        self.five_checks = {fp: QCheckBox(fp) for fp in terms.FIVE_PUBLIC}
        five_row = QWidget()
        five_layout = QHBoxLayout(five_row)
        five_layout.setContentsMargins(0, 0, 0, 0)
        for box in self.five_checks.values():
            five_layout.addWidget(box)
        five_layout.addStretch(1)
        self.five_row = five_row
        self.posting_spin = QSpinBox()
        self.posting_spin.setRange(0, MAX_POSTING_DAYS)  # 0: the item is not posted
        self.posting_spin.setSpecialValueText(self.tr("不公示"))
        self.posting_working = QCheckBox(self.tr("按工作日"))
        posting_row = QWidget()
        posting_layout = QHBoxLayout(posting_row)
        posting_layout.setContentsMargins(0, 0, 0, 0)
        posting_layout.addWidget(self.posting_spin)
        posting_layout.addWidget(self.posting_working)
        posting_layout.addStretch(1)
        self.kind_combo = QComboBox()
        for kind in terms.KINDS:
            self.kind_combo.addItem(record_kind_label(kind), kind)

        self.preset_combo = QComboBox()
        self.preset_combo.addItem(self.tr("无"), "")
        for pid in PRESET_LABELS:
            self.preset_combo.addItem(preset_label(pid), pid)
        self.preset_combo.setToolTip(self.tr("名单类记录默认使用的列（可在名单的“列设置…”中修改）"))
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)

        self.channel_checks = {ch: QCheckBox(ch) for ch in terms.ALL_CHANNELS}
        self.channels_box = QGroupBox(self.tr("公开渠道和载体"))
        grid = QGridLayout(self.channels_box)
        columns = 4
        for n, box in enumerate(self.channel_checks.values()):
            grid.addWidget(box, n // columns, n % columns)

        left = QFormLayout()
        left.addRow(self._label("编号", self.tr("编号"), self.code_edit), self.code_edit)
        left.addRow(self._label("类别", self.tr("类别"), self.category_combo), self.category_combo)
        left.addRow(self._label("一级事项", self.tr("一级事项"), self.group_combo), self.group_combo)
        left.addRow(self._label("二级事项", self.tr("二级事项"), self.name_edit), self.name_edit)
        left.addRow(self._label("公开内容", self.tr("公开内容（要素）"), self.content_edit), self.content_edit)
        left.addRow(self._label("公开依据", self.tr("公开依据"), self.basis_edit), self.basis_edit)

        right = QFormLayout()
        right.addRow(self._label("公开时限", self.tr("公开时限"), self.timing_editor), self.timing_editor)
        right.addRow(self._label("公开主体", self.tr("公开主体"), self.publisher_combo), self.publisher_combo)
        right.addRow(self._label("公开对象", self.tr("公开对象"), self.audience_combo), self.audience_combo)
        right.addRow(self._label("公开方式", self.tr("公开方式"), self.mode_combo), self.mode_combo)
        right.addRow(self._label("公开层级", self.tr("公开层级"), self.level_combo), self.level_combo)
        right.addRow(self._label("领域", self.tr("领域"), self.domain_combo), self.domain_combo)
        right.addRow(self._label("五公开", self.tr("五公开"), five_row), five_row)
        right.addRow(self._label("公示天数", self.tr("最少公示天数"), self.posting_spin), posting_row)
        right.addRow(self._label("记录类型", self.tr("默认记录类型"), self.kind_combo), self.kind_combo)
        right.addRow(self._label("名单预设", self.tr("名单预设"), self.preset_combo), self.preset_combo)

        columns_layout = QHBoxLayout()
        columns_layout.addLayout(left, 1)
        columns_layout.addSpacing(16)
        columns_layout.addLayout(right, 1)

        self.problems_label = problems_label()
        self.buttons, self.save_button, cancel = confirm_buttons(
            self, self.tr("保存"), self.save, tooltip=self.tr("保存（Ctrl+S）"), save_role=True)

        form = QWidget()
        form.setMinimumWidth(880)  # two columns of ~430 px: the timing wording fits on one line
        form_layout = QVBoxLayout(form)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addLayout(columns_layout)
        form_layout.addWidget(self.channels_box)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(form), 1)  # the buttons stay in sight on a small screen
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)

        self.category_combo.currentIndexChanged.connect(self._fill_groups)
        self._field_widgets = {
            "编号": self.code_edit, "类别": self.category_combo, "一级事项": self.group_combo,
            "二级事项": self.name_edit, "公开内容": self.content_edit, "公开依据": self.basis_edit,
            "公开时限": self.timing_editor.kind_combo, "公开主体": self.publisher_combo,
            "公开渠道和载体": self.channels_box, "公开对象": self.audience_combo, "公开方式": self.mode_combo,
            "公开层级": self.level_combo, "领域": self.domain_combo, "五公开": self.five_row,
            "公示天数": self.posting_spin, "记录类型": self.kind_combo, "名单预设": self.preset_combo,
        }
        self._set_tab_order()
        fit_to_screen(self)

    def _set_tab_order(self) -> None:
        te = self.timing_editor
        chain: list[QWidget] = [
            self.code_edit, self.category_combo, self.group_combo, self.name_edit, self.content_edit,
            self.basis_edit, te.kind_combo, te.month_spin, te.day_spin, te.year_combo, te.days_spin,
            te.working_check, te.wording_edit, te.reset_wording, self.publisher_combo, self.audience_combo,
            self.mode_combo, self.level_combo, self.domain_combo, *self.five_checks.values(), self.posting_spin,
            self.posting_working, self.kind_combo, self.preset_combo, *self.channel_checks.values(), self.save_button,
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    @staticmethod
    def _combo(values: Sequence[str]) -> QComboBox:
        combo = QComboBox()
        for v in values:
            combo.addItem(v, v)
        return combo

    def _label(self, field: str, text: str, buddy: QWidget) -> QLabel:
        """A form label; `field` is the name the service uses in its problems (Problem.field)."""
        label = QLabel(text)
        label.setBuddy(buddy)
        self._labels[field] = label
        return label

    def _fill_groups(self) -> None:
        """Offer the 一级事项 of the chosen category first, then the others; keep what was typed."""
        text = self.group_combo.currentText()
        category = self.category_combo.currentData()
        names = [g.name for g in self._groups if g.category == category]
        names += [g.name for g in self._groups if g.category != category and g.name not in names]
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItems(names)
        self.group_combo.setEditText(text)
        self.group_combo.blockSignals(False)

    # --- value ------------------------------------------------------------------------------
    def _load(self, item: ItemData) -> None:
        self.code_edit.setText(item.code)
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(item.category)))
        self._fill_groups()
        self.group_combo.setEditText(item.group)
        self.name_edit.setText(item.name)
        self.content_edit.setPlainText(item.content)
        self.basis_edit.setPlainText(item.basis)
        self.timing_editor.set_rule(item.timing, item.timing_text)
        self.publisher_combo.setEditText(item.publisher)
        self._select(self.audience_combo, item.audience)
        self._select(self.mode_combo, item.mode)
        self._select(self.level_combo, item.level)
        self._select(self.domain_combo, item.domain or "")
        for fp, box in self.five_checks.items():
            box.setChecked(fp in item.five_public)
        self.posting_spin.setValue(item.posting_days)
        self.posting_working.setChecked(item.posting_working_days)
        self._select(self.kind_combo, item.default_kind)
        self._select(self.preset_combo, item.roster_preset or "")
        self._kind_changed()
        for ch, box in self.channel_checks.items():
            box.setChecked(ch in item.channels)

    @staticmethod
    def _select(combo: QComboBox, value: str) -> None:
        i = combo.findData(value)
        if i < 0:  # a value from an old import that the list no longer has: keep it visible
            combo.addItem(value, value)
            i = combo.count() - 1
        combo.setCurrentIndex(i)

    def item(self) -> ItemData:
        """The item as the form shows it (not validated)."""
        return replace(
            self._original,
            code=self.code_edit.text().strip(),
            category=self.category_combo.currentData(),
            group=self.group_combo.currentText().strip(),
            name=self.name_edit.text().strip(),
            content=self.content_edit.toPlainText().strip(),
            basis=self.basis_edit.toPlainText().strip(),
            timing=self.timing_editor.rule(),
            timing_text=self.timing_editor.wording(),
            publisher=self.publisher_combo.currentText().strip(),
            channels=tuple(ch for ch, box in self.channel_checks.items() if box.isChecked()),
            audience=self.audience_combo.currentData(),
            mode=self.mode_combo.currentData(),
            level=self.level_combo.currentData(),
            domain=self.domain_combo.currentData() or None,
            five_public=tuple(fp for fp, box in self.five_checks.items() if box.isChecked()),
            posting_days=self.posting_spin.value(),
            posting_working_days=self.posting_working.isChecked(),
            default_kind=self.kind_combo.currentData(),
            roster_preset=(self.preset_combo.currentData() or None) if self.kind_combo.currentData() == "roster"
            else None,
        )

    def _kind_changed(self) -> None:
        """The roster preset matters only for items whose records are rosters."""
        self.preset_combo.setEnabled(self.kind_combo.currentData() == "roster")

    # --- saving -----------------------------------------------------------------------------
    def save(self) -> None:
        self._clear_problems()
        try:
            self.saved = self._save(self.item())
        except ValidationError as exc:
            self.show_problems(exc.problems, exc.summary)
            return
        except RecordChanged as exc:
            # The form keeps what the clerk typed; the refusal stays listed (selectable) until reopened.
            self.show_problems([], str(exc))
            if self._reload is not None and offer_reopen(exc, parent=self):
                self.reopen()
            return
        except CunwuError as exc:
            dialogs.error(self.tr("未保存"), exc, parent=self)
            return
        self.accept()

    def reopen(self) -> None:
        """Show the item as it is stored now (someone else's save), discarding the form's changes."""
        try:
            fresh = self._reload() if self._reload is not None else None
        except CunwuError as exc:
            dialogs.error(self.tr("无法重新打开"), exc, parent=self)
            return
        if fresh is None:
            return
        self._clear_problems()
        self._original = fresh
        self._load(fresh)
        self.name_edit.setFocus()

    def show_problems(self, problems: Sequence[Problem], summary: str = "") -> None:
        lines = [f"• {p.located()}" for p in problems]
        self.problems_label.setText("\n".join([summary, *lines] if summary else lines))
        self.problems_label.show()
        first: QWidget | None = None
        for p in problems:
            widget = self._field_widgets.get(p.field or "")
            if widget is None:
                continue
            label = self._labels.get(p.field or "")
            if label is not None:
                label.setStyleSheet(_INVALID_LABEL_STYLE)
            if isinstance(widget, QGroupBox):
                widget.setStyleSheet("QGroupBox { color: #c62828; font-weight: bold; }")
            elif isinstance(widget, QLineEdit | QComboBox | QSpinBox | QPlainTextEdit):
                widget.setStyleSheet(_INVALID_STYLE)
            widget.setToolTip(p.message)
            first = first or widget
        if isinstance(first, QGroupBox):
            first = next(iter(self.channel_checks.values()))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_problems(self) -> None:
        self.problems_label.hide()
        self.problems_label.clear()
        for widget in self._field_widgets.values():
            if widget.styleSheet():
                widget.setStyleSheet("")
                widget.setToolTip("")
        for label in self._labels.values():
            label.setStyleSheet("")
        if self.editing:
            self.code_edit.setToolTip(self.tr("编号在新增后不能修改：公开记录按编号引用事项"))

    def problems_text(self) -> str:
        """The problems listed in the dialog ("" when none)."""
        return self.problems_label.text()
