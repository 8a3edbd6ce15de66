"""The catalog page and item dialog, driven through real widgets and a real database."""

from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.errors import Problem, ValidationError
from models.services import catalog as catalog_service
from models.services.catalog import CatalogService, ItemData, MergeResult

from .keyboard import press, type_text, wait_active


def _codes(page) -> list[str]:
    return [i.code for i in page.visible_items()]


def _select(qtbot, page, code: str) -> None:
    page.reload(select_code=code)
    assert page.selected_item() is not None and page.selected_item().code == code
    page.table_view.setFocus()


def _search(qtbot, page, text: str) -> None:
    page.search_edit.clear()
    type_text(qtbot, page.search_edit, text)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)


def test_lists_items_in_service_order_with_every_column(catalog_page):
    model = catalog_page.table_model
    assert _codes(catalog_page) == ["CW-01", "CF-01", "DW-01"]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["编号", "一级事项", "二级事项", "公开时限", "公开主体", "公开渠道", "公开对象", "公示天数", "状态"]
    row = [catalog_page.proxy.index(0, c).data() for c in range(model.columnCount())]
    assert row == ["CW-01", "村务管理", "村务公开栏更新情况", "每季度第一个月20日前公开上季度情况", "村民委员会",
                   "社区/村公示栏(电子屏)、村务微信群", "全社会", "7天", "启用"]
    assert catalog_page.count_label.text() == "共 3 项"


def test_add_item_by_keyboard_and_ctrl_s(qtbot, make_window, sample_items, workspace):
    window = make_window()
    window.show_page("catalog")
    page = window.current_page()
    page.table_view.setFocus()
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.item_dialog
    assert dialog is not None and dialog.isVisible()
    wait_active(qtbot, dialog)
    assert dialog.code_edit.text() == "CW-02"  # next free code
    assert not dialog.code_edit.isReadOnly()
    assert dialog.group_combo.hasFocus()  # no group chosen in the tree: start there

    type_text(qtbot, dialog.group_combo, "村务管理")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.name_edit.hasFocus()  # the tab order follows the form
    type_text(qtbot, dialog.name_edit, "村规民约")
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.content_edit.hasFocus()
    type_text(qtbot, dialog.content_edit, "村规民约全文及修订情况")
    press(qtbot, Qt.Key.Key_Tab)  # Tab leaves a multi-line field instead of inserting a tab
    assert dialog.basis_edit.hasFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert dialog.timing_editor.kind_combo.hasFocus()
    press(qtbot, Qt.Key.Key_End)  # 按项目阶段, then one up: 随时
    press(qtbot, Qt.Key.Key_Up)
    assert dialog.timing_editor.kind() == "immediate"
    wechat = dialog.channel_checks["村务微信群"]
    wechat.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: page.item_dialog is None)
    saved = CatalogService(workspace.ctx).get("CW-02")
    assert (saved.group, saved.name, saved.content) == ("村务管理", "村规民约", "村规民约全文及修订情况")
    assert saved.timing.kind == "immediate" and saved.timing_text == "随时公开"
    assert saved.channels == ("社区/村公示栏(电子屏)", "村务微信群")
    assert "CW-02" in _codes(page)
    assert page.selected_item().code == "CW-02"
    assert "已保存事项 CW-02" in window.statusBar().currentMessage()


def test_edit_with_enter_keeps_the_code(qtbot, catalog_page, workspace):
    _select(qtbot, catalog_page, "CF-01")
    qtbot.keyClick(catalog_page.table_view, Qt.Key.Key_Return)
    dialog = catalog_page.item_dialog
    assert dialog is not None and dialog.editing
    wait_active(qtbot, dialog)
    assert dialog.code_edit.isReadOnly()
    assert dialog.name_edit.text() == "村级财务收支情况"
    assert dialog.timing_editor.kind() == "monthly" and dialog.timing_editor.day_spin.value() == 10

    dialog.name_edit.selectAll()
    type_text(qtbot, dialog.name_edit, "村级财务收支明细")
    dialog.timing_editor.day_spin.setFocus()
    dialog.timing_editor.day_spin.selectAll()
    qtbot.keyClicks(dialog.timing_editor.day_spin, "15")
    assert dialog.timing_editor.wording_edit.text() == "每月15日前公开上月情况"
    dialog.name_edit.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # Enter saves

    qtbot.waitUntil(lambda: catalog_page.item_dialog is None)
    item = CatalogService(workspace.ctx).get("CF-01")
    assert item.name == "村级财务收支明细"
    assert item.timing.day == 15 and item.timing_text == "每月15日前公开上月情况"
    assert catalog_page.selected_item().name == "村级财务收支明细"


