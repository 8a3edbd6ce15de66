"""Tables as real notices print them: each preset's headers with their units, totals in each
column's unit, the count word of the preset, no total for a column that is not summed, internal
columns never on the posted notice — checked in the text of the generated PDFs."""

from __future__ import annotations

from datetime import date

import pytest

from models.printing.jobs import NoticePrinter
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from models.services.disclosures import DisclosureService, SubmitRefused

from .test_notices import bank_card, id_number
from .test_render import all_text, page_texts, squeezed

TODAY = date(2026, 7, 20)

ALLOCATION = [
    {"项目名称": "二组道路硬化", "建设地点": "测试村二组", "建设内容": "硬化道路1.2公里", "amount": "20",
     "责任单位": "测试村村委会"},
    {"项目名称": "三组饮水安全", "建设地点": "测试村三组", "建设内容": "新建蓄水池1座", "amount": "12.345678",
     "责任单位": "城关镇水利站"},
]
REWARD = [
    {"乡镇": "城关镇", "行政村": "测试村", "group": "王家湾", "计划建设内容": "人居环境整治", "完成情况": "已完成",
     "amount": "5"},
    {"乡镇": "城关镇", "行政村": "东村", "group": "李家湾", "计划建设内容": "道路亮化", "完成情况": "已完成",
     "amount": "3.5"},
    {"乡镇": "河口镇", "行政村": "西村", "group": "张家湾", "计划建设内容": "塘堰清淤", "完成情况": "完成80%",
     "amount": "2.25"},
]
TOWNSHIP = [
    {"乡镇": "城关镇", "quantity": "11211.57", "rate": "18.34"},
    {"乡镇": "河口镇", "quantity": "8000.5", "rate": "18.34", "amount": "146729.17"},
]


@pytest.fixture
def env(empty_village):
    db, ctx = empty_village
    catalog = CatalogService(ctx)
    for code, name, preset in (("ZJ-01", "财政衔接资金项目安排", "allocation"), ("JB-01", "以奖代补资金分配", "reward"),
                               ("BT-01", "耕地地力保护补贴分乡镇", "township"), ("DL-01", "耕地地力保护补贴", "dili")):
        catalog.add(ItemData(code=code, group="资金", name=name, timing=TimingRule("immediate"), posting_days=7,
                             default_kind="roster", roster_preset=preset))
    svc = DisclosureService(ctx, clock=lambda: TODAY)
    return ctx, svc, NoticePrinter(ctx, today=TODAY)


def _total_lines(text: str) -> list[str]:
    """The table's 合计 row(s) — not the footer, whose audit-chain hash may hold any digits."""
    lines = [line for line in text.splitlines() if line.startswith("合计")]
    assert lines, text
    return lines


def _printed(printer, record_id, **kw) -> tuple[str, str]:
    text = all_text(printer.print_disclosure(record_id, **kw).data)
    return text, squeezed(text)


def test_allocation_table_prints_in_wan_yuan_and_counts_items(env):
    _ctx, svc, printer = env
    record = svc.create("ZJ-01", "2026-07-10", "2026年财政衔接资金项目安排表", rows=ALLOCATION)
    assert not [f for f in record.findings if f.is_error]  # no name, no ID number demanded
    columns = {c["key"]: c for c in record.to_json()["columns"]}
    assert (columns["amount"]["label"], columns["amount"]["unit"]) == ("金额", "万元")
    assert [c["key"] for c in record.columns] == ["项目名称", "建设地点", "建设内容", "amount", "责任单位"]
    text, flat = _printed(printer, record.id)
    for header in ("序号", "项目名称", "建设地点", "建设内容", "金额（万元）", "责任单位"):
        assert header in flat
    assert "金额（元）" not in flat  # a 万元 column never prints under 元
    assert "20.00" in text and "12.345678" in text  # 万元 to the fen keeps six decimals
    assert "共2项" in flat and "32.345678" in text
    assert "户" not in flat.replace("账户", "")


def test_reward_table_counts_villages_and_totals_in_wan_yuan(env):
    _ctx, svc, printer = env
    record = svc.create("JB-01", "2026-07-10", "以奖代补资金分配公示", rows=REWARD)
    assert not [f for f in record.findings if f.is_error]
    text, flat = _printed(printer, record.id)
    for header in ("乡镇", "行政村", "湾组", "计划建设内容", "完成情况", "拟奖补资金（万元）"):
        assert header in flat
    assert "共3个" in flat and "10.75" in text


def test_township_table_computes_amount_and_needs_no_id(env):
    _ctx, svc, printer = env
    record = svc.create("BT-01", "2026-07-10", "耕地地力保护补贴分乡镇公示", rows=TOWNSHIP)
    assert not [f for f in record.findings if f.is_error], record.findings
    assert str(record.rows[0]["amount"]) == "205620.19"  # 11211.57 亩 × 18.34 元, half-up to the fen
    text, flat = _printed(printer, record.id)
    for header in ("乡镇", "面积（亩）", "每亩补助（元）", "金额（元）"):
        assert header in flat
    assert "身份证号" not in flat
    assert "共2个" in flat and "19,212.07" in text and "352,349.36" in text


def test_a_wrong_amount_is_named_with_its_column(env):
    _ctx, svc, _printer = env
    rows = [dict(TOWNSHIP[0], amount="205620.20")]
    record = svc.create("BT-01", "2026-07-10", "分乡镇", rows=rows)
    bad = [f for f in record.findings if f.rule == "amount_arithmetic"]
    assert bad and "金额应为 11211.57 × 18.34 = 205620.19" in bad[0].message


