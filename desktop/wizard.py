"""First-run wizard: what this installation is (village or township), its names and code, from which
month it keeps its disclosures here, the print footer, a template.

Finishing calls `models.services.setup.initialize`, which creates the database together with the first
account, an admin (村干部) named and given a password on the 管理员账户 page; the app then starts signed
in as that admin. Any refusal is shown and the wizard stays open. Codes are checked as they are typed with the same rule the service uses
(`region_code_problem`, via `setup_problems`); the start month and the footer by the settings registry's
rules (`models.services.settings`). 下一步 stays disabled while anything is wrong. 帮助 (F1) opens the
quick guide.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from models.errors import CunwuError
from models.rules.footer import phone_entry
from models.rules.periods import parse_period
from models.services.accounts import new_account_problems, sign_in
from models.services.context import Actor
from models.services.settings import check_setting
from models.services.setup import initialize, setup_problems
from models.services.templates import TemplateInfo, default_template_id, list_templates
from models.storage import Database

from . import clock, dialogs
from .editors.period_picker import PeriodPicker
from .printing.footer_form import FooterForm
from .screen_fit import fit_to_screen

_ERROR_STYLE = "color: #c62828;"


class ModePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("欢迎使用村务公开"))
        self.setSubTitle(self.tr("先说明这台电脑给谁用。以后不能更改。"))
        self.village_radio = QRadioButton(self.tr("村（社区）— 村文书录入、打印公开内容"))
        self.township_radio = QRadioButton(self.tr("乡镇（街道）— 汇总、审核所辖各村的公开情况"))
        self.village_radio.setChecked(True)
        self.group = QButtonGroup(self)
        self.group.addButton(self.village_radio)
        self.group.addButton(self.township_radio)
        layout = QVBoxLayout(self)
        layout.addWidget(self.village_radio)
        layout.addWidget(self.township_radio)
        layout.addStretch(1)

    def mode(self) -> str:
        return "village" if self.village_radio.isChecked() else "township"


class IdentityPage(QWizardPage):
    def __init__(self, mode_page: ModePage, parent: QWidget | None = None):
        super().__init__(parent)
        self.mode_page = mode_page
        self._touched: set[str] = set()
        self.name_edit = QLineEdit()
        self.code_edit = QLineEdit()
        self.code_edit.setMaxLength(12)
        self.township_edit = QLineEdit()
        self.operator_edit = QLineEdit()
        self.operator_edit.setPlaceholderText(self.tr("您的姓名，记入每一次修改"))
        self.message_label = QLabel()
        self.message_label.setObjectName("problems")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(_ERROR_STYLE)
        self.name_label = QLabel()
        self.code_label = QLabel(self.tr("统计用区划代码"))
        self.township_label = QLabel(self.tr("所属乡镇（街道）"))
        self.operator_label = QLabel(self.tr("操作员"))
        for label, edit in ((self.name_label, self.name_edit), (self.code_label, self.code_edit),
                            (self.township_label, self.township_edit), (self.operator_label, self.operator_edit)):
            label.setBuddy(edit)
        form = QFormLayout(self)
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.code_label, self.code_edit)
        form.addRow(self.township_label, self.township_edit)
        form.addRow(self.operator_label, self.operator_edit)
        form.addRow(self.message_label)
        for key, edit in (("名称", self.name_edit), ("区划代码", self.code_edit),
                          ("所属乡镇", self.township_edit), ("操作员", self.operator_edit)):
            edit.textEdited.connect(lambda _text, key=key: self._touch(key))
            edit.textChanged.connect(self._revalidate)

    def initializePage(self) -> None:
        village = self.mode_page.mode() == "village"
        self.setTitle(self.tr("本村信息") if village else self.tr("本乡镇信息"))
        self.setSubTitle(self.tr("区划代码可在国家统计局“统计用区划代码”中查到：村 12 位，乡镇 9 位。"))
        self.name_label.setText(self.tr("村（社区）名称") if village else self.tr("乡镇（街道）名称"))
        self.name_edit.setPlaceholderText(self.tr("如：平乐村") if village else self.tr("如：平乐镇"))
        self.code_edit.setMaxLength(12 if village else 9)
        self.code_edit.setPlaceholderText(self.tr("12 位数字，如 410322100201") if village
                                          else self.tr("9 位数字，如 410322100"))
        self.township_label.setVisible(village)
        self.township_edit.setVisible(village)
        self._revalidate()

    def values(self) -> dict:
        village = self.mode_page.mode() == "village"
        return {
            "mode": self.mode_page.mode(),
            "code": self.code_edit.text().strip(),
            "name": self.name_edit.text().strip(),
            "township": self.township_edit.text().strip() if village else None,
            "operator": self.operator_edit.text().strip(),
        }

    def problems(self):
        return setup_problems(**self.values())

    def _touch(self, key: str) -> None:
        self._touched.add(key)

    def _revalidate(self) -> None:
        shown = [p.message for p in self.problems() if p.field in self._touched]
        self.message_label.setText("\n".join(shown))
        self.message_label.setVisible(bool(shown))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.problems()


class AdminPage(QWizardPage):
    """The first account: an admin (村干部), who later adds the clerk's and the committee's accounts."""

    def __init__(self, identity_page: IdentityPage, parent: QWidget | None = None):
        super().__init__(parent)
        self.identity_page = identity_page
        self._touched: set[str] = set()
        self.setTitle(self.tr("管理员账户"))
        self.setSubTitle(self.tr("村干部（管理员）账户管理其他人的账户和设置。以后每次打开程序都要用账户登录；"
                                 "文书、监委会成员的账户由管理员在“关于与设置”中添加。"))
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(50)
        self.name_edit.setPlaceholderText(self.tr("村干部姓名，登录时的用户名"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("至少 8 个字符"))
        self.repeat_edit = QLineEdit()
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message_label = QLabel()
        self.message_label.setObjectName("problems")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(_ERROR_STYLE)
        form = QFormLayout(self)
        for text, edit in ((self.tr("用户名"), self.name_edit), (self.tr("密码"), self.password_edit),
                           (self.tr("确认密码"), self.repeat_edit)):
            label = QLabel(text)
            label.setBuddy(edit)
            edit.setAccessibleName(text)
            form.addRow(label, edit)
        form.addRow(self.message_label)
        for key, edit in (("用户名", self.name_edit), ("密码", self.password_edit), ("确认密码", self.repeat_edit)):
            edit.textEdited.connect(lambda _text, key=key: self._touch(key))
            edit.textChanged.connect(self._revalidate)

    def initializePage(self) -> None:
        if not self.name_edit.text().strip():
            self.name_edit.setText(self.identity_page.values()["operator"])
        self._revalidate()

    def values(self) -> tuple[str, str]:
        return self.name_edit.text().strip(), self.password_edit.text()

    def problems(self):
        name, password = self.values()
        return new_account_problems(name, "admin", password, self.repeat_edit.text())

    def _touch(self, key: str) -> None:
        self._touched.add(key)

    def _revalidate(self) -> None:
        shown = [p.message for p in self.problems()
                 if p.field in self._touched or (p.field == "确认密码" and self.repeat_edit.text())]
        self.message_label.setText("\n".join(shown))
        self.message_label.setVisible(bool(shown))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.problems()


class SincePage(QWizardPage):
    """从哪个月起记录: the start month (`schedule.since`), default this month."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("从哪个月起记录"))
        self.setSubTitle(self.tr("本程序从这个月起记录本村的公开。此前应公开的事项不统计是否按时，也不会显示为逾期。"))
        self.picker = PeriodPicker()
        self.picker.set_kind("month")
        today = clock.today()
        self.picker.set_period(f"{today.year}-M{today.month:02d}")
        self.picker.setAccessibleName(self.tr("开始记录的月份"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: gray;")
        self.message_label = QLabel()
        self.message_label.setObjectName("problems")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(_ERROR_STYLE)
        form = QFormLayout(self)
        form.addRow(self.tr("开始记录的月份"), self.picker)
        form.addRow(self.note)
        form.addRow(self.message_label)
        self.picker.changed.connect(self._revalidate)
        self._revalidate()

    def value(self) -> date:
        return parse_period(self.picker.period()).start

    def problems(self) -> list[str]:
        return check_setting("schedule.since", self.value(), clock.today())

    def _revalidate(self) -> None:
        problems = self.problems()
        self.message_label.setText("\n".join(problems))
        self.message_label.setVisible(bool(problems))
        self.note.setText(self.tr("待办页将说明：本程序从 %1 起记录；此前的公开不在统计之内。以后可在“关于与设置”中修改。")
                          .replace("%1", self.picker.label()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.problems()


class FooterPage(QWizardPage):
    """公告页脚: 监督电话, 受理单位, 通讯地址, 邮箱, 落款 — printed at the end of every notice; may be left
    for later. The defaults shown follow the install mode (village or township)."""

    def __init__(self, identity_page: IdentityPage, parent: QWidget | None = None, *, mode_page=None):
        super().__init__(parent)
        self.identity_page = identity_page
        self.mode_page = mode_page
        self.setTitle(self.tr("公告页脚"))
        self.setSubTitle(self.tr("印在每份公告末尾：群众向谁反映、打哪个电话。留空的项目使用括号中的默认内容；"
                                 "以后可在“关于与设置 → 打印设置”中修改。"))
        self.form = FooterForm("", objection=False)
        self.no_phone_note = QLabel(self.tr("还没有填监督电话：公告将不印监督电话，待办页会提醒您补上。"))
        self.no_phone_note.setWordWrap(True)
        self.no_phone_note.setStyleSheet("color: #b26a00;")
        self.message_label = QLabel()
        self.message_label.setObjectName("problems")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(_ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.no_phone_note)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        for edit in (self.form.accepting_edit, self.form.issuer_edit, self.form.address_edit, self.form.email_edit):
            edit.textChanged.connect(self._revalidate)
        self.form.phones_edit.textChanged.connect(self._revalidate)
        self._revalidate()

    def initializePage(self) -> None:
        if self.mode_page is not None:
            self.form.mode = self.mode_page.mode()
        self.form.set_village(self.identity_page.values()["name"])
        self._revalidate()

    def settings(self) -> dict:
        """The footer as registry settings, for `initialize(settings=…)`."""
        values = self.form.values()
        return {"footer.phones": [phone_entry(line) for line in values["phones"]],
                "footer.unit": values["accepting_unit"].strip(), "footer.issuer": values["issuer"].strip(),
                "footer.address": values["address"].strip(), "footer.email": values["email"].strip()}

    def _revalidate(self) -> None:
        problems = [p.message for p in self.form.problems()]
        self.message_label.setText("\n".join(problems))
        self.message_label.setVisible(bool(problems))
        self.no_phone_note.setVisible(not self.form.phones())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.form.problems()


class TemplatePage(QWizardPage):
    EMPTY = ""

    def __init__(self, wizard: FirstRunWizard, parent: QWidget | None = None):
        super().__init__(parent)
        self._wizard = wizard
        self.setTitle(self.tr("公开事项目录"))
        self.setSubTitle(self.tr("选一个随程序提供的目录模板作为起点，以后可逐项修改；也可以从空目录开始。"))
        self.group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        self._layout = QVBoxLayout(self)
        self.where_label = QLabel()
        self.where_label.setWordWrap(True)
        self.setCommitPage(False)

    def initializePage(self) -> None:
        for radio in self.choices.values():
            self.group.removeButton(radio)
            radio.deleteLater()
        self.choices.clear()
        while self._layout.count():
            self._layout.takeAt(0)
        mode = self._wizard.mode_page.mode()
        try:
            templates: list[TemplateInfo] = [t for t in list_templates() if t.mode == mode]
        except (CunwuError, OSError, ValueError) as exc:
            dialogs.error(self.tr("无法读取目录模板"), exc, parent=self)
            templates = []
        for t in templates:
            radio = QRadioButton(self.tr("%1（%2 项）").replace("%1", t.name).replace("%2", str(t.items)))
            if t.description:
                radio.setToolTip(t.description)
            self.choices[t.id] = radio
        empty = QRadioButton(self.tr("空目录（以后导入 xlsx 或逐项添加）"))
        self.choices[self.EMPTY] = empty
        for radio in self.choices.values():
            self.group.addButton(radio)
            self._layout.addWidget(radio)
        default = default_template_id(mode) if templates else None
        self.choices[default if default in self.choices else self.EMPTY].setChecked(True)
        self._layout.addStretch(1)
        self.where_label.setText(self.tr("点“完成”后，将在以下位置创建数据库：\n%1")
                                 .replace("%1", str(self._wizard.db_path)))
        self._layout.addWidget(self.where_label)

    def template_id(self) -> str | None:
        for tid, radio in self.choices.items():
            if radio.isChecked():
                return tid or None
        return None

    def validatePage(self) -> bool:
        return self._wizard.create_database()


class FirstRunWizard(QWizard):
    def __init__(self, db_path: Path, *, operator: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.database: Database | None = None
        self.actor: Actor | None = None  # the admin, signed in, once the database is created
        self.setWindowTitle(self.tr("村务公开 — 初始设置"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        for button, text in ((QWizard.WizardButton.BackButton, self.tr("< 上一步")),
                             (QWizard.WizardButton.NextButton, self.tr("下一步 >")),
                             (QWizard.WizardButton.FinishButton, self.tr("完成")),
                             (QWizard.WizardButton.CancelButton, self.tr("取消"))):
            self.setButtonText(button, text)
        self.mode_page = ModePage()
        self.identity_page = IdentityPage(self.mode_page)
        self.admin_page = AdminPage(self.identity_page)
        self.since_page = SincePage()
        self.footer_page = FooterPage(self.identity_page, mode_page=self.mode_page)
        self.template_page = TemplatePage(self)
        for page in (self.mode_page, self.identity_page, self.admin_page, self.since_page, self.footer_page,
                     self.template_page):
            self.addPage(page)
        self.setOption(QWizard.WizardOption.HaveHelpButton, True)
        self.setButtonText(QWizard.WizardButton.HelpButton, self.tr("帮助"))
        self.helpRequested.connect(self.show_help)
        self.help_window = None
        QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self, self.show_help)  # F1
        if operator:
            self.identity_page.operator_edit.setText(operator)
        fit_to_screen(self, 640, 520)

    def create_database(self) -> bool:
        """Run initialize(); on refusal show why and stay on the page."""
        if self.database is not None:
            return True
        values = self.identity_page.values()
        admin, password = self.admin_page.values()
        try:
            self.database = initialize(self.db_path, template_id=self.template_page.template_id(),
                                       since=self.since_page.value(), settings=self.footer_page.settings(),
                                       admin=admin, admin_password=password, **values)
            self.actor = sign_in(self.database, admin, password)
        except CunwuError as exc:
            dialogs.error(self.tr("未能完成初始设置"), exc, parent=self)
            return False
        except OSError as exc:  # the folder cannot be created or written
            dialogs.error(self.tr("未能完成初始设置"), self.tr("无法在 %1 创建数据库：%2")
                          .replace("%1", str(self.db_path)).replace("%2", exc.strerror or str(exc)), parent=self)
            return False
        self.admin_page.password_edit.clear()  # the password lives no longer than it must
        self.admin_page.repeat_edit.clear()
        return True

    def show_help(self):
        """The quick guide (F1 or 帮助), beside the wizard."""
        from .help import show_guide

        self.help_window = show_guide(self)
        return self.help_window
