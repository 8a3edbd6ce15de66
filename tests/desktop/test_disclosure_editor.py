"""The disclosure editor around the kinds: paste and undo, read-only records, saving and closing
with the keyboard, and the finance, project, 四议两公开 and 一事一议 editors' live checks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.editors.disclosure_editor import DisclosureEditor, open_disclosure_editor
from desktop.qtmodels.roster_model import RosterModel
from models.rules.roster import preset_columns
from models.services.disclosures import DisclosureService

from .editor_support import IDS, key, make_workspace, open_editor, type_here
from .keyboard import press, type_text, wait_active

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def ws(village, settings, db_path, data_dir):
    return make_workspace(village, settings, db_path, data_dir)


@pytest.fixture
def service(ws):
    return DisclosureService(ws.ctx)


def _roster(service, rows=()):
    # The column set the editor saves for a 地力补贴 roster (the preset's); a record's saved set
    # is what its editor shows.
    return service.create("CW-13", "2026", "2026年耕地地力保护补贴发放名单", kind="roster", rows=list(rows) or None,
                          columns=[c.key for c in preset_columns("dili")])


# --- roster: paste, undo, delete, responsiveness ------------------------------------------------

def test_paste_a_block_from_excel_adds_rows_and_ctrl_z_undoes_it(qtbot, ws, service):
    d = _roster(service, [{"group": "一组", "name": "张三", "id_number": IDS[0], "quantity": "10.5", "rate": "18.34"}])
    editor = open_editor(qtbot, ws, d.id)
    roster = editor.kind_editor
    view, model = roster.view, roster.model
    QApplication.clipboard().setText(
        f"二组\t李四\t{IDS[1]}\t3\t18.34\r\n二组\t王小二\t{IDS[2]}\t7.25\t18.34\r\n三组\t赵六\t{IDS[3]}\t1,000\t18.34\r\n")
    view.setFocus()
    view.go_to(0, 0)
    qtbot.keyClick(view, Qt.Key.Key_Down)  # below the last filled row: a new row
    assert view.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_V, CTRL)  # lands at the current cell; rows are added as needed
    assert model.totals()["rows"] == 4
    assert [model.text(r, "name") for r in range(4)] == ["张三", "李四", "王小二", "赵六"]
    assert model.index(3, model.column_of("amount")).data() == "18340.00"  # 1,000 × 18.34
    assert "合计面积：1020.75 亩" in roster.totals_text()

    assert editor.is_dirty()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # the whole paste is one step
    assert model.totals()["rows"] == 1 and model.rowCount() == 2  # the row to type into stays
    assert not editor.is_dirty()
    qtbot.keyClick(view, Qt.Key.Key_Y, CTRL)
    assert model.totals()["rows"] == 4

    # Copying a block and pasting one cell over a selection.
    view.go_to(1, model.column_of("group"))
    qtbot.keyClick(view, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "二组\n"

    # Delete clears; Ctrl+Delete removes the row; both undo.
    view.go_to(3, model.column_of("remark"))
    type_here(qtbot, "test")
    key(qtbot, Qt.Key.Key_Return)
    assert model.text(3, "remark") == "test"
    view.go_to(3, model.column_of("remark"))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert model.text(3, "remark") == ""
    view.go_to(2, 0)
    qtbot.keyClick(view, Qt.Key.Key_Delete, CTRL)
    assert [model.text(r, "name") for r in model.filled_rows()] == ["张三", "李四", "赵六"]
    editor.undo_stack.undo()
    assert model.text(2, "name") == "王小二"


def test_ctrl_insert_inserts_a_row_above(qtbot, ws, service):
    d = _roster(service, [{"name": "张三", "id_number": IDS[0], "amount": "100"},
                          {"name": "李四", "id_number": IDS[1], "amount": "100"}])
    editor = open_editor(qtbot, ws, d.id)
    view, model = editor.kind_editor.view, editor.kind_editor.model
    view.setFocus()
    view.go_to(1, 1)
    qtbot.keyClick(view, Qt.Key.Key_Insert, CTRL)
    assert [model.text(r, "name") for r in range(3)] == ["张三", "", "李四"]
    assert view.currentIndex().row() == 1


def test_duplicate_id_numbers_are_flagged_on_the_later_row(qtbot, ws, service):
    d = _roster(service, [{"name": "张三", "id_number": IDS[0], "amount": "100"},
                          {"name": "张三", "id_number": IDS[0], "amount": "100"}])
    editor = open_editor(qtbot, ws, d.id)
    model = editor.kind_editor.model
    col = model.column_of("id_number")
    assert model.index(0, col).data(Qt.ItemDataRole.ToolTipRole) is None
    assert "重复出现" in model.index(1, col).data(Qt.ItemDataRole.ToolTipRole)
    model.setData(model.index(1, col), IDS[1])
    assert model.index(1, col).data(Qt.ItemDataRole.ToolTipRole) is None


def test_ten_thousand_rows_recheck_only_the_row_that_changed(qtbot, ws, service, monkeypatch):
    rows = [{"group": "一组", "name": f"村民{i}", "id_number": IDS[i % 5], "quantity": "1.5", "rate": "18.34"}
            for i in range(10_000)]
    d = service.set_rows(_roster(service).id, rows)
    editor = open_editor(qtbot, ws, d.id)
    qtbot.waitUntil(lambda: not editor.kind_editor.loading, timeout=30_000)  # made ready on a worker
    model = editor.kind_editor.model
    assert model.rowCount() == 10_000
    calls = []
    original = RosterModel._compute
    monkeypatch.setattr(RosterModel, "_compute", lambda self, i: calls.append(i) or original(self, i))
    model.setData(model.index(5000, model.column_of("quantity")), "2")
    assert calls == [5000]
    assert model.totals()["amount"] == Decimal("275100.00") + Decimal("36.68") - Decimal("27.51")


def test_findings_list_jumps_to_the_cell(qtbot, ws, service):
    d = _roster(service, [{"name": "张三", "id_number": IDS[0], "amount": "100"},
                          {"name": "李四", "id_number": IDS[1][:-1] + "9", "amount": "100"}])
    editor = open_editor(qtbot, ws, d.id)
    findings = editor.findings_model
    assert findings.rowCount() == 1 and "第 2 行“身份证号”" in findings.index(0).data()
    editor.findings_view.setFocus()
    editor.findings_view.setCurrentIndex(findings.index(0))
    qtbot.keyClick(editor.findings_view, Qt.Key.Key_Return)
    view = editor.kind_editor.view
    assert view.hasFocus()
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, editor.kind_editor.model.column_of("id_number"))


def test_a_double_click_or_the_menu_on_a_finding_goes_to_the_cell(qtbot, ws, service, monkeypatch):
    from .mouse import double_click_row, record_menus, right_click_row

    d = _roster(service, [{"name": "张三", "id_number": IDS[0][:-1] + "9", "amount": "100"},
                          {"name": "李四", "id_number": IDS[1][:-1] + "9", "amount": "100"}])
    editor = open_editor(qtbot, ws, d.id)
    findings = editor.findings_model
    texts = [findings.index(n).data() for n in range(findings.rowCount())]
    rows = {line: next(n for n, t in enumerate(texts) if f"第 {line} 行“身份证号”" in t) for line in (1, 2)}
    view = editor.kind_editor.view
    id_column = editor.kind_editor.model.column_of("id_number")
    double_click_row(qtbot, editor.findings_view, rows[2])
    assert view.hasFocus() and (view.currentIndex().row(), view.currentIndex().column()) == (1, id_column)

    menus = record_menus(monkeypatch)
    menus.choose = "转到"
    right_click_row(qtbot, editor.findings_view, rows[1])
    assert menus.texts() == ["转到"]
    assert view.hasFocus() and (view.currentIndex().row(), view.currentIndex().column()) == (0, id_column)


def test_unreadable_numbers_are_refused_by_the_service_and_shown(qtbot, ws, service, dialog_calls):
    d = _roster(service)
    editor = open_editor(qtbot, ws, d.id)
    model = editor.kind_editor.model
    model.set_cells([(0, "name", "张三"), (0, "id_number", IDS[0]), (0, "amount", "一百")])
    assert not editor.save()
    assert dialog_calls.of("error")
    assert any("一百" in f.message for f in editor.shown_findings())
    assert service.get(d.id).rows == []


# --- read-only records --------------------------------------------------------------------------

def test_posted_record_is_read_only(qtbot, ws, service):
    d = _roster(service, [{"name": "张三", "id_number": IDS[0], "amount": "100"}])
    service.submit(d.id)
    service.approve(d.id, reviewer="李监委")
    service.post(d.id)
    editor = open_editor(qtbot, ws, d.id)
    assert editor.banner.isVisible()
    # the workflow table's refusal, also the greyed 保存's tooltip
    refusal = f"记录 #{d.id} 当前为“公示中”，已是公开记录，不能修改；如有错误，请用“更正”起草更正公告"
    assert editor.banner.text() == refusal and editor.save_button.toolTip() == refusal
    assert not editor.title_edit.isEnabled() and not editor.period_edit.isEnabled()
    assert editor.body_edit.isReadOnly()
    assert not editor.save_button.isEnabled()
    roster = editor.kind_editor
    assert not roster.import_button.isVisible() and not roster.insert_button.isVisible()
    index = roster.model.index(0, roster.model.column_of("name"))
    assert not index.flags() & Qt.ItemFlag.ItemIsEditable
    roster.view.setFocus()
    roster.view.go_to(0, 1)
    type_here(qtbot, "x")
    qtbot.keyClick(roster.view, Qt.Key.Key_Delete)
    assert roster.model.text(0, "name") == "张三"
    assert not editor.save()
    assert not editor.is_dirty()


def test_read_only_content_editor_disables_its_fields(qtbot, ws, service):
    d = service.create("FW-04", "2026-Q2", "财务收支", kind="finance",
                       content={"opening": "100", "closing": "100", "rows": []})
    service.submit(d.id)
    editor = open_editor(qtbot, ws, d.id)
    assert editor.banner.text() == f"记录 #{d.id} 当前为“待审核”，不能修改；如需修改，请审核人退回"
    fin = editor.kind_editor
    assert not fin.opening_edit.isEnabled() and not fin.closing_edit.isEnabled()
    assert not fin.add_button.isEnabled()


# --- saving and closing with the keyboard -------------------------------------------------------

def test_ctrl_s_saves_and_esc_asks_before_losing_changes(qtbot, ws, service, dialog_calls):
    d = service.create("CW-01", "2026-05-06", "关于修订村规民约的公告", kind="notice")
    editor = open_editor(qtbot, ws, d.id)
    editor.activateWindow()
    wait_active(qtbot, editor)
    editor.body_edit.setFocus()
    type_text(qtbot, editor.body_edit, "经村民代表会议讨论通过。")
    assert editor.isWindowModified()
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert service.get(d.id).body == "经村民代表会议讨论通过。"
    assert not editor.isWindowModified() and editor.message_label.text() == "已保存"
    assert editor.saved_once

    editor.title_edit.setFocus()
    type_text(qtbot, editor.title_edit, "（第二稿）")
    dialog_calls.confirm_answer = False
    press(qtbot, Qt.Key.Key_Escape)
    assert dialog_calls.of("confirm") and editor.isVisible()  # kept open: nothing lost
    dialog_calls.confirm_answer = True
    press(qtbot, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert service.get(d.id).title == "关于修订村规民约的公告"


def test_closing_without_changes_does_not_ask(qtbot, ws, service, dialog_calls):
    d = service.create("CW-01", "2026-05-06", "公告", kind="notice", body="正文")
    editor = open_editor(qtbot, ws, d.id)
    editor.reject()
    assert not editor.isVisible() and not dialog_calls.of("confirm")


def test_tab_order_follows_the_form(qtbot, ws, service):
    d = service.create("FW-04", "2026-Q2", "财务收支", kind="finance")
    editor = open_editor(qtbot, ws, d.id)
    editor.activateWindow()
    wait_active(qtbot, editor)
    editor.title_edit.setFocus()
    fin = editor.kind_editor
    expected = [editor.period_edit, editor.body_edit, fin.opening_edit, fin.closing_edit, fin.view]
    for widget in expected:
        press(qtbot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget


def test_a_bad_period_is_flagged_and_not_saved(qtbot, ws, service, dialog_calls):
    d = service.create("CW-01", "2026-05-06", "公告", kind="notice", body="正文")
    editor = open_editor(qtbot, ws, d.id)
    editor.period_edit.setText("2026-13")
    editor.refresh_findings()
    assert editor.period_wording.text() == "（期间格式不对）"
    assert any(f.field == "period" for f in editor.shown_findings())
    assert not editor.save()
    assert service.get(d.id).period == "2026-05-06"


def test_open_disclosure_editor_returns_whether_it_saved(qtbot, ws, service, dialog_calls):
    d = service.create("CW-01", "2026-05-06", "公告", kind="notice", body="正文")

    def close_it(save: bool):
        editor = QApplication.activeModalWidget()
        assert isinstance(editor, DisclosureEditor)
        if save:
            editor.title_edit.setText("公告（修订）")
            editor.save()
        editor.reject()

    QTimer.singleShot(0, lambda: close_it(False))
    assert open_disclosure_editor(ws, d.id) is False
    QTimer.singleShot(0, lambda: close_it(True))
    assert open_disclosure_editor(ws, d.id) is True
    assert service.get(d.id).title == "公告（修订）"
    assert open_disclosure_editor(ws, 9999) is False
    assert "9999" in dialog_calls.texts("error")


# --- finance ------------------------------------------------------------------------------------

def test_finance_closing_balance_finding(qtbot, ws, service):
    d = service.create("FW-04", "2026-Q2", "2026年第二季度财务收支", kind="finance", content={
        "opening": "1000", "closing": "1200", "rows": [
            {"date": "2026-04-03", "voucher": "记-01", "summary": "租金", "class": "各项收入", "income": "500"},
            {"date": "2026-04-18", "voucher": "记-02", "summary": "维修", "class": "各项支出", "expense": "200"}]})
    editor = open_editor(qtbot, ws, d.id)
    fin = editor.kind_editor
    closing = [f for f in fin.findings() if f.rule == "closing_balance"]
    assert closing and closing[0].field == "closing"
    assert "1200.00" in fin.closing_edit.toolTip() and fin.closing_edit.styleSheet()
    assert "✗ 相差 -100.00 元" in fin.computed_label.text()
    assert fin.model.index(1, fin.model.column_of("_balance")).data() == "1,300.00"

    fin.closing_edit.clear()
    type_text(qtbot, fin.closing_edit, "1,300.00")  # money as clerks write it
    assert not [f for f in fin.findings() if f.rule == "closing_balance"]
    assert "✓" in fin.computed_label.text() and not fin.closing_edit.styleSheet()

    fin.opening_edit.clear()
    type_text(qtbot, fin.opening_edit, "1,2x0")  # a bad number is flagged, never a crash
    assert any(f.field == "opening" and f.rule == "number" for f in fin.findings())
    fin.opening_edit.clear()
    type_text(qtbot, fin.opening_edit, "1000")

    assert editor.save()
    stored = service.get(d.id)
    assert stored.content["closing"] == "1300.00"
    assert stored.content["rows"][1]["expense"] == "200.00"
    assert not any(f.rule == "closing_balance" for f in stored.findings)


def test_finance_rows_typed_with_the_keyboard(qtbot, ws, service):
    d = service.create("FW-04", "2026-Q2", "财务收支", kind="finance", content={"opening": "0", "closing": "50"})
    editor = open_editor(qtbot, ws, d.id)
    fin = editor.kind_editor
    fin.view.setFocus()
    fin.view.go_to(0, 0)
    type_here(qtbot, "2026-04-01")
    key(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "记-01")
    key(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "卖树收入")
    key(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "收入")  # completes to 各项收入
    key(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "50")
    key(qtbot, Qt.Key.Key_Return)
    assert fin.model.text(0, "class") == "各项收入"
    assert fin.model.index(0, fin.model.column_of("class")).data() == "各项收入"
    assert fin.model.text(0, "income") == "50"
    assert fin.findings() == []
    assert "收入合计 50.00 元" in fin.totals_label.text()


# --- project --------------------------------------------------------------------------------------

def test_project_sources_in_wan_yuan(qtbot, ws, service):
    d = service.create("CW-19", "2026-04-01", "村内主干道硬化工程", kind="project", content={
        "name": "村内主干道硬化工程", "location": "一组", "content": "硬化", "unit": "万元", "budget": "86.5",
        "contractor": "某公司", "sources": [{"name": "财政奖补", "amount": "60"}, {"name": "村集体投入", "amount": "20"}]})
    editor = open_editor(qtbot, ws, d.id)
    pe = editor.kind_editor
    model = pe.sources_model
    amount = model.column_of("amount")
    assert model.headerData(amount, Qt.Orientation.Horizontal) == "金额（万元）"
    assert "≠ 总投资 86.50 ✗" in pe.sources_sum.text()
    assert any(f.rule == "sources_total" for f in pe.findings())
    model.insert_rows(2, [{"name": "村民筹资", "amount": "6.5"}])
    assert "＝ 总投资 86.50 ✓" in pe.sources_sum.text()
    assert not any(f.rule == "sources_total" for f in pe.findings())
    pe.unit_combo.setCurrentIndex(pe.unit_combo.findData("元"))
    assert model.headerData(amount, Qt.Orientation.Horizontal) == "金额（元）"
    assert editor.save()
    assert service.get(d.id).content["sources"][2] == {"name": "村民筹资", "amount": "6.50"}


# --- 四议两公开 -----------------------------------------------------------------------------------

def test_decision_quorum_shown_per_meeting(qtbot, ws, service):
    d = service.create("CW-06", "2026-05-06", "决议公开", kind="decision", content={
        "matter": "道路硬化", "meetings": [
            {"stage": 1, "kind": "party_branch", "date": "2026-03-01", "content": "提议"},
            {"stage": 2, "kind": "two_committees", "date": "2026-03-03", "content": "商议"},
            {"stage": 3, "kind": "party_members", "date": "2026-03-08", "due": 30, "present": 20, "for": 16,
             "content": "审议"}]})
    editor = open_editor(qtbot, ws, d.id)
    de = editor.kind_editor
    assert de.model.rowCount() == 6  # the six steps, unheld ones ready to fill in
    results = de.results()
    assert results[2] == "实到 20/30 ≥ 2/3 ✓；同意 16/30 > 1/2 ✓"
    assert results[0] == ""
    assert de.findings() == []

    # Step 4, typed with the keyboard: 28 of 45 representatives is short of two thirds.
    model = de.model
    de.view.setFocus()
    de.view.go_to(3, model.column_of("date"))
    type_here(qtbot, "2026-03-12")
    key(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "45")
    key(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "28")
    key(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "20")
    key(qtbot, Qt.Key.Key_Return)
    assert de.results()[3] == "实到 28/45 < 2/3 ✗；同意 20/28 > 1/2 ✓"
    quorum = [f for f in de.findings() if f.rule == "quorum"]
    assert quorum and quorum[0].row == 4
    present = model.index(3, model.column_of("present"))
    assert "三分之二" in present.data(Qt.ItemDataRole.ToolTipRole)
    model.setData(present, "30")
    assert de.results()[3].startswith("实到 30/45 ≥ 2/3 ✓")
    assert editor.save()
    stored = service.get(d.id).content
    assert [m["stage"] for m in stored["meetings"]] == [1, 2, 3, 4]
    assert stored["meetings"][3]["present"] == 30


# --- 一事一议 -------------------------------------------------------------------------------------

def test_yishi_sources_sum(qtbot, ws, service):
    d = service.create("CW-20", "2026-05-06", "一事一议筹资筹劳方案", kind="yishi", content={
        "project": "三组生产路硬化", "unit": "元", "total": "120000", "per_person": "20",
        "sources": [{"name": "村民筹资", "amount": "30000"}, {"name": "财政奖补", "amount": "60000"},
                    {"name": "村集体投入", "amount": "20000"}],
        "exemptions": [{"name": "五保户", "reason": "无劳动能力"}]})
    editor = open_editor(qtbot, ws, d.id)
    ye = editor.kind_editor
    assert "资金来源合计 110000.00 元" in ye.sources_sum.text() and "✗" in ye.sources_sum.text()
    assert any(f.rule == "sources_total" for f in ye.findings())
    names = [ye.sources_model.text(r, "name") for r in range(ye.sources_model.rowCount())]
    assert names[:3] == ["村民筹资", "财政奖补", "村集体投入"] and "投劳折资" in names

    row = names.index("投劳折资")
    ye.sources_view.setFocus()
    ye.sources_view.go_to(row, 1)
    type_here(qtbot, "10,000")
    key(qtbot, Qt.Key.Key_Return)
    assert "＝ 合计 120000.00 ✓" in ye.sources_sum.text()
    assert not any(f.rule == "sources_total" for f in ye.findings())
    assert editor.save()
    stored = service.get(d.id)
    assert {s["name"]: s["amount"] for s in stored.content["sources"]}["投劳折资"] == "10000.00"
    assert len(stored.content["sources"]) == 4  # sources left without an amount are not in the plan
    assert not stored.has_errors


def _click_and_type(qtbot, widget, text):
    """Click a field as a clerk does, select what it holds and type over it."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())
    assert widget.hasFocus() or widget.isAncestorOf(QApplication.focusWidget())
    qtbot.keyClick(focus_widget(), Qt.Key.Key_A, CTRL)
    type_here(qtbot, text)