def test_file_total_that_disagrees_refuses_submit_for_money_and_quantities(env):
    _ctx, svc, _printer = env
    rows = [{"group": "一组", "name": "张三", "id_number": id_number(1), "quantity": "10.5", "rate": "18.34"},
            {"group": "二组", "name": "李四", "id_number": id_number(2), "quantity": "3", "rate": "18.34"}]
    record = svc.create("DL-01", "2026", "地力补贴", rows=rows,
                        content={"stated_totals": {"amount": "247.59", "quantity": "14"}})
    found = {f.field: f for f in record.findings if f.rule == "file_total"}
    assert found["quantity"].is_error and "面积（亩）" in found["quantity"].message
    assert "14" in found["quantity"].message and "13.5" in found["quantity"].message
    assert "amount" not in found  # 192.57 + 55.02 = 247.59 agrees
    with pytest.raises(SubmitRefused):
        svc.submit(record.id)
    fixed = svc.update(record.id, content={"stated_totals": {"amount": "247.59", "quantity": "13.5"}})
    assert not [f for f in fixed.findings if f.rule == "file_total"]
    bad_money = svc.update(record.id, content={"stated_totals": {"amount": "250.00"}})
    money = [f for f in bad_money.findings if f.rule == "file_total"]
    assert money and money[0].is_error and "250.00" in money[0].message and "247.59" in money[0].message


def test_not_summed_column_prints_no_total_and_internal_columns_never_print(env):
    _ctx, svc, printer = env
    rows = [{"group": "一组", "name": "张三", "id_number": id_number(1), "品种": "尿素", "数量": "50",
             "bank_card": bank_card(1), "phone": "13812345678"},
            {"group": "二组", "name": "李四", "id_number": id_number(2), "品种": "复合肥", "数量": "40",
             "bank_card": bank_card(2), "phone": "13912345678"}]
    columns = [{"key": "group"}, {"key": "name"}, {"key": "id_number"}, {"key": "品种"},
               {"key": "数量", "label": "发放数量", "unit": "公斤", "type": "quantity", "summed": False},
               {"key": "bank_card"}, {"key": "phone"}]
    record = svc.create("DL-01", "2026", "化肥发放", rows=rows, columns=columns)
    assert not [f for f in record.findings if f.is_error], record.findings
    text, flat = _printed(printer, record.id)
    assert "发放数量（公斤）" in flat and "共2户" in flat
    assert not [line for line in _total_lines(text) if "90" in line]  # 尿素 + 复合肥 is not a meaningful total
    assert "银行卡号" not in flat and "联系电话" not in flat and bank_card(1) not in text
    assert "13812345678" not in text and id_number(1) not in text
    summed = svc.update(record.id, columns=[*columns[:4], dict(columns[4], summed=True)])
    assert summed.totals["数量"] == 90
    assert [line for line in _total_lines(_printed(printer, record.id)[0]) if "90" in line]


def test_renamed_column_keeps_label_and_unit_with_the_record(env):
    _ctx, svc, printer = env
    record = svc.create("ZJ-01", "2026-07-10", "安排表", rows=ALLOCATION)
    cols = [dict(c) for c in record.columns]
    cols[3].update(label="安排资金", unit="万元")
    cols = [cols[3], *cols[:3], cols[4]]  # reordered
    again = svc.update(record.id, columns=cols)
    assert [c["key"] for c in again.columns][0] == "amount"
    assert again.to_json()["columns"][0]["label"] == "安排资金"
    _text, flat = _printed(printer, record.id)
    assert flat.index("安排资金（万元）") < flat.index("项目名称")


def test_funding_notice_prints_its_allocation_table_as_the_annex(env):
    """Issue 9 part 4: a funding notice (sources = uses = total) with the allocation table attached."""
    ctx, svc, printer = env
    CatalogService(ctx).add(ItemData(code="XM-01", group="工程项目", name="项目资金", timing=TimingRule("immediate"),
                                     posting_days=10, default_kind="project"))
    table = svc.create("ZJ-01", "2026-07-10", "2026年财政衔接资金项目安排表", rows=ALLOCATION)
    funding = {"name": "2026年财政衔接推进乡村振兴补助资金", "unit": "万元", "budget": "32.35",
               "sources": [{"name": "中央衔接资金", "amount": "20", "doc_no": "豫财农〔2026〕3号"},
                           {"name": "省级衔接资金", "amount": "12.35"}],
               "uses": [{"name": "产业发展", "amount": "20"}, {"name": "基础设施", "amount": "12.35"}],
               "attached_tables": [{"record": table.id, "title": "2026年财政衔接资金项目安排表"}]}
    notice = svc.create("XM-01", "2026-07-10", "2026年财政衔接资金安排公示", kind="project", content=funding)
    assert not [f for f in notice.findings if f.is_error]
    pages = [squeezed(p) for p in page_texts(printer.print_disclosure(notice.id).data)]
    footer_page = next(i for i, p in enumerate(pages) if "附件：2026年财政衔接资金项目安排表" in p)
    assert "一、资金来源" in pages[0] and "二、资金用途" in pages[0] and "豫财农〔2026〕3号" in pages[0]
    annex = "".join(pages[footer_page + 1:])
    assert "2026年财政衔接资金项目安排表" in annex and "金额（万元）" in annex and "共2项" in annex
    for n, page in enumerate(pages, start=1):
        assert f"第{n}页共{len(pages)}页" in page
