"""Paper that fits: column widths from content, large print that keeps names and money whole,
headings kept with their rows, and a footer set closer before a table splits — checked in real PDFs
printed through the services (text by line, pages counted) and in the fitted widths."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from models.printing.columns import SHORT_TEXT_EMS, fit_columns
from models.printing.document import Column, NoticeDocument, Para, PrintOptions, Table
from models.printing.render import render_pdf
from models.printing.textfit import TextMeasure
from models.rules.money import amount_of, format_money_cn

from .test_notices import DECISION, env, id_number  # noqa: F401  (env is a fixture)
from .test_render import font_sizes, has_pdftoppm, ink, page_png, page_texts, reader, squeezed

THREE_CHARACTER_NAMES = ["张建国", "王秀英", "李德胜", "赵红梅", "刘国强", "陈玉兰"]
# The preset's whole column set: 备注 stays empty on these rows (and 银行卡号 is not printed).
DILI_COLUMNS = ["group", "name", "id_number", "quantity", "rate", "amount", "bank_card", "remark"]


def dili_rows(n: int) -> list[dict]:
    """耕地地力保护补贴 rows with three-character names and amounts over 5,000 元; remarks empty."""
    rows = []
    for i in range(1, n + 1):
        quantity = Decimal(28000 + i * 37 % 900) / 100
        rows.append({"group": f"{'一二三四五'[i % 5]}组", "name": THREE_CHARACTER_NAMES[i % 6],
                     "id_number": id_number(i), "quantity": str(quantity), "rate": "18.34",
                     "amount": str(amount_of(quantity, Decimal("18.34"))), "bank_card": None})
    return rows


def lines_of(data: bytes) -> list[list[str]]:
    """Each page's text lines top to bottom as printed (layout extraction), spaces squeezed out."""
    return [[squeezed(line) for line in page.extract_text(extraction_mode="layout").splitlines() if line.strip()]
            for page in reader(data).pages]


def print_roster(env, n: int, options: PrintOptions) -> bytes:  # noqa: F811
    _ctx, svc, post, printer = env
    record = post(svc.create("DL-01", "2026-Q3", "2026年耕地地力保护补贴发放名单公示", rows=dili_rows(n),
                               columns=DILI_COLUMNS))
    return printer.print_disclosure(record.id, options=options).data


# --- large print -------------------------------------------------------------------------------------


def test_large_print_keeps_names_and_money_on_one_line(env):  # noqa: F811
    data = print_roster(env, 30, PrintOptions(large=True))
    pages = lines_of(data)
    row_lines = [line for page in pages for line in page if re.search(r"410322\*{8}\d{3}[\dX]", line)]
    assert len(row_lines) == 30, "every row on one line of text"
    for row, line in zip(dili_rows(30), row_lines, strict=True):
        assert row["name"] in line, f"the name {row['name']} broken: {line}"
        assert format_money_cn(Decimal(row["amount"])) in line, f"the amount {row['amount']} broken: {line}"
    flat = [line for page in pages for line in page]
    assert not any(line in ("0", "50", ".50") for line in flat), "a money figure's tail on a line of its own"


def test_large_print_title_and_table_type_is_large(env):  # noqa: F811
    sizes = font_sizes(print_roster(env, 12, PrintOptions(large=True)))
    assert 28 in sizes and min(s for s in sizes if s > 12) >= 16 * 0.95


@pytest.mark.skipif(not has_pdftoppm(), reason="pdftoppm not installed")
def test_large_print_page_renders(env, tmp_path):  # noqa: F811
    data = print_roster(env, 30, PrintOptions(large=True))
    assert ink(page_png(data, tmp_path, page=1)) > 5000


