"""The privacy scan (issue 8): records of every kind with ID, bank card and phone numbers planted in
every free-text field, printed on every default route — each notice, the catalog, the month's bundle,
the answer to a villager's objection — and the PDFs' whole text and metadata searched: no planted
number survives in full, and the ordinary figures (money, dates, 文号, 区划代码, 12317) print unchanged.

Property-based (hypothesis) with a bounded number of examples: each one is a month of records in
one village database, printed for real."""

from __future__ import annotations

import itertools
import re
import unicodedata
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from models.printing.jobs import NoticePrinter
from models.printing.settings import set_print_settings
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from models.services.context import Actor, ServiceContext
from models.services.disclosures import DisclosureService
from models.services.feedback import FeedbackService

from ..rules.privacy_corpus import CORPUS, OFFICE_PHONES

TODAY = date(2026, 7, 20)
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_FULL = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
_PUBLIC_DIGITS = {"037967891234", "13812341234", "12317"}

# --- planted numbers: (as written, the bare number that must not survive) ---------------------------


def _luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


@st.composite
def id18(draw, multiline: bool) -> tuple[str, str]:
    region = draw(st.sampled_from(["410322", "110105", "440305", "510104", "320102"]))
    born = draw(st.dates(date(1930, 1, 1), date(2005, 12, 31)))
    body = f"{region}{born:%Y%m%d}{draw(st.integers(0, 999)):03d}"
    number = body + "10X98765432"[sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True)) % 11]
    forms = [number, f"{number[:6]} {number[6:14]} {number[14:]}", f"{number[:6]}-{number[6:14]}-{number[14:]}",
             number.translate(_FULL), number.lower()]
    if multiline:
        forms.append(f"{number[:10]}\n{number[10:]}")
    return draw(st.sampled_from(forms)), number


@st.composite
def id15(draw, multiline: bool) -> tuple[str, str]:
    region = draw(st.sampled_from(["410322", "110105", "440305"]))
    born = draw(st.dates(date(1930, 1, 1), date(1999, 12, 31)))
    number = f"{region}{born:%y%m%d}{draw(st.integers(0, 999)):03d}"
    return number, number


@st.composite
def mobile(draw, multiline: bool) -> tuple[str, str]:
    number = "1" + draw(st.sampled_from("3456789")) + "".join(
        draw(st.lists(st.sampled_from("0123456789"), min_size=9, max_size=9)))
    if number in _PUBLIC_DIGITS:
        number = number[:-1] + str((int(number[-1]) + 1) % 10)
    forms = [number, f"+86 {number}", f"+86-{number}", f"{number[:3]} {number[3:7]} {number[7:]}",
             f"{number[:3]}-{number[3:7]}-{number[7:]}", number.translate(_FULL)]
    return draw(st.sampled_from(forms)), number


@st.composite
def bank_card(draw, multiline: bool) -> tuple[str, str]:
    prefix = draw(st.sampled_from(["622848", "621700", "622202", "436742", "955880"]))
    length = draw(st.sampled_from([16, 19]))
    middle = "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=length - 7, max_size=length - 7)))
    number = prefix + middle + _luhn_digit(prefix + middle)
    spaced = " ".join(number[i:i + 4] for i in range(0, len(number), 4))
    return draw(st.sampled_from([number, spaced])), number


@st.composite
def landline(draw, multiline: bool) -> tuple[str, str]:
    area = draw(st.sampled_from(["0379", "0371", "010", "021", "0755"]))
    local = draw(st.sampled_from("2345678")) + "".join(
        draw(st.lists(st.sampled_from("0123456789"), min_size=7, max_size=7)))
    if area + local in _PUBLIC_DIGITS:
        local = local[:-1] + str((int(local[-1]) + 1) % 10)
    forms = [f"{area}-{local}", f"（{area}）{local}", f"({area}){local}", f"{area} {local}"]
    return draw(st.sampled_from(forms)), area + local


PREFIXES = ["代领人：陈某 ", "电话", "身份证号", "卡号", "联系方式：", "村民王某（", "经办人李某，", ""]
SUFFIXES = ["，", "。", "）", " 已核实", "；", ""]


