"""Ctrl+S on a roster parses and writes only the rows the clerk changed (issue 13): the grid gives back
the rows it was opened on as the service read them (a row edited, inserted or brought back by undo goes
as its text), the service takes their parse from its read and leaves them where they are stored, and
what is stored after each save — edits, deleted rows, undo — is what a fresh read finds and what the
grid shows; the grid stays the one the editor had (nothing re-read)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

import models.rules.roster as R
from models.entities import RosterRow
from models.services.disclosures import DisclosureService

from .editor_support import IDS, key, open_editor, type_here
from .mouse import click_row

N = 60


def _rows() -> list[dict]:
    return [{"group": f"{k % 3 + 1}组", "name": f"村民{k}", "id_number": IDS[k % 5] if k < 5 else None,
             "quantity": "2", "rate": "18.34", "amount": f"{100 + k}.00"} for k in range(N)]


@pytest.fixture
def roster(village_ws):
    return DisclosureService(village_ws.ctx).create("CW-13", "2026", "2026年耕地地力保护补贴发放名单", kind="roster",
                                                    rows=_rows())


@pytest.fixture
def service_parses(monkeypatch):
    """Rows the service parses (the grid's own check of an edited row goes through its own import)."""
    calls: list[int | None] = []
    real = R.parse_row
    monkeypatch.setattr(R, "parse_row", lambda raw, *, row=None, columns=None: calls.append(row)
                        or real(raw, row=row, columns=columns))
    return calls


def _row_ids(ws, record_id: int) -> list[int]:
    with ws.db.read_session() as s:
        return list(s.execute(select(RosterRow.id).where(RosterRow.disclosure_id == record_id)
                              .order_by(RosterRow.position)).scalars())


def _grid_amounts(model) -> list[str]:
    col = model.column_of("amount")
    return [model.index(r, col).data() for r in range(model.rowCount()) if not model.is_blank(r)]


@pytest.fixture
def worker_editor(qtbot, village_ws, roster, monkeypatch):
    """The roster's editor, saving on a worker as a 10,000-row roster does."""
    import desktop.editors.disclosure_editor as editor_module

    monkeypatch.setattr(editor_module, "BACKGROUND_SAVE_ROWS", 5)
    return open_editor(qtbot, village_ws, roster.id)


def _type_into(qtbot, editor, row: int, key_: str, text: str) -> None:
    """Click the cell of `row` in column `key_` and type `text` (its cell editor stays open)."""
    view, model = editor.kind_editor.view, editor.kind_editor.model
    click_row(qtbot, view, row, column=model.column_of(key_))
    type_here(qtbot, text)


def test_ctrl_s_writes_the_typed_row_only_and_shows_what_was_stored(qtbot, village_ws, roster, service_parses):
    editor = open_editor(qtbot, village_ws, roster.id)
    view, model = editor.kind_editor.view, editor.kind_editor.model
    ids = _row_ids(village_ws, roster.id)

    click_row(qtbot, view, 30, column=model.column_of("amount"))  # the clerk clicks the cell and types
    type_here(qtbot, "777.00")
    key(qtbot, Qt.Key.Key_Return)
    service_parses.clear()
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert editor.message_label.text() == "已保存" and not editor.isWindowModified()
    assert service_parses == [31]  # the other 59 rows: parsed when read, not again
    after = _row_ids(village_ws, roster.id)
    assert after == ids  # every row where it was stored, the typed one updated in place
    fresh = DisclosureService(village_ws.ctx).get(roster.id)
    assert fresh.rows[30]["amount"] == Decimal("777.00") and fresh.rows == editor.last_saved.rows
    assert editor.kind_editor.model is model and _grid_amounts(model)[30] == "777.00"  # the grid, not re-read


def test_deleted_rows_and_undo_are_stored_as_the_grid_shows_them(qtbot, village_ws, roster):
    editor = open_editor(qtbot, village_ws, roster.id)
    view, model = editor.kind_editor.view, editor.kind_editor.model
    shown = _grid_amounts(model)

    click_row(qtbot, view, 4)
    click_row(qtbot, view, 6, Qt.KeyboardModifier.ShiftModifier)  # rows 5–7 selected with the mouse
    key(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert model.rowCount() == N - 3
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    fresh = DisclosureService(village_ws.ctx).get(roster.id)
    assert [r["name"] for r in fresh.rows] == [f"村民{k}" for k in range(N) if k not in (4, 5, 6)]
    assert fresh.rows == editor.last_saved.rows and fresh.totals == editor.last_saved.totals

    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the rows come back (as text now)
    assert _grid_amounts(model) == shown
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    fresh = DisclosureService(village_ws.ctx).get(roster.id)
    assert [r["name"] for r in fresh.rows] == [f"村民{k}" for k in range(N)]
    assert [r["amount"] for r in fresh.rows] == [Decimal(f"{100 + k}.00") for k in range(N)]
    assert fresh.rows == editor.last_saved.rows and fresh.totals == roster.totals


def test_the_findings_a_save_returned_stay_shown_and_none_are_rechecked_while_it_runs(qtbot, village_ws, roster,
                                                                                      monkeypatch, worker_editor):
    import threading

    from desktop.editors.disclosure_editor import DisclosureEditor

    editor = worker_editor
    _type_into(qtbot, editor, 2, "id_number", IDS[0])  # the cell editor is still open: Ctrl+S commits it (a repeated ID number now)
    rechecks: list[bool] = []
    real_live = DisclosureEditor.live_findings
    monkeypatch.setattr(DisclosureEditor, "live_findings", lambda self: rechecks.append(self.saving) or real_live(self))
    release = threading.Event()
    real_update = DisclosureService.update
    monkeypatch.setattr(DisclosureService, "update", lambda self, *a, **kw: release.wait(10) and real_update(self, *a, **kw))

    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.saving and editor.message_label.text() == "正在保存……"
    qtbot.wait(editor._refresh_timer.interval() + 200)  # the edit's recheck would be due by now
    assert rechecks == []  # the save's findings are coming: 10,000 rows are not checked meanwhile
    release.set()
    qtbot.waitUntil(lambda: not editor.saving, timeout=10_000)
    saved = editor.last_saved.findings
    assert "duplicate_id" in {f.rule for f in saved}
    qtbot.wait(editor._refresh_timer.interval() + 200)
    assert rechecks == [] and editor.message_label.text() == "已保存"
    assert sorted(map(repr, editor.shown_findings())) == sorted(map(repr, editor._from_service(saved, None)))


def test_a_large_roster_comes_with_its_totals_and_repeated_ids_made_on_the_worker(qtbot, village_ws, monkeypatch):
    import desktop.editors.kind_editors.roster_editor as roster_editor
    from desktop.qtmodels.roster_model import RosterModel

    monkeypatch.setattr(roster_editor, "BACKGROUND_LOAD_ROWS", 5)  # prepared on a worker, as 10,000 rows are
    rows = _rows()
    rows[40]["id_number"] = rows[52]["id_number"] = IDS[3]  # repeats rows 4 and 41
    record = DisclosureService(village_ws.ctx).create("CW-13", "2026", "重复身份证号的名单", kind="roster", rows=rows)
    editor = open_editor(qtbot, village_ws, record.id)
    qtbot.waitUntil(lambda: not editor.kind_editor.loading, timeout=10_000)
    model = editor.kind_editor.model
    itself = RosterModel(model.roster_columns)  # the same rows, checked by the grid itself
    itself.load(DisclosureService(village_ws.ctx).get(record.id).rows)
    assert model.totals() == itself.totals() and model.totals()["rows"] == N
    assert model.row_findings() == itself.row_findings()
    assert [(f.row, f.rule) for f in model.row_findings() if f.rule == "duplicate_id"] == [(41, "duplicate_id"),
                                                                                           (53, "duplicate_id")]
    assert f"{N}" in editor.kind_editor.totals_text()


def test_the_undo_button_does_nothing_while_a_save_reads_the_rows(qtbot, monkeypatch, worker_editor):
    import threading

    editor = worker_editor
    model = editor.kind_editor.model
    _type_into(qtbot, editor, 3, "amount", "888.00")
    key(qtbot, Qt.Key.Key_Return)
    release = threading.Event()
    real_update = DisclosureService.update
    monkeypatch.setattr(DisclosureService, "update", lambda self, *a, **kw: release.wait(10) and real_update(self, *a, **kw))
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.saving and not editor.undo_button.isEnabled() and not editor.redo_button.isEnabled()
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)  # a click on the greyed button
    assert _grid_amounts(model)[3] == "888.00"
    release.set()
    qtbot.waitUntil(lambda: not editor.saving, timeout=10_000)
    assert editor.undo_button.isEnabled() and editor.last_saved.rows[3]["amount"] == Decimal("888.00")
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)  # enabled again: it undoes
    assert _grid_amounts(model)[3] == "103.00" and editor.isWindowModified()


