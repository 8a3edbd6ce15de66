"""The start month and the footer on the 待办 page, 关于与设置, F1 and the 帮助 menu, Chinese Qt dialogs,
file dialogs that start in the documents folder and remember a folder per purpose."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from desktop import dialogs
from models.services.settings import SettingsService
from models.services.templates import list_templates

from .keyboard import type_text
from .records_support import show_page

# The real file dialog functions, kept before the autouse recorder replaces them for each test.
REAL_OPEN_FILE, REAL_SAVE_FILE = dialogs.open_file, dialogs.save_file


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


@pytest.fixture
def todo(qtbot, village_ws, editor_calls):
    from desktop.pages.todo_page import TodoPage

    return show_page(qtbot, TodoPage(village_ws), 1200, 800)


# --- the start month on the 待办 page ---------------------------------------------------------------

def test_the_start_month_is_said_once_until_closed(qtbot, todo, village_ws):
    from desktop.pages.todo_page import TodoPage

    assert todo.since_banner.isVisible()
    assert todo.since_label.text() == "本程序从 2025年1月起记录；此前的公开不在统计之内。"
    click(qtbot, todo.since_dismiss_button)  # 知道了
    assert not todo.since_banner.isVisible()
    todo.refresh()
    assert not todo.since_banner.isVisible()
    # Remembered: the page built again (next start of the program) does not say it again …
    again = show_page(qtbot, TodoPage(village_ws), 1200, 800)
    assert not again.since_banner.isVisible()
    # … until the start month changes.
    SettingsService(village_ws.ctx).set("schedule.since", date(2025, 3, 1))
    again.refresh()
    assert again.since_banner.isVisible() and "2025年3月" in again.since_label.text()


def test_change_leads_to_the_setting(qtbot, make_village_window, editor_calls):
    window = make_village_window()
    page = window.current_page()
    click(qtbot, page.since_change_button)  # 修改…
    assert window.current_key() == "about"
    assert window.current_page().since_picker.period() == "2025-M01"


def test_a_missing_phone_is_said_and_filled_in_from_the_page(qtbot, todo, village_ws):
    assert todo.footer_banner.isVisible() and "监督电话" in todo.footer_label.text()
    click(qtbot, todo.footer_button)  # 填写监督电话…
    dialog = todo.active_dialog
    qtbot.waitExposed(dialog)
    type_text(qtbot, dialog.phones_edit, "全国监督电话 12317")
    click(qtbot, _save_button(dialog))
    qtbot.waitUntil(lambda: todo.active_dialog is None)
    assert not todo.footer_banner.isVisible()
    assert SettingsService(village_ws.ctx).get("footer.phones") == [{"label": "全国监督电话", "number": "12317"}]


def _save_button(dialog):
    from PySide6.QtWidgets import QDialogButtonBox

    box = dialog.findChild(QDialogButtonBox)
    return box.button(QDialogButtonBox.StandardButton.Save)


# --- 关于与设置 -------------------------------------------------------------------------------------

@pytest.fixture
def about(qtbot, village_ws):
    from desktop.pages.about_page import AboutPage

    return show_page(qtbot, AboutPage(village_ws), 1000, 700)


def test_about_shows_the_template_by_name(about, village_ws):
    shipped = {t.id: t.name for t in list_templates()}
    assert village_ws.installation.template_id in shipped
    assert about.template_label.text() == shipped[village_ws.installation.template_id]
    assert village_ws.installation.template_id not in about.template_label.text()


def test_about_changes_the_start_month(qtbot, about, village_ws, dialog_calls):
    picker = about.since_picker
    assert picker.period() == "2025-M01"
    picker.month_combo.setFocus()
    for _ in range(5):
        qtbot.keyClick(picker.month_combo, Qt.Key.Key_Down)
    picker.year_spin.selectAll()
    qtbot.keyClicks(picker.year_spin, "2026")
    click(qtbot, about.save_since_button)
    assert dialog_calls.of("error") == []
    assert SettingsService(village_ws.ctx).get("schedule.since") == date(2026, 6, 1)

    picker.year_spin.selectAll()
    qtbot.keyClicks(picker.year_spin, "2099")
    click(qtbot, about.save_since_button)
    assert "不能晚于下个月" in dialog_calls.texts("error")
    assert SettingsService(village_ws.ctx).get("schedule.since") == date(2026, 6, 1)


# --- F1 and the 帮助 menu -----------------------------------------------------------------------------

def test_f1_and_the_help_menu_open_the_quick_guide(qtbot, make_village_window, editor_calls):
    from desktop.help import GuideWindow

    window = make_village_window()
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(GuideWindow) is not None)
    guide = window.findChild(GuideWindow)
    qtbot.waitExposed(guide)
    text = guide.browser.toPlainText()
    for words in ("待办", "公开记录", "公开事项目录", "关于与设置", "提交审核", "张贴公示", "大字版", "Ctrl+P", "F1"):
        assert words in text
    # It fits a 1366×768 screen with room for the frame and taskbar.
    assert guide.width() <= 1366 - 40 and guide.height() <= 768 - 60
    guide.close()
    qtbot.waitUntil(lambda: window.findChild(GuideWindow) is None)

    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "帮助(&H)")
    titles = [a.text() for a in help_menu.actions()]
    assert titles[0] == "快速入门" and "关于与设置" in titles
    assert window.help_action.shortcut().toString() == "F1"
    help_menu.actions()[0].trigger()
    first = window.findChild(GuideWindow)
    assert first is not None and first.isVisible()
    window.help_action.trigger()  # asked again: the same window comes forward
    assert window.findChildren(GuideWindow) == [first]
    help_menu.actions()[1].trigger()
    assert window.current_key() == "about"


def test_the_guide_shrinks_to_a_small_screen(qtbot, monkeypatch):
    from PySide6.QtCore import QRect

    from desktop import screen_fit
    from desktop.help import GuideWindow

    monkeypatch.setattr(screen_fit, "available_area", lambda _window: QRect(0, 0, 800, 560))
    guide = GuideWindow()
    qtbot.addWidget(guide)
    assert guide.width() <= 760 and guide.height() <= 560 - screen_fit.FRAME.top() - screen_fit.FRAME.bottom()


# --- Qt's own dialogs in Chinese -----------------------------------------------------------------------

def test_qt_file_dialog_is_chinese(qtbot):
    dialog = QFileDialog(None, "t")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "查看(&L)：" in labels and "文件类型(&T)：" in labels and "文件名称(&N)：" in labels
    assert not [t for t in labels if "Look in" in t or "Files of" in t]


def test_qt_print_dialog_is_chinese(qtbot):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "打印页面(&S)：" in labels
    assert not [t for t in labels if "Page &Set" in t]


def test_dates_in_dialogs_read_in_chinese():
    assert QLocale().name() == "zh_CN"
    assert QLocale().toString(QDate(2026, 12, 7), QLocale.FormatType.LongFormat).startswith("2026年12月7日")


# --- file dialogs: the documents folder, then the folder last used for the purpose ---------------------

def test_file_dialogs_start_in_documents_and_remember_each_purpose(monkeypatch, tmp_path, settings):
    asked: list[str] = []
    roster_dir = tmp_path / "U盘"
    roster_dir.mkdir()
    answers = {"open": str(roster_dir / "名单.xlsx"), "save": ""}

    def get_open(parent, title, directory, filters):
        asked.append(directory)
        return answers["open"], filters

    def get_save(parent, title, directory, filters):
        asked.append(directory)
        return answers["save"], filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))
    documents = dialogs.documents_folder()
    assert "Documents" in str(documents) or documents == Path.home()

    assert REAL_OPEN_FILE("选择名单文件", purpose=dialogs.IMPORT_ROSTER) == roster_dir / "名单.xlsx"
    assert asked[-1] == str(documents)  # first time: the documents folder, not the program's
    REAL_OPEN_FILE("选择名单文件", purpose=dialogs.IMPORT_ROSTER)
    assert asked[-1] == str(roster_dir)  # the folder used last for rosters
    REAL_OPEN_FILE("导入目录", purpose=dialogs.IMPORT_CATALOG)
    assert asked[-1] == str(documents)  # another purpose keeps its own
    assert settings.file_folders == {dialogs.IMPORT_ROSTER: str(roster_dir), dialogs.IMPORT_CATALOG: str(roster_dir)}

    answers["save"] = str(tmp_path / "公告.pdf")
    assert REAL_SAVE_FILE("保存为 PDF", purpose=dialogs.SAVE_PDF, suggested="测试.pdf") == tmp_path / "公告.pdf"
    assert asked[-1] == str(documents / "测试.pdf")  # a suggested name, in the purpose's folder
    REAL_SAVE_FILE("保存为 PDF", purpose=dialogs.SAVE_PDF, suggested="下一份.pdf")
    assert asked[-1] == str(tmp_path / "下一份.pdf")
    answers["save"] = ""
    assert REAL_SAVE_FILE("导出目录", purpose=dialogs.EXPORT_CATALOG) is None  # cancelled: nothing remembered
    assert dialogs.EXPORT_CATALOG not in settings.file_folders

    roster_dir.rmdir()  # a remembered folder that is gone: back to the documents folder
    REAL_OPEN_FILE("选择名单文件", purpose=dialogs.IMPORT_ROSTER)
    assert asked[-1] == str(documents)
    with pytest.raises(ValueError):
        REAL_OPEN_FILE("x", purpose="somewhere")
