"""新建公开记录: choose the catalog item, the period its timing asks for, the record type and title.

The period field follows the item: a month for monthly items, a quarter, a year, or the event date
for items due "within N days" of something happening. The title is "<期间><事项名称>" until the clerk
types their own. The dialog creates the draft through a callback (`DisclosureService.create`); a
refusal is listed in the dialog, which stays open.

Keyboard: the item field takes pinyin initials (``cwszmx``) and Enter; Tab walks item → period →
type → title → buttons; Enter or Ctrl+S creates, Esc cancels.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError, ValidationError
from models.rules import catalog_terms as terms
from models.rules.periods import PeriodError, parse_period, period_kind_for_timing
from models.services.catalog import ItemData
from models.services.disclosures import DisclosureData

from .. import clock, dialogs
from ..forms import confirm_buttons, problems_label
from .catalog_item_dialog import record_kind_label
from .item_combo import ItemCombo
from .period_picker import PeriodPicker, default_period


@dataclass(frozen=True)
class NewDisclosure:
    item_code: str
    period: str
    title: str
    kind: str


class NewDisclosureDialog(QDialog):
    def __init__(self, items: Sequence[ItemData], save: Callable[[NewDisclosure], DisclosureData], *,
                 item_code: str | None = None, period: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._save = save
        self._preset_period = period
        self._auto_title = True
        self.created: DisclosureData | None = None
        self.setWindowTitle(self.tr("新建公开记录"))
        self.setModal(True)
        self._build()
        self.item_combo.set_items(items, current=item_code)
        self._item_changed(self.item_combo.current_item())
        if period:
            self.period_picker.set_period(period)
            self._retitle()

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.item_combo = ItemCombo()
        self.item_combo.setMinimumContentsLength(24)
        self.item_combo.setAccessibleName(self.tr("公开事项"))
        self.item_info = QLabel()
        self.item_info.setWordWrap(True)
        self.item_info.setStyleSheet("color: gray;")
        self.period_picker = PeriodPicker()
        self.kind_combo = QComboBox()
        for kind in terms.KINDS:
            self.kind_combo.addItem(record_kind_label(kind), kind)
        self.kind_combo.setAccessibleName(self.tr("记录类型"))
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(300)
        self.title_edit.setMinimumWidth(380)
        self.title_edit.setAccessibleName(self.tr("标题"))

        form = QFormLayout()
        label = QLabel(self.tr("事项"))
        label.setBuddy(self.item_combo)
        form.addRow(label, self.item_combo)
        form.addRow("", self.item_info)
        label = QLabel(self.tr("期间"))
        label.setBuddy(self.period_picker)
        form.addRow(label, self.period_picker)
        label = QLabel(self.tr("记录类型"))
        label.setBuddy(self.kind_combo)
        form.addRow(label, self.kind_combo)
        label = QLabel(self.tr("标题"))
        label.setBuddy(self.title_edit)
        form.addRow(label, self.title_edit)

        self.problems_label = problems_label()
        self.buttons, self.create_button, cancel = confirm_buttons(
            self, self.tr("新建并编辑"), self.save, tooltip=self.tr("新建记录并打开编辑器（回车或 Ctrl+S）"))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)

        chain: list[QWidget] = [self.item_combo, *self.period_picker.widgets(), self.kind_combo, self.title_edit,
                                self.create_button, cancel]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

        self.item_combo.item_changed.connect(self._item_changed)
        self.period_picker.changed.connect(self._retitle)
        self.title_edit.textEdited.connect(self._title_edited)

    # --- reacting ---------------------------------------------------------------------------
    def _item_changed(self, item: ItemData | None) -> None:
        if item is None:
            self.item_info.setText(self.tr("目录中没有可用的事项，请先在“公开事项目录”中添加。"))
            return
        kind = period_kind_for_timing(item.timing.kind)
        preset_fits = False
        if self._preset_period:
            try:
                preset_fits = parse_period(self._preset_period).kind == kind
            except PeriodError:
                preset_fits = False
        self.period_picker.set_period(self._preset_period if preset_fits else default_period(item.timing, clock.today()))
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(item.default_kind)))
        if item.posting_days == 0:
            posting = self.tr("不公示")
        elif item.posting_working_days:
            posting = self.tr("至少公示 %1 个工作日").replace("%1", str(item.posting_days))
        else:
            posting = self.tr("至少公示 %1 天").replace("%1", str(item.posting_days))
        timing = item.timing_text or item.timing.describe()
        self.item_info.setText(self.tr("%1 · %2 · %3").replace("%1", item.group).replace("%2", timing)
                               .replace("%3", posting))
        self._retitle()

    def _retitle(self) -> None:
        if not self._auto_title:
            return
        item = self.item_combo.current_item()
        if item is None:
            return
        try:
            label = self.period_picker.label()
        except PeriodError:
            return
        self.title_edit.setText(f"{label}{item.name}")

    def _title_edited(self, text: str) -> None:
        self._auto_title = not text.strip()

    # --- value ------------------------------------------------------------------------------
    def value(self) -> NewDisclosure | None:
        item = self.item_combo.resolve()
        if item is None:
            return None
        return NewDisclosure(item_code=item.code, period=self.period_picker.period(),
                             title=self.title_edit.text().strip(), kind=self.kind_combo.currentData())

    def save(self) -> None:
        self.problems_label.hide()
        value = self.value()
        if value is None:
            self.problems_label.setText(self.tr("请选择公开事项"))
            self.problems_label.show()
            self.item_combo.setFocus()
            return
        try:
            self.created = self._save(value)
        except ValidationError as exc:
            lines = [exc.summary, *(f"• {p.located()}" for p in exc.problems)]
            self.problems_label.setText("\n".join(lines))
            self.problems_label.show()
            return
        except CunwuError as exc:
            dialogs.error(self.tr("未能新建"), exc, parent=self)
            return
        self.accept()


def new_disclosure_dialog(workspace, parent: QWidget, *, item_code: str | None = None,
                          period: str | None = None) -> NewDisclosureDialog | None:
    """The dialog over the active catalog items, creating through DisclosureService; None (and the
    reason shown) when there is nothing to choose from."""
    from models.rules import workflow as W
    from models.services.catalog import CatalogService
    from models.services.disclosures import DisclosureService

    may, reason = workspace.may(W.action("edit").permission)
    if not may:  # Ctrl+N or a to-do row's 新建 by a role that does not draft
        dialogs.info(QCoreApplication.translate("NewDisclosureDialog", "新建公开记录"), reason, parent=parent)
        return None
    try:
        items = CatalogService(workspace.ctx).list_items()
    except CunwuError as exc:
        dialogs.error(QCoreApplication.translate("NewDisclosureDialog", "无法读取目录"), exc, parent=parent)
        return None
    if not items:
        dialogs.info(QCoreApplication.translate("NewDisclosureDialog", "新建公开记录"),
                     QCoreApplication.translate("NewDisclosureDialog",
                                                "目录中还没有启用的事项，请先在“公开事项目录”中添加或载入模板。"),
                     parent=parent)
        return None
    service = DisclosureService(workspace.ctx, clock=clock.service_clock)

    def create(v: NewDisclosure) -> DisclosureData:
        return service.create(v.item_code, v.period, v.title, kind=v.kind)

    return NewDisclosureDialog(items, create, item_code=item_code, period=period, parent=parent)
