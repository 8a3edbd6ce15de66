"""The roster grid makes a row's text from the row as the service gave it when the row is first shown
or read (issue 13: a 10,000-row editor opens without turning every row into text first). A row far
down the roster, never on screen before, shows what the service stored, its finding marks and
tooltip once scrolled to, and is edited, undone, deleted and brought back like any other."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from desktop.qtmodels.grid_model import ERROR_BACKGROUND
from models.services.disclosures import DisclosureService

from .editor_support import IDS, key, open_editor, type_here
from .mouse import click_row, double_click_row
from .records_support import village_ws  # noqa: F401 - the fixture

N = 400
FAR = 377  # a row well below the first screen
BAD_ID = IDS[2][:-1] + ("0" if IDS[2][-1] != "0" else "1")  # a wrong check digit


def _rows() -> list[dict]:
    rows = [{"group": f"{k % 4 + 1}组", "name": f"村民{k}", "id_number": IDS[k % 5] if k < 5 else None,
             "quantity": "2", "rate": "18.34", "amount": f"{100 + k}.00"} for k in range(N)]
    rows[FAR] = {"group": "九组", "name": "远处的人", "id_number": BAD_ID, "quantity": "10.5", "rate": "18.34"}
    rows[FAR + 1] = {"group": "九组", "name": "备注的人", "quantity": "18.3400", "rate": "2", "amount": "300.5",
                     "remark": "  住在村东头  "}
    return rows


@pytest.fixture(params=["on the GUI thread", "on a worker"])
def editor(request, qtbot, village_ws, monkeypatch):  # noqa: F811 - the fixture
    import desktop.editors.kind_editors.roster_editor as roster_editor

    if request.param == "on a worker":
        monkeypatch.setattr(roster_editor, "BACKGROUND_LOAD_ROWS", 5)  # made ready as 10,000 rows are
    record = DisclosureService(village_ws.ctx).create("CW-13", "2026", "2026年耕地地力保护补贴发放名单", kind="roster",
                                                      rows=_rows())
    editor = open_editor(qtbot, village_ws, record.id)
    qtbot.waitUntil(lambda: not editor.kind_editor.loading, timeout=10_000)
    editor.record_id = record.id
    return editor


def _made(model) -> set[int]:
    return {i for i in range(model.rowCount()) if model._rows[i] is not None}


def test_a_far_row_is_made_when_scrolled_to_and_shows_what_the_service_stored(qtbot, editor):
    view, model = editor.kind_editor.view, editor.kind_editor.model
    assert model.rowCount() == N and FAR not in _made(model) and len(_made(model)) < N // 2
    assert "户数（行数）：400" in editor.kind_editor.totals_text()  # the totals count every row, made or not

    click_row(qtbot, view, FAR + 1, column=model.column_of("remark"))  # scrolled down and clicked
    qtbot.waitUntil(lambda: {FAR, FAR + 1} <= _made(model))  # painted there
    cell = {k: model.index(FAR + 1, model.column_of(k)).data() for k in ("group", "name", "quantity", "amount", "remark")}
    assert cell == {"group": "九组", "name": "备注的人", "quantity": "18.34", "amount": "300.50", "remark": "住在村东头"}
    # quantity × rate, shown computed (blue italics, its sum in the tooltip), not stored as typed
    amount = model.index(FAR, model.column_of("amount"))
    assert amount.data() == "192.57" and amount.data(Qt.ItemDataRole.FontRole).italic()
    assert amount.data(Qt.ItemDataRole.ToolTipRole) == "自动计算：10.5 × 18.34 = 192.57（四舍五入到分）"
    assert model.text(FAR, "amount") == ""
    assert view.currentIndex().row() == FAR + 1 and view.visualRect(amount).isValid()


def test_a_finding_on_a_row_never_shown_is_marked_once_the_finding_takes_the_clerk_there(qtbot, editor):
    view, model = editor.kind_editor.view, editor.kind_editor.model
    id_column = model.column_of("id_number")
    assert FAR not in _made(model)
    texts = [editor.findings_model.index(n).data() for n in range(editor.findings_model.rowCount())]
    line = next(n for n, t in enumerate(texts) if f"第 {FAR + 1} 行“身份证号”" in t)

    double_click_row(qtbot, editor.findings_view, line)  # the clerk double-clicks the finding
    assert view.hasFocus() and (view.currentIndex().row(), view.currentIndex().column()) == (FAR, id_column)
    cell = model.index(FAR, id_column)
    assert view.visualRect(cell).isValid()
    qtbot.waitUntil(lambda: FAR in _made(model))  # painted there
    assert cell.data() == BAD_ID
    background = cell.data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush) and background.color() == ERROR_BACKGROUND
    assert "校验" in cell.data(Qt.ItemDataRole.ToolTipRole)


def test_a_far_row_edited_then_undone_is_as_the_service_gave_it_and_saving_writes_that_row_only(qtbot, editor,
                                                                                               village_ws):  # noqa: F811
    view, model = editor.kind_editor.view, editor.kind_editor.model
    name = model.column_of("name")
    click_row(qtbot, view, FAR + 1, column=name)
    type_here(qtbot, "新名字")
    key(qtbot, Qt.Key.Key_Return)
    assert model.index(FAR + 1, name).data() == "新名字" and editor.isWindowModified()
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.index(FAR + 1, name).data() == "备注的人" and not editor.isWindowModified()
    assert model.index(FAR + 1, model.column_of("amount")).data() == "300.50"

    click_row(qtbot, view, FAR - 1, column=model.column_of("amount"))
    type_here(qtbot, "476.50")
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not editor.saving, timeout=10_000)
    assert editor.message_label.text() == "已保存"
    stored = DisclosureService(village_ws.ctx).get(editor.record_id).rows
    assert len(stored) == N and stored[FAR - 1]["amount"] == Decimal("476.50")
    assert stored[FAR + 1]["name"] == "备注的人" and stored[FAR + 1]["amount"] == Decimal("300.50")
    assert stored[FAR]["amount"] == Decimal("192.57") and stored[N - 1]["name"] == f"村民{N - 1}"


def test_a_far_row_deleted_comes_back_with_undo(qtbot, editor):
    view, model = editor.kind_editor.view, editor.kind_editor.model
    click_row(qtbot, view, FAR + 1, column=model.column_of("name"))
    key(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert model.rowCount() == N - 1 and model.index(FAR + 1, model.column_of("name")).data() == f"村民{FAR + 2}"
    assert "户数（行数）：399" in editor.kind_editor.totals_text()
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.rowCount() == N and model.index(FAR + 1, model.column_of("name")).data() == "备注的人"
    assert model.index(FAR + 1, model.column_of("remark")).data() == "住在村东头"
    assert "户数（行数）：400" in editor.kind_editor.totals_text() and not editor.isWindowModified()


def test_a_text_column_that_edits_make_mostly_id_numbers_is_seen_across_rows_never_shown(qtbot, village_ws):  # noqa: F811
    # rows 0-199 hold an ID number in 备注, rows 200-399 a word: half, not most — until one more is typed
    rows = [{"group": "一组", "name": f"村民{k}", "quantity": "2", "rate": "18.34",
             "remark": IDS[k % 5] if k < N // 2 else "已核"} for k in range(N)]
    record = DisclosureService(village_ws.ctx).create("CW-13", "2026", "备注多为身份证号的名单", kind="roster", rows=rows)
    editor = open_editor(qtbot, village_ws, record.id)
    view, model = editor.kind_editor.view, editor.kind_editor.model
    assert model.number_columns == {} and len({i for i in range(N) if model._rows[i] is not None}) < N // 2
    click_row(qtbot, view, N - 1, column=model.column_of("remark"))
    type_here(qtbot, IDS[3])
    key(qtbot, Qt.Key.Key_Return)
    assert model.number_columns == {"remark": "id_number"}
    editor.refresh_findings()
    texts = [editor.findings_model.index(n).data() for n in range(editor.findings_model.rowCount())]
    assert any("“备注”列多为身份证号" in t for t in texts)
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.number_columns == {} and model.index(N - 1, model.column_of("remark")).data() == "已核"
