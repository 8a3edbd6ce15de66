"""A roster's rows are parsed and checked once per change (issue 13): the record list's worker reads a
selected roster with its findings, the editor opens on that record — its grid takes the rows' states
from it instead of checking every row again — and Ctrl+S shows what the save returned (the rows as
written and their findings), not a second read of them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

import desktop.qtmodels.roster_model as roster_model
import models.rules.roster as R
import models.services.disclosures as disclosures
from desktop.editors.disclosure_editor import DisclosureEditor
from models.services.disclosures import DisclosureService

from .editor_support import IDS, key, open_editor, type_here
from .mouse import click_row
from .records_support import show_page, wait_whole

TITLE = "2026年耕地地力保护补贴发放名单"


def _rows() -> list[dict]:
    """A roster with a bit of everything the checks find: a wrong check digit, a repeated ID number,
    a missing name, an amount computed from area × rate, one that disagrees with it."""
    good = [{"group": "一组", "name": f"村民{n}", "id_number": IDS[n % 5], "quantity": "10.5", "rate": "18.34"}
            for n in range(5)]
    return [*good,
            {"group": "二组", "name": "张三", "id_number": "410322196501011234", "quantity": "2", "rate": "18.34",
             "amount": "36.68"},
            {"group": "二组", "name": "李四", "id_number": IDS[0], "quantity": "3", "rate": "18.34", "amount": "50.00"},
            {"group": "三组", "name": "", "id_number": IDS[1], "quantity": "1", "rate": "18.34"}]


@pytest.fixture
def roster(village_ws):
    return DisclosureService(village_ws.ctx).create("CW-13", "2026", TITLE, kind="roster", rows=_rows())


@pytest.fixture
def check_calls(monkeypatch):
    """Every call of the one row check (models.rules.roster.check_parsed_rows), whoever makes it."""
    calls: list[int] = []
    real = R.check_parsed_rows

    def counted(parsed, *args, **kwargs):
        calls.append(len(parsed))
        return real(parsed, *args, **kwargs)

    monkeypatch.setattr(R, "check_parsed_rows", counted)
    monkeypatch.setattr(roster_model, "check_parsed_rows", counted)
    return calls


def _row_findings(findings) -> list[tuple]:
    return sorted((f.row, f.field, f.rule, f.message) for f in findings if f.row is not None)


def test_the_editor_opens_on_the_findings_the_record_came_with(qtbot, village_ws, roster, check_calls):
    from desktop.pages.records_page import RecordsPage

    page = show_page(qtbot, RecordsPage(village_ws), 1280, 800)
    click_row(qtbot, page.table_view, page.model.row_of(roster.id), column=4)
    wait_whole(qtbot, page)
    assert check_calls == [len(_rows())]  # the worker read the record with its checks: once
    came_with = page.current.findings
    assert {"id_check_digit", "duplicate_id", "required", "amount_arithmetic"} <= {f.rule for f in came_with}

    seen = {}

    def look_and_close() -> None:
        editor = QApplication.activeModalWidget()
        assert isinstance(editor, DisclosureEditor)
        seen.update(calls=list(check_calls), shown=editor.shown_findings(), model=editor.kind_editor.model,
                    summary=editor.findings_summary.text(), cell=editor.kind_editor.model.index(
                        6, editor.kind_editor.model.column_of("id_number")).data(Qt.ItemDataRole.ToolTipRole))
        editor.reject()

    QTimer.singleShot(0, look_and_close)
    page.table_view.setFocus()
    qtbot.keyClick(page.table_view, Qt.Key.Key_Return)  # Enter edits; the editor runs its own loop until closed
    assert seen, "the editor did not open"
    assert seen["calls"] == check_calls == [len(_rows())]  # opening it checked no row again
    assert _row_findings(seen["shown"]) == _row_findings(came_with)
    assert "错误" in seen["summary"]
    assert "重复" in seen["cell"]  # the repeated ID number is marked on its cell

    # The states it took are the ones checking each row would have given. (A state taken from the
    # service keeps its parsed row whole: the keys the grid has no column for are blank in it.)
    model = seen["model"]
    keys = model._check_keys

    def meaning(st):
        assert all(v is None for k, v in st.values.items() if k not in keys)
        return st.blank, st.findings, st.valid_id, {k: st.values.get(k) for k in keys}, st.computed_amount

    assert [meaning(st) for st in model._state] == [meaning(model._compute(i)) for i in range(model.rowCount())]


def test_the_grid_checks_rows_itself_when_the_record_came_without_checks(qtbot, village_ws, roster, check_calls):
    unchecked = DisclosureService(village_ws.ctx).get(roster.id, checked=False)
    editor = DisclosureEditor(village_ws, roster.id, data=unchecked)  # not trusted: read again, with its checks
    qtbot.addWidget(editor)
    assert editor.data.checked
    assert _row_findings(editor.shown_findings()) == _row_findings(DisclosureService(village_ws.ctx).get(roster.id).findings)


def test_ctrl_s_shows_what_the_save_wrote_without_reading_it_back(qtbot, village_ws, roster, monkeypatch):
    from sqlalchemy import func, select

    from models.entities import AuditEvent

    reads: list[int] = []
    real_load = disclosures._load_rows
    monkeypatch.setattr(disclosures, "_load_rows", lambda s, i: reads.append(i) or real_load(s, i))
    editor = open_editor(qtbot, village_ws, roster.id)
    reads.clear()
    view = editor.kind_editor.view
    model = editor.kind_editor.model
    view.setFocus()
    view.go_to(6, model.column_of("amount"))
    type_here(qtbot, "55.02")  # 3 × 18.34: the arithmetic finding goes away
    key(qtbot, Qt.Key.Key_Return)
    with village_ws.db.read_session() as s:
        events = s.execute(select(func.count(AuditEvent.id))).scalar_one()

    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = editor.last_saved
    assert saved is not None and editor.message_label.text() == "已保存"
    assert reads == []  # the rows just written were not read back
    assert saved.rows[6]["amount"] == Decimal("55.02") and saved.version == roster.version + 1
    assert "amount_arithmetic" not in {f.rule for f in saved.findings}
    with village_ws.db.read_session() as s:
        assert s.execute(select(func.count(AuditEvent.id))).scalar_one() == events + 1  # one save, one event

    # What the save returned is what a fresh read finds.
    fresh = DisclosureService(village_ws.ctx).get(roster.id)
    assert saved.rows == fresh.rows and saved.totals == fresh.totals and saved.version == fresh.version
    assert _row_findings(saved.findings) == _row_findings(fresh.findings)
    # …and the grid shows it, clean, with the findings the save returned.
    assert model.index(6, model.column_of("amount")).data() == "55.02"
    assert not editor.isWindowModified()
    assert _row_findings(editor.shown_findings()) == _row_findings(fresh.findings)

    # Undo after the save is a change again, and the save after it writes the old amount back.
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.index(6, model.column_of("amount")).data() == "50.00" and editor.isWindowModified()
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.last_saved.rows[6]["amount"] == Decimal("50.00")
    assert "amount_arithmetic" in {f.rule for f in editor.last_saved.findings}


def test_a_large_roster_saves_on_a_worker_while_the_editor_holds_still(qtbot, village_ws, roster, monkeypatch):
    import desktop.editors.disclosure_editor as editor_module

    monkeypatch.setattr(editor_module, "BACKGROUND_SAVE_ROWS", 5)  # this roster's 8 rows count as large
    editor = open_editor(qtbot, village_ws, roster.id)
    view, model = editor.kind_editor.view, editor.kind_editor.model
    view.setFocus()
    view.go_to(6, model.column_of("amount"))
    type_here(qtbot, "55.02")
    key(qtbot, Qt.Key.Key_Return)

    release = __import__("threading").Event()
    real_update = DisclosureService.update
    monkeypatch.setattr(DisclosureService, "update", lambda self, *a, **kw: release.wait(10) and real_update(self, *a, **kw))
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.saving and editor.message_label.text() == "正在保存……"
    assert not editor.save_button.isEnabled() and not editor.close_button.isEnabled()
    view.setFocus()
    view.go_to(0, model.column_of("name"))
    key(qtbot, Qt.Key.Key_Delete)  # no change while the save runs…
    assert model.index(0, model.column_of("name")).data() == "村民0"
    key(qtbot, Qt.Key.Key_Escape)  # …and no closing
    assert editor.isVisible()

    release.set()
    qtbot.waitUntil(lambda: not editor.saving, timeout=10_000)
    assert editor.message_label.text() == "已保存" and editor.last_saved.rows[6]["amount"] == Decimal("55.02")
    assert editor.save_button.isEnabled() and not editor.isWindowModified()
    view.setFocus()
    view.go_to(0, model.column_of("name"))
    key(qtbot, Qt.Key.Key_Delete)  # editable again
    assert model.index(0, model.column_of("name")).data() == ""


def test_a_refused_save_on_a_worker_keeps_the_clerks_rows(qtbot, village_ws, roster, monkeypatch, dialog_calls):
    import desktop.editors.disclosure_editor as editor_module

    monkeypatch.setattr(editor_module, "BACKGROUND_SAVE_ROWS", 5)
    editor = open_editor(qtbot, village_ws, roster.id)
    view, model = editor.kind_editor.view, editor.kind_editor.model
    view.setFocus()
    view.go_to(6, model.column_of("amount"))
    type_here(qtbot, "55.02")
    key(qtbot, Qt.Key.Key_Return)
    DisclosureService(village_ws.ctx).update(roster.id, title="2026年耕地地力保护补贴名单（另一窗口）")
    dialog_calls.ask_answer = 1  # 保留我的修改

    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not editor.saving, timeout=10_000)
    assert editor.conflict is not None and editor.conflict_bar.isVisibleTo(editor)
    assert editor.message_label.text() == "未保存" and editor.last_saved is None
    assert model.index(6, model.column_of("amount")).data() == "55.02" and editor.isWindowModified()
    assert DisclosureService(village_ws.ctx).get(roster.id).rows[6]["amount"] == Decimal("50.00")


def test_a_large_roster_opens_at_once_and_shows_its_rows_when_they_are_ready(qtbot, village_ws, roster, monkeypatch,
                                                                            check_calls):
    import threading

    import desktop.editors.kind_editors.roster_editor as roster_editor

    monkeypatch.setattr(roster_editor, "BACKGROUND_LOAD_ROWS", 5)  # this roster's 8 rows count as large
    data = DisclosureService(village_ws.ctx).get(roster.id)
    check_calls.clear()
    release = threading.Event()
    real_prepare = roster_editor.prepare_rows
    monkeypatch.setattr(roster_editor, "prepare_rows", lambda *a: release.wait(10) and real_prepare(*a))
    editor = DisclosureEditor(village_ws, roster.id, data=data)
    qtbot.addWidget(editor)
    editor.show()
    roster_grid = editor.kind_editor
    assert roster_grid.loading and roster_grid.count_label.text() == "正在载入名单……"
    assert roster_grid.model.rowCount() == 0 and editor.shown_findings() == []  # no "名单没有任何行" meanwhile
    assert not editor.save()  # nothing to save from, until the rows are there

    release.set()
    qtbot.waitUntil(lambda: not roster_grid.loading, timeout=10_000)
    assert roster_grid.model.rowCount() == len(_rows()) and check_calls == []
    assert _row_findings(editor.shown_findings()) == _row_findings(data.findings)
    assert "户数（行数）：8" in roster_grid.totals_text() and not editor.isWindowModified()
    view, model = roster_grid.view, roster_grid.model
    view.setFocus()
    view.go_to(0, model.column_of("name"))
    key(qtbot, Qt.Key.Key_Delete)  # editable now, and the change is a change
    assert model.index(0, model.column_of("name")).data() == "" and editor.isWindowModified()
