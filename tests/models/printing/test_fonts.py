"""The shipped fonts: embedding, rare name characters, text layer, refusal of unprintable text."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from models.printing import fonts
from models.printing.fonts import (
    FALLBACK_FONTS,
    FONT_FALLBACK,
    FONT_FALLBACK_SIP,
    FONT_MAIN,
    FONT_MAIN_BOLD,
    MissingGlyphError,
    check_printable,
    draw_string,
    font_has_char,
    markup_with_fallback,
    missing_chars,
    register_fonts,
    split_runs,
    string_width,
)

# 䶮 Ext-A, 𠮷 Ext-B, 𬌗 Ext-E (all in the first fallback); 堃 喆 赟 GBK; 𪛖 Ext-B in the second fallback.
NAMES = ["张䶮", "吉𠮷", "李𬌗", "王堃", "赵喆", "钱赟", "孙𪛖"]


@pytest.fixture(scope="module", autouse=True)
def _fonts() -> None:
    register_fonts()


def build_notice() -> bytes:
    buffer = io.BytesIO()
    # initialFontName: otherwise ReportLab puts an unembedded Helvetica into every page's resources.
    canvas = Canvas(buffer, pagesize=A4, invariant=1, initialFontName=FONT_MAIN)
    width, height = A4
    canvas.setTitle("村务公开 字体测试")

    draw_string(canvas, width / 2, height - 60, "村务公开栏（测试）", 20, FONT_MAIN_BOLD, align="center")

    style = ParagraphStyle("roster", fontName=FONT_MAIN, fontSize=14, leading=22, wordWrap="CJK")
    text = "享受补贴人员名单：" + "、".join(NAMES) + "。金额合计￥1,200.00元 ×2 ÷4 ■□√ “公示” 《通知》—…"
    paragraph = Paragraph(markup_with_fallback(text), style)
    _, para_height = paragraph.wrap(width - 144, height)
    paragraph.drawOn(canvas, 72, height - 100 - para_height)

    bold = Paragraph("<b>" + markup_with_fallback("户主：" + NAMES[1]) + "</b>", style)
    _, bold_height = bold.wrap(width - 144, height)
    bold.drawOn(canvas, 72, height - 130 - para_height - bold_height)

    y = height - 260
    for index, name in enumerate(NAMES, start=1):
        draw_string(canvas, 72, y, f"{index}.", 12)
        draw_string(canvas, 110, y, name, 12)
        draw_string(canvas, 300, y, f"{index * 150}.00", 12, align="right")
        y -= 20
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def notice_pdf() -> bytes:
    return build_notice()


def test_rare_name_characters_are_covered() -> None:
    assert not font_has_char(FONT_MAIN, "䶮")
    assert font_has_char(FONT_FALLBACK, "䶮")
    assert font_has_char(FONT_FALLBACK, "𠮷")
    assert font_has_char(FONT_FALLBACK, "𬌗")
    assert font_has_char(FONT_FALLBACK_SIP, "𪛖")
    for ch in "堃喆赟Aa09（）：，。、“”《》—…×÷￥■□√":
        assert font_has_char(FONT_MAIN, ch), ch
        assert font_has_char(FONT_MAIN_BOLD, ch), ch
    assert missing_chars("".join(NAMES)) == []


def test_missing_chars_reports_uncovered_once_in_order() -> None:
    text = "张\ue000三\u0378\ue000 \u200b\n"  # private use, unassigned; spaces and ZWSP ignored
    assert missing_chars(text) == ["\ue000", "\u0378"]


def test_check_printable_raises_with_chinese_message() -> None:
    check_printable("、".join(NAMES), where="第1户 户主姓名")
    with pytest.raises(MissingGlyphError) as caught:
        check_printable("王\ue000", where="第3户 户主姓名")
    error = caught.value
    assert error.char == "\ue000"
    assert error.codepoint == 0xE000
    assert error.where == "第3户 户主姓名"
    assert str(error) == "无法打印：第3户 户主姓名 中的字符“\ue000”（U+E000）字体中没有，请核对或联系技术支持"


def test_message_shows_five_digit_code_point() -> None:
    error = MissingGlyphError("\U0003134a", where="名单 第2行 姓名")
    assert "（U+3134A）" in str(error)


def test_split_runs_hands_each_character_to_a_font_that_has_it() -> None:
    assert split_runs("吉𠮷 ok\n王𪛖") == [
        (FONT_MAIN, "吉"),
        (FONT_FALLBACK, "𠮷"),
        (FONT_MAIN, " ok 王"),
        (FONT_FALLBACK_SIP, "𪛖"),
    ]
    assert split_runs("李𬌗", FONT_MAIN_BOLD) == [(FONT_MAIN_BOLD, "李"), (FONT_FALLBACK, "𬌗")]
    assert split_runs("") == []
    # A variation selector has no glyph of its own: the base character prints.
    assert split_runs("葛\U000e0100") == [(FONT_MAIN, "葛")]
    for name, run in split_runs("".join(NAMES) + " 2024年"):
        assert name in (FONT_MAIN, *FALLBACK_FONTS)
        assert all(font_has_char(name, ch) for ch in run), (name, run)


def test_markup_escapes_and_wraps_fallback_runs() -> None:
    assert markup_with_fallback("A&B <䶮>") == 'A&amp;B &lt;<font name="CunwuMingExt">䶮</font>&gt;'
    assert markup_with_fallback("王堃") == "王堃"
    assert markup_with_fallback("𠮷𬌗𪛖") == (
        '<font name="CunwuMingExt">𠮷𬌗</font><font name="CunwuMingSIP">𪛖</font>'
    )


def test_string_width_sums_the_runs() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    expected = stringWidth("吉", FONT_MAIN, 12) + stringWidth("𠮷", FONT_FALLBACK, 12)
    assert string_width("吉𠮷", 12) == pytest.approx(expected)
    assert string_width("吉𠮷", 12) > 20  # the rare character has a real advance, not zero


def test_draw_string_leaves_canvas_state_alone() -> None:
    canvas = Canvas(io.BytesIO(), invariant=1)
    canvas.setFont("Helvetica", 9)
    width = draw_string(canvas, 10, 10, "吉𠮷", 12, FONT_MAIN_BOLD)
    assert width == pytest.approx(string_width("吉𠮷", 12, FONT_MAIN_BOLD))
    assert (canvas._fontname, canvas._fontsize) == ("Helvetica", 9)
    with pytest.raises(ValueError):
        draw_string(canvas, 10, 10, "x", 12, align="middle")  # type: ignore[arg-type]


def _page_fonts(reader: PdfReader) -> dict[str, object]:
    found = {}
    for page in reader.pages:
        for font_ref in page["/Resources"]["/Font"].values():
            font = font_ref.get_object()
            found[str(font["/BaseFont"])] = font
    return found


def test_all_fonts_are_embedded(notice_pdf: bytes) -> None:
    page_fonts = _page_fonts(PdfReader(io.BytesIO(notice_pdf)))
    assert page_fonts
    for base_font, font in page_fonts.items():
        if font["/Subtype"] == "/Type0":
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        else:
            descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{base_font} not embedded"
    face_names = {name.split("+", 1)[1] for name in page_fonts}
    assert face_names == {"CunwuHei-Regular", "CunwuHei-Bold", "CunwuMingExt-Regular", "CunwuMingSIP-Regular"}


def test_text_layer_keeps_names_intact_pypdf(notice_pdf: bytes) -> None:
    text = PdfReader(io.BytesIO(notice_pdf)).pages[0].extract_text()
    for name in NAMES:
        assert name in text
    assert "、".join(NAMES) in text.replace("\n", "")
    assert "村务公开栏（测试）" in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_text_layer_keeps_names_intact_pdftotext(notice_pdf: bytes, tmp_path: Path) -> None:
    pdf = tmp_path / "notice.pdf"
    pdf.write_bytes(notice_pdf)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    for name in NAMES:
        assert name in text


def test_to_unicode_uses_surrogate_pairs() -> None:
    cmap = (
        "1 begincodespacerange\n<00> <FF>\n3 beginbfchar\n<01> <5F20>\n<02> <20BB7>\n<03> <2C317>\nendbfchar"
    )
    fixed = fonts._fix_to_unicode_cmap(cmap)
    assert "<01> <5F20>" in fixed
    assert "<02> <D842DFB7>" in fixed
    assert "<03> <D870DF17>" in fixed
    assert fonts._fix_to_unicode_cmap(fixed) == fixed


def test_output_is_deterministic(notice_pdf: bytes) -> None:
    assert build_notice() == notice_pdf


def test_resources_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CUNWU_RESOURCES", str(tmp_path))
    assert fonts.fonts_dir() == tmp_path / "fonts"
    monkeypatch.delenv("CUNWU_RESOURCES")
    assert (fonts.fonts_dir() / "cunwu-hei.ttf").is_file()


def test_missing_font_file_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(fonts, "_registered", False)
    monkeypatch.setenv("CUNWU_RESOURCES", str(tmp_path))
    with pytest.raises(FileNotFoundError, match="cunwu-hei.ttf"):
        register_fonts()