@st.composite
def planted_text(draw, planted: list[str], *, multiline: bool = False, lead: str = "") -> str:
    """A short text with one number in it; the bare number is added to ``planted``."""
    kind = draw(st.sampled_from([id18, id15, mobile, bank_card, landline]))
    written, bare = draw(kind(multiline))
    planted.append(bare)
    return f"{lead}{draw(st.sampled_from(PREFIXES))}{written}{draw(st.sampled_from(SUFFIXES))}"


@st.composite
def month_of_records(draw) -> dict:
    """Every record kind's fields, each free-text field carrying a planted number."""
    planted: list[str] = []

    def text(lead: str = "", multiline: bool = False) -> str:
        return draw(planted_text(planted, multiline=multiline, lead=lead))

    amount = draw(st.decimals(Decimal("1000.00"), Decimal("999999.99"), places=2))
    day = draw(st.dates(date(2020, 1, 1), date(2026, 6, 30)))
    ordinary = [f"{amount:,.2f}", f"{day.year}年{day.month}月{day.day}日", *CORPUS[1:3], CORPUS[6], CORPUS[18]]
    body = "\n".join([text("经核实，", multiline=True), f"本次金额 {amount:,.2f} 元，日期 {day.year}年{day.month}月{day.day}日。",
                      *ordinary[2:], text("另：", multiline=True)])
    return {
        "planted": planted,
        "ordinary": ordinary,
        "title": text("关于代管事宜的公告"),
        "body": body,
        "roster": [{"group": text("一组"), "name": "张三", "id_number": "410322196501011241", "amount": "120.00",
                    "remark": text(), "救助事由": text("因病")},
                   {"group": "二组", "name": "李四", "id_number": "11010519491231002X", "amount": "80.50",
                    "remark": text("代领 "), "救助事由": "因灾"}],
        "finance": {"opening": "1000.00", "closing": "1900.00", "rows": [
            {"date": "2026-06-03", "voucher": "记-01", "summary": text("收到转移支付"), "class": "各项收入",
             "income": "1200.00"},
            {"date": "2026-06-08", "voucher": "记-02", "summary": text("付劳务费给"), "class": "各项支出",
             "expense": "300.00"}]},
        "project": {"name": text("道路工程"), "location": text("二组"), "content": text("硬化道路"), "unit": "万元",
                    "budget": "48.5", "sources": [{"name": "财政奖补", "amount": "30"},
                                                  {"name": text("村民筹资"), "amount": "18.5"}],
                    "contractor": text("某公司"), "bidding": text("公开招标"), "start": "2026-07-01",
                    "end": "2026-09-30", "stages": [{"name": text("招标"), "date": "2026-06-20",
                                                     "result": text("某公司中标")}]},
        "yishi": {"project": text("机耕路"), "unit": "元", "total": "1000.00",
                  "sources": [{"name": "村民筹资", "amount": "1000.00"}], "per_person": "20.00",
                  "labour_days": "2", "exemptions": [{"name": text("五保户"), "reason": text("无劳动能力")}]},
        "decision": {"matter": text("机动地发包"), "combined_first_two": False, "meetings": [
            {"stage": 1, "kind": "party_branch", "date": "2026-06-01", "content": text("提议")},
            {"stage": 2, "kind": "two_committees", "date": "2026-06-03", "content": text("商议")}]},
        "question": text("我的补贴没到，", multiline=True),
        "answer": text("经核实，已补发。", multiline=True),
        "catalog": (text("公开内容"), text("依据")),
    }


# --- the village and the printing -------------------------------------------------------------------


