"""Refusing a "bomb" spreadsheet takes bounded memory (issue 11: ≤ 300 MB). Measured as the peak RSS
of a separate process that reads the file, so nothing else this test run holds is counted. Memory only:
the time figure is in bench/input_limits.py (timed asserts do not belong in tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile_files import (
    roster_rows,
    sheet_xml_parts,
    write_huge_cell_xlsx,
    write_rows_bomb,
    write_xlsx,
)

PEAK_LIMIT_MB = 300
ROOT = Path(__file__).resolve().parents[3]

# VmHWM (the peak resident set of this process's own address space), not getrusage's ru_maxrss: on
# Linux a child forked from a large pytest process starts with the parent's maxrss and keeps it past exec.
_READER = """
import sys
from models.exchange.roster_import import read_roster
result = read_roster(sys.argv[1])
assert len(result.problems) == 1, result.problems
print(result.problems[0].rule)
with open("/proc/self/status") as fh:
    print(next(line.split()[1] for line in fh if line.startswith("VmHWM:")))
"""


def _peak_mb(path: Path) -> tuple[str, float]:
    done = subprocess.run([sys.executable, "-c", _READER, str(path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    rule, kb = done.stdout.split()
    return rule, int(kb) / 1024  # VmHWM is in kB


@pytest.mark.parametrize(("build", "rule"), [
    (lambda p: write_rows_bomb(p, 1_000_000), "max_rows"),
    (lambda p: write_xlsx(p, sheet_xml_parts(roster_rows(2), dimension="A1:C5000000")), "max_rows"),
    (lambda p: write_xlsx(p, sheet_xml_parts(roster_rows(2), dimension="A1:XFD30001")), "max_columns"),
    (lambda p: write_huge_cell_xlsx(p, 200 * 1024 * 1024), "cell_length"),
], ids=["million-real-rows", "declared-rows", "declared-columns", "200MB-cell"])
def test_refusing_a_bomb_stays_within_300_mb(tmp_path, build, rule):
    path = build(tmp_path / "bomb.xlsx")
    assert path.stat().st_size < 3 * 1024 * 1024
    got, peak = _peak_mb(path)
    assert got == rule
    assert peak <= PEAK_LIMIT_MB, f"peak RSS {peak:.0f} MB"