def focus_widget():
    return QApplication.focusWidget()


def test_yishi_real_fields_typed_and_the_labour_money_checked(qtbot, ws, service):
    d = service.create("CW-20", "2026-05-06", "一事一议筹资筹劳方案", kind="yishi", content={
        "project": "三组生产路硬化", "unit": "万元", "total": "12",
        "sources": [{"name": "投劳折资", "amount": "4.8"}, {"name": "财政奖补", "amount": "6"},
                    {"name": "村集体投入", "amount": "1.2"}]})
    editor = open_editor(qtbot, ws, d.id)
    ye = editor.kind_editor
    assert ye.findings() == [] or all(f.severity == "warning" for f in ye.findings())  # no per-person amount needed
    assert "填写人数、天数和折资标准" in ye.labour_line.text()

    _click_and_type(qtbot, ye.nature_combo, "改建")
    _click_and_type(qtbot, ye.scale_edit, "长1.2公里、宽3.5米")
    _click_and_type(qtbot, ye.group_edit, "张理财、李会计、王监督")
    _click_and_type(qtbot, ye.start_edit, "2026-03-01")
    key(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "2026-03-31")
    # 120 人 × 5 天 × 80 元/人·天 = 48000 元 = 4.8 万元: the source line agrees
    _click_and_type(qtbot, ye.persons_edit, "120")
    key(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "5")
    key(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "80")
    assert ye.labour_line.text().startswith("投劳折资 48000.00 元") and "✓" in ye.labour_line.text()
    assert [f for f in ye.findings() if f.is_error] == []

    # 100 people: 40000 元 is not the 4.8 万元 on the 投劳折资 line, and that cell says so
    _click_and_type(qtbot, ye.persons_edit, "100")
    assert ye.labour_line.text().startswith("投劳折资 40000.00 元") and "✗" in ye.labour_line.text()
    wrong = [f for f in ye.findings() if f.rule == "labour_money"]
    assert wrong and "4.80 万元（48000.00 元）" in wrong[0].message
    model = ye.sources_model
    cell = model.index(0, model.column_of("amount"))
    assert "40000.00 元" in cell.data(Qt.ItemDataRole.ToolTipRole)
    _click_and_type(qtbot, ye.persons_edit, "120")
    assert "✓" in ye.labour_line.text()

    assert editor.save()
    c = service.get(d.id).content
    assert (c["nature"], c["scale"], c["finance_group"]) == ("改建", "长1.2公里、宽3.5米", ["张理财", "李会计", "王监督"])
    assert (c["raise_start"], c["raise_end"]) == ("2026-03-01", "2026-03-31")
    assert (c["labour_persons"], c["labour_days"], c["labour_rate"]) == (120, "5", "80.00")
    assert c["per_person"] is None
    assert not service.get(d.id).has_errors


