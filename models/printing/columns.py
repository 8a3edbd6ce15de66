"""Fitting table columns to the paper: each column as wide as its content wants, when it can be.

:func:`fit_columns` measures nothing itself: it takes each column's widest cell, its header's width
and every cell's width (all in points, from the renderer's single measuring pass) and returns the
column widths. Widths given on a :class:`~models.printing.document.Column` are millimetres.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.lib.units import mm

from .document import Column
from .textfit import TextMeasure, header_lines

__all__ = ["SHORT_TEXT_EMS", "fit_columns", "header_width", "narrowest_table", "widest_short_cells"]

# One more line in a cell costs this fraction of one more line of table height.
_CELL_LINE_PENALTY = 0.2
# A column whose every cell is at most this many ems — names (欧阳建国), village groups (第十一组) —
# is never broken over lines; columns holding longer text wrap.
SHORT_TEXT_EMS = 6
# A table whose cells all fit on one line once its one-line cells (numbers, ID numbers, sums) are set
# at most this much smaller keeps every cell on one line: type 8 % smaller is hardly seen, a group
# name broken over two lines on every row is (and doubles the pages).
_ONE_LINE_SQUEEZE = 0.92


def fit_columns(columns: Sequence[Column], natural: list[float], header_full: list[float],
                cell_widths: Sequence[Sequence[float]], *, total: float, pad: float, size: float,
                measure: TextMeasure) -> list[float]:
    """Column widths (pt) filling ``total``.

    ``natural``: each column's widest cell; ``header_full``: each header's one-line width;
    ``cell_widths``: each column's cells' widths, row by row; ``pad``: a cell's left plus right padding.

    Preferences, the first that fits wins and the spare width goes towards the one before it:
    every cell and header on one line; headers in at most two lines ("家庭人口" / "（人）"), then
    three; every cell on one line (headers wrap more); every cell on one line with the one-line
    columns' text at most 8 % smaller (:data:`_ONE_LINE_SQUEEZE`). Then one-line columns (``wrap=False``) keep
    their width and wrapping columns narrow where that adds the fewest lines (a remarks column with
    a few long notes before a names column). Last, everything at its minimum. Spare width goes to
    the text columns (a wide 序号 column looks odd), never beyond a column's maximum.

    Minimums come from the content: a column with nothing in it is as narrow as its header set in
    three lines; a wrapping column of short texts only is never narrower than its widest cell (names
    and groups stay on one line, see :data:`SHORT_TEXT_EMS`). A column that must stay blank on paper for
    writing (a signature) says so with ``min_width``.
    """
    count = len(columns)
    minimum, maximum, cells = _bounds(columns, natural, pad=pad, size=size, measure=measure)
    heads = [min(max(header_full[i] + pad, cells[i]), maximum[i]) for i in range(count)]

    text_columns = [i for i, c in enumerate(columns) if c.wrap]

    def grow(widths: list[float]) -> list[float]:
        for _ in range(2 * count):
            spare = total - sum(widths)
            growable = [i for i in text_columns if widths[i] < maximum[i] - 0.01] or [
                i for i in range(count) if widths[i] < maximum[i] - 0.01]
            if spare <= 0.01 or not growable:
                break
            base = sum(widths[i] for i in growable)
            for i in growable:
                widths[i] = min(maximum[i], widths[i] + spare * widths[i] / base)
        return widths

    def towards(widths: list[float], better: list[float]) -> list[float]:
        # Whole wishes first, smallest first: half the width a header needs to stay on one line
        # is wasted, the header wraps all the same.
        widths = widths[:]
        spare = total - sum(widths)
        for i in sorted(range(count), key=lambda k: better[k] - widths[k]):
            want = better[i] - widths[i]
            if 0 < want <= spare:
                widths[i] = better[i]
                spare -= want
        return widths

    if sum(heads) <= total:
        return grow(heads[:])
    # Headers in two lines, else three (the header row is as tall as its tallest header).
    better = heads
    for lines in (2, 3):
        need = [min(max(header_width(c.label, lines, size, measure) + pad, cells[i]), maximum[i])
                for i, c in enumerate(columns)]
        if sum(need) <= total:
            return grow(towards(need, better))
        better = need
    if sum(cells) <= total:
        return grow(towards(cells, better))
    fixed = [i for i, c in enumerate(columns) if not c.wrap]
    # A few per cent over (a roster of 100,000 rows: 序号 of six digits, larger sums): the one-line
    # columns' text a little smaller, rather than the wrapping columns narrowed until their short
    # texts ("第12村民小组") break on every row. Whether the texts are short does not matter here.
    fixed_text = sum(cells[i] - pad for i in fixed)
    over = sum(cells) - total
    if fixed and fixed_text > 0 and over <= (1 - _ONE_LINE_SQUEEZE) * fixed_text:
        k = 1 - over / fixed_text
        return [pad + (cells[i] - pad) * k if not c.wrap else cells[i] for i, c in enumerate(columns)]
    flexible = text_columns
    left_over = total - sum(cells[i] for i in fixed)
    if flexible and left_over >= sum(minimum[i] for i in flexible):
        widths = _shrink_wrapping(cells, minimum, flexible, left_over, cell_widths, pad)
        return grow(towards(widths, cells))
    # Even the one-line columns do not fit: wrapping columns at their minimum, one-line
    # columns shrunk in proportion (their cells shrink their type or wrap).
    widths = cells[:]
    for i in flexible:
        widths[i] = minimum[i]
    rest = total - sum(minimum[i] for i in flexible)
    fixed_sum = sum(cells[i] for i in fixed)
    if fixed and rest > 0.3 * fixed_sum:
        for i in fixed:
            widths[i] = cells[i] * rest / fixed_sum
        return widths
    scale = total / sum(widths)  # hopeless on this paper: everything in proportion
    return [w * scale for w in widths] if scale < 1 else widths


def _bounds(columns: Sequence[Column], natural: list[float], *, pad: float, size: float,
            measure: TextMeasure, short: list[float] | None = None) -> tuple[list[float], list[float], list[float]]:
    """Each column's minimum and maximum width, and its width with every cell on one line.
    ``short``: each column's widest short cell, kept whole too (see :func:`narrowest_table`)."""
    minimum: list[float] = []
    maximum: list[float] = []
    cells: list[float] = []
    short_limit = SHORT_TEXT_EMS * size
    for i, column in enumerate(columns):
        if natural[i] <= 0:  # empty: only the header needs room
            floor = max(header_width(column.label, 3, size, measure), size) + pad
        elif column.wrap and natural[i] <= short_limit:  # names, groups: every cell short, none broken
            floor = max(2 * size, natural[i]) + pad
        elif column.wrap:
            floor = max(2 * size, short[i] if short else 0.0) + pad
        else:  # one line: as wide as its widest cell (a narrow 序号 column may wrap its header)
            floor = min(2 * size, natural[i]) + pad
        if column.header_lines:
            floor = max(floor, header_width(column.label, column.header_lines, size, measure) + pad)
        low = max((column.min_width or 0) * mm, floor)
        high = max((column.max_width * mm) if column.max_width else math.inf, low)
        minimum.append(low)
        maximum.append(high)
        cells.append(min(max(natural[i] + pad, low), high))
    return minimum, maximum, cells


