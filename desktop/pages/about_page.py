"""关于与设置: what this installation is (its template by name), the start month, the catalog's adoption
dates, integrity and backups, the interface language, files. Settings of the data go through the settings registry
(`models.services.settings.SettingsService`), the same the CLI's `cunwu settings` and the wizard use."""

from __future__ import annotations

from datetime import date

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, qVersion
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models import __version__ as app_version
from models.errors import CunwuError
from models.rules.periods import parse_period
from models.services.settings import SettingsService
from models.services.setup import InstallationData, record_adoption
from models.services.templates import template_name

from .. import dialogs
from ..editors.period_picker import PeriodPicker
from ..formats import period_label
from ..forms import open_owned
from ..permissions import actor_text, gate_all
from ..read_only import keep_disabled
from ..registry import register_page
from ..settings import LANGUAGES


class _OptionalDate(QWidget):
    """A date that may be unset: a checkbox enabling a calendar date edit."""

    def __init__(self, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setDate(QDate.currentDate())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.edit.setEnabled(False)
        self.setFocusProxy(self.check)

    def value(self) -> date | None:
        return self.edit.date().toPython() if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


class AboutPage(QWidget):
    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.mode_label = QLabel()
        self.name_label = QLabel()
        self.code_label = QLabel()
        self.township_label = QLabel()
        self.operator_label = QLabel()
        self.actor_label = QLabel()
        self.template_label = QLabel()
        unit = QGroupBox(self.tr("本单位"))
        form = QFormLayout(unit)
        form.addRow(self.tr("模式"), self.mode_label)
        form.addRow(self.tr("名称"), self.name_label)
        form.addRow(self.tr("统计用区划代码"), self.code_label)
        form.addRow(self.tr("所属乡镇（街道）"), self.township_label)
        form.addRow(self.tr("操作员"), self.operator_label)
        form.addRow(self.tr("当前操作人"), self.actor_label)
        form.addRow(self.tr("初始目录模板"), self.template_label)
        for label in (self.mode_label, self.name_label, self.code_label, self.township_label, self.operator_label,
                      self.actor_label, self.template_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        adoption = QGroupBox(self.tr("目录的会商与认可（部门梳理、乡镇会商、村级认可）"))
        self.consulted = _OptionalDate(self.tr("已会商"))
        self.adopted = _OptionalDate(self.tr("已认可"))
        self.adopted_by_edit = QLineEdit()
        self.adopted_by_edit.setPlaceholderText(self.tr("如：村民代表会议"))
        self.save_adoption_button = QPushButton(self.tr("保存会商与认可"))
        aform = QFormLayout(adoption)
        aform.addRow(self.tr("乡镇会商日期"), self.consulted)
        aform.addRow(self.tr("村级认可日期"), self.adopted)
        aform.addRow(self.tr("认可方式 / 认可人"), self.adopted_by_edit)
        aform.addRow("", self.save_adoption_button)
        self.save_adoption_button.clicked.connect(self.save_adoption)

        ui = QGroupBox(self.tr("界面"))
        self.language_combo = QComboBox()
        names = {"zh": "中文", "en": "English"}
        for code in LANGUAGES:
            self.language_combo.addItem(names[code], code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(self.ws.settings.language)))
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel(self.tr("更改语言后，重新启动程序生效。"))
        self.language_note.setStyleSheet("color: gray;")
        uform = QFormLayout(ui)
        uform.addRow(self.tr("语言"), self.language_combo)
        uform.addRow("", self.language_note)

        records = QGroupBox(self.tr("记录与统计"))
        self.since_picker = PeriodPicker()
        self.since_picker.set_kind("month")
        self.since_picker.setAccessibleName(self.tr("开始记录的月份"))
        self.save_since_button = QPushButton(self.tr("保存"))
        self.save_since_button.setToolTip(self.tr("此前应公开的事项不统计是否按时，也不显示为逾期"))
        self.save_since_button.clicked.connect(self.save_since)
        self.since_note = QLabel(self.tr("本程序从这个月起记录本村的公开；此前应公开的事项不统计是否按时，也不显示为逾期。"))
        self.since_note.setWordWrap(True)
        self.since_note.setStyleSheet("color: gray;")
        since_row = QHBoxLayout()
        since_row.addWidget(self.since_picker)
        since_row.addWidget(self.save_since_button)
        since_row.addStretch(1)
        rform = QFormLayout(records)
        rform.addRow(self.tr("开始记录的月份"), since_row)
        rform.addRow("", self.since_note)

        calendar = QGroupBox(self.tr("工作日历与答复期限"))
        self.calendar_button = QPushButton(self.tr("节假日与答复期限…"))
        self.calendar_button.setToolTip(self.tr("录入以后年份的放假和调休上班日期，设置群众意见的答复期限"))
        self.calendar_button.clicked.connect(self.open_calendar)
        cform = QFormLayout(calendar)
        cform.addRow(self.tr("工作日计算"), self.calendar_button)

        accounts = QGroupBox(self.tr("账户与权限"))
        self.accounts_button = QPushButton(self.tr("账户管理…"))
        self.accounts_button.setToolTip(self.tr("新增文书、监委会成员的账户，停用账户，重设密码；谁可以打印完整信息"))
        self.accounts_button.clicked.connect(self.open_accounts)
        acform = QFormLayout(accounts)
        acform.addRow(self.tr("账户"), self.accounts_button)

        printing = QGroupBox(self.tr("打印"))
        self.print_settings_button = QPushButton(self.tr("打印设置…"))
        self.print_settings_button.setToolTip(self.tr("公告末尾的监督电话、受理单位、落款和异议说明"))
        self.print_settings_button.clicked.connect(self.open_print_settings)
        pform = QFormLayout(printing)
        pform.addRow(self.tr("公告页脚"), self.print_settings_button)
        keep_disabled(self.ws, self.save_adoption_button, self.save_since_button, self.calendar_button,
                      self.print_settings_button)

        from ..integrity import IntegrityBox

        self.integrity_box = IntegrityBox(self.ws)

        files = QGroupBox(self.tr("文件与版本"))
        fform = QFormLayout(files)
        for title, value in ((self.tr("数据库"), str(self.ws.db_path)),
                             (self.tr("数据文件夹"), str(self.ws.data_dir)),
                             (self.tr("日志文件"), str(self.ws.log_path)),
                             (self.tr("设置文件"), str(self.ws.settings.path)),
                             (self.tr("版本"), f"cunwu {app_version} · Qt {qVersion()} · PySide6 {pyside_version}")):
            label = QLabel(value)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            fform.addRow(title, label)

        gate_all(((self.save_adoption_button, "catalog.edit"), (self.calendar_button, "calendar.edit"),
                  (self.print_settings_button, "settings.edit"), (self.save_since_button, "settings.edit"),
                  (self.accounts_button, "users.manage")), self.ws)

        inner = QWidget()
        layout = QVBoxLayout(inner)
        for box in (unit, accounts, records, adoption, calendar, printing, self.integrity_box, ui, files):
            layout.addWidget(box)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def refresh(self) -> None:
        try:
            inst = self.ws.refresh_installation()
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取本单位信息"), exc, parent=self)
            return
        self._show(inst)
        self.integrity_box.refresh()

    def _show(self, inst: InstallationData) -> None:
        none = self.tr("（未填）")
        self.mode_label.setText(self.tr("村（社区）") if inst.mode == "village" else self.tr("乡镇（街道）"))
        self.name_label.setText(inst.name)
        self.code_label.setText(inst.code)
        self.township_label.setText(inst.township or none)
        self.operator_label.setText(inst.operator)
        self.actor_label.setText(actor_text(self.ws))
        # The template's name, as the wizard offered it; its id only if this version no longer ships it.
        name = template_name(inst.template_id) if inst.template_id else None
        self.template_label.setText(name or inst.template_id or self.tr("空目录"))
        try:
            since = SettingsService(self.ws.ctx).get("schedule.since")
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取设置"), exc, parent=self)
        else:
            self.since_picker.set_period(f"{since.year}-M{since.month:02d}")
        self.consulted.set_value(inst.consulted_on)
        self.adopted.set_value(inst.adopted_on)
        self.adopted_by_edit.setText(inst.adopted_by or "")

    def save_adoption(self) -> None:
        try:
            inst = record_adoption(self.ws.ctx, consulted_on=self.consulted.value(), adopted_on=self.adopted.value(),
                                   adopted_by=self.adopted_by_edit.text().strip() or None)
        except CunwuError as exc:
            dialogs.error(self.tr("未保存"), exc, parent=self)
            return
        self.ws.refresh_installation()
        self._show(inst)
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.tr("已保存目录的会商与认可日期"), 6000)

    def save_since(self) -> None:
        """Change the start month (`schedule.since`), by the settings registry's rule."""
        value = parse_period(self.since_picker.period()).start
        try:
            saved = SettingsService(self.ws.ctx).set("schedule.since", value)
        except CunwuError as exc:
            dialogs.error(self.tr("未保存"), exc, parent=self)
            return
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.tr("已保存：本程序从 %1 起记录").replace("%1", period_label(
                f"{saved.year}-M{saved.month:02d}")), 6000)

    def open_calendar(self) -> None:
        from ..editors.calendar_dialog import CalendarDialog

        open_owned(self, "calendar_dialog", CalendarDialog(self.ws, parent=self))

    def open_accounts(self) -> None:
        from ..editors.accounts_dialog import AccountsDialog

        open_owned(self, "accounts_dialog", AccountsDialog(self.ws, parent=self))

    def open_print_settings(self) -> None:
        from ..printing.settings_dialog import open_print_settings

        self.print_settings_dialog = open_print_settings(self.ws, self)

    def _language_changed(self) -> None:
        self.ws.settings.language = self.language_combo.currentData()
        self.language_note.setStyleSheet("color: #b26a00;")


register_page("about", QT_TRANSLATE_NOOP("Pages", "关于与设置"), AboutPage, order=90)
