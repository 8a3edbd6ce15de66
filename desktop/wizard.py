"""First-run wizard: what this installation is (village or township), its names and code, a template.

Finishing calls `models.services.setup.initialize`, which creates the database; any refusal is shown
and the wizard stays open. Codes are checked as they are typed with the same rule the service uses
(`region_code_problem`, via `setup_problems`), and 下一步 stays disabled while anything is wrong.
"""

from __future__ import annotations

from pathlib import Path

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
from models.services.setup import initialize, setup_problems
from models.services.templates import TemplateInfo, default_template_id, list_templates
from models.storage import Database

from . import dialogs

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
        self.template_page = TemplatePage(self)
        self.addPage(self.mode_page)
        self.addPage(self.identity_page)
        self.addPage(self.template_page)
        if operator:
            self.identity_page.operator_edit.setText(operator)
        self.resize(620, 460)

    def create_database(self) -> bool:
        """Run initialize(); on refusal show why and stay on the page."""
        if self.database is not None:
            return True
        values = self.identity_page.values()
        try:
            self.database = initialize(self.db_path, template_id=self.template_page.template_id(), **values)
        except CunwuError as exc:
            dialogs.error(self.tr("未能完成初始设置"), exc, parent=self)
            return False
        except OSError as exc:  # the folder cannot be created or written
            dialogs.error(self.tr("未能完成初始设置"), self.tr("无法在 %1 创建数据库：%2")
                          .replace("%1", str(self.db_path)).replace("%2", exc.strerror or str(exc)), parent=self)
            return False
        return True
