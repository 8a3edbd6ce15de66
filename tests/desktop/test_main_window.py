"""Main window: pages from the registry, lazy pages, remembered geometry and page, shortcuts."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QLabel

from desktop import registry
from models.services.setup import installation

from .keyboard import press


def test_lists_working_pages_and_shows_who_and_where(make_window, workspace, db_path):
    window = make_window()
    assert window.page_keys()[:1] == ["todo"]  # the start page
    assert "catalog" in window.page_keys() and "about" in window.page_keys()
    titles = window.page_titles()
    assert titles[0] == "待办" and "公开事项目录" in titles and "关于与设置" in titles
    assert window.windowTitle() == "村务公开 — 测试村"
    assert str(db_path) in window.db_label.text()
    assert window.user_label.text() == "操作人：王文书"


def test_pages_are_built_on_first_show(make_window):
    window = make_window()
    assert window.current_key() == "todo"
    assert "about" not in window._pages
    window.show_page("about")
    assert "about" in window._pages
    assert window.stack.currentWidget() is window._pages["about"]


def test_last_page_and_geometry_are_remembered(make_window, workspace):
    first = make_window()
    first.resize(760, 520)  # within the offscreen screen (800×600): restoreGeometry keeps windows on screen
    first.show_page("about")
    size = first.size()  # the layouts' minimum width may have widened it a little
    assert size.height() == 520
    first.close()
    assert workspace.settings.last_page == "about"
    assert workspace.settings.window_geometry  # base64 text, not a pickled Qt value

    second = make_window()
    assert second.current_key() == "about"
    assert second.size() == size
    assert second.stack.currentWidget() is second._pages["about"]
    assert "catalog" not in second._pages  # the other page was never needed


def test_settings_file_is_plain_text(make_window, workspace):
    window = make_window()
    window.close()
    text = workspace.settings.path.read_text(encoding="utf-8")
    assert "@ByteArray" not in text and "@Variant" not in text
    assert "last_page=todo" in text


def test_a_registered_page_appears_without_editing_the_window(make_window):
    class Hello(QLabel):
        def __init__(self, workspace, parent=None):
            super().__init__(workspace.installation.name, parent)

    registry.register_page("hello", QT_TRANSLATE_NOOP("Pages", "问候"), Hello, order=50)
    try:
        window = make_window()
        assert window.page_keys().index("hello") == window.page_keys().index("catalog") + 1
        window.show_page("hello")
        assert window.current_page().text() == "测试村"
        assert not window.new_action.isEnabled()  # this page has no new_item hook
    finally:
        registry.unregister_page("hello")


def test_pages_that_do_not_apply_or_break_are_handled(make_window, workspace):
    def broken(workspace, parent=None):
        raise RuntimeError("boom")

    registry.register_page("township-only", "仅乡镇", QLabel, order=60, when=lambda ws: ws.installation.mode == "township")
    registry.register_page("broken", "坏页面", broken, order=70)
    try:
        window = make_window()
        assert "township-only" not in window.page_keys()
        window.show_page("broken")
        page = window.current_page()
        assert "页面出错" in page.findChild(QLabel).text()
        assert str(workspace.log_path) in page.findChild(QLabel).text()
    finally:
        registry.unregister_page("township-only")
        registry.unregister_page("broken")


def test_standard_shortcuts(qtbot, make_window, sample_items):
    window = make_window()
    window.show_page("catalog")
    page = window.current_page()
    window.sidebar.setFocus()
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()
    keys = window.page_keys()
    ctrl_n = {key: getattr(Qt.Key, f"Key_{keys.index(key) + 1}") for key in ("about", "catalog")}
    press(qtbot, ctrl_n["about"], Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "about"
    press(qtbot, ctrl_n["catalog"], Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "catalog"
    press(qtbot, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()


def test_about_page_shows_installation_and_records_adoption(qtbot, make_window, workspace, dialog_calls):
    window = make_window()
    window.show_page("about")
    page = window.current_page()
    assert page.name_label.text() == "测试村"
    assert page.code_label.text() == "410322100201"
    assert page.township_label.text() == "城关镇"
    assert page.operator_label.text() == "王文书"
    assert page.mode_label.text() == "村（社区）"
    assert not page.consulted.check.isChecked()

    page.consulted.check.setChecked(True)
    page.consulted.edit.setDate(date(2026, 3, 2))
    page.adopted.check.setChecked(True)
    page.adopted.edit.setDate(date(2026, 3, 20))
    page.adopted_by_edit.setText("村民代表会议")
    page.save_adoption_button.click()
    inst = installation(workspace.db)
    assert (inst.consulted_on, inst.adopted_on, inst.adopted_by) == (date(2026, 3, 2), date(2026, 3, 20), "村民代表会议")
    assert dialog_calls.of("error") == []

    page.adopted.edit.setDate(date(2026, 2, 1))  # before the consultation: refused, shown readably
    page.save_adoption_button.click()
    assert "村级认可日期不能早于乡镇会商日期" in dialog_calls.texts("error")
    assert installation(workspace.db).adopted_on == date(2026, 3, 20)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_language_choice_is_saved(make_window, workspace, language):
    window = make_window()
    window.show_page("about")
    combo = window.current_page().language_combo
    combo.setCurrentIndex(combo.findData(language))
    assert workspace.settings.language == language


def test_a_narrow_window_shortens_the_database_path_not_the_labels_after_it(qtbot, make_window):
    window = make_window()
    window.show_page("records")  # the widest page sets the window's least width
    long_path = "数据库：C:\\Users\\Administrator\\AppData\\Local\\cunwu\\data\\平乐村\\cunwu.sqlite3"
    window.db_label.set_full_text(long_path)
    audit = QLabel("审计链 第 128 条 3f9a2c1d0e4b · 发现 3 处问题（见 关于与设置）")
    window.statusBar().addPermanentWidget(audit)
    window.resize(600, 600)  # narrower than it can be: it stops at its least width
    qtbot.waitUntil(lambda: "…" in window.db_label.text())
    assert window.width() <= 1000
    assert window.db_label.full_text() == long_path == window.db_label.toolTip()
    assert window.db_label.text().startswith("数据库：C:") and window.db_label.text().endswith("cunwu.sqlite3")
    for label in (window.user_label, audit):  # whole, not cut
        assert label.width() >= label.sizeHint().width()
    window.resize(1600, 700)
    qtbot.waitUntil(lambda: window.db_label.text() == long_path)


def test_records_filters_keep_their_room(make_window, workspace):
    window = make_window()
    window.show_page("records")
    page = window.current_page()
    window.resize(window.minimumSizeHint().width(), 600)
    assert page.period_edit.width() >= page.period_edit.fontMetrics().horizontalAdvance("如 2026-M10")
    assert page.count_label.parent() is page.toolbar and page.count_label.text() == "没有符合条件的记录"


@pytest.mark.parametrize(("key", "table"), [("records", "FROM disclosure"), ("surveys", "FROM survey")])
def test_a_page_built_for_its_first_showing_reads_its_list_once(make_window, workspace, key, table):
    from sqlalchemy import event

    reads: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        if table in statement:
            reads.append(statement)

    window = make_window()
    event.listen(workspace.db.engine, "before_cursor_execute", count)
    try:
        window.show_page(key)  # built now, and shown
        first = len(reads)
        window.show_page("todo")
        reads.clear()
        window.show_page(key)  # shown again: it reads afresh, once
        again = len(reads)
    finally:
        event.remove(workspace.db.engine, "before_cursor_execute", count)
    assert again > 0 and first == again
