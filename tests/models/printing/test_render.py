"""The renderer: page-by-page layout, text layer, fonts, masking marks, determinism, sizes.

Also holds the helpers the other printing tests use to read PDFs back (text, fonts, sizes, pixels).
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from models.printing.document import (
    WATERMARK_INTERNAL,
    Column,
    Footer,
    NoticeDocument,
    Para,
    PrintOptions,
    Signature,
    Table,
)
from models.printing.fonts import MissingGlyphError
from models.printing.render import layout, render, render_pdf

# --- reading PDFs back ---------------------------------------------------------------------------

ID_NUMBER = re.compile(r"\d{17}[\dX]")
def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in reader(data).pages]


def all_text(data: bytes) -> str:
    return "\n".join(page_texts(data))


def squeezed(text: str) -> str:
    """Text with whitespace removed (extraction may split lines or add spaces)."""
    return re.sub(r"\s+", "", text)


def _resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def unembedded_fonts(data: bytes) -> list[str]:
    """Names of fonts used on any page (also inside form XObjects) without an embedded TrueType
    program (FontFile2)."""
    missing: list[str] = []
    for page in reader(data).pages:
        stack = [_resolve(page.get("/Resources"))]
        while stack:
            resources = stack.pop()
            if not resources:
                continue
            for font in (_resolve(resources.get("/Font")) or {}).values():
                font = _resolve(font)
                descriptor = _resolve(font.get("/FontDescriptor"))
                if font.get("/Subtype") == "/Type0":
                    descendant = _resolve(font["/DescendantFonts"][0])
                    descriptor = _resolve(descendant.get("/FontDescriptor"))
                if descriptor is None or "/FontFile2" not in descriptor:
                    missing.append(str(font.get("/BaseFont")))
            for xobject in (_resolve(resources.get("/XObject")) or {}).values():
                xobject = _resolve(xobject)
                if xobject.get("/Subtype") == "/Form":
                    stack.append(_resolve(xobject.get("/Resources")))
    return missing


def font_sizes(data: bytes) -> list[float]:
    """Every size set with Tf in the pages' content (the renderer draws text unscaled)."""
    sizes: list[float] = []
    for page in reader(data).pages:
        content = page.get_contents()
        raw = content.get_data() if content is not None else b""
        sizes += [float(m) for m in re.findall(rb"/[\w+]+ ([\d.]+) Tf", raw)]
    return sizes


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader(data).pages]


def has_pdftoppm() -> bool:
    return shutil.which("pdftoppm") is not None


def page_png(data: bytes, tmp: Path, page: int = 1, dpi: int = 60) -> bytes:
    pdf = tmp / "page.pdf"
    pdf.write_bytes(data)
    prefix = tmp / "page"
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(prefix)], check=True, capture_output=True, timeout=60)
    return (tmp / "page.png").read_bytes()


