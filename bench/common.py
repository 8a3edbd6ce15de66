"""Helpers shared by the benchmarks: medians, timing subprocesses, printing ratios."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"


def openpyxl_read(path: Path) -> int:
    """The import benchmarks' floor: openpyxl reading every cell of the file's first sheet (read-only,
    values only), nothing checked or stored. Returns the number of cells read."""
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    n = 0
    for row in wb.active.iter_rows(values_only=True):
        for _ in row:
            n += 1
    wb.close()
    return n


def median_time(fn: Callable[[], object], runs: int = 5, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def times_until_markers(cmd: list[str], markers: tuple[str, ...], env: dict | None = None,
                        values: tuple[str, ...] = ()) -> list[float]:
    """Wall times from launching `cmd` until it prints each `<marker> <epoch seconds>` on stdout,
    followed by the figures it prints as `<value> <number>` for each of ``values``."""
    full_env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"), **(env or {})}
    t0 = time.time()
    out = subprocess.run(cmd, env=full_env, capture_output=True, text=True, timeout=120)
    seen = {}
    for line in out.stdout.splitlines():
        word, _, stamp = line.partition(" ")
        if word in markers and word not in seen:
            seen[word] = float(stamp) - t0
        elif word in values and word not in seen:
            seen[word] = float(stamp)
    markers = (*markers, *values)
    missing = [m for m in markers if m not in seen]
    if missing:
        raise RuntimeError(f"{cmd[0]} printed no {missing} line: {out.stdout[-500:]} {out.stderr[-2000:]}")
    return [seen[m] for m in markers]


def time_until_marker(cmd: list[str], env: dict | None = None, marker: str = "painted") -> float:
    """Wall time from launching `cmd` until it prints `<marker> <epoch seconds>` on stdout."""
    return times_until_markers(cmd, (marker,), env)[0]


def ratio_line(label: str, ours: float, base: float, base_label: str, goal: str) -> str:
    return f"{label}: cunwu {ours:.3f} s, {base_label} {base:.3f} s, ratio {ours / base:.2f}× ({goal})"


PY = sys.executable
