"""Settings, dialogs, crash hook, timing editor, app factory: the pieces every page relies on."""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication

from desktop import crash, dialogs
from desktop.settings import Settings
from models.errors import NotFound, Problem, ValidationError
from models.rules.timing import TimingRule


# --- settings ---------------------------------------------------------------------------------
def test_settings_defaults_and_round_trip(tmp_path):
    s = Settings(tmp_path / "cfg")
    assert (s.language, s.last_page, s.last_search, s.window_geometry, s.catalog_splitter) == ("zh", "", "", "", [])
    s.language = "en"
    s.last_search = "cwgk 公开"
    s.catalog_splitter = [200, 900]
    s.sync()
    again = Settings(tmp_path / "cfg")
    assert (again.language, again.last_search, again.catalog_splitter) == ("en", "cwgk 公开", [200, 900])
    assert {e.name for e in Settings.entries()} >= {"window_geometry", "last_page", "last_search", "language"}


def test_settings_survive_a_hand_edited_file(tmp_path):
    folder = tmp_path / "cfg"
    s = Settings(folder)
    s.catalog_splitter = [1, 2]
    s.sync()
    path = s.path
    path.write_text(path.read_text(encoding="utf-8").replace("[1, 2]", "not json"), encoding="utf-8")
    assert Settings(folder).catalog_splitter == []  # the default, not an exception


def test_unknown_language_is_refused(tmp_path):
    s = Settings(tmp_path)
    try:
        s.language = "fr"
    except ValueError:
        pass
    else:  # pragma: no cover
        raise AssertionError("accepted an unknown language")


# --- dialogs ----------------------------------------------------------------------------------
def test_validation_errors_read_as_located_lines():
    exc = ValidationError([Problem("事项名称不能为空", field="二级事项"),
                           Problem("编号重复", file="目录.xlsx", row=3, field="编号")], summary="目录有误，未导入任何事项")
    headline, lines = dialogs.describe_error(exc)
    assert headline == "目录有误，未导入任何事项"
    assert lines.splitlines() == ["“二级事项”：事项名称不能为空", "文件 目录.xlsx，第 3 行，“编号”列：编号重复"]
    assert dialogs.describe_error(NotFound("目录中没有编号为“X”的事项")) == ("目录中没有编号为“X”的事项", "")


# --- crash hook -------------------------------------------------------------------------------
def test_crash_hook_logs_and_shows_a_report(tmp_path, qapp):
    shown = []
    log_path = tmp_path / "logs" / "cunwu.log"
    hook = crash.CrashHandler(log_path, show=lambda report, path, logged: shown.append((report, path, logged)))
    try:
        raise RuntimeError("出错了")
    except RuntimeError:
        hook(*sys.exc_info())
    report, path, logged = shown[0]
    assert path == log_path and logged
    assert "RuntimeError: 出错了" in report and "Traceback" in report
    assert "RuntimeError: 出错了" in log_path.read_text(encoding="utf-8")


def test_crash_dialog_copies_report_and_names_the_log(qtbot, tmp_path):
    dialog = crash.CrashDialog("Traceback …\nRuntimeError: x", tmp_path / "cunwu.log", True)
    qtbot.addWidget(dialog)
    assert str(tmp_path / "cunwu.log") in dialog.log_label.text()
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "RuntimeError: x" in copied and "cunwu.log" in copied


def test_user_errors_reaching_the_hook_are_shown_as_messages(tmp_path, qapp, dialog_calls):
    hook = crash.CrashHandler(tmp_path / "cunwu.log", show=lambda *a: (_ for _ in ()).throw(AssertionError))
    try:
        raise ValidationError.single("公示天数应在 0–366 之间")
    except ValidationError:
        hook(*sys.exc_info())
    assert "公示天数应在 0–366 之间" in dialog_calls.texts("error")


# --- timing editor ----------------------------------------------------------------------------
def test_timing_editor_shows_what_each_kind_needs(qtbot):
    from desktop.editors.timing_editor import TimingEditor

    editor = TimingEditor()
    qtbot.addWidget(editor)
    editor.show()
    expected = {
        "monthly": {"day"}, "quarterly": {"day"}, "yearly": {"month", "day", "year"},
        "within_days": {"days", "working"}, "immediate": set(), "per_stage": {"days", "working"},
    }
    widgets = {"day": editor.day_spin, "month": editor.month_spin, "year": editor.year_combo,
               "days": editor.days_spin, "working": editor.working_check}
    for kind, visible in expected.items():
        editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(kind))
        assert {k for k, w in widgets.items() if w.isVisible()} == visible, kind
        assert editor.rule().kind == kind
        assert editor.rule().problems() == [] or kind == "yearly"


def test_timing_wording_follows_the_rule_until_typed(qtbot):
    from desktop.editors.timing_editor import TimingEditor

    editor = TimingEditor()
    qtbot.addWidget(editor)
    editor.set_rule(TimingRule("yearly", month=4, day=8, year_offset=0))
    assert editor.wording_edit.text() == "每年4月8日前公开本年度情况"
    editor.year_combo.setCurrentIndex(1)
    assert editor.wording() == "每年4月8日前公开上年度情况"
    assert editor.preview.text() == "每年4月8日前公开上年度情况"

    editor.wording_edit.selectAll()
    qtbot.keyClicks(editor.wording_edit, "4/8")
    assert editor.has_custom_wording()
    editor.month_spin.setValue(7)
    assert editor.wording() == "4/8"  # the clerk's text stays
    assert editor.preview.text() == "每年7月8日前公开上年度情况"
    editor.reset_wording.click()
    assert editor.wording() == "每年7月8日前公开上年度情况"

    editor.set_rule(TimingRule("within_days", days=10, working=True), "信息形成或变更之日起10个工作日内")
    assert not editor.has_custom_wording()
    assert editor.rule() == TimingRule("within_days", days=10, working=True)


# --- app factory ------------------------------------------------------------------------------
def test_app_uses_a_chinese_font_and_loads_english_when_asked(qapp, tmp_path):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFontDatabase

    from desktop.app import configure_app

    assert qapp.organizationName() == "cunwu" and qapp.applicationName() == "cunwu"
    chinese = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    assert set(qapp.font().families()) & chinese
    settings = Settings(tmp_path / "en")
    settings.language = "en"
    try:
        configure_app(qapp, settings)
        assert QCoreApplication.translate("Pages", "公开事项目录") == "Disclosure catalog"
    finally:
        configure_app(qapp, Settings(tmp_path / "zh"))
    assert QCoreApplication.translate("Pages", "公开事项目录") == "公开事项目录"


def test_english_translation_is_complete():
    import xml.etree.ElementTree as ET

    from models.paths import resources_dir

    ts = resources_dir() / "i18n" / "cunwu_en.ts"
    unfinished = [m.findtext("source") for m in ET.parse(ts).getroot().iter("message")
                  if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