def test_yishi_editor_fits_the_screen_with_its_new_fields(qtbot, ws, service):
    d = service.create("CW-20", "2026-05-06", "一事一议筹资筹劳方案", kind="yishi", content={
        "project": "三组生产路硬化", "unit": "元", "total": "1000", "sources": [{"name": "村民筹资", "amount": "1000"}]})
    editor = open_editor(qtbot, ws, d.id)
    assert editor.width() <= 1366 and editor.height() <= 768
    ye = editor.kind_editor
    for w in (ye.nature_combo, ye.scale_edit, ye.group_edit, ye.persons_edit, ye.labour_edit, ye.rate_edit,
              ye.start_edit, ye.end_edit, ye.labour_line, ye.sources_view, ye.exemptions_view):
        assert w.isVisible() and w.width() > 30, w
    chain = ye.tab_chain()
    assert chain.index(ye.persons_edit) < chain.index(ye.labour_edit) < chain.index(ye.rate_edit)


def test_decision_villagers_meeting_counted_by_households(qtbot, ws, service):
    d = service.create("CW-06", "2026-05-06", "决议公开", kind="decision", content={
        "matter": "道路硬化", "meetings": [
            {"stage": 1, "kind": "party_branch", "date": "2026-03-01", "content": "提议"},
            {"stage": 2, "kind": "two_committees", "date": "2026-03-03", "content": "商议"},
            {"stage": 3, "kind": "party_members", "date": "2026-03-08", "due": 30, "present": 20, "for": 16,
             "content": "审议"},
            {"stage": 4, "kind": "villagers", "date": "2026-03-12", "due": 300, "present": 200, "for": 150,
             "content": "表决"}]})
    editor = open_editor(qtbot, ws, d.id)
    de = editor.kind_editor
    model, view = de.model, de.view
    # counted by adult villagers (the default): 200 of 300 is more than half
    assert de.results()[3] == "实到 200/300 > 1/2 ✓；同意 150/200 > 1/2 ✓"
    # the clerk picks 按户 in the 计数方式 cell with the mouse and the keyboard
    col = model.column_of("counted")
    view.scrollTo(model.index(3, col))
    rect = view.visualRect(model.index(3, col))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.currentIndex().row() == 3 and view.currentIndex().column() == col
    type_here(qtbot, "按户")
    key(qtbot, Qt.Key.Key_Return)
    assert model.text(3, "counted") == "households"
    assert de.results()[3] == "实到 200/300 户 ≥ 2/3 ✓；同意 150/200 > 1/2 ✓"
    model.setData(model.index(3, model.column_of("present")), "199")
    assert de.results()[3].startswith("实到 199/300 户 < 2/3 ✗")
    quorum = [f for f in de.findings() if f.rule == "quorum"]
    assert quorum and "199 户" in quorum[0].message and "至少需 200 户" in quorum[0].message
    model.setData(model.index(3, model.column_of("present")), "210")
    assert editor.save()
    stored = service.get(d.id).content["meetings"][3]
    assert stored["counted"] == "households" and stored["present"] == 210


