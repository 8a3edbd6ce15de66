"""First-run wizard, driven by typing as a clerk would."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from models.printing.settings import print_settings
from models.services.catalog import CatalogService
from models.services.context import Actor, ServiceContext
from models.services.settings import SettingsService
from models.services.setup import installation

from .keyboard import type_text


def _wizard(qtbot, db_path):
    from desktop.wizard import FirstRunWizard

    wizard = FirstRunWizard(db_path)
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()
    return wizard


def _next(qtbot, wizard):
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _press(qtbot, radio):
    radio.setFocus()
    qtbot.keyClick(radio, Qt.Key.Key_Space)
    assert radio.isChecked()


def _fill_identity(qtbot, page, *, code="410322100201"):
    type_text(qtbot, page.name_edit, "平乐村")
    qtbot.keyClicks(page.code_edit, code)
    type_text(qtbot, page.township_edit, "平乐镇")
    type_text(qtbot, page.operator_edit, "李文书")


def _identified(qtbot, db_path):
    """A wizard past the mode page (village) with the identity typed in; on the identity page."""
    wizard = _wizard(qtbot, db_path)
    _next(qtbot, wizard)
    _fill_identity(qtbot, wizard.identity_page)
    return wizard


def _finish(qtbot, wizard):
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)


@contextmanager
def _created(wizard):
    """The database the wizard made, as (db, ctx acting as 李文书); closed afterwards."""
    db = wizard.database
    assert db is not None
    try:
        yield db, ServiceContext(db, Actor("李文书"))
    finally:
        db.dispose()


def test_bad_code_keeps_next_disabled_and_says_why(qtbot, db_path):
    wizard = _wizard(qtbot, db_path)
    _next(qtbot, wizard)
    page = wizard.identity_page
    assert wizard.currentPage() is page
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()  # nothing typed yet
    assert not page.message_label.isVisible()  # …but no scolding before typing

    _fill_identity(qtbot, page, code="41032210020")  # 11 digits
    assert not next_button.isEnabled()
    assert page.message_label.isVisible()
    assert "12 位" in page.message_label.text()

    qtbot.keyClick(page.code_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(page.code_edit, "0A")  # a letter is no digit (max length keeps 12 characters)
    assert not next_button.isEnabled()
    assert "数字" in page.message_label.text()

    page.code_edit.clear()
    qtbot.keyClicks(page.code_edit, "990322100201")  # no such province
    assert not next_button.isEnabled()
    assert "省级代码" in page.message_label.text()

    page.code_edit.clear()
    qtbot.keyClicks(page.code_edit, "410322100201")
    assert next_button.isEnabled()
    assert not page.message_label.isVisible()
    assert not db_path.exists()


def test_township_mode_wants_nine_digits_and_no_township(qtbot, db_path):
    wizard = _wizard(qtbot, db_path)
    _press(qtbot, wizard.mode_page.township_radio)
    _next(qtbot, wizard)
    page = wizard.identity_page
    assert not page.township_edit.isVisible()
    type_text(qtbot, page.name_edit, "平乐镇")
    qtbot.keyClicks(page.code_edit, "410322100")
    type_text(qtbot, page.operator_edit, "张站长")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


PASSWORD = "村务-测试-2026"


def _fill_admin(qtbot, wizard, repeat=PASSWORD):
    page = wizard.admin_page
    assert wizard.currentPage() is page
    assert page.name_edit.text() == "李文书"  # the operator's name is offered
    type_text(qtbot, page.password_edit, PASSWORD)
    type_text(qtbot, page.repeat_edit, repeat)


def _through_admin(qtbot, wizard):
    """From the identity page through the admin account page to the start month."""
    _next(qtbot, wizard)
    _fill_admin(qtbot, wizard)
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.since_page


def _to_templates(qtbot, wizard):
    """From the identity page past the admin account, the start month and the footer (defaults kept)
    to the templates."""
    _through_admin(qtbot, wizard)
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.footer_page
    _next(qtbot, wizard)


def test_good_data_creates_an_empty_catalog(qtbot, db_path, dialog_calls):
    wizard = _identified(qtbot, db_path)
    _to_templates(qtbot, wizard)
    page = wizard.template_page
    assert wizard.currentPage() is page
    _press(qtbot, page.choices[page.EMPTY])
    _finish(qtbot, wizard)

    assert dialog_calls.of("error") == []
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert db_path.exists()
    with _created(wizard) as (db, ctx):
        inst = installation(db)
        assert (inst.mode, inst.code, inst.name, inst.township, inst.operator) == (
            "village", "410322100201", "平乐村", "平乐镇", "李文书")
        assert inst.template_id is None
        assert CatalogService(ctx).count() == 0
        assert (wizard.actor.name, wizard.actor.role) == ("李文书", "admin") and wizard.actor.authenticated
        assert wizard.admin_page.password_edit.text() == "" and wizard.admin_page.repeat_edit.text() == ""


def test_chosen_template_is_loaded(qtbot, db_path, template_resources):
    wizard = _identified(qtbot, db_path)
    _to_templates(qtbot, wizard)
    page = wizard.template_page
    assert set(page.choices) == {"test-village", page.EMPTY}
    assert page.choices["test-village"].isChecked()  # the mode's default template is preselected
    assert "2 项" in page.choices["test-village"].text()
    _finish(qtbot, wizard)

    with _created(wizard) as (db, ctx):
        items = CatalogService(ctx).list_items()
        assert [i.code for i in items] == ["CW-01", "CW-02"]
        assert installation(db).template_id == "test-village"


def test_refusal_is_shown_and_the_wizard_stays(qtbot, db_path, dialog_calls):
    db_path.write_bytes(b"not empty")  # initialize() refuses a file it does not recognise, and leaves it
    wizard = _identified(qtbot, db_path)
    _to_templates(qtbot, wizard)
    _finish(qtbot, wizard)

    assert wizard.isVisible()
    assert wizard.database is None
    assert "不是本程序的数据库" in dialog_calls.texts("error") and "未改动" in dialog_calls.texts("error")
    assert db_path.read_bytes() == b"not empty"


def test_start_month_defaults_to_this_month_and_is_stored(qtbot, db_path, dialog_calls, monkeypatch):
    from desktop import clock

    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 7))
    wizard = _identified(qtbot, db_path)
    _through_admin(qtbot, wizard)
    page = wizard.since_page
    assert page.value() == date(2026, 12, 1)
    assert "本程序从 2026年12月 起记录" in page.note.text()
    # The clerk picks October with the keyboard: month box, Up twice.
    page.picker.month_combo.setFocus()
    qtbot.keyClick(page.picker.month_combo, Qt.Key.Key_Up)
    qtbot.keyClick(page.picker.month_combo, Qt.Key.Key_Up)
    assert page.value() == date(2026, 10, 1)
    # Two months ahead is refused by the setting's rule: 下一步 greys out and the page says why.
    page.picker.year_spin.setFocus()
    qtbot.keyClick(page.picker.year_spin, Qt.Key.Key_Up)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled() and "不能晚于下个月" in page.message_label.text()
    qtbot.keyClick(page.picker.year_spin, Qt.Key.Key_Down)
    assert next_button.isEnabled() and not page.message_label.isVisible()
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    _press(qtbot, wizard.template_page.choices[wizard.template_page.EMPTY])
    _finish(qtbot, wizard)
    assert dialog_calls.of("error") == []
    with _created(wizard) as (db, ctx):
        assert SettingsService(ctx).get("schedule.since") == date(2026, 10, 1)


def test_the_print_footer_is_asked_and_checked(qtbot, db_path, dialog_calls):
    wizard = _identified(qtbot, db_path)
    _through_admin(qtbot, wizard)
    _next(qtbot, wizard)
    page = wizard.footer_page
    assert wizard.currentPage() is page
    form = page.form
    assert form.accepting_edit.placeholderText() == "（平乐村村务监督委员会）"
    assert form.issuer_edit.placeholderText() == "（平乐村村民委员会）"
    assert page.no_phone_note.isVisible()  # may be left for later: the 待办 page will remind
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert next_button.isEnabled()
    type_text(qtbot, form.phones_edit, "村务监督委员会 张三")  # no number yet
    assert not next_button.isEnabled() and "缺少号码" in page.message_label.text()
    qtbot.keyClicks(form.phones_edit, " 13812341234")
    qtbot.keyClick(form.phones_edit, Qt.Key.Key_Return)
    type_text(qtbot, form.phones_edit, "全国监督电话 12317")
    assert next_button.isEnabled() and not page.message_label.isVisible() and not page.no_phone_note.isVisible()
    type_text(qtbot, form.accepting_edit, "平乐村村务监督委员会")
    type_text(qtbot, form.issuer_edit, "平乐村民委员会")
    _next(qtbot, wizard)
    _press(qtbot, wizard.template_page.choices[wizard.template_page.EMPTY])
    _finish(qtbot, wizard)
    assert dialog_calls.of("error") == []
    with _created(wizard) as (db, ctx):
        footer = print_settings(ctx)
        assert footer.phones == ("村务监督委员会 张三 13812341234", "全国监督电话 12317")
        assert (footer.accepting_unit, footer.issuer) == ("平乐村村务监督委员会", "平乐村民委员会")
        assert SettingsService(ctx).get("footer.phones")[1] == {"label": "全国监督电话", "number": "12317"}


def test_help_button_and_f1_open_the_quick_guide(qtbot, db_path):
    from desktop.help import GuideWindow

    wizard = _wizard(qtbot, db_path)
    help_button = wizard.button(QWizard.WizardButton.HelpButton)
    assert help_button.isVisible() and help_button.text() == "帮助"
    qtbot.mouseClick(help_button, Qt.MouseButton.LeftButton)
    guide = wizard.help_window
    assert isinstance(guide, GuideWindow) and guide.isVisible()
    assert "一条公开记录怎么走" in guide.browser.toPlainText()
    guide.close()
    qtbot.waitUntil(lambda: wizard.findChild(GuideWindow) is None)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: wizard.isActiveWindow())
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: wizard.findChild(GuideWindow) is not None and wizard.findChild(GuideWindow).isVisible())


def test_admin_page_wants_a_password_typed_twice(qtbot, db_path, fast_scrypt):
    wizard = _identified(qtbot, db_path)
    _next(qtbot, wizard)
    page = wizard.admin_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    type_text(qtbot, page.password_edit, "short")
    assert not next_button.isEnabled() and "至少 8" in page.message_label.text()
    page.password_edit.clear()
    type_text(qtbot, page.password_edit, PASSWORD)
    type_text(qtbot, page.repeat_edit, PASSWORD + "x")
    assert not next_button.isEnabled() and "不一致" in page.message_label.text()
    qtbot.keyClick(page.repeat_edit, Qt.Key.Key_Backspace)
    assert next_button.isEnabled() and not page.message_label.isVisible()
    page.name_edit.clear()
    type_text(qtbot, page.name_edit, "李\u200b文书")
    assert not next_button.isEnabled() and "U+200B" in page.message_label.text()
