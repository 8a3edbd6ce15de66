"""Tests for de-identification of personal data on public notices."""

from __future__ import annotations

import pytest

from models.rules.masking import (
    MASKED_FIELD_KINDS,
    mask_address,
    mask_bank_card,
    mask_id_number,
    mask_phone,
    mask_value,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("410322196501011234", "410322********1234"),
        ("11010519491231002x", "110105********002X"),
        (" 110105 19491231 002X ", "110105********002X"),
        ("410322650101123", "410322*****1123"),  # old 15-digit: same rule
        ("１１０１０５１９４９１２３１００２Ｘ", "110105********002X"),
    ],
)
def test_mask_id_number(value: str, expected: str) -> None:
    assert mask_id_number(value) == expected


@pytest.mark.parametrize(("value", "expected"), [("12345", "*****"), ("41032219650", "***********")])
def test_short_id_number_is_masked_fully(value: str, expected: str) -> None:
    assert mask_id_number(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("6222021234567890123", "***************0123"),
        ("6222 0212 3456 7890 123", "***************0123"),
        ("6228-4800-1234-5678", "************5678"),
        ("12345678", "****5678"),
        ("1234567", "*******"),
        ("1234", "****"),
        (6222021234567890, "************7890"),
    ],
)
def test_mask_bank_card(value: object, expected: str) -> None:
    assert mask_bank_card(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("13812341234", "138****1234"),
        ("138 1234 1234", "138****1234"),
        ("138-1234-1234", "138****1234"),
        ("+86 138 1234 1234", "138****1234"),
        ("008613812341234", "138****1234"),
        (13812341234, "138****1234"),
        (13812341234.0, "138****1234"),  # a spreadsheet's numeric cell
        ("0379-12345678", "0379-****5678"),
        ("0379 1234567", "0379-***4567"),
        ("(010)12345678", "010-****5678"),
        ("010-12345678", "010-****5678"),
        ("01012345678", "010-****5678"),
        ("037912345678", "0379-****5678"),
        ("02112345678", "021-****5678"),
        ("12345678", "****5678"),  # local number without area code
        ("12345", "*****"),
        ("110", "***"),
    ],
)
def test_mask_phone(value: object, expected: str) -> None:
    assert mask_phone(value) == expected


def test_mask_address_prints_nothing() -> None:
    assert mask_address("河南省洛阳市孟津区某某村3组12号") == ""
    assert mask_address(None) == ""


@pytest.mark.parametrize("masker", [mask_id_number, mask_bank_card, mask_phone, mask_address])
@pytest.mark.parametrize("value", [None, "", "   "])
def test_empty_gives_empty(masker, value) -> None:
    assert masker(value) == ""


@pytest.mark.parametrize("masker", [mask_id_number, mask_bank_card, mask_phone, mask_address])
@pytest.mark.parametrize("value", ["x", "张三", "--", "\u3000", 0, -1, 3.5, float("nan"), b"\x00", object()])
def test_maskers_never_raise(masker, value) -> None:
    result = masker(value)
    assert isinstance(result, str)


@pytest.mark.parametrize("masker", [mask_id_number, mask_bank_card, mask_phone])
def test_odd_short_values_reveal_nothing(masker) -> None:
    assert set(masker("张三李")) == {"*"}


def test_mask_value_dispatches() -> None:
    assert mask_value("id_number", "410322196501011234") == "410322********1234"
    assert mask_value("bank_card", "6222021234567890123") == "***************0123"
    assert mask_value("phone", "13812341234") == "138****1234"
    assert mask_value("address", "某某村3组12号") == ""
    assert mask_value("phone", None) == ""


def test_masked_field_kinds_are_all_dispatchable() -> None:
    assert set(MASKED_FIELD_KINDS) == {"id_number", "bank_card", "phone", "address"}
    for kind in MASKED_FIELD_KINDS:
        assert isinstance(mask_value(kind, "410322196501011234"), str)


def test_mask_value_unknown_kind_raises() -> None:
    with pytest.raises(ValueError, match="name"):
        mask_value("name", "张三")
