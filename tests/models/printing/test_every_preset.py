"""Every table preset, printed (issue 9): each public column's header with its unit, no internal
column, the preset's count word in the 合计 line, the amount total in its own unit (a 万元 column
never under 元) — one case per preset, so a preset added later is printed and checked too."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from models.printing.jobs import NoticePrinter
from models.rules import roster as R
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from models.services.disclosures import DisclosureService

from .test_notices import bank_card, id_number
from .test_render import all_text, squeezed

TODAY = date(2026, 7, 20)
ROWS = 3
AMOUNT = Decimal("123.45")


def _computed(column: R.RosterColumn, columns: list[R.RosterColumn]) -> bool:
    """Whether ``column`` is left empty for the app to compute (amount = quantity × rate)."""
    keys = {c.key for c in columns}
    return column.key == "amount" and bool(column.computed) and {"quantity", "rate"} <= keys


def _cell(column: R.RosterColumn, columns: list[R.RosterColumn], i: int) -> str | None:
    """A valid value for row ``i`` of ``column`` (None: left empty, the amount is computed)."""
    if _computed(column, columns):
        return None
    return {
        "name": f"张{'一二三'[i]}", "id_number": id_number(i + 1), "bank_card": bank_card(i + 1),
        "phone": f"1381234567{i}", "money": str(AMOUNT), "quantity": "10.5", "rate": "2",
        "int": "3", "date": "2026-07-01", "address": f"测试村{i + 1}组", "signature": "",
    }.get(column.kind, f"{column.title}{i + 1}")


def _rows(columns: list[R.RosterColumn]) -> list[dict]:
    return [{c.key: v for c in columns if (v := _cell(c, columns, i)) is not None} for i in range(ROWS)]


@pytest.mark.parametrize("preset", list(R.PRESET_LABELS))
def test_each_preset_prints_its_headers_units_count_word_and_total(empty_village, preset):
    _db, ctx = empty_village
    CatalogService(ctx).add(ItemData(code="T-01", group="资金", name=R.PRESET_LABELS[preset],
                                     timing=TimingRule("immediate"), posting_days=7, default_kind="roster",
                                     roster_preset=preset))
    columns = R.preset_columns(preset)
    record = DisclosureService(ctx, clock=lambda: TODAY).create("T-01", "2026-07-10", f"{R.PRESET_LABELS[preset]}公示",
                                                               rows=_rows(columns))
    assert [c["key"] for c in record.columns] == [c.key for c in columns]
    assert not [f for f in record.findings if f.is_error], record.findings
    text = all_text(NoticePrinter(ctx, today=TODAY).print_disclosure(record.id).data)
    flat = squeezed(text)

    for column in columns:
        if column.public and column.kind != "signature":
            assert squeezed(column.label) in flat, (preset, column.label)
        elif not column.public:
            assert squeezed(column.label) not in flat, (preset, column.label)  # internal: never printed
    assert f"共{ROWS}{R.count_word(preset)}" in flat
    amount = next(c for c in columns if c.key == "amount")
    if amount.unit and amount.unit != "元":
        assert squeezed(f"{amount.title}（元）") not in flat  # a 万元 column never prints under 元
    each = Decimal("10.5") * 2 if _computed(amount, columns) else AMOUNT
    assert f"{each * ROWS:,.2f}" in text, (preset, each * ROWS)
    # internal personal data never reaches the notice in full
    assert id_number(1) not in text and bank_card(1) not in text