def test_double_click_opens_the_editor_and_escape_cancels(qtbot, catalog_page, workspace):
    view = catalog_page.table_view
    index = catalog_page.proxy.index(2, 2)
    rect = view.visualRect(index)
    # Qt 6's mouseDClick sends no press first, and views only act on a double click of the pressed item
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = catalog_page.item_dialog
    assert dialog is not None and dialog.code_edit.text() == "DW-01"
    wait_active(qtbot, dialog)
    assert dialog.name_edit.hasFocus()
    type_text(qtbot, dialog.name_edit, "（改）")
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: catalog_page.item_dialog is None)
    assert CatalogService(workspace.ctx).get("DW-01").name == "发展党员情况"


def test_empty_name_is_refused_inline_and_dialog_stays(qtbot, catalog_page, workspace):
    catalog_page.new_item()
    dialog = catalog_page.item_dialog
    wait_active(qtbot, dialog)
    type_text(qtbot, dialog.group_combo, "村务管理")
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert dialog.isVisible()
    assert catalog_page.item_dialog is dialog
    assert "事项名称不能为空" in dialog.problems_text()
    assert "“二级事项”" in dialog.problems_text()  # located: which field
    assert dialog.problems_label.isVisible()
    assert dialog.name_edit.hasFocus()  # the first offending field
    assert CatalogService(workspace.ctx).count() == 3

    type_text(qtbot, dialog.name_edit, "村规民约")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: catalog_page.item_dialog is None)
    assert CatalogService(workspace.ctx).count() == 4


def test_no_channel_and_bad_yearly_rule_are_listed(qtbot, catalog_page, workspace):
    catalog_page.new_item()
    dialog = catalog_page.item_dialog
    type_text(qtbot, dialog.group_combo, "村务管理")
    type_text(qtbot, dialog.name_edit, "年度预算")
    for box in dialog.channel_checks.values():
        box.setChecked(False)
    editor = dialog.timing_editor
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("yearly"))
    assert editor.month_spin.isVisible() and editor.year_combo.isVisible() and not editor.days_spin.isVisible()
    editor.month_spin.setValue(4)  # month without a day
    dialog.save()
    text = dialog.problems_text()
    assert "至少勾选一个公开渠道" in text
    assert "按年公开须同时填写月和日" in text
    assert dialog.isVisible()
    assert CatalogService(workspace.ctx).count() == 3


def test_retire_hides_unless_show_retired(qtbot, catalog_page, workspace):
    _select(qtbot, catalog_page, "CW-01")
    assert catalog_page.toggle_action.text() == "停用"
    catalog_page.toggle_action.trigger()
    assert "CW-01" not in _codes(catalog_page)
    assert CatalogService(workspace.ctx).get("CW-01").active is False

    catalog_page.show_retired_check.setFocus()
    qtbot.keyClick(catalog_page.show_retired_check, Qt.Key.Key_Space)
    assert catalog_page.show_retired_check.isChecked()
    assert "CW-01" in _codes(catalog_page)
    row = _codes(catalog_page).index("CW-01")
    assert catalog_page.proxy.index(row, 8).data() == "已停用"
    assert catalog_page.proxy.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed

    _select(qtbot, catalog_page, "CW-01")
    assert catalog_page.toggle_action.text() == "恢复"
    catalog_page.toggle_action.trigger()
    assert CatalogService(workspace.ctx).get("CW-01").active is True
    catalog_page.show_retired_check.setChecked(False)
    assert "CW-01" in _codes(catalog_page)


@pytest.mark.parametrize("query, expected", [
    ("cwgk", ["CW-01"]),  # initials of 村务公开栏
    ("cunwugongkai", ["CW-01"]),  # full pinyin
    ("财务", ["CF-01"]),
    ("zzjs", ["DW-01"]),  # initials of 党组织建设 (the group)
    ("xyzxyz", []),
])
def test_search_chinese_pinyin_and_initials(qtbot, catalog_page, query, expected):
    _search(qtbot, catalog_page, query)
    assert _codes(catalog_page) == expected
    assert catalog_page.ws.settings.last_search == query


def test_search_as_you_type(qtbot, catalog_page):
    qtbot.keyClicks(catalog_page.search_edit, "cwgk")
    qtbot.waitUntil(lambda: _codes(catalog_page) == ["CW-01"], timeout=3000)


