"""The footer block as real notices print it: typed lines in order (公示时间 first), one labelled line per
监督电话, 通讯地址 and 邮箱, signature lines by install mode and kind, a record's own footer over the
settings, the hand-out copy's signature column, and attached tables printed after the notice —
checked in the text of real PDFs from a real database per install mode."""

from __future__ import annotations

import re

import pytest

from models.errors import NotFound, ValidationError
from models.printing.document import PrintOptions
from models.printing.jobs import NoticePrinter
from models.printing.notices import HANDOUT_SIGNATURE_LABEL
from models.rules.catalog_terms import KINDS
from models.rules.footer import MODES, SIGNATURE_LINES, signature_lines
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from models.services.context import Actor, ServiceContext
from models.services.disclosures import DisclosureService
from models.services.settings import SettingsService
from models.services.setup import initialize

from .test_notices import DECISION, FINANCE, PROJECT, TODAY, YISHI, roster_rows
from .test_render import all_text, page_texts, squeezed

CONTENT = {"finance": FINANCE, "project": PROJECT, "decision": DECISION, "yishi": YISHI, "notice": None,
           "roster": None}
PHONES = [{"label": "全国监督电话", "number": "12317"}, {"label": "河南省监督电话", "number": "0371-12317"},
          {"label": "洛阳市监督电话", "number": "0379-12317"}, {"label": "孟津区监督电话", "number": "0379-67812317"}]
INSTALLS = {
    "village": {"mode": "village", "code": "410322100201", "name": "测试村", "township": "城关镇"},
    "township": {"mode": "township", "code": "410322100", "name": "城关镇", "township": None},
}


def _install(tmp_path, mode: str):
    db = initialize(tmp_path / f"{mode}.sqlite3", operator="王文书", template_id=None, **INSTALLS[mode])
    ctx = ServiceContext(db, Actor("王文书"))
    catalog = CatalogService(ctx)
    for code, kind in (("GG", "notice"), ("CW", "finance"), ("MD", "roster"), ("XM", "project"),
                       ("JC", "decision"), ("YS", "yishi")):
        catalog.add(ItemData(code=f"{code}-01", group="公开", name=f"{kind}事项", timing=TimingRule("immediate"),
                             posting_days=7, default_kind=kind, roster_preset="generic" if kind == "roster" else None))
    SettingsService(ctx).set_many({
        "footer.phones": PHONES, "footer.address": "孟津区城关镇政府院内", "footer.email": "cgzjw@example.cn"})
    svc = DisclosureService(ctx, clock=lambda: TODAY)
    reviewer = DisclosureService(ServiceContext(db, Actor("李监委", "reviewer")), clock=lambda: TODAY)

    def post(record):
        svc.submit(record.id)
        reviewer.approve(record.id, "李监委", "同意公示")
        return svc.post(record.id, start="2026-07-18")

    return db, ctx, svc, post, NoticePrinter(ctx, today=TODAY)


@pytest.fixture(params=MODES)
def install(request, tmp_path):
    db, *rest = _install(tmp_path, request.param)
    yield request.param, *rest
    db.dispose()


@pytest.fixture
def village_install(tmp_path):
    db, *rest = _install(tmp_path, "village")
    yield rest
    db.dispose()


def _create(svc, kind: str, title: str, content=None, rows=5):
    code = {"notice": "GG", "finance": "CW", "roster": "MD", "project": "XM", "decision": "JC", "yishi": "YS"}[kind]
    content = dict(content if content is not None else CONTENT[kind] or {})
    body = "现将有关事项公示如下。" if kind in ("notice",) else ""
    return svc.create(f"{code}-01", "2026-07-03", title, kind=kind, body=body, content=content or None,
                      rows=roster_rows(rows) if kind == "roster" else None)


def _order(flat: str, *markers: str) -> list[int]:
    at = [flat.find(m) for m in markers]
    assert all(i >= 0 for i in at), [m for m, i in zip(markers, at, strict=True) if i < 0]
    return at


# --- the table ------------------------------------------------------------------------------------


