"""Issue 8 in the GUI: personal numbers typed into a roster's 备注, a notice body or a finance 摘要 are
findings at entry; the feedback dialogs say the quoted question will be masked; submitting and
approving show the warnings without blocking; the preview offers the internal copy."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.editors.feedback_dialog import AnswerDialog, FeedbackDialog
from models.rules.roster import preset_columns
from models.services.disclosures import DisclosureService

from . import records_support
from .editor_support import IDS, make_workspace, open_editor, type_here
from .keyboard import press, type_text, wait_active
from .records_support import TODAY

REMARK = "代领人 410322196501011241 电话13812345678"
page = records_support.records_page


@pytest.fixture
def ws(village, settings, db_path, data_dir):
    return make_workspace(village, settings, db_path, data_dir)


@pytest.fixture
def service(ws):
    return DisclosureService(ws.ctx)


def _finding_texts(editor) -> list[str]:
    editor.refresh_findings()
    model = editor.findings_model
    return [model.index(i).data() for i in range(model.rowCount())]


def test_roster_remark_typed_with_the_mouse_and_keys_is_a_finding(qtbot, ws, service):
    d = service.create("CW-13", "2026", "名单", kind="roster", rows=[{"name": "张三", "id_number": IDS[0],
                                                                      "quantity": "2", "rate": "18.34"}],
                       columns=[c.key for c in preset_columns("dili")])
    editor = open_editor(qtbot, ws, d.id)
    view, model = editor.kind_editor.view, editor.kind_editor.model
    rect = view.visualRect(model.index(0, model.column_of("remark")))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    type_here(qtbot, REMARK)
    press(qtbot, Qt.Key.Key_Return)
    assert model.text(0, "remark") == REMARK
    texts = _finding_texts(editor)
    assert any("第 1 行“备注”" in t and "含身份证号、手机号，公告上将打码" in t and t.startswith("[提示]") for t in texts)
    tip = model.index(0, model.column_of("remark")).data(Qt.ItemDataRole.ToolTipRole)
    assert "公告上将打码" in tip
    # a warning: the record saves and can be submitted
    assert editor.save()
    stored = service.get(d.id)
    assert [f.message for f in stored.findings if f.field == "remark"] == ["含身份证号、手机号，公告上将打码"]


def test_custom_column_of_ids_is_checked_as_an_id_column(qtbot, ws, service):
    rows = [{"name": "张三", "id_number": IDS[0], "quantity": "2", "rate": "18.34", "代领人身份证": IDS[1]},
            {"name": "李四", "id_number": IDS[1], "quantity": "2", "rate": "18.34", "代领人身份证": IDS[2]}]
    d = service.create("CW-13", "2026", "名单", kind="roster", rows=rows,
                       columns=[*(c.key for c in preset_columns("dili")), "代领人身份证"])
    editor = open_editor(qtbot, ws, d.id)
    model = editor.kind_editor.model
    assert model.number_columns == {"代领人身份证": "id_number"}
    assert any("“代领人身份证”列多为身份证号" in t for t in _finding_texts(editor))
    col = model.column_of("代领人身份证")
    model.setData(model.index(1, col), IDS[2][:-1] + ("0" if IDS[2][-1] != "0" else "1"))
    assert "校验位" in model.index(1, col).data(Qt.ItemDataRole.ToolTipRole)
    assert any("第 2 行“代领人身份证”" in t and "校验位" in t for t in _finding_texts(editor))


def test_notice_body_finding_and_double_click_jumps_to_the_body(qtbot, ws, service):
    d = service.create("CW-22", "2026-Q1", "关于代管的公告", kind="notice", body="经村民代表会议决定：")
    editor = open_editor(qtbot, ws, d.id)
    editor.body_edit.moveCursor(editor.body_edit.textCursor().MoveOperation.End)
    type_text(qtbot, editor.body_edit, "由王某（手机 138-1234-5678）代管。监督电话 12317。")
    texts = _finding_texts(editor)
    assert "[提示] 正文含手机号，公告上将打码" in texts
    row = texts.index("[提示] 正文含手机号，公告上将打码")
    view = editor.findings_view
    editor.title_edit.setFocus()
    rect = view.visualRect(editor.findings_model.index(row))
    # Qt 6's mouseDClick sends no press first: click, then double-click, as a hand does
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.body_edit.hasFocus()


def test_finance_summary_finding(qtbot, ws, service):
    d = service.create("FW-04", "2026-Q2", "财务收支", kind="finance", content={
        "opening": "1000", "closing": "800", "rows": [
            {"date": "2026-04-18", "voucher": "记-02", "summary": "付王某劳务费 卡号6228480077778888999",
             "class": "各项支出", "expense": "200"}]})
    editor = open_editor(qtbot, ws, d.id)
    assert any("“摘要”" in t and "含银行卡号，公告上将打码" in t for t in _finding_texts(editor))


def test_feedback_dialog_says_the_quoted_question_will_be_masked(qtbot):
    dialog = FeedbackDialog("公开记录 #1", lambda *a: None)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    assert "将打码" in dialog.privacy_note.text()  # said before anything is typed
    type_text(qtbot, dialog.text_edit, "我的补贴没到，电话13812345678")
    assert "意见中含手机号" in dialog.privacy_note.text() and "将打码" in dialog.privacy_note.text()


def test_answer_dialog_names_the_numbers_in_the_question(qtbot):
    from datetime import date

    from models.services.feedback import FeedbackData

    feedback = FeedbackData(1, 1, "名单", "身份证410322196501011241的补贴没到", None, date(2026, 6, 1),
                            date(2026, 6, 11), None, None, None, "王文书", False, False)
    dialog = AnswerDialog(feedback, lambda *a: None)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    assert "引用的意见中含身份证号，答复公告上将打码" in dialog.privacy_note.text()
    type_text(qtbot, dialog.answer_edit, "已补发至卡号6228480077778888999")
    assert "答复中含银行卡号" in dialog.privacy_note.text()


def test_submit_and_approve_show_the_warnings_without_blocking(qtbot, page, records, village_ws, dialog_calls):
    d = records.make("draft", body=f"代领：{REMARK}")
    page.reload(select_id=d.id)
    page.submit_action.trigger()
    assert dialog_calls.of("error") == []
    warned = dialog_calls.texts("warn")
    assert "已提交审核" in warned and "[提示] 正文含身份证号、手机号，公告上将打码" in warned
    assert page.current.status == "submitted"

    page.approve_action.trigger()
    dialog = page.active_dialog
    wait_active(qtbot, dialog)
    assert dialog.privacy_note.isVisible() and "正文含身份证号、手机号" in dialog.privacy_note.text()
    type_text(qtbot, dialog.reviewer_combo, "李监委")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert DisclosureService(village_ws.ctx, clock=lambda: TODAY).get(d.id).status == "approved"