def test_decision_editor_reads_what_earlier_versions_stored_as_adults(qtbot, ws, service):
    d = service.create("CW-06", "2026-05-06", "决议公开", kind="decision", content={
        "matter": "道路硬化", "meetings": [
            {"stage": 1, "kind": "party_branch", "date": "2026-03-01", "content": "提议", "counted": "persons"}]})
    de = open_editor(qtbot, ws, d.id).kind_editor
    assert de.model.text(0, "counted") == "adults"
    assert de.model.index(0, de.model.column_of("counted")).data() == "按年满十八周岁村民"


def test_project_becomes_a_funding_notice_when_uses_are_typed(qtbot, ws, service):
    d = service.create("CW-19", "2026-04-01", "关于2026年衔接资金安排的公示", kind="project", content={
        "name": "2026年衔接推进乡村振兴补助资金", "unit": "万元", "budget": "356.8",
        "sources": [{"name": "中央衔接资金", "amount": "200"}, {"name": "省级衔接资金", "amount": "100.5"},
                    {"name": "县本级", "amount": "56.3"}]})
    editor = open_editor(qtbot, ws, d.id)
    pe = editor.kind_editor
    assert "未填写用途" in pe.uses_sum.text() and pe.budget_label.text() == "总投资(&M)"
    # 文号 of the first source, typed after a mouse click on its cell
    sm, sv = pe.sources_model, pe.sources_view
    rect = sv.visualRect(sm.index(0, sm.column_of("doc_no")))
    qtbot.mouseClick(sv.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sv.currentIndex().column() == sm.column_of("doc_no")
    type_here(qtbot, "豫财农〔2026〕3号")
    key(qtbot, Qt.Key.Key_Return)
    # the uses, typed row by row: 236.8 + 120 = 356.8
    um, uv = pe.uses_model, pe.uses_view
    rect = uv.visualRect(um.index(0, 0))
    qtbot.mouseClick(uv.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    type_here(qtbot, "产业发展")
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    type_here(qtbot, "236.8")
    key(qtbot, Qt.Key.Key_Return)
    assert pe.budget_label.text() == "资金总额(&M)"
    assert "资金用途合计 236.80 万元" in pe.uses_sum.text() and "≠ 资金总额 356.80 ✗" in pe.uses_sum.text()
    wrong = [f for f in pe.findings() if f.rule == "uses_total"]
    assert wrong and wrong[0].message == "资金用途合计 236.80 与资金总额 356.80 不符 万元"
    um.insert_rows(1, [{"name": "基础设施", "amount": "119.99"}])
    assert "相差 -0.01" in pe.uses_sum.text()
    um.setData(um.index(1, um.column_of("amount")), "120")
    assert "＝ 资金总额 356.80 ✓" in pe.uses_sum.text() and "＝ 资金总额 356.80 ✓" in pe.sources_sum.text()
    assert [f for f in pe.findings() if f.is_error] == []
    assert editor.save()
    c = service.get(d.id).content
    assert c["sources"][0] == {"name": "中央衔接资金", "doc_no": "豫财农〔2026〕3号", "amount": "200.00"}
    assert c["sources"][1] == {"name": "省级衔接资金", "amount": "100.50"}
    assert c["uses"] == [{"name": "产业发展", "amount": "236.80"}, {"name": "基础设施", "amount": "120.00"}]
    assert not service.get(d.id).has_errors


@pytest.mark.parametrize(("item", "period", "kind", "content"), [
    ("FW-04", "2026-Q2", "finance", {"opening": "0", "closing": "0", "rows": 1}),
    ("CW-19", "2026-07-18", "project", {"name": "村道", "unit": "元", "budget": "10", "sources": 12, "stages": "x"}),
    ("CW-20", "2026-06-01", "yishi", {"project": "广场", "unit": "元", "total": "1", "sources": 3, "exemptions": 7}),
    ("CW-06", "2026-05-20", "decision", {"matter": "发包", "meetings": 5}),
])
def test_a_draft_whose_content_list_is_a_number_opens_with_empty_tables(qtbot, ws, service, item, period, kind,
                                                                       content):
    """The fuzzer's "sources": 12 (stored as a draft with a 格式不对 finding) opens in its editor."""
    d = service.create(item, period, "公开", kind=kind, content=content)
    assert any(f.rule == "format" for f in d.findings)
    editor = open_editor(qtbot, ws, d.id)
    assert editor.kind_editor is not None and editor.isVisible()