def test_signature_table_has_every_kind_for_every_install_mode():
    for mode in MODES:
        for kind in KINDS:
            assert (mode, kind) in SIGNATURE_LINES, f"签字栏表缺少 {mode} × {kind}"
    assert signature_lines("finance", "village") == ("村民委员会", "村务监督委员会", "民主理财小组")
    assert all(signature_lines(kind, "township") == () for kind in KINDS)
    with pytest.raises(ValueError):
        signature_lines("no_such_kind", "village")


# --- per install mode and kind, in the PDF --------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS)
def test_footer_block_per_install_mode_and_kind(install, kind):
    mode, ctx, svc, post, printer = install
    record = post(_create(svc, kind, f"关于{kind}事项的公示"))
    pdf = printer.print_disclosure(record.id).data
    flat = squeezed(all_text(pdf))
    # the block's order: 公示时间 first, the objection, each 监督电话 on its own labelled line, 受理单位, 地址, 邮箱
    at = _order(flat, "公示时间：2026年7月18日至2026年7月24日（共7天）", "公示期间，如有异议",
                "全国监督电话：12317", "河南省监督电话：0371-12317", "洛阳市监督电话：0379-12317",
                "孟津区监督电话：0379-67812317", "受理单位：", "通讯地址：孟津区城关镇政府院内", "邮箱：cgzjw@example.cn")
    assert at == sorted(at)
    assert "；" not in flat[at[2]:at[6]], "监督电话 numbers joined on one line"
    lines = [line.strip() for line in all_text(pdf).splitlines()]
    assert "全国监督电话：12317" in lines and "孟津区监督电话：0379-67812317" in lines
    signed = re.findall(r"([村民务监督委员会主理财小组]+)（签字）", flat)
    assert tuple(signed) == signature_lines(kind, mode)
    if mode == "township":
        assert "村民委员会" not in flat and "村务监督委员会" not in flat and "民主理财小组" not in flat
        assert "受理单位：城关镇纪委" in flat and flat.rstrip().find("城关镇人民政府2026年7月18日") >= 0
    else:
        assert "受理单位：测试村村务监督委员会" in flat and "测试村村民委员会2026年7月18日" in flat
        assert ("民主理财小组（签字）" in flat) == (kind in ("finance", "yishi"))


def test_unposted_notice_states_the_posting_period_first(village_install):
    ctx, svc, _post, printer = village_install
    record = _create(svc, "notice", "通知")
    flat = squeezed(all_text(printer.print_disclosure(record.id).data))
    at = _order(flat, "公示期：自张贴之日起不少于7天", "公示期间，如有异议", "全国监督电话：12317")
    assert at == sorted(at)


# --- a record's own footer ------------------------------------------------------------------------


def test_record_footer_beats_the_settings(village_install):
    ctx, svc, post, printer = village_install
    own = {"phones": [{"label": "镇农经站监督电话", "number": "0379-67890000"}], "unit": "城关镇农经站",
           "issuer": "城关镇测试村村民委员会（盖章）", "objection": "如有异议，请于公示期内书面反映，署真实姓名。",
           "address": "", "email": "njz@example.cn"}
    record = post(_create(svc, "notice", "通知", content={"footer": own}))
    other = post(_create(svc, "notice", "另一通知"))
    flat = squeezed(all_text(printer.print_disclosure(record.id).data))
    assert "镇农经站监督电话：0379-67890000" in flat and "全国监督电话" not in flat
    assert "受理单位：城关镇农经站" in flat and "城关镇测试村村民委员会（盖章）" in flat
    assert "如有异议，请于公示期内书面反映，署真实姓名。" in flat and "邮箱：njz@example.cn" in flat
    assert "通讯地址：孟津区城关镇政府院内" in flat, "an empty override value leaves the setting"
    flat_other = squeezed(all_text(printer.print_disclosure(other.id).data))
    assert "全国监督电话：12317" in flat_other and "城关镇农经站" not in flat_other
    assert svc.get(record.id).content["footer"]["unit"] == "城关镇农经站"


