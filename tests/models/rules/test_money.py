"""Tests for money parsing, rounding and formatting."""

from __future__ import annotations

from decimal import Decimal

import pytest

from models.rules.money import (
    amount_of,
    format_money,
    format_money_cn,
    parse_decimal,
    sum_money,
    to_fen,
)

D = Decimal


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12, D("12")),
        (D("18.34"), D("18.34")),
        ("11211.57", D("11211.57")),
        ("  11211.57  ", D("11211.57")),
        ("205,620.19", D("205620.19")),
        ("205，620.19", D("205620.19")),
        ("1,234,567", D("1234567")),
        ("1 234 567.5", D("1234567.5")),
        ("２０５６２０．１９", D("205620.19")),
        ("２０５，６２０．１９元", D("205620.19")),
        ("205620.19元", D("205620.19")),
        ("205620.19 元", D("205620.19")),
        ("¥1,200.00", D("1200.00")),
        ("￥1200", D("1200")),
        ("-35.5", D("-35.5")),
        ("－35.5", D("-35.5")),
        ("\u221235.5", D("-35.5")),
        ("+35.5", D("35.5")),
        ("(1,234.50)", D("-1234.50")),
        ("（1,234.50）", D("-1234.50")),
        ("(12)元", D("-12")),
        ("0", D("0")),
        (".5", D("0.5")),
        ("5.", D("5")),
        ("0.001", D("0.001")),  # no rounding while parsing
    ],
)
def test_parse_decimal_accepts(value: object, expected: Decimal) -> None:
    result = parse_decimal(value, field="金额")
    assert isinstance(result, Decimal)
    assert result == expected


def test_parse_decimal_keeps_exact_digits() -> None:
    assert str(parse_decimal("205620.10", field="金额")) == "205620.10"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (205620.19, "205620.19"),
        (0.1, "0.1"),
        (11211.57, "11211.57"),
        (18.34, "18.34"),
        (-3.3, "-3.3"),
        (1200.0, "1200.0"),
    ],
)
def test_parse_decimal_float_goes_through_repr(value: float, expected: str) -> None:
    # openpyxl gives floats for numeric cells; Decimal(0.1) would be 0.1000000000000000055…
    result = parse_decimal(value, field="金额")
    assert result == D(expected)
    assert str(result) == expected


@pytest.mark.parametrize(
    "value",
    [
        "abc",
        "12.3.4",
        "1e5",
        "NaN",
        "Infinity",
        "--5",
        "-(5)",
        "(-5)",
        "5-",
        "1,234.5,6",
        "元",
        "¥",
        "(",
        "()",
        "12 元 5",
    ],
)
def test_parse_decimal_rejects_with_field_name(value: str) -> None:
    with pytest.raises(ValueError) as excinfo:
        parse_decimal(value, field="补贴金额")
    message = str(excinfo.value)
    assert message.startswith("补贴金额：")


def test_parse_decimal_message_quotes_input() -> None:
    with pytest.raises(ValueError, match="^金额：“abc”不是有效数字$"):
        parse_decimal("abc", field="金额")


@pytest.mark.parametrize("value", [None, "", "   ", "\u3000"])
def test_parse_decimal_empty(value: object) -> None:
    with pytest.raises(ValueError, match="^面积：未填写$"):
        parse_decimal(value, field="面积")


@pytest.mark.parametrize("value", ["12.5万元", "12.5万", "３万元"])
def test_parse_decimal_refuses_wan_yuan(value: str) -> None:
    # Silently reading 12.5万元 as 12.5 元 would be a 10 000-fold error.
    with pytest.raises(ValueError, match="万元"):
        parse_decimal(value, field="金额")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), D("NaN"), D("Infinity"), True, [1], object()])
def test_parse_decimal_rejects_non_numbers(value: object) -> None:
    with pytest.raises(ValueError, match="^金额："):
        parse_decimal(value, field="金额")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("205620.1938"), D("205620.19")),
        (D("0.005"), D("0.01")),
        (D("0.004999"), D("0.00")),
        (D("2.675"), D("2.68")),  # the classic float trap, exact in Decimal
        (D("-0.005"), D("-0.01")),
        (D("-1.234"), D("-1.23")),
        (D("7"), D("7.00")),
        (3, D("3.00")),
    ],
)
def test_to_fen_rounds_half_up(value: Decimal, expected: Decimal) -> None:
    result = to_fen(value)
    assert result == expected
    assert result.as_tuple().exponent == -2


def test_to_fen_refuses_float() -> None:
    with pytest.raises(TypeError):
        to_fen(2.675)  # type: ignore[arg-type]


def test_amount_of_domain_example() -> None:
    # 11211.57 亩 × 18.34 元/亩 = 205620.19 元
    result = amount_of(D("11211.57"), D("18.34"))
    assert result == D("205620.19")
    assert str(result) == "205620.19"


def test_amount_of_from_spreadsheet_floats() -> None:
    quantity = parse_decimal(11211.57, field="面积")
    rate = parse_decimal(18.34, field="标准")
    assert amount_of(quantity, rate) == D("205620.19")


def test_amount_of_rounds_half_up_and_takes_ints() -> None:
    assert amount_of(D("0.5"), D("0.01")) == D("0.01")  # 0.005
    assert amount_of(3, D("86.5")) == D("259.50")
    assert amount_of(4, 300) == D("1200.00")


def test_amount_of_refuses_float() -> None:
    with pytest.raises(TypeError):
        amount_of(11211.57, D("18.34"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "plain", "grouped"),
    [
        (D("205620.19"), "205620.19", "205,620.19"),
        (D("1234567.891"), "1234567.89", "1,234,567.89"),
        (D("0"), "0.00", "0.00"),
        (D("-0.001"), "0.00", "0.00"),  # never "-0.00"
        (D("-1234.5"), "-1234.50", "-1,234.50"),
        (D("999.995"), "1000.00", "1,000.00"),
        (D("1E+3"), "1000.00", "1,000.00"),
        (12, "12.00", "12.00"),
    ],
)
def test_format_money(value: Decimal, plain: str, grouped: str) -> None:
    assert format_money(value) == plain
    assert format_money_cn(value) == grouped


def test_sum_money_is_exact() -> None:
    rows = [D("0.10")] * 10 + [D("205620.19"), 5]
    assert sum_money(rows) == D("205626.19")


def test_sum_money_empty_is_zero_with_two_places() -> None:
    result = sum_money([])
    assert result == 0
    assert str(result) == "0.00"


def test_sum_money_accepts_generator() -> None:
    assert sum_money(D(n) / 100 for n in range(1, 5)) == D("0.10")


def test_sum_money_does_not_round() -> None:
    assert sum_money([D("0.004"), D("0.004")]) == D("0.008")


def test_sum_money_refuses_float() -> None:
    with pytest.raises(TypeError, match="float"):
        sum_money([D("1.00"), 0.1])  # type: ignore[list-item]


def test_total_equals_sum_of_rounded_rows() -> None:
    # The notice total is the sum of printed rows, not the rounded total area × rate.
    rows = [amount_of(D("1.005"), D("1")), amount_of(D("2.005"), D("1"))]
    assert rows == [D("1.01"), D("2.01")]
    assert sum_money(rows) == D("3.02")
