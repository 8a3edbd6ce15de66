"""Open every top-level window of the app on a simulated screen and report where each one lands.

Run as a program (``python -m tests.desktop.window_fit_probe OUT.json``) by
``tests/desktop/test_window_fit.py``, once per scaling, in a subprocess: the screen's size and scale are
fixed when Qt starts (the offscreen platform's ``configfile`` gives the screen, ``QT_SCALE_FACTOR`` the
Windows display scaling), so they cannot change inside the test process.

:data:`WINDOWS` is the registry: every QDialog / QMainWindow / QWizard class under ``desktop/`` has an
entry that builds it the way the app does (a parent window, real records), or is named in
:data:`BASES` as a base no one opens directly. The test fails when a class is neither.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

# Every class below ``desktop/`` that is a base for dialogs rather than a dialog the app opens.
BASES = {"desktop.editors.workflow_dialogs._StepDialog"}

_IDS = ("410322196501011233", "410322197003150024", "410322198811204515")


class _Village:
    """A village database with one record of each kind and a posted record with a question."""

    def __init__(self, folder: Path):
        from desktop.settings import Settings
        from desktop.workspace import Workspace
        from models.services.context import Actor, ServiceContext
        from models.services.disclosures import DisclosureService
        from models.services.setup import initialize, record_adoption
        from models.services.templates import default_template_id

        data = folder / "data"
        data.mkdir()
        db_path = data / "cunwu.sqlite3"
        self.db = initialize(db_path, mode="village", code="410322100201", name="测试村", township="城关镇",
                             operator="王文书", template_id=default_template_id("village"))
        ctx = ServiceContext(self.db, Actor("王文书"))
        record_adoption(ctx, consulted_on=date(2025, 12, 20), adopted_on=date(2026, 1, 1), adopted_by="村民代表会议")
        self.settings = Settings(folder / "settings")
        self.ws = Workspace.open(self.db, user=None, db_path=db_path, data_dir=data, settings=self.settings)
        service = DisclosureService(ctx)
        rows = [{"group": "一组", "name": name, "id_number": number, "quantity": "12.5", "rate": "18.34",
                 "amount": "229.25", "bank_card": "6228480000001234567"}
                for name, number in zip(("张䶮", "王堃", "欧阳建国"), _IDS, strict=True)]
        self.ids = {
            "roster": service.create("CW-13", "2026-06-01", "耕地地力保护补贴发放名单公示", rows=rows).id,
            "finance": service.create("FW-04", "2026-M05", "2026年5月财务收支明细").id,
            "decision": service.create("CW-06", "2026-06-01", "修建村道“四议两公开”", kind="decision").id,
            "project": service.create("CW-19", "2026-06-01", "村道硬化项目公示").id,
            "yishi": service.create("CW-20", "2026-06-01", "一事一议筹资方案").id,
            "notice": service.create("CW-22", "2026-Q1", "第一季度村务公开", body="本季度情况如下……").id,
        }
        posted = service.create("CW-22", "2026-Q2", "第二季度村务公开", body="本季度情况如下……")
        service.submit(posted.id)
        service.approve(posted.id, "李监委", "同意公开", on=date.today())
        service.post(posted.id, start=date.today())
        self.posted = posted.id


# --- the registry: class path -> how the app opens it (the parent is the main window) ---------


def _main_window(v: _Village, parent):
    return parent


def _wizard(v: _Village, parent):
    from desktop.wizard import FirstRunWizard

    return FirstRunWizard(Path(tempfile.mkdtemp()) / "new.sqlite3")


def _guide(v: _Village, parent):
    from desktop.help import show_guide

    return show_guide(parent)


def _crash(v: _Village, parent):
    from desktop.crash import CrashDialog

    report = "Traceback (most recent call last):\n" + "\n".join(f'  File "x.py", line {n}' for n in range(80))
    return CrashDialog(report, Path("cunwu.log"), True, parent)


def _calendar(v: _Village, parent):
    from desktop.editors.calendar_dialog import CalendarDialog

    return CalendarDialog(v.ws, year=2026, parent=parent)


def _catalog_item(v: _Village, parent):
    from desktop.editors.catalog_item_dialog import CatalogItemDialog
    from models.services.catalog import CatalogService

    service = CatalogService(v.ws.ctx)
    item = service.get("CW-13")
    return CatalogItemDialog(item, lambda data: service.update(item.code, data), editing=True,
                             groups=service.groups(), parent=parent)


def _editor(kind: str) -> Callable[[_Village, Any], Any]:
    def build(v: _Village, parent):
        from desktop.editors.disclosure_editor import DisclosureEditor

        return DisclosureEditor(v.ws, v.ids[kind], parent)

    return build


def _new_disclosure(v: _Village, parent):
    from desktop.editors.new_disclosure_dialog import new_disclosure_dialog

    return new_disclosure_dialog(v.ws, parent)


def _roster_columns(v: _Village, parent):
    from desktop.editors.roster_columns_dialog import RosterColumnsDialog
    from desktop.qtmodels.roster_model import roster_column
    from models.rules.roster import preset_columns

    return RosterColumnsDialog(preset_columns("dili"), preset_id="dili",
                               column_of=lambda key: roster_column(key, "dili"), filled={"name": 3}, parent=parent)


def _roster_import(v: _Village, parent):
    from desktop.editors.roster_import_dialog import RosterImportDialog
    from models.rules.roster import preset_columns

    return RosterImportDialog(v.ws, "CW-13", preset_columns("dili"), existing_rows=3, parent=parent)


_HEADLINE = "公开记录 #3“2026年耕地地力保护补贴发放名单公示”"


def _approve(v: _Village, parent):
    from desktop.editors.workflow_dialogs import ApproveDialog

    return ApproveDialog(_HEADLINE, lambda *a: None, reviewers=["李监委", "赵监委"], parent=parent)


def _return(v: _Village, parent):
    from desktop.editors.workflow_dialogs import ReturnDialog

    return ReturnDialog(_HEADLINE, lambda *a: None, reviewers=["李监委"], parent=parent)


def _post(v: _Village, parent):
    from desktop.editors.workflow_dialogs import PostDialog

    return PostDialog(_HEADLINE, lambda *a: None, minimum_days=7, working_days=True,
                      end_of=lambda start, days: start, parent=parent)


def _feedback(v: _Village, parent):
    from desktop.editors.feedback_dialog import FeedbackDialog

    return FeedbackDialog(_HEADLINE, lambda *a: None, deadline_text="2026年7月3日", parent=parent)


def _answer(v: _Village, parent):
    from desktop.pages.record_detail import answer_dialog
    from models.services.feedback import FeedbackService

    service = FeedbackService(v.ws.ctx)
    question = service.add(v.posted, "补贴标准是怎么定的？" * 10, date.today(), from_name="村民甲")
    return answer_dialog(v.ws, question, parent)


def _preview(large: bool):
    def build(v: _Village, parent):
        from desktop.printing.actions import preview_disclosure

        v.settings.print_large = large
        return preview_disclosure(v.ws, v.ids["roster"], parent)

    return build


def _print_settings(v: _Village, parent):
    from desktop.printing.settings_dialog import PrintSettingsDialog
    from models.printing.settings import print_settings

    return PrintSettingsDialog(v.ws, print_settings(v.ws.ctx), parent)


def _record_footer(v: _Village, parent):
    from desktop.editors.record_footer_dialog import RecordFooterDialog
    from models.printing.settings import print_settings

    own = {"footer": {"phones": [{"label": "全国监督电话", "number": "12317"}], "unit": "城关镇农经站"},
           "attached_tables": [{"record": v.ids["roster"], "title": "耕地地力保护补贴发放名单"}]}
    return RecordFooterDialog(v.ws, "finance", own, print_settings(v.ws.ctx), parent=parent)


def _audit_log(v: _Village, parent):
    from desktop.integrity import AuditLogDialog

    return AuditLogDialog(v.ws, parent=parent)


def _login(v: _Village, parent):
    from desktop.login_dialog import LoginDialog

    return LoginDialog(v.db, v.settings, title="测试村", parent=parent)


def _accounts(v: _Village, parent):
    from desktop.editors.accounts_dialog import AccountsDialog

    return AccountsDialog(v.ws, parent)


def _new_account(v: _Village, parent):
    from desktop.editors.accounts_dialog import NewAccountDialog
    from models.services.accounts import AccountService

    return NewAccountDialog(AccountService(v.ws.ctx), parent)


def _reset_password(v: _Village, parent):
    from desktop.editors.accounts_dialog import ResetPasswordDialog
    from models.services.accounts import AccountService

    return ResetPasswordDialog(AccountService(v.ws.ctx), "王文书", parent)


def _survey(v: _Village):
    """A survey of the shipped satisfaction template with two forms typed twice, differing once."""
    from models.services.surveys import SurveyService

    service = SurveyService(v.ws.ctx)
    survey = service.create_from_template("satisfaction")
    for entry, q5 in ((1, "A"), (2, "B")):
        service.save_form(survey.id, 1, {"1": "A", "2": "B", "3": "ABF", "3_other": "修路情况", "4": "A", "5": q5},
                          group="一组", entry=entry)
    return survey.id


def _survey_editor(v: _Village, parent):
    from desktop.surveys.editor import SurveyEditor
    from models.services.surveys import load_survey_template

    return SurveyEditor(load_survey_template("satisfaction"), lambda d: d, parent=parent)


def _survey_entry(v: _Village, parent):
    from desktop.surveys.entry_screen import SurveyEntryScreen

    return SurveyEntryScreen(v.ws, _survey(v), parent=parent)


def _survey_double_entry(v: _Village, parent):
    from desktop.surveys.double_entry import DoubleEntryDialog

    return DoubleEntryDialog(v.ws, _survey(v), parent=parent)


def _survey_results(v: _Village, parent):
    from desktop.surveys.results_window import SurveyResultsWindow

    return SurveyResultsWindow(v.ws, _survey(v), parent=parent)


#: name shown in the test -> (class path, builder)
WINDOWS: dict[str, tuple[str, Callable[[_Village, Any], Any]]] = {
    "main window": ("desktop.main_window.MainWindow", _main_window),
    "first-run wizard": ("desktop.wizard.FirstRunWizard", _wizard),
    "quick guide (F1)": ("desktop.help.GuideWindow", _guide),
    "crash report": ("desktop.crash.CrashDialog", _crash),
    "holiday calendar": ("desktop.editors.calendar_dialog.CalendarDialog", _calendar),
    "catalog item": ("desktop.editors.catalog_item_dialog.CatalogItemDialog", _catalog_item),
    **{f"editor: {kind}": ("desktop.editors.disclosure_editor.DisclosureEditor", _editor(kind))
       for kind in ("roster", "finance", "decision", "project", "yishi", "notice")},
    "new record": ("desktop.editors.new_disclosure_dialog.NewDisclosureDialog", _new_disclosure),
    "roster columns": ("desktop.editors.roster_columns_dialog.RosterColumnsDialog", _roster_columns),
    "roster import": ("desktop.editors.roster_import_dialog.RosterImportDialog", _roster_import),
    "approve": ("desktop.editors.workflow_dialogs.ApproveDialog", _approve),
    "return": ("desktop.editors.workflow_dialogs.ReturnDialog", _return),
    "post": ("desktop.editors.workflow_dialogs.PostDialog", _post),
    "feedback": ("desktop.editors.feedback_dialog.FeedbackDialog", _feedback),
    "answer": ("desktop.editors.feedback_dialog.AnswerDialog", _answer),
    "print preview": ("desktop.printing.preview_dialog.PrintPreviewDialog", _preview(False)),
    "print preview, large print": ("desktop.printing.preview_dialog.PrintPreviewDialog", _preview(True)),
    "print settings": ("desktop.printing.settings_dialog.PrintSettingsDialog", _print_settings),
    "record footer": ("desktop.editors.record_footer_dialog.RecordFooterDialog", _record_footer),
    "audit trail": ("desktop.integrity.AuditLogDialog", _audit_log),
    "login": ("desktop.login_dialog.LoginDialog", _login),
    "accounts": ("desktop.editors.accounts_dialog.AccountsDialog", _accounts),
    "new account": ("desktop.editors.accounts_dialog.NewAccountDialog", _new_account),
    "reset password": ("desktop.editors.accounts_dialog.ResetPasswordDialog", _reset_password),
    "survey editor": ("desktop.surveys.editor.SurveyEditor", _survey_editor),
    "survey entry": ("desktop.surveys.entry_screen.SurveyEntryScreen", _survey_entry),
    "survey double entry": ("desktop.surveys.double_entry.DoubleEntryDialog", _survey_double_entry),
    "survey results": ("desktop.surveys.results_window.SurveyResultsWindow", _survey_results),
}


def _rect(r) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def measure_all() -> dict[str, Any]:
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from desktop.app import create_app
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    folder = Path(tempfile.mkdtemp(prefix="cunwu-fit-"))
    app = create_app(["probe"], settings=Settings(folder / "app-settings"))
    screen = app.primaryScreen()
    village = _Village(folder)
    main = MainWindow(village.ws)
    main.show()
    app.processEvents()
    out: dict[str, Any] = {"available": _rect(screen.availableGeometry()), "scale": screen.devicePixelRatio(),
                           "windows": {}}
    for name, (_path, build) in WINDOWS.items():
        window = build(village, main)
        window.show()
        for _ in range(5):
            app.processEvents()
        if hasattr(window, "rendered"):  # the preview renders off the GUI thread, then settles
            QThreadPool.globalInstance().waitForDone(60_000)
            for _ in range(5):
                app.processEvents()
        out["windows"][name] = {"frame": _rect(window.frameGeometry()), "geometry": _rect(window.geometry()),
                                "minimum": [window.minimumSizeHint().width(), window.minimumSizeHint().height()]}
        if window is not main:
            window.close()
            window.deleteLater()
            app.processEvents()
    QThreadPool.globalInstance().waitForDone(60_000)
    main.close()
    QApplication.processEvents()
    village.db.dispose()
    return out


if __name__ == "__main__":
    Path(sys.argv[1]).write_text(json.dumps(measure_all(), ensure_ascii=False), encoding="utf-8")
