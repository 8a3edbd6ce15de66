"""Editor of a 公开时限 rule: the kind, the parameters that kind needs, and the printed wording.

The wording (印刷措辞) follows `TimingRule.describe()` until the clerk types their own; clearing the
field or pressing “用默认措辞” hands it back to the rule.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from models.rules.timing import KIND_LABELS, KINDS, TimingRule

# The labels of timing.KIND_LABELS, listed here so lupdate collects them for translation.
_KIND_LABELS_FOR_TRANSLATION = (
    QT_TRANSLATE_NOOP("TimingEditor", "按月"),
    QT_TRANSLATE_NOOP("TimingEditor", "按季度"),
    QT_TRANSLATE_NOOP("TimingEditor", "按年"),
    QT_TRANSLATE_NOOP("TimingEditor", "限期（事项发生后 N 日内）"),
    QT_TRANSLATE_NOOP("TimingEditor", "随时"),
    QT_TRANSLATE_NOOP("TimingEditor", "按项目阶段"),
)


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("TimingEditor", KIND_LABELS[kind])


_NEEDS = {
    "monthly": {"day"},
    "quarterly": {"day"},
    "yearly": {"month", "day", "year_offset"},
    "within_days": {"days", "working"},
    "immediate": set(),
    "per_stage": {"days", "working"},
}


class TimingEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._custom_wording = False

        self.kind_combo = QComboBox()
        for kind in KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.kind_combo.setAccessibleName(self.tr("公开时限类型"))

        self.month_spin = QSpinBox()
        self.month_spin.setRange(0, 12)
        self.month_spin.setSpecialValueText(self.tr("不定"))
        self.month_spin.setSuffix(self.tr("月"))
        self.month_spin.setAccessibleName(self.tr("月份"))
        self.day_spin = QSpinBox()
        self.day_spin.setRange(0, 31)
        self.day_spin.setSpecialValueText(self.tr("不定"))
        self.day_spin.setSuffix(self.tr("日前"))
        self.day_spin.setAccessibleName(self.tr("公开日"))
        self.year_combo = QComboBox()
        self.year_combo.addItem(self.tr("本年度"), 0)
        self.year_combo.addItem(self.tr("上年度"), 1)
        self.year_combo.setAccessibleName(self.tr("公开哪一年度"))
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, 366)
        self.days_spin.setValue(10)
        self.days_spin.setSuffix(self.tr("日内"))
        self.days_spin.setAccessibleName(self.tr("天数"))
        self.working_check = QCheckBox(self.tr("工作日"))

        self.month_label = QLabel(self.tr("月份"))
        self.day_label = QLabel(self.tr("公开日"))
        self.year_label = QLabel(self.tr("年度"))
        self.days_label = QLabel(self.tr("天数"))
        self.month_label.setBuddy(self.month_spin)
        self.day_label.setBuddy(self.day_spin)
        self.year_label.setBuddy(self.year_combo)
        self.days_label.setBuddy(self.days_spin)

        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setObjectName("timingPreview")
        self.wording_edit = QLineEdit()
        self.wording_edit.setAccessibleName(self.tr("印刷措辞"))
        self.wording_edit.setPlaceholderText(self.tr("与上面的规则一致时留空即可"))
        self.reset_wording = QPushButton(self.tr("用默认措辞"))
        self.reset_wording.setAutoDefault(False)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.kind_combo, 0, 0, 1, 4)
        params = QHBoxLayout()
        for w in (self.month_label, self.month_spin, self.day_label, self.day_spin, self.year_label,
                  self.year_combo, self.days_label, self.days_spin, self.working_check):
            params.addWidget(w)
        params.addStretch(1)
        grid.addLayout(params, 1, 0, 1, 4)
        preview_label = QLabel(self.tr("规则："))
        grid.addWidget(preview_label, 2, 0)
        grid.addWidget(self.preview, 2, 1, 1, 3)
        wording_label = QLabel(self.tr("印刷措辞"))
        wording_label.setBuddy(self.wording_edit)
        grid.addWidget(wording_label, 3, 0)
        grid.addWidget(self.wording_edit, 3, 1, 1, 3)
        grid.addWidget(self.reset_wording, 4, 1, 1, 3, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(1, 1)

        for w in (self.month_spin, self.day_spin, self.days_spin):
            w.valueChanged.connect(self._on_rule_changed)
        self.kind_combo.currentIndexChanged.connect(self._on_rule_changed)
        self.year_combo.currentIndexChanged.connect(self._on_rule_changed)
        self.working_check.toggled.connect(self._on_rule_changed)
        self.wording_edit.textEdited.connect(self._on_wording_edited)
        self.reset_wording.clicked.connect(self.use_default_wording)

        self.setTabOrder(self.kind_combo, self.month_spin)
        self.setTabOrder(self.month_spin, self.day_spin)
        self.setTabOrder(self.day_spin, self.year_combo)
        self.setTabOrder(self.year_combo, self.days_spin)
        self.setTabOrder(self.days_spin, self.working_check)
        self.setTabOrder(self.working_check, self.wording_edit)
        self.setTabOrder(self.wording_edit, self.reset_wording)
        self.setFocusProxy(self.kind_combo)
        self.set_rule(TimingRule("quarterly", day=20))

    # --- value ------------------------------------------------------------------------------
    def kind(self) -> str:
        return self.kind_combo.currentData()

    def rule(self) -> TimingRule:
        """The rule as shown (possibly invalid: the service says what is wrong)."""
        kind = self.kind()
        need = _NEEDS[kind]
        month = self.month_spin.value() or None
        day = self.day_spin.value() or None
        return TimingRule(
            kind=kind,
            day=day if "day" in need else None,
            month=month if "month" in need else None,
            year_offset=self.year_combo.currentData() if "year_offset" in need else 0,
            days=self.days_spin.value() if "days" in need else None,
            working=self.working_check.isChecked() if "working" in need else False,
        )

    def wording(self) -> str:
        """The printed wording: the clerk's own text, or the rule's default."""
        return self.wording_edit.text().strip() or self.rule().describe()

    def has_custom_wording(self) -> bool:
        return self._custom_wording

    def set_rule(self, rule: TimingRule, wording: str = "") -> None:
        blockers = [w.blockSignals(True) for w in self._inputs()]
        try:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(rule.kind)))
            self.month_spin.setValue(rule.month or 0)
            self.day_spin.setValue(rule.day or 0)
            self.year_combo.setCurrentIndex(1 if rule.year_offset == 1 else 0)
            self.days_spin.setValue(rule.days or 10)
            self.working_check.setChecked(rule.working)
        finally:
            for w, old in zip(self._inputs(), blockers, strict=True):
                w.blockSignals(old)
        self._custom_wording = bool(wording.strip()) and wording.strip() != rule.describe()
        self._refresh()
        if self._custom_wording:
            self.wording_edit.setText(wording.strip())

    def use_default_wording(self) -> None:
        self._custom_wording = False
        self._refresh()

    # --- behaviour --------------------------------------------------------------------------
    def _inputs(self) -> list[QWidget]:
        return [self.kind_combo, self.month_spin, self.day_spin, self.year_combo, self.days_spin,
                self.working_check]

    def _on_rule_changed(self, *_args) -> None:
        self._refresh()
        self.changed.emit()

    def _on_wording_edited(self, text: str) -> None:
        self._custom_wording = bool(text.strip()) and text.strip() != self.rule().describe()
        self.reset_wording.setEnabled(self._custom_wording)
        self.changed.emit()

    def _refresh(self) -> None:
        need = _NEEDS[self.kind()]
        for label, widget, key in ((self.month_label, self.month_spin, "month"),
                                   (self.day_label, self.day_spin, "day"),
                                   (self.year_label, self.year_combo, "year_offset"),
                                   (self.days_label, self.days_spin, "days")):
            label.setVisible(key in need)
            widget.setVisible(key in need)
        self.working_check.setVisible("working" in need)
        rule = self.rule()
        problems = rule.problems()
        if problems:
            self.preview.setText(self.tr("（规则不完整：%1）").replace("%1", "；".join(problems)))
        else:
            self.preview.setText(rule.describe())
        if not self._custom_wording:
            self.wording_edit.setText(rule.describe())
        self.reset_wording.setEnabled(self._custom_wording)
