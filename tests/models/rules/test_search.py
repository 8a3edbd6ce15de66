"""Finding Chinese text by characters, full pinyin or initials."""

from __future__ import annotations

import pytest

from models.rules.search import matches, normalize_query, pinyin_keys, search_key


@pytest.mark.parametrize("query", ["cwgk", "CWGK", "cunwu", "cunwugongkai", "gongkai", "村务", "公开", "务公",
                                   "村务公开"])
def test_finds_village_affairs_disclosure(query):
    assert matches(query, "村务公开")


@pytest.mark.parametrize("query", ["cwgkx", "caiwu", "财务", "gkcw", "zz"])
def test_non_matches(query):
    assert not matches(query, "村务公开")


def test_pinyin_keys():
    assert pinyin_keys("村务公开") == "cunwugongkai cwgk"
    assert pinyin_keys("") == ""


def test_punctuation_does_not_break_pinyin_runs():
    # A clerk types the letters, never the brackets or the hyphen of the text.
    assert matches("zdshbzdb", "最低生活保障（低保）")
    assert matches("dibao", "最低生活保障（低保）")
    assert matches("cw01", "CW-01")
    assert matches("CW-01", "CW-01")


def test_empty_query_matches_everything():
    assert matches("", "村务公开")
    assert matches("   ", "村务公开")


def test_multi_term_queries_need_every_term():
    parts = ("CW-08", "最低生活保障", "社会救助", "初审名单形成之日起10个工作日内")
    assert matches("低保 10", *parts) is False  # 低保 is not in the text (only 最低生活保障)
    assert matches("zdshbz 10", *parts)
    assert matches("社会救助 zdsh", *parts)
    assert matches("shjz cw08", *parts)
    assert matches("cw 08", *parts)
    assert not matches("zdshbz 财务", *parts)
    assert not matches("社会救助 cwgk", *parts)


def test_terms_match_in_any_part():
    assert matches("cwgk", "FW-01", "年度财务收支预算", "村务公开栏")
    assert matches("ndcwszys", "FW-01", "年度财务收支预算", "村务公开栏")
    assert not matches("ndcwszys", "FW-01", "年度财务收支", "村务公开栏")


def test_none_parts_are_ignored():
    assert matches("cwgk", None, "村务公开", None)
    assert search_key(None, "") == ""


def test_search_key_holds_text_and_pinyin():
    key = search_key("村务公开")
    assert "村务公开" in key and "cunwugongkai" in key and "cwgk" in key
    assert search_key("ABC") == search_key("abc")


def test_normalize_query():
    assert normalize_query("  Cun Wu \t") == "cunwu"
