"""Roster columns, presets and row checks."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.rules.roster import (
    PRESET_LABELS,
    STANDARD_COLUMNS,
    RosterParseError,
    check_roster_rows,
    column_for,
    normalize_row,
    preset_columns,
    roster_totals,
)

GOOD_ID = "11010519491231002X"
WRONG_CHECK_DIGIT = "110105194912310029"
OTHER_GOOD_ID = "410322196501011233"


def _row(**kw):
    base = {"name": "张三", "id_number": GOOD_ID}
    base.update(kw)
    return base


def test_standard_columns_cover_the_contract_keys_and_hide_internal_ones():
    for key in ("group", "name", "id_number", "household_size", "quantity", "rate", "amount", "remark"):
        assert key in STANDARD_COLUMNS
    assert STANDARD_COLUMNS["amount"].label == "金额（元）"
    assert STANDARD_COLUMNS["id_number"].mask == "id_number"
    for key in ("bank_card", "bank_branch", "phone", "address"):
        assert STANDARD_COLUMNS[key].public is False
    assert STANDARD_COLUMNS["name"].required


def test_presets():
    assert set(PRESET_LABELS) == {"dili", "dibao", "linshi", "weifang", "canji", "tekun", "generic",
                                  "allocation", "reward", "township"}
    dili = {c.key: c for c in preset_columns("dili")}
    assert list(dili) == ["group", "name", "id_number", "quantity", "rate", "amount", "bank_card", "remark"]
    assert dili["quantity"].label == "面积（亩）"
    assert dili["rate"].label == "补贴标准（元/亩）"
    assert dili["bank_card"].public is False
    dibao = [c.key for c in preset_columns("dibao")]
    assert "household_size" in dibao and "保障类别" in dibao
    assert column_for("保障类别").kind == "text" and column_for("保障类别").custom
    assert [c.key for c in preset_columns(None)] == [c.key for c in preset_columns("generic")]
    with pytest.raises(ValueError, match="未知的名单模板"):
        preset_columns("nope")


def test_amount_is_area_times_rate_to_the_fen():
    rows = [_row(quantity="11211.57", rate="18.34", amount="205620.19")]
    assert check_roster_rows(rows) == []
    bad = check_roster_rows([_row(quantity="11211.57", rate="18.34", amount="205620.20")])
    assert [(f.row, f.field, f.rule) for f in bad] == [(1, "amount", "amount_arithmetic")]
    assert bad[0].message == "金额应为 11211.57 × 18.34 = 205620.19，实为 205620.20"


def test_every_problem_is_reported_not_only_the_first():
    rows = [
        _row(),
        _row(name="", id_number=WRONG_CHECK_DIGIT),
        _row(name="李四", id_number=OTHER_GOOD_ID, household_size="0", quantity="一百", rate="-1", amount="3"),
        _row(name="王五", id_number=GOOD_ID, household_size="2.5"),
    ]
    cols = ["name", "id_number", "household_size", "quantity", "rate"]
    found = {(f.row, f.field, f.rule) for f in check_roster_rows(rows, cols)}
    assert found == {
        (2, "name", "required"),
        (2, "id_number", "id_check_digit"),
        (3, "household_size", "positive_int"),
        (3, "quantity", "number"),
        (3, "rate", "negative"),
        (4, "household_size", "positive_int"),
        (4, "id_number", "duplicate_id"),
    }
    dup = next(f for f in check_roster_rows(rows, cols) if f.rule == "duplicate_id")
    assert "第 1 行" in dup.message and "第 4 行" in dup.message
    assert all(f.severity == "error" for f in check_roster_rows(rows, cols))
    # by default the column set is every key present: row 3 has an amount, so the others need one
    assert (1, "amount", "required") in {(f.row, f.field, f.rule) for f in check_roster_rows(rows)}


def test_id_number_messages_and_old_numbers():
    found = check_roster_rows([_row(id_number=WRONG_CHECK_DIGIT)])
    assert found[0].message.startswith("身份证号校验位错误")
    old = check_roster_rows([_row(id_number="410322650101123")])
    assert [(f.rule, f.severity) for f in old] == [("id_number_old", "warning")]
    assert check_roster_rows([_row(id_number="11010519491231002x")]) == []  # lower-case x is fine
    numeric = check_roster_rows([_row(id_number=110105194912310000)])
    assert numeric[0].rule == "id_number_as_number"


def test_bank_card_checks_are_warnings():
    found = check_roster_rows([_row(bank_card=6.217000012345679e18), _row(id_number=OTHER_GOOD_ID, bank_card="12a")])
    assert [(f.row, f.rule, f.severity) for f in found] == [
        (1, "bank_card_as_number", "warning"), (2, "bank_card", "warning")]


def test_row_numbers_label_findings():
    found = check_roster_rows([_row(), _row()], row_numbers=[7, 12])
    assert found[0].row == 12 and "第 7 行和第 12 行" in found[0].message


def test_amount_required_only_without_quantity_and_rate():
    cols = ["name", "id_number", "quantity", "rate", "amount"]
    assert check_roster_rows([_row(quantity="2", rate="3")], cols) == []
    found = check_roster_rows([_row()], cols)
    assert [(f.field, f.rule) for f in found] == [("amount", "required")]
    assert check_roster_rows([_row()], ["name", "id_number"]) == []
    assert [f.rule for f in check_roster_rows([{"name": "赵六"}], ["name", "id_number"])] == ["required"]


def test_normalize_row_types_values_and_collects_every_problem():
    row = normalize_row({"name": " 张三 ", "id_number": "１１０１０５１９４９１２３１００２ｘ", "household_size": "3",
                         "quantity": "1,234.50", "rate": "  12 ", "amount": None, "bank_card": "6222 0212 3456 7890 123",
                         "group": 2.0})
    assert row == {"name": "张三", "id_number": GOOD_ID, "household_size": 3, "quantity": Decimal("1234.50"),
                   "rate": Decimal("12"), "amount": Decimal("14814.00"), "bank_card": "6222021234567890123",
                   "group": "2"}
    with pytest.raises(RosterParseError) as exc:
        normalize_row({"name": "x", "quantity": "一百", "amount": "1.234", "household_size": "-1"})
    assert {f.field for f in exc.value.findings} == {"quantity", "amount", "household_size"}


def test_totals():
    rows = [_row(quantity="11211.57", rate="18.34", amount="205620.19", household_size="3"),
            _row(quantity=Decimal("1.5"), rate=Decimal("2"), household_size=2),
            _row(amount="0.01")]
    totals = roster_totals(rows)
    assert totals == {"rows": 3, "amount": Decimal("205623.20"), "quantity": Decimal("11213.07"),
                      "household_size": 5}
    assert roster_totals([]) == {"rows": 0, "amount": Decimal("0.00"), "quantity": None, "household_size": None}
