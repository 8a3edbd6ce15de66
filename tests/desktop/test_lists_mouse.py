"""Every other list with a mouse: 公开事项目录 (several items at once), 待办's four lists, the holiday
list and the sidebar — click on the row's rect, ctrl/shift-click, double click, right-click menu."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from models.entities import AuditEvent
from models.services.calendar import CalendarService
from models.services.catalog import CatalogService

from .mouse import click_row, double_click_row, record_menus, right_click_row
from .records_support import show_page

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _row(page, code: str) -> int:
    return [i.code for i in page.visible_items()].index(code)


def _audit_actions(ws) -> list[tuple[str, str]]:
    with ws.db.read_session() as s:
        return [(a, t) for a, t in s.execute(select(AuditEvent.action, AuditEvent.target_id).order_by(AuditEvent.id))]


# --- 公开事项目录 ---------------------------------------------------------------------------------

def test_a_click_on_a_catalog_item_shows_it_and_enables_its_actions(qtbot, catalog_page):
    page = catalog_page
    page.table_view.clearSelection()
    assert page.selected_item() is None and not page.edit_action.isEnabled()
    click_row(qtbot, page.table_view, _row(page, "CF-01"), column=3)
    assert page.selected_item().code == "CF-01"
    assert "村级财务收支情况" in page.detail.toPlainText()
    assert page.edit_action.isEnabled() and page.toggle_action.text() == "停用"


def test_ctrl_and_shift_click_select_several_items_for_retiring_at_once(qtbot, catalog_page, workspace,
                                                                        monkeypatch):
    page = catalog_page
    codes = [i.code for i in page.visible_items()]
    click_row(qtbot, page.table_view, 0)
    click_row(qtbot, page.table_view, 2, CTRL)
    assert [i.code for i in page.selected_items()] == [codes[0], codes[2]]
    assert page.selected_item() is None and not page.edit_action.isEnabled()  # 编辑 takes one item
    assert page.edit_action.toolTip() == "一次只能编辑一个事项"
    assert page.toggle_action.text() == "停用 2 项" and page.delete_action.text() == "删除 2 项"
    assert "已选中 2 个事项" in page.detail.toPlainText()
    click_row(qtbot, page.table_view, 0)
    click_row(qtbot, page.table_view, 1, SHIFT)  # from the row clicked last to this one
    assert [i.code for i in page.selected_items()] == codes[:2]

    menus = record_menus(monkeypatch)
    menus.choose = "停用 2 项"
    right_click_row(qtbot, page.table_view, 1, column=3)  # already selected: the selection stays
    assert menus.texts() == ["编辑", "停用 2 项", "删除 2 项", "新增"]
    assert not menus.enabled("编辑") and menus.enabled("删除 2 项")
    active = [i.code for i in CatalogService(workspace.ctx).list_items()]
    assert active == [codes[2]]
    assert _audit_actions(workspace)[-1] == ("catalog.item.retire", f"{codes[0]},{codes[1]}")  # one event

    # With 显示停用 both come back selected; 恢复 applies to the pair.
    page.show_retired_check.setChecked(True)
    click_row(qtbot, page.table_view, _row(page, codes[0]))
    click_row(qtbot, page.table_view, _row(page, codes[1]), CTRL)
    assert page.toggle_action.text() == "恢复 2 项"
    page.toggle_action.trigger()
    assert len(CatalogService(workspace.ctx).list_items()) == 3


def test_deleting_several_items_confirms_the_list_first(qtbot, catalog_page, workspace, dialog_calls):
    page = catalog_page
    click_row(qtbot, page.table_view, _row(page, "CW-01"))
    click_row(qtbot, page.table_view, _row(page, "DW-01"), CTRL)
    page.table_view.setFocus()
    qtbot.keyClick(page.table_view, Qt.Key.Key_Delete)
    question = dialog_calls.of("confirm")[-1][2]
    assert "删除以下 2 个事项" in question and "CW-01 村务公开栏更新情况" in question and "DW-01 发展党员情况" in question
    assert [i.code for i in CatalogService(workspace.ctx).list_items()] == ["CF-01"]


def test_a_right_click_on_another_item_selects_it_first(qtbot, catalog_page, monkeypatch):
    page = catalog_page
    menus = record_menus(monkeypatch)
    click_row(qtbot, page.table_view, _row(page, "CW-01"))
    click_row(qtbot, page.table_view, _row(page, "CF-01"), CTRL)
    menus.choose = "编辑"
    right_click_row(qtbot, page.table_view, _row(page, "DW-01"))
    assert [i.code for i in page.selected_items()] == ["DW-01"]
    assert page.item_dialog is not None and page.item_dialog.code_edit.text() == "DW-01"
    page.item_dialog.reject()


def test_a_right_click_on_a_group_offers_a_new_item_in_it(qtbot, catalog_page, monkeypatch):
    page = catalog_page
    menus = record_menus(monkeypatch)
    tree = page.tree_view
    model = page.group_model
    target = model.index_of(("党务", "党组织建设"))
    menus.choose = "新增"
    pos = tree.visualRect(target).center()
    from .mouse import right_click_at

    right_click_at(qtbot, tree, pos)
    assert menus.texts() == ["新增"]
    dialog = page.item_dialog
    assert dialog is not None and dialog.group_combo.currentText() == "党组织建设"
    dialog.reject()


# --- 待办 ----------------------------------------------------------------------------------------

@pytest.fixture
def todo(qtbot, village_ws, editor_calls):
    from desktop.pages.todo_page import TodoPage

    return show_page(qtbot, TodoPage(village_ws), 1200, 800)


def _row_of(section, item_code: str, period: str) -> int:
    return next(r for r, e in enumerate(section.model.entries()) if e.item_code == item_code and e.period == period)


def test_todo_entries_answer_clicks_double_clicks_and_the_menu(qtbot, todo, monkeypatch):
    section = todo.overdue_section
    row = _row_of(section, "FW-04", "2026-M04")
    click_row(qtbot, section.view, row, column=1)
    assert section.selected().item_code == "FW-04"
    assert section.open_action.text() == "新建公开记录…" and section.open_action.isEnabled()

    menus = record_menus(monkeypatch)
    right_click_row(qtbot, section.view, row, column=1)
    assert menus.texts() == ["新建公开记录…", "新建公开记录…", "刷新"]

    double_click_row(qtbot, section.view, row, column=1)
    dialog = todo.active_dialog
    assert dialog is not None
    assert dialog.item_combo.current_item().code == "FW-04" and dialog.period_picker.period() == "2026-M04"
    dialog.reject()


# --- 节假日 ---------------------------------------------------------------------------------------

def test_several_holidays_are_selected_with_the_mouse_and_removed_from_the_menu(qtbot, village_ws, dialog_calls,
                                                                               monkeypatch):
    from desktop.editors.calendar_dialog import CalendarDialog

    service = CalendarService(village_ws.ctx)
    for day in (date(2027, 10, 1), date(2027, 10, 2), date(2027, 10, 3), date(2027, 10, 9)):
        service.add_day(day, "holiday" if day.day < 9 else "workday", "国庆节")
    dialog = CalendarDialog(village_ws, year=2027)
    show_page(qtbot, dialog, 720, 560)
    assert not dialog.remove_button.isEnabled()
    click_row(qtbot, dialog.table, 0)
    click_row(qtbot, dialog.table, 2, SHIFT)
    assert dialog.selected_days() == [date(2027, 10, 1), date(2027, 10, 2), date(2027, 10, 3)]
    click_row(qtbot, dialog.table, 1, CTRL)
    assert dialog.selected_days() == [date(2027, 10, 1), date(2027, 10, 3)]
    assert dialog.remove_button.text() == "删除所选（2 天）"

    menus = record_menus(monkeypatch)
    menus.choose = "删除所选（2 天）"
    right_click_row(qtbot, dialog.table, 2)
    assert "2027-10-01、2027-10-03" in dialog_calls.of("confirm")[-1][2]
    assert [d.day for d in service.list_days(2027)] == [date(2027, 10, 2), date(2027, 10, 9)]
    assert not dialog.remove_button.isEnabled()  # the list was read again: nothing is selected
    dialog.reject()


# --- the sidebar -------------------------------------------------------------------------------

def test_a_click_in_the_sidebar_opens_the_page(qtbot, make_village_window):
    window = make_village_window()
    sidebar = window.sidebar
    row = window.page_keys().index("catalog")
    rect = sidebar.visualItemRect(sidebar.item(row))
    qtbot.mouseClick(sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_key() == "catalog"
