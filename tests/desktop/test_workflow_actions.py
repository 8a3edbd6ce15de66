"""The workflow's steps on the records page: submit, approve, return, post, correct, archive, delete,
and the record's attachments and villagers' questions — real widgets, a real database, patched
message boxes."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from models.services.attachments import AttachmentService
from models.services.disclosures import DisclosureService
from models.services.feedback import FeedbackService

from . import records_support
from .keyboard import press, type_text, wait_active
from .records_support import TODAY, wait_whole

page = records_support.records_page  # the fixtures of records_support come from conftest


def _get(ws, disclosure_id: int):
    return DisclosureService(ws.ctx, clock=lambda: TODAY).get(disclosure_id)


def _open_dialog(qtbot, page, action):
    action.trigger()
    dialog = page.active_dialog
    assert dialog is not None and dialog.isVisible()
    wait_active(qtbot, dialog)
    return dialog


def test_submit_is_refused_with_the_findings_listed(qtbot, page, records, village_ws, dialog_calls):
    d = records.make("draft", title="")  # a notice without a title cannot go to review
    page.reload(select_id=d.id)
    assert page.submit_action.isEnabled()
    page.submit_action.trigger()
    text = dialog_calls.texts("error")
    assert "不能提交审核" in text
    assert "[错误] 标题不能为空" in text
    assert "改正" in text  # says what to do
    assert _get(village_ws, d.id).status == "draft"
    wait_whole(qtbot, page)
    assert page.detail.currentIndex() == 0 and "标题不能为空" in page.detail.summary.toPlainText()


def test_submit_then_approve_by_another_member(qtbot, page, records, village_ws, dialog_calls):
    d = records.make("draft")
    page.reload(select_id=d.id)
    page.submit_action.trigger()
    assert dialog_calls.of("error") == []
    assert page.current.status == "submitted"
    assert not page.edit_action.isEnabled() and "退回" in page.edit_action.toolTip()
    assert page.approve_action.isEnabled() and page.return_action.isEnabled()

    dialog = _open_dialog(qtbot, page, page.approve_action)
    assert dialog.reviewer_combo.hasFocus()
    type_text(qtbot, dialog.reviewer_combo, "李监委")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.opinion_edit.hasFocus()
    type_text(qtbot, dialog.opinion_edit, "经审核，内容属实，同意公开")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.date_edit.hasFocus()
    assert dialog.date_edit.date().toPython() == TODAY
    press(qtbot, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: page.active_dialog is None)
    stored = _get(village_ws, d.id)
    assert (stored.status, stored.reviewer, stored.review_opinion, stored.reviewed_on) == (
        "approved", "李监委", "经审核，内容属实，同意公开", TODAY)
    assert page.current.status == "approved"
    assert page.post_action.isEnabled() and not page.approve_action.isEnabled()
    row = page.model.row_of(d.id)
    assert page.model.index(row, 5).data() == "已审核" and page.model.index(row, 7).data() == "李监委"


def test_the_drafter_cannot_approve_and_the_dialog_stays_open(qtbot, page, records, village_ws, dialog_calls):
    d = records.make("submitted")
    page.reload(select_id=d.id)
    dialog = _open_dialog(qtbot, page, page.approve_action)
    type_text(qtbot, dialog.reviewer_combo, "王文书")  # the drafter
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "审核人不能是起草人本人（王文书）" in dialog_calls.texts("error")
    assert page.active_dialog is dialog and dialog.isVisible()
    assert dialog.reviewer_combo.hasFocus()  # back on the name to fix it
    assert _get(village_ws, d.id).status == "submitted"

    dialog.reviewer_combo.setEditText("")
    press(qtbot, Qt.Key.Key_Return)
    assert "请填写审核人姓名" in dialog_calls.texts("error")
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert _get(village_ws, d.id).status == "submitted"


def test_return_needs_a_reason_and_makes_the_record_editable(qtbot, page, records, village_ws, dialog_calls):
    d = records.make("submitted")
    page.reload(select_id=d.id)
    dialog = _open_dialog(qtbot, page, page.return_action)
    type_text(qtbot, dialog.reviewer_combo, "李监委")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "退回须写明理由" in dialog_calls.texts("error")
    assert dialog.reason_edit.hasFocus()
    type_text(qtbot, dialog.reason_edit, "第二段数字与会议记录不符")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    stored = _get(village_ws, d.id)
    assert (stored.status, stored.return_reason) == ("returned", "第二段数字与会议记录不符")
    assert page.edit_action.isEnabled() and page.submit_action.isEnabled()
    assert "第二段数字与会议记录不符" in page.detail.summary.toPlainText()


def test_post_shows_the_end_date_counting_both_ends(qtbot, page, records, village_ws):
    d = records.make("approved", item="CW-22", period="2026-Q1")  # at least 7 days
    page.reload(select_id=d.id)
    dialog = _open_dialog(qtbot, page, page.post_action)
    assert dialog.start_edit.hasFocus()
    assert dialog.days_spin.value() == 7
    assert dialog.end_label.text() == "公示期为7天（2026年6月15日至6月21日，首尾两天都算）"
    dialog.days_spin.setValue(10)
    assert "2026年6月15日至6月24日" in dialog.end_label.text()
    dialog.days_spin.setValue(5)  # fewer than the item's minimum: the service refuses, the dialog stays
    press(qtbot, Qt.Key.Key_Return)
    assert page.active_dialog is dialog
    dialog.days_spin.setValue(7)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    stored = _get(village_ws, d.id)
    assert (stored.status, stored.posting_start, stored.posting_end, stored.posting_days) == (
        "posted", TODAY, date(2026, 6, 21), 7)
    assert not page.edit_action.isEnabled() and "更正" in page.edit_action.toolTip()


def test_post_in_working_days_skips_weekends_and_holidays(qtbot, page, records, village_ws, dialog_calls):
    d = records.make("approved", item="DW-05", period="2026-06-12")  # 发展党员: 5 working days
    page.reload(select_id=d.id)
    dialog = _open_dialog(qtbot, page, page.post_action)
    assert dialog.days_spin.value() == 5 and dialog.days_spin.suffix().strip() == "个工作日"
    dialog.start_edit.setDate(date(2026, 6, 17))  # Wed, Thu; Fri 6-19 is 端午节; weekend; Mon, Tue, Wed
    assert "公示期为5个工作日（2026年6月17日至6月24日" in dialog.end_label.text()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert _get(village_ws, d.id).posting_end == date(2026, 6, 24)
    assert dialog_calls.of("error") == []


def test_correct_drafts_a_correction_and_opens_it(page, records, village_ws, editor_calls):
    original = records.make("posted", title="2026年第一季度公告")
    page.reload(select_id=original.id)
    assert page.correct_action.isEnabled()
    page.correct_action.trigger()
    assert len(editor_calls) == 1
    correction = _get(village_ws, editor_calls[0])
    assert correction.is_correction and correction.supersedes == original.id
    assert correction.title == "更正：2026年第一季度公告" and correction.status == "draft"
    assert page.current.id == correction.id
    row = page.model.row_of(correction.id)
    assert page.model.index(row, 3).data() == "一般公告·更正"
    assert page.edit_action.isEnabled()


def test_archive_after_the_window_and_delete_a_draft(page, records, village_ws, dialog_calls):
    expired = records.make("posted", period="2026-Q1", posted_on=date(2026, 5, 1))  # ended 5-7
    posted = records.make("posted", period="2026-Q2", item="CW-29", posted_on=date(2026, 6, 12))
    draft = records.make("draft", period="2025-Q4")
    page.reload(select_id=posted.id)
    assert page.current.status == "posted" and not page.archive_action.isEnabled()
    page.show_record(expired.id)
    assert page.current.status == "expired" and page.archive_action.isEnabled()
    page.archive_action.trigger()
    assert dialog_calls.of("confirm")
    assert _get(village_ws, expired.id).status == "archived"
    assert page.current.status == "archived" and not page.archive_action.isEnabled()

    page.show_record(draft.id)
    assert page.delete_action.isEnabled()
    dialog_calls.confirm_answer = False
    page.delete_action.trigger()
    assert _get(village_ws, draft.id).status == "draft"  # kept when the clerk says no
    dialog_calls.confirm_answer = True
    page.delete_action.trigger()
    assert draft.id not in [r.id for r in page.visible_rows()]
    assert dialog_calls.of("error") == []


def test_a_state_refusal_is_explained(page, records, dialog_calls):
    d = records.make("posted")
    page.reload(select_id=d.id)
    page.submit_selected()  # not offered, but if it happened the service's rule is shown
    assert "只有草稿或被退回的记录才能提交审核" in dialog_calls.texts("error")
    assert "Traceback" not in dialog_calls.texts("error")


def test_register_and_answer_a_villagers_question(qtbot, page, records, village_ws, dialog_calls):
    d = records.make("posted", posted_on=date(2026, 6, 12))
    draft = records.make("draft", period="2026-Q2")
    page.reload(select_id=draft.id)
    assert not page.detail.add_feedback_button.isEnabled()  # not posted: nothing to object to yet
    page.show_record(d.id)
    detail = page.detail
    assert detail.add_feedback_button.isEnabled()
    detail.add_feedback_button.click()
    dialog = detail.active_dialog
    assert dialog is not None
    wait_active(qtbot, dialog)
    assert dialog.text_edit.hasFocus()
    assert "收到后10日内答复" in " ".join(w.text() for w in dialog.findChildren(type(dialog.headline)))
    type_text(qtbot, dialog.text_edit, "会议次数写错了吧？")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.from_edit, "王大柱")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: detail.active_dialog is None)

    listed = detail.feedback_model.entries()
    assert [(f.text, f.from_name, f.received_on) for f in listed] == [("会议次数写错了吧？", "王大柱", TODAY)]
    assert detail.currentIndex() == 2 and detail.tabText(2) == "群众意见（1，待答复 1）"
    assert detail.answer_button.isEnabled()

    detail.feedback_view.setFocus()
    qtbot.keyClick(detail.feedback_view, Qt.Key.Key_Return)
    answer = detail.active_dialog
    assert answer is not None
    wait_active(qtbot, answer)
    type_text(qtbot, answer.answer_edit, "经核实，本季度召开会议3次，公告无误。")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: detail.active_dialog is None)
    stored = FeedbackService(village_ws.ctx).list(disclosure_id=d.id)[0]
    assert stored.answer_text == "经核实，本季度召开会议3次，公告无误。" and stored.answered_on == TODAY
    model = detail.feedback_model
    assert model.index(0, model.COL_STATE).data() == "已答复（6月15日）"
    assert model.index(0, model.COL_ANSWER).data() == "经核实，本季度召开会议3次，公告无误。"
    assert not detail.answer_button.isEnabled()
    assert dialog_calls.of("error") == []


def test_an_empty_question_is_refused_in_the_dialog(qtbot, page, records, dialog_calls):
    d = records.make("posted")
    page.reload(select_id=d.id)
    page.detail.add_feedback()
    dialog = page.detail.active_dialog
    dialog.confirm()
    assert "意见内容不能为空" in dialog_calls.texts("error")
    assert dialog.isVisible()
    dialog.reject()


def test_attachments_are_added_opened_and_verified(qtbot, page, records, village_ws, dialog_calls, tmp_path,
                                                   monkeypatch):
    from desktop.pages import record_detail

    d = records.make("posted")
    photo = tmp_path / "公示栏.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a photo of the board")
    page.reload(select_id=d.id)
    dialog_calls.open_path = photo
    dialog_calls.choice = 0  # 公示栏照片
    page.detail.add_attachment_button.click()
    assert "公示栏照片" in dialog_calls.texts("choose")
    listed = AttachmentService(village_ws.ctx, village_ws.data_dir).list(d.id)
    assert [(a.filename, a.kind) for a in listed] == [("公示栏.jpg", "board_photo")]
    model = page.detail.attachment_model
    assert [model.index(0, c).data() for c in (0, 1, 4)] == ["公示栏照片", "公示栏.jpg", "完好"]
    assert page.detail.tabText(1) == "附件（1）"

    opened = []
    monkeypatch.setattr(record_detail, "open_local_file", lambda path: opened.append(path) or True)
    page.detail.attachment_view.setFocus()
    page.detail.attachment_view.selectRow(0)
    qtbot.keyClick(page.detail.attachment_view, Qt.Key.Key_Return)
    stored_path = village_ws.data_dir / listed[0].stored_path
    assert opened == [stored_path]
    assert not page.detail.remove_attachment_button.isEnabled()  # evidence of a posted record stays

    stored_path.write_bytes(b"something else")  # altered behind the app's back
    page.reload(select_id=d.id)
    assert page.detail.attachment_model.index(0, 4).data() == "内容已被改动"
    stored_path.unlink()
    page.reload(select_id=d.id)
    assert page.detail.attachment_model.index(0, 4).data() == "文件不见了"
