"""Roster import: read_roster() on a 10,000-row xlsx against openpyxl merely reading the file
(read-only, values only) in the same run. Goal: within 2× of the bare read."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

ROWS = 10_000
RATE = Decimal("18.34")


def _id_number(i: int) -> str:
    from stdnum.cn import ric

    body = f"410322{19600101 + (i % 28) + 100 * (i // 28 % 12):08d}{i % 1000:03d}"
    return body + ric.calc_check_digit(body + "X")


def make_roster(path: Path, rows: int = ROWS) -> Path:
    """A 地力补贴 roster as clerks make it: title row, header, a row per villager, a 合计 line."""
    import openpyxl

    from models.rules.money import amount_of

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("发放名单")
    ws.append(["2026年耕地地力保护补贴发放名单"])
    ws.append(["序号", "村民小组", "姓名", "身份证号", "面积（亩）", "补贴标准（元/亩）", "补贴金额（元）",
               "银行卡号", "备注"])
    total = Decimal("0.00")
    for i in range(rows):
        area = Decimal(100 + i % 900) / 100
        amount = amount_of(area, RATE)
        total += amount
        # half the numbers as numbers, half as text, as clerks' files have them
        ws.append([i + 1, f"{i % 9 + 1}组", f"村民{i}", _id_number(i), str(area) if i % 2 else float(area),
                   float(RATE), str(amount) if i % 3 else float(amount), f"62170000{i:011d}", None])
    ws.append(["合计", None, None, None, None, None, str(total), None, None])
    wb.save(path)
    return path


def run() -> None:
    from bench.common import median_time, openpyxl_read
    from models.exchange.roster_import import read_roster

    with tempfile.TemporaryDirectory(prefix="cunwu-bench-") as tmp:
        path = make_roster(Path(tmp) / "roster.xlsx")
        result = read_roster(path)
        if result.problems or len(result.rows) != ROWS:
            raise RuntimeError(f"bench roster read wrongly: {len(result.rows)} rows, {result.problems[:3]}")
        base = median_time(lambda: openpyxl_read(path), runs=5)
        ours = median_time(lambda: read_roster(path), runs=5)
    print(f"roster import {ROWS:,} rows: openpyxl read {base:.3f} s, cunwu {ours:.3f} s, "
          f"ratio {ours / base:.2f}× (goal ≤ 2×)")


if __name__ == "__main__":
    run()