def widest_short_cells(columns: Sequence[Column], cell_widths: Sequence[Sequence[float]], size: float) -> list[float]:
    """Each column's widest cell of at most :data:`SHORT_TEXT_EMS` ems (``cell_widths``: per column)."""
    limit = SHORT_TEXT_EMS * size
    return [max((w for w in cell_widths[i] if w <= limit), default=0.0) for i in range(len(columns))]


def narrowest_table(columns: Sequence[Column], natural: list[float], short: list[float], *, pad: float,
                    size: float, measure: TextMeasure) -> float:
    """The narrowest the table can be set with every one-line cell and every short text (``short``:
    :func:`widest_short_cells`) whole and no wrapping column below its minimum: wider than the
    paper means the type is too big for this table."""
    minimum, _maximum, cells = _bounds(columns, natural, pad=pad, size=size, measure=measure, short=short)
    return sum(minimum[i] if c.wrap else cells[i] for i, c in enumerate(columns))


def header_width(label: str, lines: int, size: float, measure: TextMeasure) -> float:
    """The narrowest text width setting ``label`` as a header in at most ``lines`` lines."""
    high = measure.width(label, size)
    low = min(high, size)
    if len(header_lines(label, low, size, measure, balanced=False)) <= lines:
        return low
    for _ in range(14):
        middle = (low + high) / 2
        if len(header_lines(label, middle, size, measure, balanced=False)) <= lines:
            high = middle
        else:
            low = middle
    return high


