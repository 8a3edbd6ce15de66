"""问卷 page: forms typed with the keyboard only (skips, 其他, refusals, corrections, the blind second
pass), the double-entry check, the results with their base switch and chart, the list by mouse, and
the questionnaire editor. Everything is written through the real service into a real SQLite file and
read back through it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.services.surveys import SurveyService

from .keyboard import press, type_text, wait_active
from .mouse import click_row, double_click_row, record_menus, right_click_at, row_center
from .records_support import show_page

# The shipped 村务公开满意度 template: Q2 "C 没有看过" skips to Q5; Q3 multiple (max 3) with F 其他;
# Q4, Q5 rating; Q6 multiple, optional, E 其他; Q7 free text, optional.


@pytest.fixture
def service(workspace):
    return SurveyService(workspace.ctx)


@pytest.fixture
def survey(service):
    return service.create_from_template("satisfaction")


@pytest.fixture
def page(qtbot, workspace, survey):
    from desktop.pages.surveys_page import SurveysPage

    page = show_page(qtbot, SurveysPage(workspace), 1200, 700)
    page.activateWindow()
    wait_active(qtbot, page)
    return page


def focused_name() -> str:
    widget = QApplication.focusWidget()
    return widget.accessibleName() if widget is not None else ""


def enter(qtbot, text: str = "") -> None:
    """Type into the focused field and press Enter, as the clerk does."""
    widget = QApplication.focusWidget()
    assert widget is not None, "no field has the keyboard focus"
    if text:
        type_text(qtbot, widget, text)
    press(qtbot, Qt.Key.Key_Return)


def open_entry(qtbot, page, shortcut: bool = True, entry: int = 1):
    if shortcut:
        page.view.setFocus()
        press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    else:
        page.open_entry(entry)
    screen = page.active_dialog
    assert screen is not None and screen.entry == entry
    wait_active(qtbot, screen)
    assert focused_name() == "问卷编号"
    return screen


def wait_saved(qtbot, screen) -> None:
    qtbot.waitUntil(lambda: screen.pending() == 0, timeout=5000)


def test_survey_page_sits_beside_records_in_the_sidebar(make_window):
    window = make_window()
    keys = window.page_keys()
    assert keys.index("surveys") == keys.index("records") + 1
    assert window.page_titles()[keys.index("surveys")] == "问卷"


def test_three_forms_typed_with_the_keyboard_only_including_a_skip(qtbot, page, survey, service):
    screen = open_entry(qtbot, page)  # Ctrl+E on the list

    # Form 1: every question, Q3 with 其他 and its text (Enter on F asks for the text).
    for text, then in (("1", "村民小组"), ("3", "第1题"), ("a", "第2题"), ("1", "第3题"),
                       ("abf", "第3题“其他”的内容"), ("road", "第4题"), ("2", "第5题"), ("a", "第6题"),
                       ("ab", "第7题")):
        enter(qtbot, text)
        assert focused_name() == then, (text, screen.message.text())
    enter(qtbot, "good")  # Enter on the last question saves and starts the next blank form
    assert focused_name() == "问卷编号"
    assert screen.respondent_edit.text() == "" and all(r.edit.text() == "" for r in screen.rows)

    # Form 2: Q2 = C (没有看过) skips to Q5; Q3 and Q4 are blanked and greyed on screen.
    for text in ("2", "2", "b"):
        enter(qtbot, text)
    enter(qtbot, "c")
    assert focused_name() == "第5题"
    assert screen.skipped() == [3, 4]
    for row in screen.rows[2:4]:
        assert not row.edit.isEnabled() and row.edit.text() == "" and row.shown.text() == "（跳过）"
    assert "第3–4题跳过" in screen.message.text()
    enter(qtbot, "3")
    enter(qtbot)  # Q6 optional: left blank
    enter(qtbot)  # Q7 optional: blank, saves

    # Form 3: digits for letters, several letters for a multiple choice, no group.
    for text in ("3", "", "1", "b", "CDE", "5", "b", "4"):
        enter(qtbot, text)
    enter(qtbot)
    wait_saved(qtbot, screen)

    forms = {f.respondent: f for f in service.forms(survey.id)}
    assert sorted(forms) == [1, 2, 3]
    assert forms[1].group == "3"
    assert forms[1].answers == {"1": "A", "2": "A", "3": "ABF", "3_other": "road", "4": "B", "5": "A",
                                "6": "AB", "7": "good"}
    assert forms[2].group == "2"
    assert forms[2].answers == {"1": "B", "2": "C", "5": "C"}  # Q3, Q4 skipped: blank
    assert forms[3].group is None
    assert forms[3].answers == {"1": "A", "2": "B", "3": "CDE", "4": "E", "5": "B", "6": "D"}
    assert screen.count_label.text() == "本遍已录入 3 份"
    # Saving never held the keyboard: Enter → the next blank form, measured on the GUI thread.
    assert len(screen.save_times_ms) == 3


def test_going_back_and_changing_an_answer_blanks_the_questions_it_now_skips(qtbot, page, survey, service):
    screen = open_entry(qtbot, page)
    for text in ("7", "", "a", "a", "ab", "b"):
        enter(qtbot, text)
    assert focused_name() == "第5题"
    assert screen.rows[2].edit.text() == "ab" and screen.rows[3].edit.text() == "b"
    for _ in range(3):  # Up, Up, Up: Q4, Q3, Q2
        press(qtbot, Qt.Key.Key_Up)
    assert focused_name() == "第2题"
    enter(qtbot, "c")  # the field's text was selected: typing replaces it
    assert screen.rows[1].edit.text() == "c"
    assert focused_name() == "第5题"
    assert screen.rows[2].edit.text() == "" and screen.rows[3].edit.text() == ""
    assert screen.skipped() == [3, 4]


def test_refusals_name_the_question_and_save_nothing(qtbot, page, survey, service):
    service.save_form(survey.id, 1, {"1": "A", "2": "C", "5": "A"})
    screen = open_entry(qtbot, page)

    enter(qtbot, "1")  # a number already typed in this pass
    assert focused_name() == "问卷编号"
    assert "问卷编号 1 已经录入过" in screen.message.text()
    enter(qtbot, "zhang")  # a name is not a form number: the survey is anonymous
    assert focused_name() == "问卷编号" and "问卷编号" in screen.message.text()
    screen.respondent_edit.selectAll()
    enter(qtbot, "2")
    enter(qtbot)
    assert focused_name() == "第1题"

    enter(qtbot)  # a required question left blank
    assert focused_name() == "第1题" and "第 1 题：必答题未填" in screen.message.text()
    enter(qtbot, "z")  # an option the question does not have
    assert focused_name() == "第1题" and "第 1 题：选项“Z”不存在（本题选项为 AB）" in screen.message.text()
    screen.rows[0].edit.selectAll()
    enter(qtbot, "ab")  # several letters in a single choice
    assert focused_name() == "第1题" and "第 1 题" in screen.message.text() and "只能选一项" in screen.message.text()
    screen.rows[0].edit.selectAll()
    enter(qtbot, "b")
    enter(qtbot, "a")
    enter(qtbot, "abcd")  # more than the maximum of three
    assert focused_name() == "第3题"
    assert "第 3 题：最多选 3 项，选了 4 项（ABCD）" in screen.message.text()
    assert [f.respondent for f in service.forms(survey.id)] == [1]  # nothing saved


def test_f2_loads_a_typed_form_for_correction_and_saving_replaces_it(qtbot, page, survey, service):
    screen = open_entry(qtbot, page)
    for text in ("5", "", "a", "c", "b"):
        enter(qtbot, text)
    enter(qtbot)
    enter(qtbot)
    wait_saved(qtbot, screen)
    assert service.form(survey.id, 5).answers == {"1": "A", "2": "C", "5": "B"}

    type_text(qtbot, QApplication.focusWidget(), "5")
    press(qtbot, Qt.Key.Key_F2)
    assert screen.rows[1].edit.text() == "C" and screen.rows[4].edit.text() == "B"
    assert screen.skipped() == [3, 4]
    assert focused_name() == "第1题"
    press(qtbot, Qt.Key.Key_Down)  # to Q2
    enter(qtbot, "b")  # now 偶尔看: Q3 and Q4 are asked again
    assert focused_name() == "第3题" and screen.skipped() == []
    for text in ("ab", "a", "b", "", ""):
        enter(qtbot, text)
    wait_saved(qtbot, screen)
    forms = service.forms(survey.id)
    assert len(forms) == 1
    assert forms[0].answers == {"1": "A", "2": "B", "3": "AB", "4": "A", "5": "B"}


def test_second_entry_types_blind(qtbot, page, survey, service):
    service.save_form(survey.id, 1, {"1": "A", "2": "C", "5": "A"}, group="1组")
    page.reload()
    screen = open_entry(qtbot, page, shortcut=False, entry=2)
    assert "盲录" in screen.mode_label.text()
    assert screen.count_label.text() == "本遍已录入 0 份"
    enter(qtbot, "1")  # the first pass's number is free in the second pass
    assert focused_name() == "村民小组"
    assert screen.group_edit.text() == "" and all(r.edit.text() == "" for r in screen.rows)
    press(qtbot, Qt.Key.Key_F2)  # nothing of the first pass can be called up
    assert "本遍没有编号为 1 的问卷" in screen.message.text()
    assert screen.group_edit.text() == "" and all(r.edit.text() == "" for r in screen.rows)
    screen.group_edit.setFocus()
    for text in ("1组", "a", "c", "a"):
        enter(qtbot, text)
    enter(qtbot)
    enter(qtbot)
    wait_saved(qtbot, screen)
    assert service.form(survey.id, 1, entry=2).answers == {"1": "A", "2": "C", "5": "A"}
    assert service.form(survey.id, 1, entry=1).answers == {"1": "A", "2": "C", "5": "A"}


def test_double_entry_discrepancies_adjudicated_by_mouse_and_keys_and_only_decided_values_count(
        qtbot, page, survey, service):
    from desktop.surveys.double_entry import DoubleEntryDialog

    for n, q5 in ((1, "A"), (2, "B")):
        service.save_form(survey.id, n, {"1": "A", "2": "C", "5": q5}, group="1组")
    service.save_form(survey.id, 1, {"1": "A", "2": "C", "5": "C"}, group="1组", entry=2)  # Q5 differs
    service.save_form(survey.id, 2, {"1": "B", "2": "C", "5": "B"}, group="2组", entry=2)  # Q1 and group differ
    assert service.results(survey.id).respondents == 0

    page.reload()
    click_row(qtbot, page.view, 0)
    assert page.check_action.isEnabled()
    page.check_action.trigger()
    dialog = page.active_dialog
    assert isinstance(dialog, DoubleEntryDialog)
    wait_active(qtbot, dialog)
    shown = [(dialog.model.index(r, 0).data(), dialog.model.index(r, 1).data(), dialog.model.index(r, 2).data(),
              dialog.model.index(r, 3).data(), dialog.model.index(r, 4).data()) for r in range(dialog.model.rowCount())]
    assert shown == [("1", "第5题", "A", "C", "待裁定"), ("2", "村民小组", "1组", "2组", "待裁定"),
                     ("2", "第1题", "A", "B", "待裁定")]

    click_row(qtbot, dialog.view, 0)  # respondent 1, Q5: the paper says A → the first value
    qtbot.mouseClick(dialog.first_button, Qt.MouseButton.LeftButton)
    assert service.results(survey.id).respondents == 1  # form 1 settled, form 2 not yet

    click_row(qtbot, dialog.view, 1)  # group: typed from the paper
    dialog.view.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # Enter on the row goes to the value field
    assert focused_name() == "正确的值"
    enter(qtbot, "2组")
    click_row(qtbot, dialog.view, 2)  # Q1: the second value, with Alt+2
    dialog.view.setFocus()
    press(qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert dialog.state.open == []
    assert [dialog.model.index(r, 4).data() for r in range(3)] == ["A", "2组", "B"]

    results = service.results(survey.id)
    assert results.respondents == 2
    q1 = results.questions[0]
    assert [(o.letter, o.count) for o in q1.options] == [("A", 1), ("B", 1)]
    q5 = results.questions[4]
    assert [o.count for o in q5.options] == [1, 1, 0, 0]  # A from form 1 (decided), B from form 2
    assert set(results.by_group) == {"1组", "2组"}


def test_an_invalid_decision_is_refused_with_the_question_named(qtbot, workspace, survey, service):
    from desktop.surveys.double_entry import DoubleEntryDialog

    service.save_form(survey.id, 1, {"1": "A", "2": "C", "5": "A"})
    service.save_form(survey.id, 1, {"1": "B", "2": "C", "5": "A"}, entry=2)
    dialog = DoubleEntryDialog(workspace, survey.id)
    qtbot.addWidget(dialog)
    dialog.show()
    click_row(qtbot, dialog.view, 0)
    dialog.value_edit.setText("Z")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.problems.isVisible() or not dialog.problems.isHidden()
    assert "Q1" in dialog.problems.text() and "选项“Z”不存在" in dialog.problems.text()
    assert dialog.state.open and service.results(survey.id).respondents == 0


def _sixty(service, survey_id: int) -> None:
    """Forms with a known multiple-choice tally on Q3: 60 respondents, A chosen 50 times."""
    for n in range(1, 61):
        q3 = "A" if n <= 50 else "B"
        if n <= 40:
            q3 += "C"
        service.save_form(survey_id, n, {"1": "A" if n <= 53 else "B", "2": "A", "3": q3, "4": "A", "5": "A"},
                          group="1组" if n % 2 else "2组")


def test_results_base_switch_changes_the_percentages_shown_and_what_the_notice_uses(qtbot, page, survey, service):
    from desktop.surveys.results_window import OF_RESPONDENTS, OF_SELECTIONS, SurveyResultsWindow

    _sixty(service, survey.id)
    page.reload()
    double_click_row(qtbot, page.view, 0)  # a double click opens the results
    window = page.active_dialog
    assert isinstance(window, SurveyResultsWindow)
    qtbot.waitExposed(window)
    assert "计入结果 60 份" in window.heading.text()

    q1 = [window.tally_model.index(r, c).data() for r in range(2) for c in range(3)]
    assert q1 == ["A　知道", "53", "88.33%", "B　不知道", "7", "11.67%"]
    assert not window.base_box.isVisible()  # single choice: of respondents only

    click_row(qtbot, window.question_view, 2)  # Q3, multiple: 100 selections by 60 respondents
    assert window.base_box.isVisible() and window.of_selections.isChecked()  # the notice's default
    assert "答题 60 人，共选 100 项" in window.base_label.text()
    percents = [window.tally_model.index(r, 2).data() for r in range(3)]
    assert percents == ["50.00%", "10.00%", "40.00%"]
    assert "选择总数 100" in window.base_label.text()
    assert window.base() == OF_SELECTIONS
    assert [s.percent for s in window.chart.slices()[:3]] == ["50.00", "10.00", "40.00"]  # the chart follows

    qtbot.mouseClick(window.of_respondents, Qt.MouseButton.LeftButton)
    percents = [window.tally_model.index(r, 2).data() for r in range(3)]
    assert percents == ["83.33%", "16.67%", "66.67%"]
    assert "答题人数 60" in window.base_label.text()
    assert window.base() == OF_RESPONDENTS
    assert [s.percent for s in window.chart.slices()[:3]] == ["83.33", "16.67", "66.67"]
    # Every option is listed, zero-vote ones too.
    assert window.tally_model.rowCount() == 6
    assert window.tally_model.index(5, 1).data() == "0"

    window.chart_style.setCurrentIndex(1)
    assert window.chart.style_name() == "pie"
    window.tabs.setCurrentIndex(1)  # by 村民小组
    header = [window.cross_model.headerData(c, Qt.Orientation.Horizontal) for c in range(window.cross_model.columnCount())]
    assert header == ["选项", "1组", "2组"]  # groups in natural order


def test_the_list_answers_the_mouse(qtbot, page, survey, service, monkeypatch):
    second = service.create_from_template("demand")
    page.reload()
    assert page.model.rowCount() == 2
    click_row(qtbot, page.view, 0)
    assert page.selected_id() == survey.id
    click_row(qtbot, page.view, 1)
    assert page.selected_id() == second.id
    assert page.model.index(1, 5).data() == "未做"
    assert not page.check_action.isEnabled()  # nothing typed twice yet

    menus = record_menus(monkeypatch)
    menus.choose = "录入答卷"
    right_click_at(qtbot, page.view, row_center(page.view, 0))
    assert page.selected_id() == survey.id
    assert menus.texts()[:4] == ["查看结果", "录入答卷", "第二遍录入", "核对两遍录入"]
    assert not menus.enabled("核对两遍录入")
    screen = page.active_dialog
    assert screen.survey_id == survey.id and screen.entry == 1
    screen.close()

    right_click_at(qtbot, page.view, page.view.viewport().rect().bottomLeft() - page.view.viewport().rect().topLeft())
    assert menus.texts() == ["从模板新建…", "空白问卷…", "从问卷文件新建…", "刷新"]


def test_the_editor_builds_a_questionnaire_and_names_what_is_wrong(qtbot, page, service, dialog_calls):
    page.new_blank()
    editor = page.active_dialog
    wait_active(qtbot, editor)
    assert focused_name() == "标题"
    type_text(qtbot, editor.title_edit, "道路硬化意见调查")
    editor.add_question_action.trigger()
    assert focused_name() == "题目文字"
    type_text(qtbot, editor.text_edit, "您是否支持硬化村道？")
    qtbot.mouseClick(editor.add_option_button, Qt.MouseButton.LeftButton)
    press(qtbot, Qt.Key.Key_Escape)  # leave the empty option's editor
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert "第 1 题" in editor.problems.text()
    assert "单选题至少要有两个选项" in editor.problems.text()
    assert service.list() == [s for s in service.list() if s.title != "道路硬化意见调查"]

    editor.options_model.setData(editor.options_model.index(0, 1), "支持")
    qtbot.mouseClick(editor.add_option_button, Qt.MouseButton.LeftButton)
    press(qtbot, Qt.Key.Key_Escape)
    editor.options_model.setData(editor.options_model.index(1, 1), "不支持")
    qtbot.mouseClick(editor.add_dont_know_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.add_skip_button, Qt.MouseButton.LeftButton)
    press(qtbot, Qt.Key.Key_Escape)
    editor.skip_model.setData(editor.skip_model.index(0, 0), "b")
    editor.skip_model.setData(editor.skip_model.index(0, 1), "3")  # there is no question 3
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "跳问目标" in editor.problems.text() and "第 1 题" in editor.problems.text()

    editor.add_question_action.trigger()
    type_text(qtbot, editor.text_edit, "您的意见")
    editor.type_combo.setCurrentIndex(editor.type_combo.findData("text"))
    editor.add_question_action.trigger()
    type_text(qtbot, editor.text_edit, "还有什么建议")
    editor.type_combo.setCurrentIndex(editor.type_combo.findData("text"))
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible(), editor.problems.text()
    created = [s for s in service.list() if s.title == "道路硬化意见调查"]
    assert len(created) == 1
    q = service.get(created[0].id).questionnaire
    assert [o.label for o in q.questions[0].options] == ["支持", "不支持", "说不清"]
    assert q.questions[0].options[2].dont_know
    assert q.questions[0].skip[0].to == 3 and q.questions[0].skip[0].when == ("B",)
    assert page.selected_id() == created[0].id


def _forms_xlsx(path, rows):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["respondent", "group", "Q1", "Q2", "Q3", "Q3_other", "Q4", "Q5", "Q6", "Q6_other", "Q7"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_import_of_forms_runs_off_the_gui_thread_and_a_bad_row_refuses_the_file(
        qtbot, page, survey, service, dialog_calls, tmp_path):
    bad = _forms_xlsx(tmp_path / "bad.xlsx", [[1, "1组", "A", "A", "AB", None, "A", "A", None, None, None],
                                              [2, "1组", "A", "C", "AB", None, None, "A", None, None, None]])
    dialog_calls.open_path = bad
    click_row(qtbot, page.view, 0)
    with qtbot.waitSignal(page.job_finished, timeout=10_000):
        page.import_action.trigger()
    text = dialog_calls.texts("error")
    assert "bad.xlsx" in text and "第 3 行" in text and "Q3" in text  # the skipped Q3 was answered in row 3
    assert service.forms(survey.id) == []

    good = _forms_xlsx(tmp_path / "good.xlsx", [[1, "1组", "A", "A", "ABF", "修路", "A", "A", None, None, None],
                                               [2, "2组", "B", "C", None, None, None, "B", "E", "广播", "无"]])
    dialog_calls.open_path = good
    with qtbot.waitSignal(page.job_finished, timeout=10_000):
        page.import_action.trigger()
    assert "已从 good.xlsx 导入 2 份答卷（第一遍录入）" in dialog_calls.texts("info")
    assert service.form(survey.id, 1).answers["3_other"] == "修路"
    assert page.model.index(0, 4).data() == "2 份"

    dialog_calls.ask_answer = 1  # the file of the second typing
    with qtbot.waitSignal(page.job_finished, timeout=10_000):
        page.import_action.trigger()
    assert "第二遍录入" in dialog_calls.texts("info")
    assert len(service.forms(survey.id, entry=2)) == 2
    assert page.model.index(0, 5).data() == "已录 2 份（已核对）"


def test_export_writes_the_results_xlsx(qtbot, page, survey, service, dialog_calls, tmp_path):
    from openpyxl import load_workbook

    _sixty(service, survey.id)
    dialog_calls.save_path = tmp_path / "结果"  # the suffix is added
    click_row(qtbot, page.view, 0)
    with qtbot.waitSignal(page.job_finished, timeout=20_000):
        page.export_action.trigger()
    out = tmp_path / "结果.xlsx"
    assert str(out) in dialog_calls.texts("info")
    cells = [str(c) for ws in load_workbook(out).worksheets for row in ws.iter_rows(values_only=True) for c in row
             if c is not None]
    assert "A. 知道" in cells and "53" in cells and "88.33" in cells


def test_demand_becomes_catalog_items_from_the_results(qtbot, workspace, page, service, dialog_calls):
    from desktop.surveys.results_window import SurveyResultsWindow
    from models.rules.timing import TimingRule
    from models.services.catalog import CatalogService, ItemData

    catalog = CatalogService(workspace.ctx)
    catalog.add(ItemData(code="CW-13", category="村务", group="惠农补贴", name="耕地地力保护补贴",
                         timing=TimingRule("monthly", day=10), channels=("社区/村公示栏(电子屏)",)))
    demand = service.create_from_template("demand")
    for n in range(1, 11):
        service.save_form(demand.id, n, {"1": "ACJ" if n <= 4 else "C", "1_other": "水费" if n <= 4 else None,
                                         "2": "B"})
    window = SurveyResultsWindow(workspace, demand.id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(2)
    cells = lambda r: [window.demand_model.index(r, c).data() for c in range(5)]  # noqa: E731
    # 18 selections by 10 respondents: over selections, the notice's default base
    assert cells(2) == ["Q1", "C 惠农补贴发放", "10（55.56%）", "CW-13 耕地地力保护补贴", ""]
    click_row(qtbot, window.demand_view, 2)
    assert window.mark_action.isEnabled() and not window.add_item_action.isEnabled()
    window.mark_action.trigger()
    assert cells(2)[4] == "已标记关注"
    assert [r.recorded for r in service.demand(demand.id) if r.item == "CW-13"] == ["marked"]

    click_row(qtbot, window.demand_view, 0)  # FW-04 is not in this catalog: add it
    assert window.add_item_action.isEnabled() and not window.mark_action.isEnabled()
    window.add_item_action.trigger()
    dialog = window.item_dialog
    wait_active(qtbot, dialog)
    assert dialog.code_edit.text() == "FW-04" and dialog.name_edit.text() == "村级财务收支明细"
    type_text(qtbot, dialog.group_combo, "财务公开")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert catalog.get("FW-04").name == "村级财务收支明细"
    assert cells(0)[3] == "FW-04 村级财务收支明细" and cells(0)[4] == "已加入目录"

    other_row = next(r for r in range(window.demand_model.rowCount()) if cells(r)[1] == "其他：水费")
    click_row(qtbot, window.demand_view, other_row)  # a topic villagers wrote in: a new item too
    assert window.add_item_action.isEnabled()


def test_print_the_questionnaire_and_the_result_notice_over_the_picked_base(qtbot, page, survey, service,
                                                                            dialog_calls):
    from .print_support import pdf_text, wait_rendered

    click_row(qtbot, page.view, 0)
    page.print_results_action.trigger()  # nothing counted yet: said, no preview
    assert "还没有计入统计的答卷" in dialog_calls.texts("error")

    page.view.setFocus()
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # Ctrl+P: the paper questionnaire
    preview = page.active_dialog
    wait_rendered(qtbot, preview)
    text = pdf_text(preview.result.data)
    assert "村务公开满意度调查问卷" in text and "问卷编号" in text and "选C跳到第5题" in text
    preview.close()

    _sixty(service, survey.id)
    double_click_row(qtbot, page.view, 0)
    window = page.active_dialog
    qtbot.waitExposed(window)
    window.select_question(3)
    qtbot.mouseClick(window.of_respondents, Qt.MouseButton.LeftButton)
    assert window.base() == "respondents"
    page.print_results_action.trigger()  # the page prints over the base picked in the open results window
    preview = page.active_dialog
    wait_rendered(qtbot, preview)
    text = pdf_text(preview.result.data)
    assert "知道[53票]88.33%" in text
    assert "财务收支[50票]83.33%" in text  # Q3 over its 60 respondents
    preview.close()

    qtbot.mouseClick(window.of_selections, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.print_button, Qt.MouseButton.LeftButton)
    wait_rendered(qtbot, window.preview)
    assert "财务收支[50票]50.00%" in pdf_text(window.preview.result.data)  # over its 100 selections


def test_the_selected_questionnaire_is_edited_by_mouse_and_only_its_wording_once_forms_are_typed(
        qtbot, page, survey, service):
    def open_editor():
        qtbot.mouseClick(page.toolbar.widgetForAction(page.edit_action), Qt.MouseButton.LeftButton)
        editor = page.active_dialog
        wait_active(qtbot, editor)
        return editor

    assert page.selected_id() == survey.id and page.edit_action.isEnabled()
    editor = open_editor()
    assert editor.title_edit.text() == survey.questionnaire.title
    editor.title_edit.selectAll()
    type_text(qtbot, editor.title_edit, "2026年村务公开满意度调查")
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible(), editor.problems.text()
    assert service.get(survey.id).questionnaire.title == "2026年村务公开满意度调查"
    assert "2026年村务公开满意度调查" in page.model.index(page.rows.current().row(), 1).data()

    service.save_form(survey.id, 1, {"1": "A", "2": "C", "5": "A"})
    editor = open_editor()
    editor.title_edit.selectAll()
    type_text(qtbot, editor.title_edit, "满意度调查（第一季度）")
    qtbot.mouseClick(editor.add_option_button, Qt.MouseButton.LeftButton)  # question 1 gets an option
    press(qtbot, Qt.Key.Key_Escape)
    editor.options_model.setData(editor.options_model.index(editor.options_model.rowCount() - 1, 1), "听说过")
    qtbot.mouseClick(editor.ok_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert "已录入 1 份答卷" in editor.problems.text() and "第 1 题的选项个数" in editor.problems.text()
    assert service.get(survey.id).questionnaire.title == "2026年村务公开满意度调查"  # nothing written


def test_every_label_of_the_editor_with_a_shortcut_has_a_field_to_jump_to(qtbot, page):
    from PySide6.QtWidgets import QLabel

    page.new_blank()
    editor = page.active_dialog
    wait_active(qtbot, editor)
    loose = [label.text() for label in editor.findChildren(QLabel)
             if "&" in label.text() and label.isVisible() and label.buddy() is None]
    assert not loose, f"a mnemonic without a buddy prints its '&': {loose}"
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    assert focused_name() == "调查时间"
