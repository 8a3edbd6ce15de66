"""问卷: the village's opinion surveys (民意调查) — build a questionnaire, print it, type the returned
forms, have them typed a second time and settle the differences, see and print the results.

The list is `SurveyService.list` (标题, 调查时间, 对象, 已录入, 第二遍录入, 计入结果); every action works
on the selected survey. Enter or a double click opens the results; the right click lists the
actions. The windows it opens: the questionnaire editor (`desktop.surveys.editor`), the keyboard
entry screen (`entry_screen`), the double-entry check (`double_entry`) and the results
(`results_window`). Imports and exports run off the GUI thread.

Keyboard: Ctrl+N new survey, Ctrl+E type forms, Ctrl+P print the questionnaire, F5 reload.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError
from models.services.surveys import SurveyService, load_survey_template, survey_templates

from .. import dialogs, workers
from ..permissions import gate_all
from ..printing import actions as printing
from ..qtmodels.base import ObjectRole
from ..qtmodels.survey_models import COL_ID, COL_TITLE, SurveyListModel, SurveyRow
from ..read_only import keep_disabled
from ..registry import register_page
from ..row_list import RowList
from .table_page_parts import PageJobs, read_only_table

JSON_FILTER = QT_TRANSLATE_NOOP("SurveysPage", "问卷文件 (*.json)")
FORMS_FILTER = QT_TRANSLATE_NOOP("SurveysPage", "答卷表格 (*.xlsx *.csv)")
XLSX_FILTER = QT_TRANSLATE_NOOP("SurveysPage", "Excel 工作簿 (*.xlsx)")


class SurveysPage(PageJobs, QWidget):
    job_finished = Signal()  # an import or export ended (either way)

    def __init__(self, workspace, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = workspace
        self.active_dialog: QWidget | None = None  # the last window opened (tests, and no doubles)
        self._job: workers.Job | None = None
        self.results_window = None  # the results window open (its base is what 打印结果公告 uses)
        self._build()
        self.reload()
        self._just_built = True  # the first page_shown does not read it all again

    @property
    def service(self) -> SurveyService:
        return SurveyService(self.ws.ctx)

    # --- building ---------------------------------------------------------------------------
    def _action(self, text: str, tip: str, slot, shortcut: str | QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build(self) -> None:
        self.new_action = self._action(self.tr("新建问卷"), self.tr("从模板、空白或问卷文件新建（Ctrl+N）"), self.new_item)
        self.template_action = self._action(self.tr("从模板新建…"), self.tr("村务公开满意度、公开需求等模板，改好再保存"),
                                            self.new_from_template)
        self.blank_action = self._action(self.tr("空白问卷…"), self.tr("从空白开始编写问卷"), self.new_blank)
        self.file_action = self._action(self.tr("从问卷文件新建…"), self.tr("读入按规定格式写好的问卷文件（.json）"),
                                        self.new_from_file)
        self.edit_action = self._action(self.tr("修改问卷…"), self.tr("修改问卷的题目和选项；已录入答卷后只能修改文字"),
                                        self.edit_selected)
        self.entry_action = self._action(self.tr("录入答卷"), self.tr("用键盘逐份录入收回的纸质问卷（Ctrl+E）"),
                                         lambda: self.open_entry(1), "Ctrl+E")
        self.second_action = self._action(self.tr("第二遍录入"), self.tr("由另一人把同一批问卷再盲录一遍，用来查错"),
                                          lambda: self.open_entry(2))
        self.check_action = self._action(self.tr("核对两遍录入"), self.tr("列出两遍录入不一致的地方，逐项裁定"),
                                         self.open_double_entry)
        self.results_action = self._action(self.tr("查看结果"), self.tr("各题票数、百分比、图表和按小组统计（回车或双击）"),
                                           self.open_results)
        self.import_action = self._action(self.tr("导入答卷…"), self.tr("从 xlsx 或 csv 表格导入答卷，一行一份"),
                                          self.import_forms)
        self.export_action = self._action(self.tr("导出结果…"), self.tr("把统计结果导出为 xlsx"), self.export_results)
        self.print_questionnaire_action = self._action(
            self.tr("打印问卷…"), self.tr("预览并打印发给村民的纸质问卷（Ctrl+P）"), self.print_questionnaire,
            QKeySequence.StandardKey.Print)
        self.print_results_action = self._action(self.tr("打印结果公告…"), self.tr("预览并打印调查结果公告"),
                                                 self.print_results)
        self.reload_action = self._action(self.tr("刷新"), self.tr("重新读取问卷列表（F5）"), self.reload, "F5")
        keep_disabled(self.ws, self.new_action, self.template_action, self.blank_action, self.file_action,
                      self.edit_action, self.entry_action, self.second_action, self.check_action, self.import_action)

        self.new_menu = QMenu(self)
        for a in (self.template_action, self.blank_action, self.file_action):
            self.new_menu.addAction(a)
        self.new_button = QToolButton()
        self.new_button.setDefaultAction(self.new_action)
        self.new_button.setMenu(self.new_menu)
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addWidget(self.new_button)
        self.toolbar.addAction(self.edit_action)
        self.toolbar.addSeparator()
        for a in (self.entry_action, self.second_action, self.check_action, self.results_action):
            self.toolbar.addAction(a)
        self.toolbar.addSeparator()
        for a in (self.import_action, self.export_action):
            self.toolbar.addAction(a)
        self.toolbar.addSeparator()
        for a in (self.print_questionnaire_action, self.print_results_action):
            self.toolbar.addAction(a)

        self.model = SurveyListModel(self)
        self.view = read_only_table(self.model, self.tr("问卷"))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_ID, 50), (2, 170), (3, 90), (4, 70), (5, 150), (6, 80)):
            self.view.setColumnWidth(col, width)
        self.rows = RowList(self.view, activate=self.open_results,
                            actions=[self.results_action, self.entry_action, self.second_action, self.check_action,
                                     self.edit_action,
                                     self.import_action, self.export_action,
                                     self.print_questionnaire_action, self.print_results_action],
                            general_actions=[self.template_action, self.blank_action, self.file_action,
                                             self.reload_action])
        self.rows.selection_changed.connect(self._update_actions)

        self.count_label = QLabel()
        self.hint = QLabel(self.tr("问卷不记名：每份答卷只有问卷编号和（可选的）村民小组。"))
        self.hint.setStyleSheet("color: gray;")
        line = QHBoxLayout()
        line.addWidget(self.hint, 1)
        line.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addLayout(line)

    # --- page hooks -------------------------------------------------------------------------
    def new_item(self) -> None:
        """Ctrl+N: pick how to start (a template, blank, a file)."""
        templates = self._templates()
        labels = [self.tr("模板：%1（%2 题）").replace("%1", t.name).replace("%2", str(t.questions)) for t in templates]
        labels += [self.tr("空白问卷"), self.tr("从问卷文件（.json）")]
        choice = dialogs.choose(self.tr("新建问卷"), self.tr("从哪里开始："), labels, parent=self)
        if choice is None:
            return
        if choice < len(templates):
            self._edit_new(load_survey_template(templates[choice].id), template=templates[choice].id)
        elif choice == len(templates):
            self.new_blank()
        else:
            self.new_from_file()

    def page_shown(self) -> None:
        if not self._just_built:  # built for this showing: it has just read
            self.reload()
        self._just_built = False
        if not self.view.hasFocus():
            self.view.setFocus()

    # --- reading ----------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if isinstance(select_id, int) and not isinstance(select_id, bool) else self.selected_id()
        try:
            service = self.service
            rows = [SurveyRow(s, service.get(s.id).questionnaire.period) for s in service.list()]
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取问卷"), exc, parent=self)
            return
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("共 %1 份问卷").replace("%1", str(len(rows))))
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and rows:
            row = len(rows) - 1
        if row is not None:
            self.rows.select_row(self.model.index(row, 0))
        self._update_actions()

    def selected(self) -> SurveyRow | None:
        index = self.rows.current()
        return index.data(ObjectRole) if index is not None else None

    def selected_id(self) -> int | None:
        row = self.selected()
        return row.id if row is not None else None

    def _update_actions(self) -> None:
        row = self.selected()
        on = row is not None
        busy = self._job is not None
        for a in (self.edit_action, self.entry_action, self.second_action, self.results_action,
                  self.print_questionnaire_action, self.print_results_action):
            a.setEnabled(on)
        self.check_action.setEnabled(on and bool(row.summary.second_entries))
        self.import_action.setEnabled(on and not busy)
        self.export_action.setEnabled(on and not busy)
        gate_all([(a, "survey.edit") for a in (self.new_action, self.template_action, self.blank_action,
                                               self.file_action, self.edit_action, self.entry_action, self.second_action,
                                               self.import_action)]
                 + [(self.check_action, "survey.adjudicate")], self.ws)

    def _templates(self):
        try:
            return survey_templates()
        except (CunwuError, OSError, ValueError) as exc:
            dialogs.error(self.tr("无法读取问卷模板"), str(exc), parent=self)
            return []

    # --- new surveys ------------------------------------------------------------------------
    def new_from_template(self) -> None:
        templates = self._templates()
        if not templates:
            return
        labels = [self.tr("%1（%2 题）").replace("%1", t.name).replace("%2", str(t.questions)) for t in templates]
        choice = dialogs.choose(self.tr("从模板新建"), self.tr("选择模板（打开后可修改，保存才建立问卷）："), labels,
                                parent=self)
        if choice is None:
            return
        self._edit_new(load_survey_template(templates[choice].id), template=templates[choice].id)

    def new_blank(self) -> None:
        self._edit_new({"title": "", "purpose": "", "target": "全体村民", "questions": []}, template=None)

    def new_from_file(self) -> None:
        path = dialogs.open_file(self.tr("选择问卷文件"), self.tr(JSON_FILTER), purpose=dialogs.SURVEY_FILES, parent=self)
        if path is None:
            return
        try:
            saved = self.service.create_from_file(path)
        except CunwuError as exc:
            dialogs.error(self.tr("未能读入问卷文件"), exc, parent=self)
            return
        self.reload(select_id=saved.id)
        self._status(self.tr("已建立问卷 %1").replace("%1", saved.title))

    def _edit_new(self, doc: dict, *, template: str | None) -> None:
        self._open_editor(doc, lambda definition: self.service.create(definition, template=template),
                          self._created)

    def _open_editor(self, doc: dict, save, done) -> None:
        """The questionnaire editor on ``doc``; ``save(definition)`` stores it (a refusal keeps the
        editor open showing it) and ``done(saved)`` follows an accepted save."""
        from ..surveys.editor import SurveyEditor

        dialog = SurveyEditor(doc, save, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: done(dialog.saved))
        self.active_dialog = dialog
        dialog.open()
        dialog.title_edit.setFocus()

    def edit_selected(self) -> None:
        """修改问卷…: the selected questionnaire in the editor; the service decides what may change
        (everything before forms are typed, the wording after) and the editor shows its refusal."""
        survey_id = self.selected_id()
        if survey_id is None:
            return
        try:
            data = self.service.get(survey_id)
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取问卷"), exc, parent=self)
            return
        self._open_editor(
            data.questionnaire.to_json(),
            lambda definition: self.service.update(survey_id, definition, expected_version=data.version),
            self._changed)

    def _changed(self, saved) -> None:
        if saved is None:
            return
        self.reload(select_id=saved.id)
        self._status(self.tr("已修改问卷 %1").replace("%1", saved.title))

    def _created(self, saved) -> None:
        if saved is None:
            return
        self.reload(select_id=saved.id)
        self._status(self.tr("已建立问卷 %1").replace("%1", saved.title))

    # --- windows on the selected survey ----------------------------------------------------------
    def open_entry(self, entry: int) -> None:
        survey_id = self.selected_id()
        if survey_id is None:
            return
        from ..surveys.entry_screen import SurveyEntryScreen

        try:
            screen = SurveyEntryScreen(self.ws, survey_id, entry=entry, parent=self)
        except CunwuError as exc:
            dialogs.error(self.tr("无法录入"), exc, parent=self)
            return
        screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        screen.finished.connect(lambda _r: self.reload())
        self.active_dialog = screen
        screen.open()

    def open_double_entry(self) -> None:
        survey_id = self.selected_id()
        if survey_id is None:
            return
        from ..surveys.double_entry import DoubleEntryDialog

        try:
            dialog = DoubleEntryDialog(self.ws, survey_id, parent=self)
        except CunwuError as exc:
            dialogs.error(self.tr("无法核对"), exc, parent=self)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self.reload())
        self.active_dialog = dialog
        dialog.open()

    def open_results(self) -> None:
        survey_id = self.selected_id()
        if survey_id is None:
            return
        from ..surveys.results_window import SurveyResultsWindow

        try:
            window = SurveyResultsWindow(self.ws, survey_id, parent=self)
        except CunwuError as exc:
            dialogs.error(self.tr("无法读取调查结果"), exc, parent=self)
            return
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.destroyed.connect(lambda *_a: setattr(self, "results_window", None))
        self.active_dialog = window
        self.results_window = window
        window.show()

    # --- printing ---------------------------------------------------------------------------
    def print_questionnaire(self) -> None:
        survey_id = self.selected_id()
        if survey_id is not None:
            self.active_dialog = printing.preview_survey(self.ws, survey_id, "questionnaire", self)

    def print_results(self) -> None:
        """The result notice, over the base picked in the survey's open results window (or the
        notice's default, 占选择总数)."""
        survey_id = self.selected_id()
        if survey_id is None:
            return
        window = self.results_window
        base = window.base() if window is not None and window.survey_id == survey_id else "selections"
        self.active_dialog = printing.preview_survey(self.ws, survey_id, "results", self, base=base)

    # --- files, off the GUI thread -----------------------------------------------------------------
    def import_forms(self) -> None:
        row = self.selected()
        if row is None:
            return
        path = dialogs.open_file(self.tr("导入答卷"), self.tr(FORMS_FILTER), purpose=dialogs.SURVEY_FILES, parent=self)
        if path is None:
            return
        entry = 1
        if row.summary.first_entries:
            choice = dialogs.ask(self.tr("导入答卷"), self.tr("这个文件是第几遍录入的？"),
                                 [self.tr("第一遍录入"), self.tr("第二遍录入（用于核对）")], parent=self)
            if choice is None:
                return
            entry = choice + 1
        ctx, survey_id = self.ws.ctx, row.id
        self._run(lambda _p, _c: SurveyService(ctx).import_forms(survey_id, path, entry=entry), self._imported,
                  self.tr("正在导入 %1……").replace("%1", path.name), self.tr("未能导入答卷"))

    def _imported(self, summary) -> None:
        self.reload()
        dialogs.info(self.tr("导入答卷"), self.tr("已从 %1 导入 %2 份答卷（%3）。").replace("%1", summary.file)
                     .replace("%2", str(summary.forms))
                     .replace("%3", self.tr("第二遍录入") if summary.entry == 2 else self.tr("第一遍录入")), parent=self)

    def export_results(self) -> None:
        row = self.selected()
        if row is None:
            return
        name = self.tr("%1调查结果.xlsx").replace("%1", row.summary.title)
        path = dialogs.save_file(self.tr("导出调查结果"), self.tr(XLSX_FILTER), suggested=name,
                                 purpose=dialogs.EXPORT_SURVEY, parent=self)
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        ctx, survey_id = self.ws.ctx, row.id
        self._run(lambda _p, _c: SurveyService(ctx).export_results(survey_id, path), self._exported,
                  self.tr("正在导出到 %1……").replace("%1", path.name), self.tr("未能导出"))

    def _exported(self, path) -> None:
        dialogs.info(self.tr("导出调查结果"), self.tr("已导出到\n%1").replace("%1", str(path)), parent=self)


register_page("surveys", QT_TRANSLATE_NOOP("Pages", "问卷"), SurveysPage, icon=None, order=8)
