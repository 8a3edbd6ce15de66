"""The record list (公开记录): columns, filters, pinyin search, new records by keyboard, read-only records."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.services.disclosures import DisclosureService

from . import records_support
from .keyboard import press, type_text, wait_active
from .records_support import TODAY

page = records_support.records_page  # the fixtures of records_support come from conftest


def _ids(page) -> list[int]:
    return [r.id for r in page.visible_rows()]


def _cells(page, row: int) -> list[str]:
    model = page.model
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_lists_records_newest_first_with_every_column(page, records):
    posted = records.make("posted", item="CW-22", period="2026-Q1", title="2026年第一季度村务监督委员会工作情况")
    draft = records.make("draft", item="FW-04", period="2026-M05", title="2026年5月村级财务收支明细",
                         content={"opening": "100.00", "closing": "80.00", "rows": [
                             {"date": "2026-05-03", "voucher": "记-1", "summary": "办公用品", "class": "各项支出",
                              "income": "", "expense": "20.00"}]})
    page.reload()
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["编号", "事项", "期间", "类型", "标题", "状态", "起草人", "审核人", "公示期", "金额"]
    assert _ids(page) == [draft.id, posted.id]
    assert _cells(page, 0) == [str(draft.id), "村级财务收支明细", "2026年5月", "财务收支", "2026年5月村级财务收支明细",
                               "草稿", "王文书", "", "", "80.00"]
    assert _cells(page, 1) == [str(posted.id), "村务监督委员会工作情况", "2026年第一季度", "一般公告",
                               "2026年第一季度村务监督委员会工作情况", "公示中", "王文书", "李监委",
                               "2026-06-12 至 06-18", ""]
    status = model.index(1, 5).data(Qt.ItemDataRole.ForegroundRole)
    assert status.name() == "#2e7d32"  # 公示中 in green
    assert page.count_label.text() == "共 2 条"


def test_filter_by_status_item_period_and_kind(page, records):
    a = records.make("draft", item="CW-22", period="2026-Q1")
    b = records.make("submitted", item="CW-22", period="2026-Q2")
    c = records.make("posted", item="CW-29", period="2026-Q1")
    page.reload()
    assert _ids(page) == [c.id, b.id, a.id]

    page.status_combo.setCurrentIndex(page.status_combo.findData("draft"))
    assert _ids(page) == [a.id]
    assert page.status_combo.currentText() == "草稿"
    page.status_combo.setCurrentIndex(0)

    page.item_combo.setCurrentIndex(page.item_combo.findData("CW-22"))
    assert _ids(page) == [b.id, a.id]
    page.period_edit.setText("2026-q2")
    page._search_now()
    assert _ids(page) == [b.id]
    page.period_edit.clear()
    page.item_combo.setCurrentIndex(0)
    page._search_now()

    page.kind_combo.setCurrentIndex(page.kind_combo.findData("roster"))
    assert _ids(page) == []
    assert page.count_label.text() == "没有符合条件的记录"
    assert page.current is None and page.detail.data is None


def test_typing_a_pinyin_query_searches_after_a_pause(qtbot, page, records):
    dibao = records.make("draft", item="CW-08", period="2026-06-01", title="2026年6月最低生活保障对象名单")
    other = records.make("draft", item="CW-22", period="2026-Q1", title="2026年第一季度村务监督委员会工作情况")
    page.reload()
    assert set(_ids(page)) == {dibao.id, other.id}
    page.search_edit.setFocus()
    type_text(qtbot, page.search_edit, "zdshbz")  # 最低生活保障
    assert set(_ids(page)) == {dibao.id, other.id}  # not on every key: the list waits for a pause
    qtbot.waitUntil(lambda: _ids(page) == [dibao.id], timeout=2000)
    page.search_edit.clear()
    type_text(qtbot, page.search_edit, "监督")
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)  # Enter searches at once
    assert _ids(page) == [other.id]


def test_many_records_are_fetched_as_the_list_scrolls(qtbot, page, village_ws, monkeypatch):
    # Batches of 50 rather than 200: the same rule with a quarter of the records to create (each is a
    # full service write); 50 rows are still more than the page shows.
    monkeypatch.setattr(page.model, "BATCH", 50)
    service = DisclosureService(village_ws.ctx, clock=lambda: TODAY)
    made = [service.create("CW-22", "2026-Q1", f"第{n}号公告", body="正文") for n in range(115)]
    page.reload()
    assert page.model.total == 115
    assert page.model.rowCount() == page.model.BATCH == 50  # only the first batch is loaded
    assert page.count_label.text() == "共 115 条"
    page.table_view.scrollToBottom()  # the view asks for more when it reaches the end
    qtbot.waitUntil(lambda: page.model.rowCount() > page.model.BATCH, timeout=2000)
    # opening the oldest record loads the batches up to it
    assert page.show_record(made[0].id)
    assert page.model.rowCount() == 115
    assert page.current.id == made[0].id


def test_new_record_with_the_keyboard(qtbot, make_village_window, editor_calls, village_ws):
    window = make_village_window()
    window.show_page("records")
    page = window.current_page()
    page.table_view.setFocus()
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.active_dialog
    assert dialog is not None and dialog.isVisible()
    wait_active(qtbot, dialog)
    assert dialog.item_combo.hasFocus()

    dialog.item_combo.lineEdit().selectAll()
    type_text(qtbot, dialog.item_combo, "cjcwszmx")  # 村级财务收支明细, by initials
    press(qtbot, Qt.Key.Key_Tab)  # leaving the field settles on the first match
    assert dialog.item_combo.current_item().code == "FW-04"
    assert dialog.item_combo.currentText() == "FW-04 村级财务收支明细"
    assert dialog.period_picker.kind() == "month"
    assert dialog.period_picker.period() == "2026-M05"  # last month: the one a clerk discloses now
    assert dialog.period_picker.year_spin.hasFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.period_picker.month_combo.hasFocus()
    press(qtbot, Qt.Key.Key_Up)  # April
    assert dialog.title_edit.text() == "2026年4月村级财务收支明细"
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.kind_combo.hasFocus() and dialog.kind_combo.currentData() == "finance"
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.title_edit.hasFocus()
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: page.active_dialog is None)
    assert len(editor_calls) == 1
    created = DisclosureService(village_ws.ctx).get(editor_calls[0])
    assert (created.item_code, created.period, created.title, created.kind) == (
        "FW-04", "2026-M04", "2026年4月村级财务收支明细", "finance")
    assert page.current.id == created.id
    assert "已新建记录" in window.statusBar().currentMessage()


def test_the_period_follows_the_item_and_a_typed_title_is_kept(qtbot, page):
    dialog = page.new_record()
    dialog.item_combo.select_code("CW-22")  # quarterly
    assert dialog.period_picker.kind() == "quarter" and dialog.period_picker.period() == "2026-Q1"
    assert dialog.title_edit.text() == "2026年第一季度村务监督委员会工作情况"
    dialog.item_combo.select_code("CW-08")  # within N days of an event: a date
    assert dialog.period_picker.kind() == "event" and dialog.period_picker.period() == TODAY.isoformat()
    assert dialog.kind_combo.currentData() == "roster"
    dialog.item_combo.select_code("FW-03")  # prior year's accounts: last year
    assert dialog.period_picker.period() == "2025"
    dialog.title_edit.setFocus()
    dialog.title_edit.selectAll()
    type_text(qtbot, dialog.title_edit, "关于2025年度财务决算的公告")
    dialog.period_picker.year_spin.setValue(2024)
    assert dialog.title_edit.text() == "关于2025年度财务决算的公告"  # the clerk's own title stays
    dialog.reject()


def test_edit_is_disabled_on_a_posted_record_and_says_why(qtbot, page, records, editor_calls):
    posted = records.make("posted")
    draft = records.make("draft", period="2026-Q2")
    page.reload(select_id=posted.id)
    assert not page.edit_action.isEnabled()
    assert "更正" in page.edit_action.toolTip()
    assert page.correct_action.isEnabled()
    page.table_view.setFocus()
    qtbot.keyClick(page.table_view, Qt.Key.Key_Return)
    assert editor_calls == []

    page.show_record(draft.id)
    assert page.edit_action.isEnabled()
    qtbot.keyClick(page.table_view, Qt.Key.Key_Return)
    assert editor_calls == [draft.id]


def test_the_detail_shows_findings_history_and_totals(qtbot, page, records, village_ws):
    from .records_support import IDS, wait_whole

    roster = records.make("draft", item="CW-08", period="2026-06-01", title="2026年6月低保名单",
                          rows=[{"name": "张三", "id_number": IDS[0], "amount": "300.00"},
                                {"name": "李四", "id_number": "410322197003150025", "amount": "200.50"}])
    page.reload(select_id=roster.id)
    wait_whole(qtbot, page)
    html = page.detail.summary.toHtml()
    text = page.detail.summary.toPlainText()
    assert "2026年6月低保名单" in text
    assert "CW-08 最低生活保障" in text
    assert "行数 2，金额 500.50" in text
    assert "身份证号校验位错误" in text
    assert "#c62828" in html  # the error is red
    assert "王文书" in text and "起草" in text  # history: who and what