def test_channel_filter(qtbot, catalog_page):
    combo = catalog_page.channel_combo
    combo.setCurrentIndex(combo.findData("村民会议"))
    assert _codes(catalog_page) == ["DW-01"]
    combo.setCurrentIndex(combo.findData("村务微信群"))
    assert _codes(catalog_page) == ["CW-01"]
    combo.setCurrentIndex(0)
    assert len(_codes(catalog_page)) == 3


def test_group_tree_filters_by_category_and_group(qtbot, catalog_page):
    model = catalog_page.group_model
    tree = catalog_page.tree_view
    tree.setCurrentIndex(model.index_of(("财务", None)))
    assert _codes(catalog_page) == ["CF-01"]
    tree.setCurrentIndex(model.index_of(("党务", "党组织建设")))
    assert _codes(catalog_page) == ["DW-01"]
    assert model.index_of(("党务", "党组织建设")).data() == "党组织建设（1）"
    tree.setCurrentIndex(model.index_of((None, None)))
    assert len(_codes(catalog_page)) == 3
    # a new item starts in the selected group
    tree.setCurrentIndex(model.index_of(("财务", "财务收支")))
    catalog_page.new_item()
    dialog = catalog_page.item_dialog
    assert dialog.category_combo.currentData() == "财务"
    assert dialog.group_combo.currentText() == "财务收支"
    dialog.reject()


def test_delete_asks_and_refuses_items_with_records(qtbot, catalog_page, workspace, dialog_calls, monkeypatch):
    monkeypatch.setattr(catalog_service, "_record_counters", [lambda session, item_id: 2])
    _select(qtbot, catalog_page, "CF-01")
    qtbot.keyClick(catalog_page.table_view, Qt.Key.Key_Delete)
    assert dialog_calls.of("confirm")
    assert "已有 2 条公开记录，不能删除，只能停用" in dialog_calls.texts("error")
    assert "CF-01" in _codes(catalog_page)

    monkeypatch.setattr(catalog_service, "_record_counters", [])
    dialog_calls.confirm_answer = False
    catalog_page.delete_action.trigger()
    assert "CF-01" in _codes(catalog_page)
    dialog_calls.confirm_answer = True
    catalog_page.delete_action.trigger()
    assert "CF-01" not in _codes(catalog_page)
    assert CatalogService(workspace.ctx).count() == 2


def test_load_template_merges_without_touching_existing(qtbot, catalog_page, workspace, dialog_calls,
                                                        template_resources):
    CatalogService(workspace.ctx).update("CW-01", ItemData(code="CW-01", group="村务管理", name="本村改过的名称"))
    dialog_calls.choice = 0
    catalog_page.template_action.trigger()
    assert "测试村级目录（2 项）" in dialog_calls.texts("choose")
    assert "新增 1 项；已有的 1 项保持不变" in dialog_calls.texts("info")
    service = CatalogService(workspace.ctx)
    assert service.get("CW-01").name == "本村改过的名称"
    assert service.get("CW-02").name == "村民会议决定"
    assert "CW-02" in _codes(catalog_page)


@pytest.fixture
def fake_xlsx(monkeypatch):
    """Stands in for models.exchange.catalog_xlsx (written by another engineer)."""
    try:
        import models.exchange  # noqa: F401
    except ImportError:
        monkeypatch.setitem(sys.modules, "models.exchange", types.ModuleType("models.exchange"))
    module = types.ModuleType("models.exchange.catalog_xlsx")
    calls = {}

    def import_catalog_xlsx(ctx, path):
        calls["import"] = path
        if "bad" in str(path):
            raise ValidationError([Problem("事项名称不能为空", file="bad.xlsx", sheet="目录", row=5, field="二级事项")],
                                  summary="目录有误，未导入任何事项")
        CatalogService(ctx).add(ItemData(code="CW-09", group="村务管理", name="导入的事项"))
        return MergeResult(added=["CW-09"], updated=["CW-01"], unchanged=["CF-01", "DW-01"])

    def export_catalog_xlsx(ctx, path):
        calls["export"] = path
        path.write_bytes(b"xlsx")
        return len(CatalogService(ctx).list_items(include_retired=True))

    module.import_catalog_xlsx = import_catalog_xlsx
    module.export_catalog_xlsx = export_catalog_xlsx
    monkeypatch.setitem(sys.modules, "models.exchange.catalog_xlsx", module)
    return calls