def test_after_a_save_on_a_worker_the_cursor_stays_on_its_cell(qtbot, village_ws, worker_editor):
    editor = worker_editor
    view, model = editor.kind_editor.view, editor.kind_editor.model
    _type_into(qtbot, editor, 20, "amount", "321.00")
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # commits the cell and saves
    qtbot.waitUntil(lambda: not editor.saving, timeout=10_000)
    assert editor.message_label.text() == "已保存"
    at = view.currentIndex()
    assert (at.row(), at.column()) == (20, model.column_of("amount"))
    type_here(qtbot, "322.00")  # the clerk types on where the cursor is
    key(qtbot, Qt.Key.Key_Return)
    assert _grid_amounts(model)[20] == "322.00" and editor.isWindowModified()


def test_a_large_roster_shows_a_column_its_rows_fill_that_its_columns_do_not_name(qtbot, village_ws, monkeypatch):
    import desktop.editors.kind_editors.roster_editor as roster_editor

    monkeypatch.setattr(roster_editor, "BACKGROUND_LOAD_ROWS", 5)  # looked through on a worker, as 10,000 rows are
    rows = [dict(r, phone="13800138000" if k == 7 else None) for k, r in enumerate(_rows())]
    svc = DisclosureService(village_ws.ctx)
    record = svc.create("CW-13", "2026", "有电话的名单", kind="roster", rows=rows,
                        columns=["group", "name", "id_number", "quantity", "rate", "amount"])
    assert "phone" not in [c["key"] for c in svc.get(record.id).columns]
    editor = open_editor(qtbot, village_ws, record.id)
    qtbot.waitUntil(lambda: not editor.kind_editor.loading, timeout=10_000)
    model = editor.kind_editor.model
    assert model.column_of("phone") >= 0 and model.rowCount() == N
    assert model.index(7, model.column_of("phone")).data() == "13800138000"
    assert _grid_amounts(model)[7] == "107.00" and not editor.isWindowModified()


