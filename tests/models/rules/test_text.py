"""Names and free text (issue 11, part 7): the character rules of models.rules.text."""

from __future__ import annotations

import unicodedata

import pytest

from models.rules.text import (
    BIDI_CONTROLS,
    ZERO_WIDTH,
    free_text_problem,
    invalid_text_problem,
    name_problem,
    normalize_free_text,
    normalize_name,
)

HIDDEN = {
    "\x1b": ("控制字符", "U+001B"), "\x00": ("控制字符", "U+0000"), "\x7f": ("控制字符", "U+007F"),
    "\n": ("换行", "U+000A"), "\r": ("换行", "U+000D"), "\t": ("制表符", "U+0009"),
    "\u202e": ("文字方向控制符", "U+202E"), "\u202a": ("文字方向控制符", "U+202A"),
    "\u2066": ("文字方向控制符", "U+2066"), "\u2069": ("文字方向控制符", "U+2069"),
    "\u200b": ("零宽字符", "U+200B"), "\u200d": ("零宽字符", "U+200D"), "\ufeff": ("零宽字符", "U+FEFF"),
    "\u2060": ("零宽字符", "U+2060"),
}


def test_the_sets_are_the_ranges_named():
    assert BIDI_CONTROLS == {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
    assert ZERO_WIDTH == {"\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"}


@pytest.mark.parametrize("ch", HIDDEN)
def test_a_name_with_a_hidden_character_is_refused_naming_field_and_code_point(ch):
    what, code = HIDDEN[ch]
    message = name_problem(f"张{ch}三", "姓名")
    assert message is not None
    assert message.startswith("姓名含有") and what in message and code in message


@pytest.mark.parametrize("name", ["张三", "欧阳·娜娜", "Zhang San", "李\ue000", "O'Brien-王", "三组"])
def test_ordinary_names_pass(name):
    assert name_problem(name, "姓名") is None


def test_names_are_nfc_and_trimmed_of_spaces_only():
    decomposed = "Jose\u0301 王"
    assert unicodedata.is_normalized("NFD", decomposed)
    assert normalize_name(f"\u3000 {decomposed} ") == "José 王"
    assert normalize_name("\t张三") == "\t张三"  # a tab is not padding: the name is refused, not altered
    assert name_problem(normalize_name("\t张三"), "姓名") is not None


def test_free_text_keeps_lines_and_tabs_normalises_breaks_and_strips_zero_width():
    text = normalize_free_text("第一行\r\n第二行\r第三\u200b行\u2028第四行\t列\ufeff")
    assert text == "第一行\n第二行\n第三行\n第四行\t列"
    assert free_text_problem(text, "备注") is None
    assert normalize_free_text("e\u0301") == "é"


@pytest.mark.parametrize("ch", ["\u202e", "\u202d", "\u2067", "\x1b", "\x07", "\x85"])
def test_free_text_refuses_bidi_overrides_and_control_characters(ch):
    message = free_text_problem(normalize_free_text(f"金额 100{ch}00 元"), "备注")
    assert message is not None and message.startswith("备注含有") and f"U+{ord(ch):04X}" in message


def test_the_patterns_refuse_exactly_the_control_characters_unicode_names():
    controls = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cc"]
    assert all(name_problem(f"a{ch}b", "姓名") for ch in controls)
    assert [ch for ch in controls if free_text_problem(ch, "备注") is None] == ["\t", "\n"]
    assert name_problem("".join(chr(c) for c in range(0x20, 0x7f)), "姓名") is None


@pytest.mark.parametrize("ch", ["\ud800", "\udbff", "\udc00", "\udcff", "\udfff"])
def test_a_lone_surrogate_is_invalid_text_named_by_code_point(ch):
    problem = invalid_text_problem(f"张{ch}三", "姓名")
    assert problem and problem.startswith("姓名含有无效的字符") and f"U+{ord(ch):04X}" in problem


def test_real_text_is_valid_even_beyond_the_basic_plane():
    assert invalid_text_problem("𠀀𠀁 张三 \u202e \x00", "姓名") is None  # other rules judge those
