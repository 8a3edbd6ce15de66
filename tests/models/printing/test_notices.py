"""Builders and print jobs: every kind of notice, masking, corrections, catalog, answers, the month's
bundle and the footer settings — checked in the text of the generated PDFs."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from models.entities import AuditEvent, Setting
from models.errors import StateError, ValidationError
from models.printing.document import PrintOptions
from models.printing.jobs import NoticePrinter
from models.printing.notices import roster_table
from models.printing.render import render_pdf
from models.printing.settings import SETTING_KEY, PrintSettings, print_settings, set_print_settings
from models.rules.money import amount_of
from models.rules.roster import RosterColumn
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from models.services.context import Actor, ServiceContext
from models.services.disclosures import DisclosureService
from models.services.feedback import FeedbackService

from .test_render import ID_NUMBER, all_text, page_sizes, page_texts, squeezed

TODAY = date(2026, 7, 20)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(i: int) -> str:
    """A valid 18-digit ID number (GB 11643 check digit), different for every i < 1000."""
    body = f"410322{1950 + i % 50}{i % 12 + 1:02d}{i % 28 + 1:02d}{i % 1000:03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True)) % 11]


def bank_card(i: int) -> str:
    return f"62284800000{i:08d}"


def roster_rows(n: int, names: list[str] | None = None) -> list[dict]:
    names = names or ["张䶮", "吉𠮷", "李𬌗", "王堃", "赵喆", "钱赟", "欧阳建国"]
    rows = []
    for i in range(1, n + 1):
        quantity = Decimal(100 + i * 37 % 2000) / 100
        rows.append({"group": f"{'一二三四五'[i % 5]}组", "name": names[i % len(names)], "id_number": id_number(i),
                     "quantity": str(quantity), "rate": "18.34",
                     "amount": str(amount_of(quantity, Decimal("18.34"))),
                     "bank_card": bank_card(i), "remark": "新增户" if i % 9 == 0 else None})
    return rows


@pytest.fixture
def env(empty_village):
    db, ctx = empty_village
    catalog = CatalogService(ctx)
    for item in (
        ItemData(code="DL-01", group="惠农补贴", name="耕地地力保护补贴", timing=TimingRule("quarterly", day=20),
                 posting_days=7, default_kind="roster", roster_preset="dili"),
        ItemData(code="CW-01", group="财务", name="财务收支", category="财务", timing=TimingRule("monthly", day=10),
                 posting_days=7, default_kind="finance"),
        ItemData(code="XM-01", group="工程项目", name="工程项目招投标及预决算", timing=TimingRule("per_stage", days=10),
                 posting_days=10, default_kind="project"),
        ItemData(code="JC-01", group="四议两公开", name="重大事项决策", timing=TimingRule("immediate"),
                 posting_days=5, default_kind="decision"),
        ItemData(code="YS-01", group="一事一议", name="一事一议筹资筹劳", timing=TimingRule("immediate"),
                 posting_days=7, default_kind="yishi"),
        ItemData(code="GG-01", group="村务", name="村务公告", timing=TimingRule("immediate"), posting_days=5),
    ):
        catalog.add(item)
    set_print_settings(ctx, phones=["村务监督委员会 李监委 13812341234", "城关镇纪委 0379-67891234"])
    svc = DisclosureService(ctx, clock=lambda: TODAY)
    reviewer = DisclosureService(ServiceContext(db, Actor("李监委", "reviewer")), clock=lambda: TODAY)

    def post(record, start="2026-07-18"):
        svc.submit(record.id)
        reviewer.approve(record.id, "李监委", "同意公示")
        return svc.post(record.id, start=start)

    return ctx, svc, post, NoticePrinter(ctx, today=TODAY)


FINANCE = {"opening": "125000.00", "closing": "119530.50", "rows": [
    {"date": "2026-06-03", "voucher": "记-01", "summary": "上级转移支付运转经费", "class": "各项收入", "income": "30000.00"},
    {"date": "2026-06-08", "voucher": "记-02", "summary": "集体土地承包费", "class": "各项收入", "income": "8600.00"},
    {"date": "2026-06-12", "voucher": "记-03", "summary": "村干部报酬（4-6月）", "class": "各项支出", "expense": "36000.00"},
    {"date": "2026-06-15", "voucher": "记-04", "summary": "办公用品购置", "class": "各项支出", "expense": "1269.50"},
    {"date": "2026-06-20", "voucher": "记-05", "summary": "道路维修材料款", "class": "各项支出", "expense": "6800.00"},
]}
PROJECT = {"name": "二组道路硬化工程", "location": "测试村二组", "content": "硬化道路1.2公里", "unit": "万元",
           "budget": "48.5", "sources": [{"name": "财政奖补", "amount": "30"}, {"name": "村集体投入", "amount": "10.5"},
                                         {"name": "村民筹资", "amount": "8"}],
           "contractor": "某某建筑工程有限公司", "bidding": "公开招标", "start": "2026-07-01", "end": "2026-09-30",
           "stages": [{"name": "招标", "date": "2026-06-20", "result": "某某公司中标"},
                      {"name": "开工", "date": "2026-07-01", "result": "已开工"}]}
DECISION = {"matter": "村集体机动地50亩公开发包", "combined_first_two": False, "meetings": [
    {"stage": 1, "kind": "party_branch", "date": "2026-06-01", "content": "村党支部提议"},
    {"stage": 2, "kind": "two_committees", "date": "2026-06-03", "content": "两委商议"},
    {"stage": 3, "kind": "party_members", "date": "2026-06-06", "due": 30, "present": 26, "for": 25, "against": 0,
     "abstain": 1, "content": "党员大会审议"},
    {"stage": 4, "kind": "representatives", "date": "2026-06-10", "due": 45, "present": 40, "for": 36,
     "against": 2, "abstain": 2, "content": "村民代表会议表决"},
    {"stage": 5, "kind": "notice", "date": "2026-06-11", "content": "决议公开"}]}
YISHI = {"project": "三组机耕路修建", "unit": "元", "total": "86000.00",
         "sources": [{"name": "村民筹资", "amount": "26000.00"}, {"name": "财政奖补", "amount": "50000.00"},
                     {"name": "村集体投入", "amount": "10000.00"}],
         "per_person": "20.00", "labour_days": "2",
         "exemptions": [{"name": "五保户", "reason": "无劳动能力"}, {"name": "现役军人", "reason": "依政策减免"}]}


# --- rosters ---------------------------------------------------------------------------------------


def test_roster_prints_public_columns_masked(env):
    _ctx, svc, post, printer = env
    record = post(svc.create("DL-01", "2026-Q3", "2026年耕地地力保护补贴发放名单公示", rows=roster_rows(40)))
    data = printer.print_disclosure(record.id).data
    text = all_text(data)
    flat = squeezed(text)
    assert "2026年耕地地力保护补贴发放名单公示" in flat
    assert not ID_NUMBER.search(text), "an unmasked ID number on the public notice"
    assert f"{id_number(7)[:6]}********{id_number(7)[-4:]}" in text
    assert not any(bank_card(i) in text for i in range(1, 41)) and "银行卡号" not in text
    for header in ("身份证号", "面积（亩）", "补贴标准（元/亩）", "补贴金额（元）", "备注", "村民小组"):
        assert squeezed(header) in flat
    for name in ("张䶮", "吉𠮷", "李𬌗", "王堃", "赵喆", "钱赟"):
        assert name in text
    total = sum(Decimal(r["amount"]) for r in roster_rows(40))
    assert "合计" in text and "共40户" in flat and f"{total:,.2f}" in text
    assert "公示时间：2026年7月18日至2026年7月24日（共7天）" in flat
    assert "监督电话（村务监督委员会李监委）：13812341234监督电话（城关镇纪委）：0379-67891234" in flat
    assert "受理单位：测试村村务监督委员会" in flat and "测试村村民委员会" in flat


def test_unmasked_copy_shows_everything_with_the_watermark_and_is_audited(env):
    ctx, svc, post, printer = env
    record = post(svc.create("DL-01", "2026-Q3", "名单", rows=roster_rows(30)))
    data = printer.print_disclosure(record.id, unmasked=True).data
    text = all_text(data)
    assert all(id_number(i) in text for i in range(1, 31))
    assert all(bank_card(i) in text for i in range(1, 31)) and "银行卡号" in text
    for page in page_texts(data):
        assert "内部资料" in squeezed(page) and "不得张贴" in squeezed(page)
    with ctx.read() as session:
        actions = session.execute(select(AuditEvent.action)).scalars().all()
    assert "print.unmasked" in actions


def test_roster_table_masks_by_column_rule():
    columns = [RosterColumn("name", "姓名"), RosterColumn("phone", "联系电话", "phone", public=True, mask="phone"),
               RosterColumn("bank_card", "银行卡号", "bank_card", mask="bank_card"),
               RosterColumn("address", "住址", "address", mask="address"),
               RosterColumn("amount", "金额（元）", "money")]
    rows = [{"name": "张三", "phone": "13812341234", "bank_card": "6228480000000001234", "address": "二组18号",
             "amount": Decimal("205620.19")}]
    masked = roster_table(rows, columns)
    assert masked.rows[0][1:] == ["张三", "138****1234", "***************1234", "", "205,620.19"]
    assert masked.totals_row == ["合计", "共 1 户", "", "", "", "205,620.19"]
    full = roster_table(rows, columns, unmasked=True)
    assert full.rows[0][2:5] == ["13812341234", "6228480000000001234", "二组18号"]


def test_quantities_line_up_with_the_same_decimals(env):
    _ctx, svc, _post, printer = env
    rows = [{"name": "张三", "id_number": id_number(1), "quantity": "27.7", "rate": "18.34", "amount": "508.02"},
            {"name": "李四", "id_number": id_number(2), "quantity": "11211.57", "rate": "18.34", "amount": "205620.19"}]
    record = svc.create("DL-01", "2026-Q3", "名单", rows=rows)
    text = all_text(printer.print_disclosure(record.id).data)
    assert "27.70" in text and "11,211.57" in text and "11,239.27" in text  # the area total
    assert "27.7000" not in text and "18.3400" not in text  # storage keeps four places; print does not


# --- the other kinds -------------------------------------------------------------------------------


def test_finance_notice_groups_classes_with_balances(env):
    _ctx, svc, post, printer = env
    record = post(svc.create("CW-01", "2026-M06", "2026年6月村级财务收支公开", content=FINANCE))
    flat = squeezed(all_text(printer.print_disclosure(record.id).data))
    assert "收支明细" in flat and "一、各项收入" in flat and "二、各项支出" in flat
    assert "各项收入小计38,600.00" in flat and "各项支出小计44,069.50" in flat
    assert "期初余额：125,000.00元" in flat and "期末余额119,530.50元" in flat
    assert "共5笔38,600.0044,069.50" in flat  # totals row
    assert "上级转移支付运转经费" in flat and "6月12日" in flat
    assert "民主理财小组（签字）" in flat and "村务监督委员会（签字）" in flat


def test_project_notice_has_fields_sources_and_stages(env):
    _ctx, svc, _post, printer = env
    record = svc.create("XM-01", "2026-07-01", "村内道路硬化工程项目公示", content=PROJECT)
    flat = squeezed(all_text(printer.print_disclosure(record.id).data))
    for expected in ("项目名称：二组道路硬化工程", "建设地点：测试村二组", "总投资：48.50万元", "施工单位：某某建筑工程有限公司",
                     "开工日期：2026年7月1日", "资金来源", "金额（万元）", "财政奖补30.00", "合计48.50", "实施进度",
                     "某某公司中标", "公示期：自张贴之日起不少于10天"):
        assert expected in flat, expected


def test_decision_notice_lists_the_six_stages_and_the_result(env):
    _ctx, svc, _post, printer = env
    record = svc.create("JC-01", "2026-07-05", "关于村集体机动地发包的决策公开", content=DECISION)
    flat = squeezed(all_text(printer.print_disclosure(record.id).data))
    for stage in ("村党组织提议", "村两委会议商议", "党员大会审议", "村民会议或村民代表会议决议", "决议公开", "实施结果公开"):
        assert stage in flat, stage
    for header in ("应到（人）", "实到（人）", "同意（票）", "反对（票）", "弃权（票）"):
        assert header in flat, header
    assert "决策事项：村集体机动地50亩公开发包" in flat and "尚未进行" in flat
    assert "表决结果：经村民代表会议表决，应到45人，实到40人，同意36票，反对2票，弃权2票，决议通过。" in flat


def test_decision_without_quorum_is_printed_as_not_passed(env):
    _ctx, svc, _post, printer = env
    content = json.loads(json.dumps(DECISION))
    content["meetings"][3].update(present=20, **{"for": 15})
    record = svc.create("JC-01", "2026-07-05", "决策公开", content=content)
    flat = squeezed(all_text(printer.print_disclosure(record.id).data))
    assert "未通过" in flat and "决议未通过" in flat


def test_yishi_notice_has_sources_standard_and_exemptions(env):
    _ctx, svc, _post, printer = env
    record = svc.create("YS-01", "2026-07-02", "一事一议筹资筹劳方案公示", content=YISHI)
    flat = squeezed(all_text(printer.print_disclosure(record.id).data))
    for expected in ("议事项目：三组机耕路修建", "筹资筹劳总额：86,000.00元", "村民筹资26,000.00", "合计86,000.00",
                     "每人筹资20.00元", "每人投劳2个工日", "减免对象", "五保户无劳动能力", "现役军人依政策减免"):
        assert expected in flat, expected


FUNDING = {"name": "2026年衔接推进乡村振兴补助资金", "unit": "万元", "budget": "356.8",
           "sources": [{"name": "中央衔接资金", "amount": "200", "doc_no": "豫财农〔2026〕3号"},
                       {"name": "省级衔接资金", "amount": "100.5", "doc_no": "豫财农〔2026〕12号"},
                       {"name": "县本级", "amount": "56.3"}],
           "uses": [{"name": "产业发展", "amount": "236.8"}, {"name": "基础设施", "amount": "120"}]}


def test_funding_notice_prints_sources_with_doc_numbers_and_uses(env):
    _ctx, svc, _post, printer = env
    record = svc.create("XM-01", "2026-07-01", "关于2026年衔接推进乡村振兴补助资金安排的公示", content=FUNDING)
    assert not record.has_errors, record.findings
    text = all_text(printer.print_disclosure(record.id).data)
    flat = squeezed(text)
    for expected in ("资金名称：2026年衔接推进乡村振兴补助资金", "资金总额：356.80万元",
                     "一、资金来源", "序号资金来源文号金额（万元）", "1中央衔接资金豫财农〔2026〕3号200.00",
                     "2省级衔接资金豫财农〔2026〕12号100.50", "3县本级56.30", "合计356.80",
                     "二、资金用途", "序号资金用途金额（万元）", "1产业发展236.80", "2基础设施120.00"):
        assert expected in flat, expected
    assert flat.count("合计356.80") == 2  # sources and uses each add up to the stated total
    assert "总投资" not in flat and "施工单位" not in flat


def test_project_sources_print_a_doc_number_column_only_when_a_line_has_one(env):
    _ctx, svc, _post, printer = env
    plain = svc.create("XM-01", "2026-07-01", "村内道路硬化工程项目公示", content=PROJECT)
    assert "文号" not in squeezed(all_text(printer.print_disclosure(plain.id).data))
    content = json.loads(json.dumps(PROJECT))
    content["sources"][0]["doc_no"] = "偃财预〔2026〕15号"
    with_doc = svc.create("XM-01", "2026-07-01", "村内道路硬化工程项目公示", content=content)
    flat = squeezed(all_text(printer.print_disclosure(with_doc.id).data))
    assert "序号资金来源文号金额（万元）" in flat and "财政奖补偃财预〔2026〕15号30.00" in flat
    assert "资金用途" not in flat


def test_funding_notice_that_does_not_add_up_cannot_be_submitted(env):
    _ctx, svc, _post, _printer = env
    content = json.loads(json.dumps(FUNDING))
    content["uses"][1]["amount"] = "119.99"
    record = svc.create("XM-01", "2026-07-01", "资金安排公示", content=content)
    with pytest.raises(StateError, match="资金用途合计 356.79 与资金总额 356.80 不符"):
        svc.submit(record.id)


YISHI_FULL = {"project": "三组生产路硬化", "nature": "新建", "scale": "长1.2公里、宽3.5米、厚0.18米", "unit": "万元",
              "total": "12", "raise_start": "2026-03-01", "raise_end": "2026-03-31",
              "sources": [{"name": "投劳折资", "amount": "4.8"}, {"name": "财政奖补", "amount": "6"},
                          {"name": "村集体投入", "amount": "1.2"}],
              "per_person": "0", "labour_persons": 120, "labour_days": "5", "labour_rate": "80",
              "finance_group": ["张理财", "李会计", "王监督"], "exemptions": [{"name": "五保户", "reason": "无劳动能力"}]}


def test_yishi_notice_prints_its_real_fields_and_the_labour_line(env):
    _ctx, svc, _post, printer = env
    record = svc.create("YS-01", "2026-07-02", "一事一议筹资筹劳方案公示", content=YISHI_FULL)
    assert not record.has_errors, record.findings
    flat = squeezed(all_text(printer.print_disclosure(record.id).data))
    for expected in ("议事项目：三组生产路硬化", "建设性质：新建", "建设规模：长1.2公里、宽3.5米、厚0.18米",
                     "筹资筹劳总额：12.00万元", "筹资筹劳时间：2026年3月1日至2026年3月31日",
                     "金额（万元）", "投劳折资4.80", "合计12.00",
                     "筹劳：120人×5天×80.00元/人·天=投劳折资48,000.00元。",
                     "理财小组成员：张理财、李会计、王监督"):
        assert expected in flat, expected
    # no money raised per person: no standard line, and never "0.00 元"
    assert "每人筹资" not in flat and "0.00元" not in flat.replace("80.00元", "").replace("48,000.00元", "")


def test_yishi_notice_with_a_wrong_labour_line_cannot_be_submitted(env):
    _ctx, svc, _post, _printer = env
    content = json.loads(json.dumps(YISHI_FULL))
    content["labour_persons"] = 100  # 100 × 5 × 80 = 40000 元 ≠ 4.8 万元
    record = svc.create("YS-01", "2026-07-02", "一事一议筹资筹劳方案公示", content=content)
    labour = [f for f in record.findings if f.rule == "labour_money"]
    assert labour and labour[0].message == ("筹劳 100 人 × 5 天 × 80.00 元/人·天 = 40000.00 元，"
                                            "与资金来源第 1 项“投劳折资” 4.80 万元（48000.00 元）不符")
    with pytest.raises(StateError, match="不能提交审核") as refused:
        svc.submit(record.id)
    assert "投劳折资" in str(refused.value)


def test_decision_by_households_prints_hu(env):
    _ctx, svc, _post, printer = env
    content = json.loads(json.dumps(DECISION))
    content["meetings"][3] = {"stage": 4, "kind": "villagers", "counted": "households", "date": "2026-06-10",
                              "due": 300, "present": 210, "for": 180, "against": 20, "abstain": 10,
                              "content": "村民会议（户代表）表决"}
    record = svc.create("JC-01", "2026-07-05", "关于村集体机动地发包的决策公开", content=content)
    assert not record.has_errors, record.findings
    flat = squeezed(all_text(printer.print_disclosure(record.id).data))
    assert "表决结果：经村民会议表决，应到300户，实到210户，同意180票，反对20票，弃权10票，决议通过。" in flat
    assert "300户210户" in flat  # the table's 应到 / 实到 cells
    assert "26人" in flat  # the 党员大会 in the same table stays in 人
    assert "应到300人" not in flat and "应到（人）" not in flat


def test_plain_notice_prints_its_body(env):
    _ctx, svc, _post, printer = env
    record = svc.create("GG-01", "2026-07-03", "关于开展人居环境整治的通知",
                        body="全体村民：\n定于7月10日开展村庄清洁行动。\n请各户积极参加。")
    flat = squeezed(all_text(printer.print_disclosure(record.id).data))
    assert "关于开展人居环境整治的通知" in flat and "定于7月10日开展村庄清洁行动。" in flat


def test_correction_names_the_notice_it_replaces(env):
    _ctx, svc, post, printer = env
    original = post(svc.create("DL-01", "2026-Q3", "2026年耕地地力保护补贴发放名单公示", rows=roster_rows(5)))
    correction = post(svc.correct(original.id), start="2026-07-21")
    flat = squeezed(all_text(printer.print_disclosure(correction.id).data))
    assert "更正公告" in flat
    assert "于2026年7月18日张贴公示的《2026年耕地地力保护补贴发放名单公示》（公开记录第" in flat
    assert f"公开记录第{original.id}号）内容有误" in flat and "原公告作废" in flat
    assert "更正：" not in flat  # the stored title's prefix becomes the heading instead


# --- catalog, answers, the month -------------------------------------------------------------------


def test_catalog_prints_the_standard_columns_landscape(env):
    ctx, _svc, _post, printer = env
    data = printer.print_catalog().data
    flat = squeezed(all_text(data))
    for header in ("序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道",
                   "公开对象", "公开方式", "公开层级"):
        assert header in flat, header
    assert "测试村村务公开事项目录" in flat and "共6项" in flat
    assert "耕地地力保护补贴" in flat and "一事一议筹资筹劳" in flat
    width, height = page_sizes(data)[0]
    assert width > height


def test_feedback_answer_notice(env):
    ctx, svc, post, printer = env
    record = post(svc.create("DL-01", "2026-Q3", "2026年耕地地力保护补贴发放名单公示", rows=roster_rows(5)))
    feedback = FeedbackService(ctx)
    question = feedback.add(record.id, "我家面积登记少了2亩，请核实", received=date(2026, 7, 19), from_name="张三丰")
    with pytest.raises(StateError):
        printer.print_feedback(question.id)
    feedback.answer(question.id, "经现场丈量核实，该户承包地面积为12.35亩，与公示一致。", on=date(2026, 7, 20))
    flat = squeezed(all_text(printer.print_feedback(question.id).data))
    assert "关于群众对《2026年耕地地力保护补贴发放名单公示》所提意见的答复" in flat
    assert "我家面积登记少了2亩，请核实" in flat and "与公示一致" in flat and "2026年7月20日" in flat
    assert "张三丰" not in flat  # the villager who asked is not named on the board


def test_month_bundle_has_a_list_then_every_notice(env):
    _ctx, svc, post, printer = env
    roster = post(svc.create("DL-01", "2026-Q3", "耕地地力保护补贴名单公示", rows=roster_rows(60)))
    finance = post(svc.create("CW-01", "2026-M06", "2026年6月村级财务收支公开", content=FINANCE), start="2026-07-08")
    draft = svc.create("YS-01", "2026-07-02", "一事一议筹资筹劳方案公示", content=YISHI)
    result = printer.print_due(2026, 7)
    texts = [squeezed(t) for t in page_texts(result.data)]
    flat = "".join(texts)
    assert result.documents == 4 and "2026年7月村务公开清单" in texts[0]
    for record in (roster, finance, draft):
        assert squeezed(record.title) in flat
    assert flat.index("2026年6月村级财务收支公开") < flat.index("耕地地力保护补贴名单公示")  # by date
    assert "逾期未公开" in texts[0] or "应公开" in texts[0]
    assert not ID_NUMBER.search(all_text(result.data))
    later = printer.print_due(2031, 2)  # nothing on file: the list of what is due, alone
    assert later.documents == 1 and "（无记录）" in squeezed(all_text(later.data))


def test_nothing_is_written_when_a_name_cannot_be_printed(env, tmp_path):
    _ctx, svc, _post, printer = env
    rows = roster_rows(5)
    rows[2]["name"] = "王\ue000"
    record = svc.create("DL-01", "2026-Q3", "名单", rows=rows)
    out = tmp_path / "x.pdf"
    from models.printing.fonts import MissingGlyphError

    with pytest.raises(MissingGlyphError) as caught:
        printer.print_disclosure(record.id, out)
    assert f"公开记录 {record.id}《名单》" in str(caught.value) and "名单第 3 行“姓名”" in str(caught.value)
    assert "U+E000" in str(caught.value) and not out.exists()


def test_options_reach_the_page(env):
    _ctx, svc, _post, printer = env
    record = svc.create("DL-01", "2026-Q3", "名单", rows=roster_rows(10))
    data = printer.print_disclosure(record.id, options=PrintOptions(paper="A3", landscape=True)).data
    assert page_sizes(data)[0] == pytest.approx((1190.55, 841.89), abs=0.5)
    assert render_pdf(printer.disclosure_document(record.id)) == printer.print_disclosure(record.id).data


# --- footer settings -------------------------------------------------------------------------------


def test_print_settings_default_empty_then_stored_as_json(empty_village):
    db, ctx = empty_village
    assert print_settings(ctx) == PrintSettings()
    saved = set_print_settings(ctx, phones=[" 监委会 李四 13900001111 ", ""], accepting_unit="测试村监委会")
    assert saved.phones == ("监委会 李四 13900001111",) and saved.accepting_unit == "测试村监委会"
    set_print_settings(ctx, issuer="城关镇测试村村民委员会")
    current = print_settings(ctx)
    assert current.phones == ("监委会 李四 13900001111",) and current.issuer == "城关镇测试村村民委员会"
    with ctx.read() as session:
        stored = json.loads(session.get(Setting, SETTING_KEY).value)
        actions = session.execute(select(AuditEvent.action)).scalars().all()
    assert stored["phones"] == ["监委会 李四 13900001111"] and actions.count("settings.print") == 2
    assert set_print_settings(ctx, phones=[]).phones == ()
    with pytest.raises(ValidationError):
        set_print_settings(ctx, phones=[str(i) for i in range(11)])


def test_settings_reach_the_footer(env):
    ctx, svc, _post, printer = env
    set_print_settings(ctx, accepting_unit="城关镇纪委", issuer="城关镇测试村村民委员会",
                       objection_note="如有异议，请于公示期内书面反映。")
    record = svc.create("GG-01", "2026-07-03", "通知", body="正文")
    flat = squeezed(all_text(printer.print_disclosure(record.id).data))
    assert "受理单位：城关镇纪委" in flat and "城关镇测试村村民委员会" in flat
    assert "如有异议，请于公示期内书面反映。" in flat and re.search("公示期：自张贴之日起不少于5天", flat)


@pytest.mark.parametrize("large", [False, True])
def test_decision_table_headers_read_across_on_a4_portrait(env, tmp_path, large):
    """同意/反对/弃权 (and 应到/实到, 步骤) head narrow count columns: each prints as one word on one
    line of the header row — never one character a line — in ordinary and large print on A4 portrait."""
    import re as _re
    import subprocess

    _ctx, svc, _post, printer = env
    record = svc.create("JC-01", "2026-07-05", "关于村集体机动地发包的决策公开", content=DECISION)
    pdf = tmp_path / "decision.pdf"
    pdf.write_bytes(printer.print_disclosure(record.id, options=PrintOptions(large=large)).data)
    box = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    words = [(w, float(y)) for y, w in _re.findall(r'<word xMin="[^"]+" yMin="([^"]+)"[^>]*>([^<]*)</word>', box)]
    first_row = next(y for w, y in words if w == "村党组织提议")
    caption = next(y for w, y in words if "四议两公开" in w)
    header = [w for w, y in words if caption < y < first_row]
    for word in ("步骤", "应到", "实到", "同意", "反对", "弃权"):
        assert word in header, (word, header)
    assert not [w for w in header if len(w) == 1], header