def test_a_save_on_a_worker_begins_once_saving_is_on_screen_and_leaves_no_watcher(qtbot, village_ws, roster,
                                                                                  monkeypatch, worker_editor):
    from PySide6.QtCore import QEvent, QObject

    from desktop import workers

    editor = worker_editor
    model = editor.kind_editor.model
    painted: list[str] = []

    class Paints(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                painted.append(editor.message_label.text())
            return False

    paints = Paints()
    editor.message_label.installEventFilter(paints)
    seen: list[list[str]] = []
    real_update = DisclosureService.update
    monkeypatch.setattr(DisclosureService, "update",
                        lambda self, *a, **kw: seen.append(list(painted)) or real_update(self, *a, **kw))
    for n, amount in enumerate(("701.00", "702.00")):
        _type_into(qtbot, editor, 10 + n, "amount", amount)
        key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not editor.saving, timeout=10_000)
        assert editor.message_label.text() == "已保存" and "正在保存……" in seen[-1]  # shown before the save began
        painted.clear()
    qtbot.wait(20)  # deleteLater
    assert editor.message_label.findChildren(workers.AfterFirstPaint) == []
    assert _grid_amounts(model)[10:12] == ["701.00", "702.00"]
    assert [r["amount"] for r in DisclosureService(village_ws.ctx).get(roster.id).rows[10:12]] == [Decimal("701.00"),
                                                                                                  Decimal("702.00")]