def test_import_runs_off_the_gui_thread_and_reloads(qtbot, catalog_page, dialog_calls, fake_xlsx, tmp_path):
    dialog_calls.open_path = tmp_path / "目录.xlsx"
    with qtbot.waitSignal(catalog_page.job_finished, timeout=10_000):
        catalog_page.import_action.trigger()
        assert not catalog_page.import_action.isEnabled()  # busy
    assert fake_xlsx["import"] == tmp_path / "目录.xlsx"
    assert "新增 1 项，更新 1 项，未变 2 项" in dialog_calls.texts("info")
    assert "CW-09" in _codes(catalog_page)
    assert catalog_page.import_action.isEnabled()


def test_import_refusal_lists_located_problems(qtbot, catalog_page, dialog_calls, fake_xlsx, tmp_path):
    dialog_calls.open_path = tmp_path / "bad.xlsx"
    with qtbot.waitSignal(catalog_page.job_finished, timeout=10_000):
        catalog_page.import_action.trigger()
    text = dialog_calls.texts("error")
    assert "目录有误，未导入任何事项" in text
    assert "文件 bad.xlsx，工作表“目录”，第 5 行，“二级事项”列：事项名称不能为空" in text


def test_export_adds_the_suffix(qtbot, catalog_page, dialog_calls, fake_xlsx, tmp_path):
    dialog_calls.save_path = tmp_path / "导出"
    with qtbot.waitSignal(catalog_page.job_finished, timeout=10_000):
        catalog_page.export_action.trigger()
    assert "测试村公开事项目录.xlsx" in dialog_calls.texts("save_file")
    assert (tmp_path / "导出.xlsx").read_bytes() == b"xlsx"
    assert "已导出 3 项" in dialog_calls.texts("info")


def test_cancelled_file_dialog_does_nothing(qtbot, catalog_page, dialog_calls, fake_xlsx):
    catalog_page.import_action.trigger()
    catalog_page.export_action.trigger()
    assert "import" not in fake_xlsx and "export" not in fake_xlsx
    assert QApplication.activeModalWidget() is None


def test_real_xlsx_round_trip(qtbot, catalog_page, workspace, dialog_calls, tmp_path):
    pytest.importorskip("models.exchange.catalog_xlsx")
    path = tmp_path / "目录.xlsx"
    dialog_calls.save_path = path
    with qtbot.waitSignal(catalog_page.job_finished, timeout=20_000):
        catalog_page.export_action.trigger()
    assert path.exists() and "已导出 3 项" in dialog_calls.texts("info")

    CatalogService(workspace.ctx).delete("DW-01")
    catalog_page.reload()
    dialog_calls.open_path = path
    with qtbot.waitSignal(catalog_page.job_finished, timeout=20_000):
        catalog_page.import_action.trigger()
    assert dialog_calls.of("error") == []
    assert "新增 1 项" in dialog_calls.texts("info")
    assert "DW-01" in _codes(catalog_page)


def test_last_search_is_restored(qtbot, workspace, sample_items):
    from desktop.pages.catalog_page import CatalogPage

    workspace.settings.last_search = "cwgk"
    page = CatalogPage(workspace)
    qtbot.addWidget(page)
    assert page.search_edit.text() == "cwgk"
    assert _codes(page) == ["CW-01"]


def test_keypad_enter_opens_the_item_too(qtbot, catalog_page):
    """Clerks typing figures use the keypad; its Enter (with KeypadModifier) opens the row as well."""
    _select(qtbot, catalog_page, "CF-01")
    qtbot.keyClick(catalog_page.table_view, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    dialog = catalog_page.item_dialog
    assert dialog is not None and dialog.editing
    dialog.reject()


def test_a_pasted_invisible_character_in_a_name_is_named_and_the_dialog_stays(qtbot, catalog_page, workspace):
    _select(qtbot, catalog_page, "CF-01")
    qtbot.keyClick(catalog_page.table_view, Qt.Key.Key_Return)
    dialog = catalog_page.item_dialog
    wait_active(qtbot, dialog)
    dialog.name_edit.selectAll()
    type_text(qtbot, dialog.name_edit, "村级\u202e财务收支")  # a right-to-left override, as pasted from a web page
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert catalog_page.item_dialog is dialog and dialog.isVisible()
    assert "二级事项含有不可见的文字方向控制符 U+202E" in dialog.problems_text()
    assert CatalogService(workspace.ctx).get("CF-01").name == "村级财务收支情况"
