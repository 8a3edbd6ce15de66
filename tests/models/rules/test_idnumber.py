"""Tests for ID number checks (GB 11643)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from stdnum.cn import ric

from models.rules.idnumber import IdCheck, check_id_number, is_valid_id_number, normalize_id_number

TODAY = date(2025, 6, 1)


def with_check_digit(first17: str) -> str:
    # calc_check_digit ignores the last character it is given.
    return first17 + ric.calc_check_digit(first17 + "0")


def check(value: str) -> IdCheck:
    return check_id_number(value, today=TODAY)


def test_valid_number_with_x_check_digit() -> None:
    result = check("11010519491231002X")
    assert result == IdCheck(
        normalized="11010519491231002X",
        ok=True,
        severity=None,
        message=None,
        birth_date=date(1949, 12, 31),
        region="110105",
    )


def test_wrong_check_digit_names_expected_and_actual() -> None:
    result = check("110105194912310029")
    assert not result.ok
    assert result.severity == "error"
    assert result.message == "身份证号校验位错误：应为 X，实为 9"
    # Still informative: the birth date and region were readable.
    assert result.birth_date == date(1949, 12, 31)
    assert result.region == "110105"


@pytest.mark.parametrize("first17", ["41032219650101123", "41032219650315002", "41032219831130004"])
def test_retired_region_code_is_accepted(first17: str) -> None:
    # 孟津县 was 410322 until 2021; people born in 1965 keep these numbers.
    number = with_check_digit(first17)
    result = check(number)
    assert result.ok, result.message
    assert result.severity is None
    assert result.region == "410322"
    assert result.birth_date == date(int(first17[6:10]), int(first17[10:12]), int(first17[12:14]))


def test_region_is_never_a_reason_to_refuse() -> None:
    # 999999 is no region at all; it is still reported, not judged.
    number = with_check_digit("99999919800101001")
    result = check(number)
    assert result.ok
    assert result.region == "999999"


def test_410322_number_with_wrong_check_digit_is_error() -> None:
    good = with_check_digit("41032219650101123")
    bad_digit = "0" if good[-1] != "0" else "1"
    result = check(good[:-1] + bad_digit)
    assert result.severity == "error"
    assert f"应为 {good[-1]}，实为 {bad_digit}" in (result.message or "")


def test_lowercase_x_and_spaces_are_normalized() -> None:
    result = check(" 110105 19491231 002x ")
    assert result.ok
    assert result.normalized == "11010519491231002X"


def test_full_width_input_is_normalized() -> None:
    result = check("１１０１０５１９４９１２３１００２Ｘ")
    assert result.ok
    assert result.normalized == "11010519491231002X"


def test_normalize_handles_none_and_tabs() -> None:
    assert normalize_id_number(None) == ""
    assert normalize_id_number("1101\t05\u300019491231002x") == "11010519491231002X"


def test_fifteen_digit_number_is_accepted_with_warning() -> None:
    result = check("410322650101123")
    assert result.ok
    assert result.severity == "warning"
    assert result.message is not None
    assert "15位" in result.message
    assert "19650101" in result.message
    assert result.birth_date == date(1965, 1, 1)
    assert result.region == "410322"
    assert result.normalized == "410322650101123"


def test_fifteen_digit_number_with_impossible_date_is_error() -> None:
    result = check("410322651301123")
    assert not result.ok
    assert result.severity == "error"
    assert "出生日期" in (result.message or "")


def test_fifteen_digit_number_with_letter_is_error() -> None:
    result = check("41032265010112X")
    assert not result.ok
    assert result.severity == "error"


@pytest.mark.parametrize(
    "value",
    [
        "1101051949123100",  # 16
        "11010519491231002X1",  # 19
        "12345",
        "410322-19650101-1233",  # hyphens are not stripped: wrong length
    ],
)
def test_wrong_length_is_error(value: str) -> None:
    result = check(value)
    assert not result.ok
    assert result.severity == "error"
    assert "长度" in (result.message or "")


@pytest.mark.parametrize("value", ["11010519491231X02X", "A1010519491231002X", "11010519491231002Y"])
def test_letters_inside_are_error(value: str) -> None:
    result = check(value)
    assert not result.ok
    assert result.severity == "error"
    assert "格式" in (result.message or "")


@pytest.mark.parametrize("value", ["", "   ", None])
def test_empty_is_error(value: str) -> None:
    result = check(value)
    assert not result.ok
    assert result.severity == "error"
    assert result.message == "身份证号为空"
    assert result.region == ""
    assert result.birth_date is None


@pytest.mark.parametrize("first17", ["41032219650230123", "41032219651301123", "41032219650100123"])
def test_impossible_birth_date_is_error(first17: str) -> None:
    result = check(with_check_digit(first17))
    assert not result.ok
    assert result.severity == "error"
    assert "出生日期无效" in (result.message or "")
    assert result.birth_date is None


def test_leap_day_birth_date_is_fine() -> None:
    result = check(with_check_digit("41032220000229001"))
    assert result.ok
    assert result.birth_date == date(2000, 2, 29)


def test_future_birth_date_is_error() -> None:
    result = check(with_check_digit("41030620250602001"))
    assert not result.ok
    assert "晚于今天" in (result.message or "")
    assert result.birth_date == date(2025, 6, 2)


def test_born_today_is_fine() -> None:
    assert check(with_check_digit("41030620250601001")).ok


def test_birth_before_1900_is_error() -> None:
    result = check(with_check_digit("41032218991231001"))
    assert not result.ok
    assert "1900" in (result.message or "")
    assert check(with_check_digit("41032219000101001")).ok


def test_default_today_is_the_real_date() -> None:
    # 2999 is in the future whenever this runs.
    assert not check_id_number(with_check_digit("41030629990101001")).ok
    assert check_id_number("11010519491231002X").ok


def test_is_valid_id_number() -> None:
    assert is_valid_id_number("11010519491231002X")
    assert is_valid_id_number("11010519491231002x")
    assert is_valid_id_number("410322650101123")  # accepted, with a warning
    assert not is_valid_id_number("110105194912310029")
    assert not is_valid_id_number("")


def test_result_is_frozen() -> None:
    result = check("11010519491231002X")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.ok = False  # type: ignore[misc]
