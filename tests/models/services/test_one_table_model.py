"""One parse, one check, one total for every reader of a table: storage (the service), the checks,
`show --json` and the import agree — the copies that disagreed (full-width card digits kept,
household size 0 and negative amounts accepted) are gone."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from models.cli import main
from models.errors import ValidationError
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from models.services.disclosures import DisclosureService, SubmitRefused

GOOD_ID = "11010519491231002X"
OTHER_ID = "410322196501011233"


@pytest.fixture
def svc(empty_village):
    _db, ctx = empty_village
    CatalogService(ctx).add(ItemData(code="DL-01", group="惠农补贴", name="耕地地力保护补贴",
                                     timing=TimingRule("yearly", month=5, day=31), posting_days=7,
                                     default_kind="roster", roster_preset="dili"))
    CatalogService(ctx).add(ItemData(code="ZJ-01", group="资金", name="资金安排", timing=TimingRule("immediate"),
                                     posting_days=7, default_kind="roster", roster_preset="allocation"))
    return DisclosureService(ctx)


def test_storage_reads_rows_through_the_one_parser(svc):
    d = svc.create("DL-01", "2026", "名单", rows=[
        {"name": "张三", "id_number": GOOD_ID, "quantity": "１０．５", "rate": "18.34",
         "bank_card": "６２２８ ４８００ ０００１ ２３４５ ６７８"}])
    row = d.rows[0]
    assert row["bank_card"] == "6228480000012345678"  # half-width digits, as the import stores them
    assert row["quantity"] == Decimal("10.5") and row["amount"] == Decimal("192.57")


def test_household_size_zero_is_refused_naming_row_field_and_rule(svc):
    with pytest.raises(ValidationError) as caught:
        svc.create("DL-01", "2026", "名单", rows=[{"name": "张三", "id_number": GOOD_ID, "amount": "10"},
                                                 {"name": "李四", "id_number": OTHER_ID, "household_size": "0",
                                                  "amount": "10"}])
    problem = caught.value.problems[0]
    assert (problem.row, problem.field, problem.rule) == (2, "household_size", "positive_int")
    assert "正整数" in problem.message


def test_negative_amount_is_an_error_finding_and_refuses_submit(svc):
    d = svc.create("DL-01", "2026", "名单", rows=[{"name": "张三", "id_number": GOOD_ID, "amount": "-5"}])
    bad = [f for f in d.findings if f.rule == "negative"]
    assert bad and bad[0].is_error and bad[0].row == 1 and bad[0].field == "amount"
    with pytest.raises(SubmitRefused):
        svc.submit(d.id)


def test_duplicate_ids_found_once_by_the_one_rule(svc):
    d = svc.create("DL-01", "2026", "名单", rows=[{"name": "张三", "id_number": GOOD_ID, "amount": "1"},
                                                 {"name": "李四", "id_number": OTHER_ID, "amount": "1"},
                                                 {"name": "王五", "id_number": GOOD_ID.lower(), "amount": "1"}])
    dups = [f for f in d.findings if f.rule == "duplicate_id"]
    assert [(f.row, f.message) for f in dups] == [(3, f"身份证号 {GOOD_ID} 在第 1 行和第 3 行重复出现")]


def test_wan_yuan_amounts_keep_six_places_and_refuse_seven(svc):
    ok = svc.create("ZJ-01", "2026-07-10", "安排表", rows=[{"项目名称": "道路", "amount": "12.345678"}])
    assert ok.rows[0]["amount"] == Decimal("12.345678") and not [f for f in ok.findings if f.is_error]
    with pytest.raises(ValidationError) as caught:
        svc.create("ZJ-01", "2026-07-10", "安排表", rows=[{"项目名称": "道路", "amount": "12.3456789"}])
    assert caught.value.problems[0].rule == "precision"
    missing = svc.create("ZJ-01", "2026-07-10", "安排表", rows=[{"建设地点": "二组", "amount": "1"}])
    assert [(f.field, f.message) for f in missing.findings if f.rule == "required"] == [("项目名称", "项目名称未填写")]


def test_show_json_lists_columns_with_label_and_unit(svc, db_path, data_dir, capsys, tmp_path):
    path = tmp_path / "安排.csv"
    path.write_text("项目名称,建设地点,建设内容,本次分配金额（万元）,责任单位\n"
                    "道路硬化,二组,硬化1.2公里,20,村委会\n饮水安全,三组,蓄水池,12.5,水利站\n合计,,,32.5,\n",
                    encoding="utf-8")
    args = ["--db", str(db_path), "--data-dir", str(data_dir), "--user", "王文书"]
    assert main([*args, "disclosure", "new", "--item", "ZJ-01", "--period", "2026-07-10", "--title", "安排表",
                 "--from", str(path), "--map", "amount=本次分配金额（万元）", "--json"]) == 0
    new_id = json.loads(capsys.readouterr().out)["id"]
    assert main([*args, "disclosure", "show", str(new_id), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    columns = {c["key"]: c for c in shown["columns"]}
    assert {"key", "label", "unit", "type", "public", "summed"} <= set(columns["amount"])
    assert (columns["amount"]["label"], columns["amount"]["unit"]) == ("本次分配金额", "万元")
    assert columns["amount"]["type"] == "money" and columns["amount"]["summed"] is True
    assert shown["totals"]["amount"] == "32.50" and shown["totals"]["rows"] == 2
    assert not [f for f in shown["findings"] if f["severity"] == "error"]