@pytest.fixture
def village(empty_village):
    db, ctx = empty_village
    catalog = CatalogService(ctx)
    for item in (
        ItemData(code="DB-01", group="社会救助", name="临时救助名单", timing=TimingRule("immediate"), posting_days=7,
                 default_kind="roster", roster_preset="linshi"),
        ItemData(code="CW-01", group="财务", name="财务收支", category="财务", timing=TimingRule("immediate"),
                 posting_days=7, default_kind="finance"),
        ItemData(code="XM-01", group="工程项目", name="工程项目", timing=TimingRule("immediate"), posting_days=10,
                 default_kind="project"),
        ItemData(code="JC-01", group="四议两公开", name="重大事项决策", timing=TimingRule("immediate"), posting_days=5,
                 default_kind="decision"),
        ItemData(code="YS-01", group="一事一议", name="一事一议", timing=TimingRule("immediate"), posting_days=7,
                 default_kind="yishi"),
        ItemData(code="GG-01", group="村务", name="村务公告", timing=TimingRule("immediate"), posting_days=5),
    ):
        catalog.add(item)
    set_print_settings(ctx, phones=list(OFFICE_PHONES))
    svc = DisclosureService(ctx, clock=lambda: TODAY)
    reviewer = DisclosureService(ServiceContext(db, Actor("李监委", "reviewer")), clock=lambda: TODAY)
    return ctx, svc, reviewer, itertools.count()


def _pdf_text(data: bytes) -> str:
    """All extracted text and the document information, as a reader of the file would find it."""
    reader = PdfReader(BytesIO(data))
    parts = [page.extract_text() or "" for page in reader.pages]
    parts += [str(v) for v in (reader.metadata or {}).values()]
    return unicodedata.normalize("NFKC", "\n".join(parts))


def _bare(text: str) -> str:
    return re.sub(r"[\s\-()+]", "", text).upper()


@pytest.mark.timeout(600)  # ≈ 20 s alone: every printout of six months of records; a loaded CI box is slower
@settings(max_examples=6, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(month_of_records())
def test_no_planted_number_survives_any_default_printout(village, month):
    ctx, svc, reviewer, counter = village
    k = next(counter)
    start = date(2025 - k // 12, 1 + k % 12, 5)
    with_ordinary = []

    def post(record):
        svc.submit(record.id)
        reviewer.approve(record.id, "李监委", "同意")
        return svc.post(record.id, start=start)

    records = [
        post(svc.create("GG-01", start.isoformat(), month["title"], body=month["body"])),
        post(svc.create("DB-01", start.isoformat(), "临时救助名单公示", body=month["body"], rows=month["roster"],
                        columns=["group", "name", "id_number", "救助事由", "amount", "remark"])),
        post(svc.create("CW-01", start.isoformat(), "财务收支公开", body=month["body"], content=month["finance"])),
        post(svc.create("XM-01", start.isoformat(), "项目公示", content=month["project"])),
        post(svc.create("YS-01", start.isoformat(), "一事一议方案公示", content=month["yishi"])),
        post(svc.create("JC-01", start.isoformat(), "决策公开", content=month["decision"])),
    ]
    with_ordinary = records[:3]
    content, basis = month["catalog"]
    CatalogService(ctx).add(ItemData(code=f"ML-{k:02d}", group="村务", name="目录事项", content=content, basis=basis))
    feedback = FeedbackService(ctx)
    question = feedback.add(records[1].id, month["question"], received=start + timedelta(days=1))
    feedback.answer(question.id, month["answer"], on=start + timedelta(days=2))

    printer = NoticePrinter(ctx, today=TODAY)
    printouts = {f"#{r.id}": printer.print_disclosure(r.id).data for r in records}
    printouts["catalog"] = printer.print_catalog().data
    printouts["bundle"] = printer.print_due(start.year, start.month).data
    printouts["answer"] = printer.print_feedback(question.id).data

    for name, data in printouts.items():
        text = _bare(_pdf_text(data))
        leaked = [n for n in month["planted"] if n in text]
        assert not leaked, f"{name}: {leaked} printed in full"
    # the figures that are not personal print as written, on each notice and in the bundle
    for name in [f"#{r.id}" for r in with_ordinary] + ["bundle"]:
        flat = re.sub(r"\s", "", _pdf_text(printouts[name]))
        for figure in month["ordinary"]:
            assert re.sub(r"\s", "", unicodedata.normalize("NFKC", figure)) in flat, f"{name}: {figure!r} changed"
    flat = re.sub(r"\s", "", _pdf_text(printouts["bundle"]))
    assert "1,200.00" in flat and "410322********1241" in flat
    # the internal copy is the one way to print them in full
    internal = _bare(_pdf_text(printer.print_disclosure(records[1].id, unmasked=True).data))
    assert "410322196501011241" in internal and "内部资料" in internal