@pytest.mark.parametrize(("own", "words"), [
    ({"unitt": "x"}, "unit"),
    ({"email": "不是邮箱"}, "电子邮箱"),
    ({"phones": [{"label": "镇纪委", "number": ""}]}, "缺少号码"),
    ({"phones": "12317"}, "监督电话应为列表"),
    ("镇纪委", "公告末尾应写作"),
])
def test_bad_record_footer_is_refused_and_nothing_written(village_install, own, words):
    ctx, svc, _post, _printer = village_install
    before = len(svc.list())
    with pytest.raises(ValidationError) as caught:
        _create(svc, "notice", "通知", content={"footer": own})
    assert words in str(caught.value) + " ".join(p.message for p in caught.value.problems)
    assert len(svc.list()) == before
    record = _create(svc, "notice", "通知")
    with pytest.raises(ValidationError):
        svc.update(record.id, content={"footer": own})
    assert "footer" not in svc.get(record.id).content


# --- the hand-out copy ----------------------------------------------------------------------------


def test_handout_copy_has_a_blank_signature_column_the_board_copy_never(village_install):
    ctx, svc, post, printer = village_install
    record = post(_create(svc, "roster", "2026年补贴发放名单公示"))
    board = squeezed(all_text(printer.print_disclosure(record.id).data))
    handout = squeezed(all_text(printer.print_disclosure(record.id, options=PrintOptions(handout=True)).data))
    label = squeezed(HANDOUT_SIGNATURE_LABEL)
    assert label not in board
    assert label in handout
    # blank: the rows read the same with and without the column
    assert board.count("410322********") == handout.count("410322********") == 5


# --- attached tables ------------------------------------------------------------------------------


def test_attached_table_listed_in_the_footer_and_printed_after_with_page_numbers(village_install):
    ctx, svc, post, printer = village_install
    table = _create(svc, "roster", "2026年道路项目资金安排名单", rows=60)
    notice = post(_create(svc, "notice", "关于2026年道路项目资金安排的公示", content={"attached_tables": [
        {"record": table.id, "title": "2026年道路项目资金安排表"}, {"title": "项目位置示意图（见公示栏）"}]}))
    pages = page_texts(printer.print_disclosure(notice.id).data)
    flat_pages = [squeezed(p) for p in pages]
    count = len(pages)
    assert count >= 3
    footer_page = next(i for i, p in enumerate(flat_pages) if "受理单位" in p)
    first_annex = footer_page + 1  # the attached table starts on the page after the notice's footer
    assert "附件1" in flat_pages[first_annex] and "410322" not in "".join(flat_pages[:first_annex])
    assert "附件1：2026年道路项目资金安排表" in flat_pages[footer_page]
    assert "附件2：项目位置示意图（见公示栏）" in flat_pages[footer_page]
    assert "2026年道路项目资金安排表" in flat_pages[first_annex]
    for n, page in enumerate(flat_pages, start=1):
        assert f"第{n}页共{count}页" in page, "page x/y counts the attached pages too"
    annex_text = "".join(flat_pages[first_annex:])
    assert "共60户" in annex_text and "410322********" in annex_text
    assert not re.search(r"410322\d{8}", annex_text), "the attached table is masked like the body"


def test_attachment_must_be_an_existing_table_record(village_install):
    ctx, svc, _post, printer = village_install
    other = _create(svc, "notice", "不是表格")
    with pytest.raises(ValidationError) as caught:
        _create(svc, "notice", "通知", content={"attached_tables": [{"record": other.id}]})
    assert "附件表应为" in " ".join(p.message for p in caught.value.problems)
    with pytest.raises(ValidationError):
        _create(svc, "notice", "通知", content={"attached_tables": [{"record": 999}]})
    with pytest.raises(ValidationError):
        _create(svc, "notice", "通知", content={"attached_tables": [{}]})
    record = _create(svc, "notice", "通知")
    with pytest.raises(ValidationError):
        svc.update(record.id, content={"attached_tables": [{"record": record.id}]})
    with pytest.raises(NotFound):
        printer.print_disclosure(12345)
