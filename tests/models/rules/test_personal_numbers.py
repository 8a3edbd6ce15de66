"""The personal-number detector: what it finds in free text, what it leaves alone, how it masks."""

from __future__ import annotations

import pytest

from models.rules.personal_numbers import (
    classify,
    column_number_kind,
    find_personal_numbers,
    mask_personal_numbers,
    public_numbers,
    value_number_kind,
)

from .privacy_corpus import CORPUS, OFFICE_PHONES

PUBLIC = public_numbers(OFFICE_PHONES)


def kinds(text: str, **kw) -> list[tuple[str, str]]:
    return [(h.kind, h.number) for h in find_personal_numbers(text, **kw)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("身份证号410322196501011241。", [("id_number", "410322196501011241")]),
        ("11010519491231002x", [("id_number", "11010519491231002X")]),
        ("身份证 410322 19650101 1241", [("id_number", "410322196501011241")]),
        ("４１０３２２１９６５０１０１１２４１", [("id_number", "410322196501011241")]),
        ("身份证号4103221965\n01011241，请核对", [("id_number", "410322196501011241")]),
        ("身份证号410322-19650101-1241", [("id_number", "410322196501011241")]),
        ("旧号 410322650101123", [("id_number", "410322650101123")]),
        ("电话13812345678", [("mobile", "13812345678")]),
        ("手机 +86 138-1234-5678", [("mobile", "13812345678")]),
        ("手机+8613812345678", [("mobile", "8613812345678")]),
        ("手机 138 1234 5678", [("mobile", "13812345678")]),
        ("手机１３８１２３４５６７８", [("mobile", "13812345678")]),
        ("6222 0212 3456 7890 128", [("bank_card", "6222021234567890128")]),
        ("代领卡 4111111111111111", [("bank_card", "4111111111111111")]),
        ("卡号6228480077778888999", [("bank_card", "6228480077778888999")]),  # labelled: Luhn or not
        ("家里电话 0379-65123456", [("landline", "037965123456")]),
        ("（0379）65123456", [("landline", "037965123456")]),
        ("010-62345678", [("landline", "01062345678")]),
        ("代领人：陈某 410322196501011241 电话13812345678 卡号6228480077778888999",
         [("id_number", "410322196501011241"), ("mobile", "13812345678"), ("bank_card", "6228480077778888999")]),
        ("410322196501011241 13812345678", [("id_number", "410322196501011241"), ("mobile", "13812345678")]),
    ],
)
def test_finds(text: str, expected: list[tuple[str, str]]) -> None:
    assert kinds(text) == expected


def test_position_kind_and_field() -> None:
    text = "代领人：陈某 410322196501011241"
    [hit] = find_personal_numbers(text, field="remark")
    assert (hit.kind, hit.start, hit.end, hit.field, hit.label) == ("id_number", 7, 25, "remark", "身份证号")
    assert text[hit.start:hit.end] == hit.text


def test_wrong_check_digit_is_still_an_id() -> None:
    [hit] = find_personal_numbers("身份证 410322196501011234")
    assert hit.kind == "id_number" and not hit.check_ok
    assert hit.masked() == "410322********1234"


@pytest.mark.parametrize("text", CORPUS)
def test_no_false_positives_in_real_notice_text(text: str) -> None:
    assert find_personal_numbers(text, public=PUBLIC) == []
    assert mask_personal_numbers(text, public=PUBLIC) == text


@pytest.mark.parametrize(
    "text",
    ["12317", "410322100201", "2026-07-18", "〔2022〕15号", "205,620.19", "0.13812345678", "1381234567",
     "138123456789", "abc13812345678", "13812345678x9", "410322196501011241abc", "4111111111111112",
     "1111111111111111111", "0000000000000", "4001234567", "20260718000123"],
)
def test_not_personal(text: str) -> None:
    assert kinds(text) == []


def test_office_numbers_stay() -> None:
    assert kinds("监督电话：0379-67891234", public=PUBLIC) == []
    assert kinds("县农业农村局：0379-67891234", public=PUBLIC) == []
    assert kinds("县农业农村局：0379-67891234") == [("landline", "037967891234")]
    assert kinds("李监委 13812341234", public=PUBLIC) == []
    # labelled as the office's in the text itself
    assert kinds("举报电话：0379-63321234") == []
    # a villager's number next to it is still a villager's
    assert kinds("村民王某（0379-65123456）反映：", public=PUBLIC) == [("landline", "037965123456")]


