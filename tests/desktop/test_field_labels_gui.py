"""The GUI names a row's field as the core does: the column's label (the record's own, else the
standard column's), in the detail pane and in the editors' places."""

from __future__ import annotations

import pytest

from desktop.editors.kind_editors.base import field_label
from desktop.pages.record_detail import findings_html
from models.rules import kinds as K
from models.rules.field_labels import row_field_label
from models.rules.roster import STANDARD_COLUMNS, RosterColumn, columns_json


@pytest.mark.parametrize("key", sorted(STANDARD_COLUMNS))
def test_editors_name_a_row_field_as_its_column(qapp, key):
    assert field_label(key) == STANDARD_COLUMNS[key].label == row_field_label(key)


@pytest.mark.parametrize("key", ["voucher", "for", "against", "abstain"])
def test_editors_name_other_rows_fields_as_the_core(qapp, key):
    assert field_label(key) == row_field_label(key)


def test_the_detail_pane_names_the_records_own_columns(qapp):
    columns = columns_json([RosterColumn("group", "湾组"), RosterColumn("name", "姓名", "name", required=True),
                            RosterColumn("amount", "奖补资金", "money", unit="万元")])
    html = findings_html(K.check_roster([{"group": "一组", "name": "张三", "amount": "abc"}], columns))
    assert "第 1 行“奖补资金（万元）”" in html
    plain = findings_html(K.check_roster([{"group": "一组", "name": "张三", "amount": "abc"}], None))
    assert "第 1 行“金额（元）”" in plain


def test_the_editor_names_a_finding_by_the_records_column_before_and_after_saving(qtbot, village, settings,
                                                                                      db_path, data_dir):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from models.services.disclosures import DisclosureService

    from .editor_support import key, make_workspace, open_editor

    ws = make_workspace(village, settings, db_path, data_dir)
    columns = columns_json([RosterColumn("group", "湾组"), RosterColumn("name", "姓名", "name", required=True),
                            RosterColumn("amount", "奖补资金", "money", unit="万元")])
    d = DisclosureService(ws.ctx).create("CW-13", "2026", "奖补名单", kind="roster", columns=columns,
                                         rows=[{"group": "王家湾", "name": "张三", "amount": "-5"}])
    assert any("第 1 行“奖补资金（万元）”" in f.located() for f in d.findings)
    editor = open_editor(qtbot, ws, d.id)

    def shown() -> list[str]:
        editor.refresh_findings()
        model = editor.findings_model
        return [model.index(i, 0).data() for i in range(model.rowCount())]

    assert any("“奖补资金（万元）”" in t for t in shown()), shown()
    editor.activateWindow()
    editor.kind_editor.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert any("“奖补资金（万元）”" in t for t in shown()), shown()
    assert not any("金额（元）" in t or "村民小组" in t for t in shown())
