"""The personal-number detector's cost on a 10,000-row roster, as a share of that roster's print time.

Every default notice passes through the detector before layout (issue 8): the roster's text columns
are looked at to see whether they mostly hold ID / card / phone numbers, then every text of the
document — title, paragraphs, every cell — is scanned and masked. Measured in one process (labelled
so): the notice built and rendered (``bench.printing``'s roster, the detector included), and the
detector's two steps alone on the very inputs the builder gives them. Goal: under 10 % of the print
time. Two rosters: the usual one (a remark now and then) and a heavy one where every row's 备注
carries a phone number and a custom column of free text is added — the worst a clerk's roster does.

    python -m bench privacy            (or: make bench)
"""

from __future__ import annotations

import copy
import statistics
import time
from collections.abc import Callable

from .printing import _item, _village, cunwu_render, roster_record

ROWS = 10_000
RUNS = 5
GOAL = 0.10


def _median(fn: Callable[[], object], runs: int = RUNS) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def heavy_record(n: int):
    """Every row's 备注 with an agent's phone number, and a custom 救助事由 column of free text."""
    record = roster_record(n)
    record = copy.copy(record)
    record.rows = [dict(r, remark=f"代领人：陈某{i % 100} 电话138{i:08d}", 救助事由="因病致贫，2026年7月核定")
                   for i, r in enumerate(record.rows)]
    record.columns = [*record.columns[:-1], "救助事由", record.columns[-1]]
    return record


def detector_steps(record) -> tuple[Callable[[], object], int]:
    """A callable running the detector's steps on the builder's inputs, and how many numbers the
    masking step replaces."""
    from models.printing import notices
    from models.printing.settings import PrintSettings
    from models.rules.personal_numbers import find_personal_numbers
    from models.rules.roster import effective_columns

    settings = PrintSettings(phones=("村务监督委员会 李监委 13812341234",))
    captured = {}
    original = notices.mask_document
    notices.mask_document = lambda doc, public=(): captured.setdefault("doc", doc)
    try:
        notices.disclosure_notice(record, village=_village(), item=_item(), settings=settings)
    finally:
        notices.mask_document = original
    document = captured["doc"]
    columns = notices.roster_columns(record.columns, _item().roster_preset, unmasked=False)
    public = settings.public_numbers
    found = sum(len(find_personal_numbers(cell, public=public)) for row in document.tables[0].rows for cell in row)

    def run() -> None:
        effective_columns(columns, record.rows)
        original(document, public)

    return run, found


def run(rows: int = ROWS) -> None:
    from models.printing.fonts import register_fonts

    register_fonts()
    for label, record in (("usual roster", roster_record(rows)), ("every 备注 with a phone", heavy_record(rows))):
        printing = _median(lambda record=record: cunwu_render(record), runs=3)
        steps, found = detector_steps(record)
        detector = _median(steps)
        share = detector / printing
        verdict = "met" if share < GOAL else "NOT met"
        print(f"privacy: {label}, {rows:,} rows (in-process, median): print {printing:.3f} s, detector "
              f"{detector * 1000:.0f} ms ({detector / rows * 1e6:.1f} µs/row, {found:,} numbers masked) = "
              f"{share:.1%} of the print time (goal < {GOAL:.0%}, {verdict})")


if __name__ == "__main__":
    run()