def test_public_numbers_from_settings_lines_and_objects() -> None:
    assert public_numbers(["镇纪委 0379-6789 1234", {"label": "全国监督电话", "number": "12317"}]) == {
        "037967891234", "12317"}


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("代领人：陈某 410322196501011241 电话13812345678 卡号6228480077778888999",
         "代领人：陈某 410322********1241 电话138****5678 卡号***************8999"),
        ("身份证 410322 19650101 1241。", "身份证 410322********1241。"),
        ("（0379）65123456", "0379-****3456"),
        ("无", "无"),
        ("", ""),
    ],
)
def test_mask(text: str, masked: str) -> None:
    assert mask_personal_numbers(text) == masked


def test_classify() -> None:
    assert classify("410322196501011241") == ("id_number", True)
    assert classify("410322196501011234") == ("id_number", False)
    assert classify("410322199913011241") is None  # month 13: not a birth date
    assert classify("13812345678") == ("mobile", True)
    assert classify("4111111111111111") == ("bank_card", True)


def test_value_and_column_kind() -> None:
    assert value_number_kind("410322196501011241") == "id_number"
    assert value_number_kind("410322196501011234") == "id_number"  # wrong check digit, still an ID
    assert value_number_kind("陈某 410322196501011241") is None
    assert column_number_kind(["410322196501011241", "11010519491231002X", "", None, "不详"]) == "id_number"
    assert column_number_kind(["13812345678", "0379-65123456", "无"]) == "phone"
    assert column_number_kind(["4111111111111111", "6222021234567890128"]) == "bank_card"
    assert column_number_kind(["一类", "二类", "410322196501011241"]) is None
    assert column_number_kind([]) is None


def test_roster_findings_for_remarks_and_number_columns() -> None:
    from models.rules.kinds import check_roster, privacy_findings

    rows = [
        {"name": "张三", "id_number": "11010519491231002X", "amount": "1.00", "remark": None,
         "x_1": "110105198001010017"},
        {"name": "李四", "id_number": "110105198001010016", "amount": "1.00",
         "remark": "代领人：陈某 410322196501011241 电话13812345678", "x_1": "11010519491231002X"},
        {"name": "王五", "id_number": "410322196501011241", "amount": "1.00", "remark": "李监委 13812341234",
         "x_1": "不详"},
    ]
    found = check_roster(rows, ["name", "id_number", "amount", "remark", "x_1"], public=PUBLIC)
    located = [f.located() for f in found]
    assert "[错误] 第 1 行“x_1”：身份证号校验位错误：应为 6，实为 7" in located
    assert "[提示] 第 2 行“备注”：含身份证号、手机号，公告上将打码" in located
    assert not [f for f in found if f.row == 3]  # the office's number, and "不详" in the ID column
    assert [f.rule for f in privacy_findings(found)] == ["number_column", "personal_number"]


def test_a_column_added_up_batch_by_batch_is_judged_as_a_whole():
    """A large table read in batches (models.printing.direct) is judged by the same counts: a first
    batch of ID numbers and a second of words make a column of words, as when read whole."""
    from models.rules.roster import NumberColumnTallies, RosterColumn, number_column_kinds

    columns = [RosterColumn("note", "说明", "text"), RosterColumn("card", "卡号", "text"),
               RosterColumn("name", "姓名", "name")]
    first = [{"note": "410322196501011241", "card": "6222021234567890128", "name": "张三"}] * 3
    second = [{"note": "一类", "card": "", "name": "李四"}] * 4
    whole = number_column_kinds(columns, first + second)
    assert whole == {"card": "bank_card"}
    assert NumberColumnTallies(columns).add(first).add(second).kinds() == whole
    assert NumberColumnTallies(columns).add(first).kinds() == {"note": "id_number", "card": "bank_card"}


def test_repeated_texts_count_as_often_as_they_occur():
    """A column's texts are tallied once each with their count (100,000 rows repeat a few group
    names): the majority is still of the values, not of the distinct texts."""
    from models.rules.personal_numbers import column_number_kind

    card, word = "6222021234567890128", "一类"
    assert column_number_kind([card] * 3 + [word] * 2 + [None, "  "] * 2) == "bank_card"
    assert column_number_kind([card] * 2 + [word] * 2) is None  # half is not more than half
    assert column_number_kind([card, card, "四", "五", "六"]) is None  # short words are filled values too
    # anything but texts is taken value by value (a list in a custom column, numbers of two types)
    assert column_number_kind([[card], card, card, {"a": 1}]) is None
    # (1 and 1.0 are one key to a counter: here a phone number and a float that is not one)
    assert column_number_kind([13812345678, 13812345678.0, "一类"]) is None