def ink(png: bytes) -> int:
    """Number of non-white pixels."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    return sum(image.histogram()[:200])


# --- documents to print ----------------------------------------------------------------------------

RARE_NAMES = ["张䶮", "吉𠮷", "李𬌗", "王堃", "赵喆", "钱赟"]
LONG_REMARK = "该户系危房改造对象，已经村民小组评议、村两委审核，并经乡镇复核同意纳入本年度补贴范围"


def roster_doc(n: int = 40, *, options: PrintOptions | None = None, names: list[str] | None = None,
               cell: tuple[int, int, str] | None = None, source: str = "公开记录 12《补贴名单》") -> NoticeDocument:
    names = names or RARE_NAMES + ["欧阳建国", "刘秀英"]
    rows = [[str(i), f"{'一二三四五'[i % 5]}组", names[i % len(names)], f"410322********{i:04d}",
             f"{i * 10:,}.00", LONG_REMARK if i % 7 == 0 else ""] for i in range(1, n + 1)]
    if cell is not None:
        row, column, text = cell
        rows[row - 1][column] = text
    table = Table([Column("序号", "center", wrap=False), Column("村民小组"), Column("姓名"),
                   Column("身份证号", "center", wrap=False), Column("金额（元）", "right", wrap=False),
                   Column("备注", max_width=40)],
                  rows, totals_row=["合计", "", f"共 {n} 户", "", "12,345.67", ""], name="名单")
    footer = Footer(posting_start=date(2026, 7, 18), posting_end=date(2026, 7, 24),
                    phones=["村务监督委员会 李监委 13812341234", "城关镇纪委 0379-67891234"],
                    accepting_unit="测试村村务监督委员会", notes=["公示期间，如有异议，请向受理单位反映。"],
                    signatures=[Signature("村民委员会"), Signature("村务监督委员会")],
                    issuer="测试村村民委员会", issue_date=date(2026, 7, 18))
    return NoticeDocument(
        title="关于2026年耕地地力保护补贴发放名单的公示",
        subtitles=["城关镇测试村", "公开事项：耕地地力保护补贴　　期间：2026年第三季度"],
        blocks=[Para("经村民小组评议、村两委会议审核，现将名单公示如下："), table, Para("特此公告。", "plain")],
        footer=footer, options=options or PrintOptions(), source=source)


@pytest.fixture(scope="module")
def roster_pdf() -> bytes:
    return render_pdf(roster_doc(150))


# --- text layer ----------------------------------------------------------------------------------


def test_text_layer_has_title_rows_totals_and_footer(roster_pdf):
    text = all_text(roster_pdf)
    flat = squeezed(text)
    assert "关于2026年耕地地力保护补贴发放名单的公示" in flat
    assert "城关镇测试村" in flat and "期间：2026年第三季度" in flat
    assert "合计" in text and "共150户" in flat and "12,345.67" in text
    assert "公示时间：2026年7月18日至2026年7月24日（共7天）" in flat
    # one labelled line per 监督电话, never numbers joined by "；"
    assert "监督电话（村务监督委员会李监委）：13812341234监督电话（城关镇纪委）：0379-67891234" in flat
    assert "受理单位：测试村村务监督委员会" in flat
    assert "村民委员会（签字）" in flat and "村务监督委员会（签字）" in flat
    assert "测试村村民委员会" in flat and "2026年7月18日" in flat
    assert "欧阳建国" in text and "刘秀英" in text
    assert LONG_REMARK in flat  # wrapped over several lines, nothing lost


def test_rows_are_all_there_in_order(roster_pdf):
    numbers = [int(m) for m in re.findall(r"410322\*{8}(\d{4})", all_text(roster_pdf))]
    assert numbers == list(range(1, 151))


def test_rare_name_characters_extract_intact(roster_pdf):
    text = all_text(roster_pdf)
    for name in RARE_NAMES:
        assert name in text, name
    assert "₻" not in text and "ⰱ" not in text  # what a broken ToUnicode map gives for 𠮷 𬌗


def test_every_font_on_every_page_is_embedded(roster_pdf):
    assert unembedded_fonts(roster_pdf) == []
    internal = render_pdf(roster_doc(20, options=PrintOptions(large=True, watermark=WATERMARK_INTERNAL)))
    assert unembedded_fonts(internal) == []


# --- pages -----------------------------------------------------------------------------------------


def test_page_x_of_y_on_every_page(roster_pdf):
    texts = page_texts(roster_pdf)
    count = len(texts)
    assert count >= 3
    assert f"第 1 页 共 {count} 页" in texts[0]
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 共 {count} 页" in text


def test_header_repeated_on_every_page_with_rows(roster_pdf):
    for text in page_texts(roster_pdf):
        if re.search(r"410322\*{8}\d{4}", text):
            assert "身份证号" in text and "金额" in text and "序号" in text


def test_footer_is_kept_together_after_the_totals(roster_pdf):
    texts = [squeezed(t) for t in page_texts(roster_pdf)]
    footer_pages = {i for i, t in enumerate(texts) if "公示时间" in t}
    assert len(footer_pages) == 1
    page = footer_pages.pop()
    for line in ("监督电话", "受理单位", "村务监督委员会（签字）", "测试村村民委员会"):
        assert line in texts[page]
    assert page == len(texts) - 1
    totals_page = next(i for i, t in enumerate(texts) if "共150户" in t)
    assert totals_page <= page
    assert re.search(r"410322\*{8}\d{4}", texts[page])  # not alone: the last rows came along


def test_same_input_gives_identical_bytes():
    first = render_pdf(roster_doc(60))
    second = render_pdf(roster_doc(60))
    assert first == second
    assert render_pdf(roster_doc(60, options=PrintOptions(large=True))) == render_pdf(
        roster_doc(60, options=PrintOptions(large=True)))


def test_the_opening_is_the_first_page_as_in_the_whole_and_changes_nothing():
    whole = render(roster_doc(150))
    openings = []
    with_opening = render(roster_doc(150), opening=openings.append)
    assert with_opening.data == whole.data and with_opening.pages == whole.pages  # byte for byte
    assert len(openings) == 1
    first = openings[0]
    assert first.pages == whole.pages and whole.page_count >= 3  # the whole's count, for the page label
    assert len(reader(first.data).pages) == 1
    assert page_texts(first.data) == page_texts(whole.data)[:1]  # numbered "第 1 页 共 N 页" as in the whole
    assert f"共{whole.page_count}页" in squeezed(page_texts(first.data)[0])
    assert not unembedded_fonts(first.data)


def test_a_one_page_notice_has_no_opening():
    openings = []
    short = NoticeDocument(title="关于召开村民代表会议的通知", blocks=[Para("定于本月十日召开村民代表会议。")])
    assert render(short, opening=openings.append).page_count == 1
    assert openings == []


@pytest.mark.parametrize(("paper", "landscape", "size"), [
    ("A4", False, (595.28, 841.89)),
    ("A4", True, (841.89, 595.28)),
    ("A3", False, (841.89, 1190.55)),
    ("A3", True, (1190.55, 841.89)),
])
def test_paper_sizes(paper, landscape, size):
    data = render_pdf(roster_doc(30, options=PrintOptions(paper=paper, landscape=landscape)))
    for width, height in page_sizes(data):
        assert width == pytest.approx(size[0], abs=0.5) and height == pytest.approx(size[1], abs=0.5)


def test_bigger_paper_needs_fewer_pages():
    a4 = layout(roster_doc(200))
    a3 = layout(roster_doc(200, options=PrintOptions(paper="A3")))
    assert a3 < a4


def test_large_print_uses_bigger_type():
    from collections import Counter

    normal = font_sizes(render_pdf(roster_doc(30)))
    large = font_sizes(render_pdf(roster_doc(30, options=PrintOptions(large=True))))
    assert max(normal) == 20 and Counter(normal).most_common(1)[0][0] == 10.5
    assert 28 in large  # the title
    assert Counter(large).most_common(1)[0][0] >= 16  # table and body text
    assert layout(roster_doc(100, options=PrintOptions(large=True))) > layout(roster_doc(100))


def test_several_documents_in_one_file_are_numbered_each_on_their_own():
    result = render([roster_doc(100), roster_doc(5)])
    texts = page_texts(result.data)
    first, second = result.pages
    assert len(texts) == first + second and first >= 2 and second == 1
    assert f"第 1 页 共 {first} 页" in texts[0]
    assert "第 1 页 共 1 页" in texts[first]


def test_internal_copy_carries_the_watermark_on_every_page():
    data = render_pdf(roster_doc(120, options=PrintOptions(watermark=WATERMARK_INTERNAL)))
    for text in page_texts(data):
        assert "内部资料" in squeezed(text) and "不得张贴" in squeezed(text)


def test_section_and_subtotal_rows():
    table = Table([Column("序号", "center", wrap=False), Column("摘要"), Column("收入（元）", "right", wrap=False)],
                  [["一、各项收入", "", ""], ["1", "承包费", "8,600.00"], ["", "各项收入小计", "8,600.00"]],
                  totals_row=["合计", "", "8,600.00"], row_kinds=["section", "data", "subtotal"], caption="收支明细")
    text = all_text(render_pdf(NoticeDocument(title="财务公开", blocks=[table])))
    assert "一、各项收入" in text and "各项收入小计" in text and "收支明细" in text


def test_a_row_taller_than_a_page_is_split_not_lost():
    huge = "、".join(f"第{i}项说明内容" for i in range(900))
    data = render_pdf(roster_doc(5, cell=(3, 5, huge)))
    flat = squeezed(all_text(data))
    assert "第0项说明内容" in flat and "第899项说明内容" in flat
    assert len(page_texts(data)) >= 3


# --- refusing what cannot be printed ---------------------------------------------------------------


def test_missing_glyph_is_refused_naming_record_field_and_character(tmp_path):
    out = tmp_path / "x.pdf"
    with pytest.raises(MissingGlyphError) as caught:
        render_pdf(roster_doc(10, cell=(2, 2, "王\ue000")), out)
    message = str(caught.value)
    assert "公开记录 12《补贴名单》" in message and "名单第 2 行“姓名”" in message
    assert "\ue000" in message and "U+E000" in message
    assert caught.value.char == "\ue000"
    assert not out.exists()


@pytest.mark.parametrize("code_point", [0x30000, 0x323B0])  # Ext-G the fonts lack; unassigned
def test_plane_three_characters_are_refused(code_point):
    doc = roster_doc(3)
    doc = NoticeDocument(title=doc.title, blocks=[Para("说明：" + chr(code_point))], footer=doc.footer,
                         source=doc.source)
    with pytest.raises(MissingGlyphError) as caught:
        render_pdf(doc)
    assert f"U+{code_point:X}" in str(caught.value) and "正文第 1 段" in str(caught.value)


def test_bad_characters_in_the_footer_are_refused_too():
    doc = roster_doc(3)
    footer = Footer(phones=["监委会 \ue123"], issuer="测试村村民委员会")
    with pytest.raises(MissingGlyphError, match="监督电话"):
        render_pdf(NoticeDocument(title=doc.title, footer=footer, source=doc.source))


# --- pixels: the rare characters are drawn, each its own glyph -----------------------------------


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed")
def test_rare_characters_are_drawn(tmp_path):
    def page_of(text: str) -> bytes:
        doc = NoticeDocument(title="字形", blocks=[Para(text, "plain")],
                             options=PrintOptions(large=True))
        return page_png(render_pdf(doc), tmp_path)

    blank = page_of("　")
    images = {ch: page_of(ch * 6) for ch in "䶮𠮷𬌗堃喆赟"}
    for ch, png in images.items():
        assert ink(png) > ink(blank) + 100, f"{ch} drew nothing"
    # an empty box (tofu) would look the same for every character
    assert len(set(images.values())) == len(images)


# --- a large table's rows kept packed ----------------------------------------------------------------


def _packed(doc: NoticeDocument) -> NoticeDocument:
    from dataclasses import replace

    from models.printing.document import PackedRows

    blocks = [replace(b, rows=PackedRows(b.rows)) if isinstance(b, Table) else b for b in doc.blocks]
    assert any(isinstance(b, Table) and isinstance(b.rows, PackedRows) for b in blocks)
    return replace(doc, blocks=blocks)


def test_packed_rows_give_back_their_cells():
    from models.printing.document import PackedRows

    rows = [["1", "一组", ""], ["2", "带\x1f分隔符", "x"], ["3", "", "备注"]]
    packed = PackedRows(rows)
    assert len(packed) == 3 and list(packed) == rows and packed[1] == rows[1] and packed[0:2] == rows[:2]
    assert packed.cell_counts_are(3) and not packed.cell_counts_are(2)
    assert packed.chars() == set("".join("".join(r) for r in rows))
    same = packed.map(lambda row: row)  # nothing changed: the compressed blocks are shared
    assert list(same) == rows and all(a is b for a, b in zip(same._blocks, packed._blocks, strict=True))
    assert list(packed.map(lambda row: [c.upper() for c in row])) == [["1", "一组", ""], ["2", "带\x1f分隔符", "X"],
                                                                      ["3", "", "备注"]]


def test_packed_rows_take_less_room_than_strings_and_keep_every_character():
    import sys

    from models.printing.document import _BLOCK, _SEP, PackedRows

    # a roster row: mostly digits and masks, a few Chinese characters (two bytes each in a str)
    rows = [[str(n), f"第{n % 12 + 1}村民小组", "王𠮷" if n == 7 else "孙国霞", f"410322********{n:04d}", "12.47",
             "18.34", "228.70", ""] for n in range(1, 601)]
    rows.append(["601", "坏\ud800字", "", "", "", "", "", ""])  # not UTF-8: kept as its list
    rows.append(["602", "带\x1e记录分隔符", "", "", "", "", "", ""])  # a separator: kept as its list
    packed = PackedRows(rows)
    assert len(packed._blocks) == -(-len(rows) // _BLOCK) and set(packed._odd) == {600, 601}
    assert list(packed) == rows and packed[6][2] == "王𠮷" and packed[600][1] == "坏\ud800字"
    assert packed.cell_counts_are(8) and packed.chars() == set("".join("".join(r) for r in rows))
    as_str = sum(sys.getsizeof(_SEP.join(r)) for r in rows)
    assert sum(sys.getsizeof(b) for b in packed._blocks) < 0.2 * as_str


def test_packed_rows_read_by_index_and_slice_across_blocks():
    from models.printing.document import _BLOCK, PackedRows

    rows = [[str(n), "分\x1f隔" if n % 97 == 0 else "名" * (n % 4), ""] if n % 13 else [str(n)]
            for n in range(3 * _BLOCK + 17)]
    packed = PackedRows(rows)
    n = len(rows)
    for start in range(0, n, 37):
        for stop in (start, start + 1, start + _BLOCK - 1, start + _BLOCK, start + _BLOCK + 1, n, n + 5):
            assert packed[start:stop] == rows[start:stop], (start, stop)
    assert packed[::7] == rows[::7] and packed[-3:] == rows[-3:] and packed[-1] == rows[-1]
    assert [packed[k] for k in range(n)] == rows
    with pytest.raises(IndexError):
        packed[n]
    upper = packed.map(lambda row: [c.upper() for c in row] if row[0].endswith("5") else row)
    assert list(upper) == [[c.upper() for c in r] if r[0].endswith("5") else r for r in rows]
    assert not packed.cell_counts_are(3) and PackedRows([r for r in rows if len(r) == 3]).cell_counts_are(3)
    # the cell counts are known from packing: a map keeps them, or adds the counts of the rows it changed
    three = PackedRows([r for r in rows if len(r) == 3])
    assert three.map(lambda row: row).cell_counts_are(3) and three.map(lambda row: list(row)).cell_counts_are(3)
    shorter = three.map(lambda row: row[:2] if row[0] == "1" else row)
    assert not shorter.cell_counts_are(3) and not shorter.cell_counts_are(2)
    assert PackedRows().cell_counts_are(5)


def test_packed_rows_print_the_same_bytes_as_lists():
    """A table kept packed (above PACK_ROWS rows) prints what its rows as lists print: wrapping
    remarks, rare characters, a row taller than a page split over pages."""
    huge = "、".join(f"第{i}项说明内容" for i in range(900))
    for doc in (roster_doc(150), roster_doc(5, cell=(3, 5, huge)), roster_doc(30, options=PrintOptions(large=True))):
        assert render_pdf(_packed(doc)) == render_pdf(doc)


def test_packed_rows_are_refused_as_lists_are():
    with pytest.raises(MissingGlyphError) as caught:
        render_pdf(_packed(roster_doc(10, cell=(2, 2, "王\ue000"))))
    assert "名单第 2 行“姓名”" in str(caught.value)
    doc = roster_doc(4)
    short = NoticeDocument(title=doc.title, blocks=[Table(doc.blocks[1].columns, [["1", "一组"]] * 3)])
    with pytest.raises(ValueError, match="单元格数 2 与列数 6 不符"):
        render_pdf(_packed(short))


def test_a_packed_table_is_masked_cell_by_cell_and_untouched_rows_stay_packed():
    from models.printing.notices import mask_document

    doc = _packed(roster_doc(600, cell=(4, 5, "联系人身份证 410322196501011241，电话 13812345678")))
    masked = mask_document(doc)
    before, after = doc.blocks[1].rows, masked.blocks[1].rows
    assert "410322196501011241" not in "".join(after[3]) and "13812345678" not in "".join(after[3])
    assert after[3][5].startswith("联系人身份证 ") and after[2] == before[2]
    # the block holding that row is compressed again; the others (no number in any cell) are shared
    assert [a is b for a, b in zip(after._blocks, before._blocks, strict=True)] == [False, True, True]
    assert "410322196501011241" not in all_text(render_pdf(masked))


# --- a large print's memory: cell widths, ReportLab's pages ------------------------------------------


def test_cell_widths_are_kept_as_numbers_of_their_distinct_widths():
    from models.printing.render import _Widths

    widths = [round(0.37 * (k % 700), 2) for k in range(5_000)]  # 700 distinct: more than a byte holds
    column = _Widths()
    column.add_cells([str(k) for k in range(len(widths))], {str(k): w for k, w in enumerate(widths)})
    assert list(column) == widths and len(column) == len(widths) and column[1234] == widths[1234]
    assert column.codes.itemsize == 2 and len(column.values) == 700
    assert column[690:710] == widths[690:710] and column[10:20] == widths[10:20]
    column[3] = 99.5
    column.insert(4, 0.0)
    assert column[3] == 99.5 and column[4] == 0.0 and column[5] == widths[4]
    assert list(column.scaled(0.8)) == [w * 0.8 for w in column]


def test_pages_kept_lean_until_save_format_to_the_same_bytes(monkeypatch):
    from models.printing import render as render_module

    trimmed = []
    trim = render_module._trim_page
    monkeypatch.setattr(render_module, "_trim_page", lambda page: trimmed.append(page) or trim(page))
    doc = roster_doc(300, options=PrintOptions(watermark=WATERMARK_INTERNAL))
    lean = render_pdf(doc)
    assert len(trimmed) == len(PdfReader(io.BytesIO(lean)).pages) > 3
    assert all(type(page) is render_module._LeanPage and "Resources" not in vars(page) for page in trimmed)
    monkeypatch.setattr(render_module, "_trim_page", lambda page: None)
    assert render_pdf(doc) == lean


def test_rows_set_alike_are_planned_once_and_print_as_each_planned_alone(monkeypatch):
    """The layout takes a row's plan from the first row set alike (same widths in the columns with
    a cell too wide for its room, no wrapped text there): the same bytes as planning every row on
    its own — squeezed amounts, wrapping remarks and a section row among them."""
    from dataclasses import replace

    import models.printing.render as render_module

    doc = roster_doc(120)
    table = doc.blocks[1]
    rows = [list(row) for row in table.rows]
    for k, row in enumerate(rows):
        # every fourth amount fits its column; the others are wider than its room: squeezed
        row[4] = f"{k * 10:,}.00" if k % 4 == 0 else f"{(k % 3 + 1) * 123_456_789_012:,}.00"
    rows[60] = ["二、其他", "", "", "", "", ""]
    kinds = ["section" if k == 60 else "data" for k in range(len(rows))]
    doc = replace(doc, blocks=[doc.blocks[0], replace(table, rows=rows, row_kinds=kinds), doc.blocks[2]])
    data = render_pdf(doc)
    assert min(font_sizes(data)) < max(font_sizes(data)[:3])  # squeezed cells are set smaller
    monkeypatch.setattr(render_module, "_ALIKE_ROWS", 0)
    assert render_pdf(doc) == data


def test_packed_rows_give_a_run_of_rows_as_one_list_of_cells():
    """`PackedRows.flat`: the cells of many rows in one list, each block split once — what measuring a
    column and drawing a page read; ``None`` where a row has another cell count or is kept as its list."""
    from models.printing.document import _BLOCK, PackedRows

    rows = [[str(n), "名" * (n % 5), "" if n % 3 else "一组"] for n in range(3 * _BLOCK + 17)]
    packed = PackedRows(rows)
    n = len(rows)
    for start, stop in ((0, n), (0, 1), (5, 40), (_BLOCK - 3, _BLOCK + 3), (_BLOCK, 2 * _BLOCK), (700, n + 50),
                        (n - 1, n), (10, 10), (2 * _BLOCK + 1, 3 * _BLOCK - 1), (5, 40)):  # (again: a block kept open)
        assert packed.flat(start, stop, 3) == [cell for row in rows[start:stop] for cell in row], (start, stop)
    assert packed.flat(0, 10, 2) is None  # not this table's width
    odd = PackedRows(rows[:_BLOCK + 5] + [["1", "分\x1f隔", ""]] + rows[:40])  # a row kept as its list
    assert odd.flat(0, _BLOCK, 3) == [cell for row in rows[:_BLOCK] for cell in row]
    assert odd.flat(_BLOCK, _BLOCK + 2, 3) is None  # (its block)
    assert PackedRows(rows[:3] + [["1", "2"]]).flat(0, 3, 3) is None  # a row of two cells somewhere


def test_a_packed_or_mapped_table_knows_its_characters_as_a_pass_over_it_finds_them():
    """A packed table gathers its characters as its blocks are packed (`chars` needs no pass over
    them: the glyph check of a table masked as it was packed), and a mapped one those of what it gives
    back — shared blocks, blocks packed again, rows kept as their lists. A separator or a lone
    surrogate inside a cell is a character of it, the packing's separators are not."""
    from models.printing.document import _BLOCK, PackedRows

    rows = [[str(n), "名" * (n % 4), "一组"] for n in range(3 * _BLOCK + 9)]
    rows[5] = ["5", "分\x1f隔", "x"]
    rows[300] = ["300", "坏\ud800字", ""]
    packed = PackedRows(rows)
    assert packed.chars() == set("".join("".join(r) for r in rows))
    for change in (lambda row: row, lambda row: [c.replace("名", "姓") for c in row] if row[0] == "7" else row,
                   lambda row: ["9", "改", "\x1e"] if row[0] == "9" else row):
        mapped = packed.map(change)
        expected = set("".join("".join(change(list(r))) for r in rows))
        assert mapped.chars() == expected and PackedRows(list(mapped)).chars() == expected
