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