def test_a_table_too_wide_for_large_print_gets_smaller_type_not_broken_dates(env):  # noqa: F811
    _ctx, svc, post, printer = env
    record = post(svc.create("JC-01", "2026-06-01", "机动地发包“四议两公开”", kind="decision", content=DECISION))
    data = printer.print_disclosure(record.id, options=PrintOptions(large=True)).data
    text = "".join(line for page in lines_of(data) for line in page)
    for day in ("2026年6月1日", "2026年6月3日", "2026年6月6日", "2026年6月10日"):
        assert day in text, f"{day} broken over lines"
    assert 28 in font_sizes(data)  # the title stays large
    sizes_of: dict[str, float] = {}

    def visit(text, _cm, _tm, _font, size):
        sizes_of.setdefault(text.strip(), size)

    for page in reader(data).pages:
        page.extract_text(visitor_text=visit)
    assert sizes_of["决策事项：村集体机动地50亩公开发包"] == 16  # running text stays large
    # the eleven columns: smaller type (the date's cell, alone or in its row's text run)
    assert 10.5 <= next(size for text, size in sizes_of.items() if "2026年6月10日" in text) < 16


# --- column widths from content ------------------------------------------------------------------------


def _widths(columns, rows, size=16.0, total=527.0, pad=9.6):
    measure = TextMeasure()
    measure.learn("".join("".join(r) for r in rows) + "".join(c.label for c in columns))
    cells = [[measure.width(c, size) for c in row] for row in rows]
    natural = [max((row[i] for row in cells), default=0.0) for i in range(len(columns))]
    headers = [measure.width(c.label, size) for c in columns]
    by_column = [[row[i] for row in cells] for i in range(len(columns))]
    return fit_columns(columns, natural, headers, by_column, total=total, pad=pad, size=size,
                       measure=measure), natural


def test_empty_columns_shrink_and_short_names_keep_their_width():
    columns = [Column("序号", "center", wrap=False), Column("村民小组"), Column("姓名"),
               Column("身份证号", "center", wrap=False), Column("面积（亩）", "right", wrap=False),
               Column("补贴标准（元/亩）", "right", wrap=False), Column("补贴金额（元）", "right", wrap=False),
               Column("备注"), Column("开户银行")]
    rows = [[str(i), "一组", THREE_CHARACTER_NAMES[i % 6], "410322********1233", "280.37", "18.34", "5,156.50",
             "", ""] for i in range(1, 21)]
    widths, natural = _widths(columns, rows)
    assert sum(widths) == pytest.approx(527.0, abs=0.5)
    assert widths[2] >= natural[2] + 9.6 - 0.01, "a three-character name must not break"
    assert widths[6] - 9.6 >= natural[6] * 0.95, "money is set at most a little smaller, never broken"
    assert widths[7] < 2 * 16, "the empty 备注 column keeps its width"
    assert widths[8] <= 2 * 16 + 9.6 + 0.01, "the empty 开户银行 column keeps its width (header in two lines)"


def test_long_text_wraps_before_short_text():
    long_note = "该户系危房改造对象，已经村民小组评议、村两委审核，并经乡镇复核同意纳入本年度补贴范围"
    columns = [Column("序号", "center", wrap=False), Column("姓名"), Column("金额（元）", "right", wrap=False),
               Column("备注")]
    rows = [[str(i), "欧阳建国", "5,156.50", long_note if i % 3 == 0 else "新增户"] for i in range(1, 10)]
    widths, natural = _widths(columns, rows, total=300)
    assert widths[1] >= natural[1] + 9.6 - 0.01  # 4 characters: not broken
    assert SHORT_TEXT_EMS * 16 < natural[3]  # the note is long: it is what wraps
    assert widths[3] < natural[3]


# --- pagination ------------------------------------------------------------------------------------------


def test_twenty_rows_fit_one_a4_page_with_a_closer_footer(env):  # noqa: F811
    data = print_roster(env, 20, PrintOptions())
    assert len(page_texts(data)) == 1
    text = squeezed(page_texts(data)[0])
    assert "共20户" in text and "受理单位" in text and "测试村村民委员会" in text


def test_a_longer_roster_still_keeps_rows_with_the_footer(env):  # noqa: F811
    data = print_roster(env, 45, PrintOptions())
    pages = page_texts(data)
    assert len(pages) >= 2
    last = squeezed(pages[-1])
    assert re.search(r"410322\*{8}", last), "the footer alone on the last page"
    assert "受理单位" in last