def _shrink_wrapping(cells: list[float], minimum: list[float], flexible: list[int], room: float,
                     cell_widths: Sequence[Sequence[float]], pad: float) -> list[float]:
    """Narrow the wrapping columns until together they take at most ``room`` points.

    Each step narrows the column whose next candidate width adds the fewest printed lines to the
    table per point saved (a row is as tall as its tallest cell), estimated on a sample of at most
    400 rows. So a remarks column with a few long notes narrows before a names column, and two
    columns of long text share the width instead of one of them being crushed.
    """
    widths = cells[:]
    count = len(cell_widths[0]) if cell_widths else 0
    step = max(1, count // 400)
    sample = {i: list(cell_widths[i][::step]) for i in flexible}  # the same rows of each column
    rows = len(range(0, count, step))
    candidates: dict[int, list[float]] = {}
    for i in flexible:
        values = sorted(w + pad for w in sample[i])
        marks = {values[int(q * (len(values) - 1))] for q in (0.99, 0.95, 0.9, 0.8, 0.6)} if values else set()
        marks |= {cells[i] * 0.88 ** k for k in range(1, 25)}
        candidates[i] = sorted({w for w in marks if minimum[i] <= w < cells[i] - 0.01} | {minimum[i]}, reverse=True)

    def lines(text_width: float, width: float) -> int:
        inner = width - pad
        if text_width <= inner + 0.01 or inner <= 0:
            return 1
        return math.ceil(text_width / inner - 1e-6)

    current = {i: [lines(w, widths[i]) for w in sample[i]] for i in flexible}
    while sum(widths[i] for i in flexible) > room + 0.01:
        # tallest and second tallest cell of each sampled row among the wrapping columns
        first = [1] * rows
        first_col = [-1] * rows
        second = [1] * rows
        for i in flexible:
            for r, value in enumerate(current[i]):
                if value > first[r]:
                    second[r], first[r], first_col[r] = first[r], value, i
                elif value > second[r]:
                    second[r] = value
        best: tuple[float, int, float, list[int]] | None = None
        for i in flexible:
            options = [w for w in candidates[i] if w < widths[i] - 0.01]
            if not options:
                continue
            target = options[0]
            new_lines = [lines(w, target) for w in sample[i]]
            added = 0.0
            old_lines = current[i]
            for r, value in enumerate(new_lines):
                other = second[r] if first_col[r] == i else first[r]
                added += max(other, value) - max(other, old_lines[r])
                # a cell broken into more lines reads worse even where the row does not grow
                added += _CELL_LINE_PENALTY * (value - old_lines[r])
            cost = (added + 0.001) / (widths[i] - target)
            if best is None or cost < best[0]:
                best = (cost, i, target, new_lines)
        if best is None:
            break
        _, i, target, new_lines = best
        widths[i] = target
        current[i] = new_lines
    return widths