def _finance_table(groups: int, rows_each: int) -> Table:
    rows, kinds = [], []
    for g in range(groups):
        rows.append([f"{'一二三四五六七八九'[g]}、第{g + 1}类收支", "", "", ""])
        kinds.append("section")
        for k in range(rows_each):
            rows.append([str(k + 1), f"类{g + 1}明细{k + 1}", "1,000.00", ""])
            kinds.append("data")
    columns = [Column("序号", "center", wrap=False), Column("摘要"), Column("收入（元）", "right", wrap=False),
               Column("支出（元）", "right", wrap=False)]
    return Table(columns, rows, row_kinds=kinds, caption="收支明细")


@pytest.mark.parametrize("lead", range(0, 40, 3))
def test_section_headings_are_never_alone_at_a_page_bottom(lead):
    blocks = [Para(f"第{k}段说明文字。") for k in range(lead)] + [_finance_table(6, 5)]
    data = render_pdf(NoticeDocument(title="财务收支明细公开", blocks=blocks, options=PrintOptions(large=True)))
    for page in lines_of(data):
        headings = [k for k, line in enumerate(page) if re.match(r"^[一二三四五六七八九]、第\d类收支$", line)]
        for k in headings:
            following = page[k + 1:]
            assert any(line.startswith("1类") or "明细" in line for line in following), (
                f"heading {page[k]} is the last thing on its page")


@pytest.mark.parametrize("lead", range(0, 40, 3))
def test_a_caption_and_a_heading_stay_with_the_first_rows(lead):
    table = _finance_table(1, 30)
    blocks = [Para(f"第{k}段说明文字。") for k in range(lead)] + [Para("二、收支情况", "heading"), table]
    data = render_pdf(NoticeDocument(title="财务收支明细公开", blocks=blocks, options=PrintOptions(large=True)))
    for page in lines_of(data):
        for marker in ("二、收支情况", "收支明细"):
            if marker in page:
                assert any("类1明细1" in line for line in page[page.index(marker):]), (
                    f"{marker} on a page without the table's first rows")


def test_group_names_stay_whole_when_the_numbers_grow_a_digit():
    """The 100,000-row roster's layout: 序号 of six digits and the totals row's larger sums
    ("共 100000 户", "29,329,888.20") make the one-line columns some 4 % too wide for A4. That must
    not narrow the 村民小组 column until every "第12村民小组" breaks over two lines (it did: 5,001
    pages of double rows); the one-line cells are set a little smaller instead, each row one line."""
    columns = [Column("序号", "center", wrap=False), Column("村民小组"), Column("姓名", wrap=False),
               Column("身份证号", "center", wrap=False), Column("面积（亩）", "right", wrap=False),
               Column("标准（元/亩）", "right", wrap=False), Column("金额（元）", "right", wrap=False),
               Column("备注", max_width=45)]
    names = ["周明建", "李华英", "王国建", "张玉丽"]
    rows = [[str(99_960 + i), f"第{i % 12 + 1}村民小组", names[i % 4], f"410322********{2300 + i}",
             f"{10 + i * 0.31:.2f}", "18.34", f"{183 + i * 5.07:,.2f}", "新增户" if i % 5 == 0 else ""]
            for i in range(1, 41)]
    totals = ["合计", "", "共 100000 户", "", "1,599,230.00", "", "29,329,888.20", ""]
    doc = NoticeDocument(title="2026年耕地地力保护补贴发放名单公示", blocks=[Table(columns, rows, totals_row=totals)])
    data = render_pdf(doc)
    pages = lines_of(data)
    lines = [line for page in pages for line in page]
    for row in rows:
        assert any(row[1] in line and line.startswith(row[0]) for line in lines), f"row {row[0]}: {row[1]} broken"
    assert len(pages[0]) >= 35, "page 1 holds some 35 one-line rows, not half as many double ones"
    assert "29,329,888.20" in "".join(lines), "the total is not broken either"
