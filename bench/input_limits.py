"""Refusing hostile spreadsheets (issue 11, part 1): the whole `cunwu disclosure new --from FILE`
process, wall time and peak RSS, for each bomb — against the same command importing a good 100-row
roster in the same run. Goal: each bomb refused in ≤ 5 s and ≤ 300 MB (before: a 3 MB file ran past
600 s at 5 GB; a 1 GiB cell took 99 s and 4.9 GB)."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

GOAL_S, GOAL_MB = 5.0, 300
RUNS = int(os.environ.get("CUNWU_BENCH_RUNS", "5"))


def _cli(db: Path, data: Path, *args: str) -> list[str]:
    from bench.common import PY

    return [PY, "-c", _RUN_CLI, "--db", str(db), "--data-dir", str(data), "--user", "王文书", *args]


# The CLI as `cunwu` runs it, writing its own peak RSS (VmHWM) to $HWM_FILE at exit: getrusage's
# ru_maxrss of a child starts at the parent's size on Linux, VmHWM belongs to the exec'd process alone.
_RUN_CLI = """
import atexit, os, sys
def _hwm():
    with open("/proc/self/status") as fh, open(os.environ["HWM_FILE"], "w") as out:
        out.write(next(line.split()[1] for line in fh if line.startswith("VmHWM:")))
atexit.register(_hwm)
from models.cli import main
sys.exit(main())
"""


def _measure(cmd: list[str]) -> tuple[int, float, float, str]:
    """(exit code, wall seconds, peak RSS MB, stderr) of one whole process."""
    from bench.common import ROOT

    with tempfile.NamedTemporaryFile("r", suffix=".hwm") as hwm:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "HWM_FILE": hwm.name}
        t0 = time.perf_counter()
        c0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
        wall = time.perf_counter() - t0
        c1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak_kb = int(hwm.read() or 0)
    CPU_SECONDS.append(c1.ru_utime - c0.ru_utime + c1.ru_stime - c0.ru_stime)  # the wall time's share of others' load
    return done.returncode, wall, peak_kb / 1024, done.stderr.decode("utf-8", "replace")


CPU_SECONDS: list[float] = []  # CPU time of each measured process, in order


def run() -> None:
    from tests.hostile_files import (
        roster_rows,
        sheet_xml_parts,
        write_huge_cell_xlsx,
        write_rows_bomb,
        write_xlsx,
    )

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        db, data = d / "v.sqlite3", d / "data"
        code, _, _, err = _measure(_cli(db, data, "init", "--mode", "village", "--code", "410322100001",
                                        "--name", "平乐村", "--township", "平乐镇"))
        assert code == 0, err
        good = write_xlsx(d / "good.xlsx", sheet_xml_parts(roster_rows(100)))
        bombs = {
            "3 MB-class xlsx, 1,900,000 real rows, dimension lies": write_rows_bomb(d / "rows.xlsx"),
            "dimension A1:C5000000": write_xlsx(d / "dim.xlsx", sheet_xml_parts(roster_rows(2),
                                                                                dimension="A1:C5000000")),
            "dimension A1:XFD30001": write_xlsx(d / "xfd.xlsx", sheet_xml_parts(roster_rows(2),
                                                                               dimension="A1:XFD30001")),
            "one 1 GiB cell": write_huge_cell_xlsx(d / "gib.xlsx", 1024 * 1024 * 1024),
            "one 200 MB cell (under the unpacked limit)": write_huge_cell_xlsx(d / "cell.xlsx", 200 * 1024 * 1024),
        }
        new = ("disclosure", "new", "--item", "CW-10", "--period", "2026-Q3", "--title", "临时救助", "--kind", "roster",
               "--from")
        base = [_measure(_cli(db, data, *new, str(good))) for _ in range(RUNS)]
        assert all(code == 0 for code, *_ in base), base[0][3]
        base_s, base_mb = statistics.median(b[1] for b in base), statistics.median(b[2] for b in base)
        print(f"input_limits: baseline — importing a good 100-row roster: median of {RUNS} {base_s:.2f} s, "
              f"{base_mb:.0f} MB (whole process)")
        worst_s = worst_mb = 0.0
        for label, path in bombs.items():
            walls, mbs, ok = [], [], True
            first = len(CPU_SECONDS)
            for _ in range(RUNS):  # the median of several whole processes: one run on a shared machine misleads
                code, wall, mb, err = _measure(_cli(db, data, *new, str(path)))
                ok = ok and code == 1 and "程序内部错误" not in err and "Traceback" not in err
                walls.append(wall)
                mbs.append(mb)
            line = err.strip().splitlines()[-1] if err.strip() else ""
            wall, mb = statistics.median(walls), statistics.median(mbs)
            worst_s, worst_mb = max(worst_s, wall), max(worst_mb, mb)
            print(f"input_limits: {label} ({path.stat().st_size / 1048576:.1f} MB on disk): exit {code}, "
                  f"median of {RUNS} {wall:.2f} s (max {max(walls):.2f} s, {wall / base_s:.2f}× baseline; CPU "
                  f"{statistics.median(CPU_SECONDS[first:]):.2f} s), "
                  f"{mb:.0f} MB (max {max(mbs):.0f} MB) {'ok' if ok else 'NOT REFUSED CLEANLY'} — {line[:110]}")
        print(f"input_limits: worst median {worst_s:.2f} s / {worst_mb:.0f} MB "
              f"(goal ≤ {GOAL_S:.0f} s and ≤ {GOAL_MB} MB: {'met' if worst_s <= GOAL_S and worst_mb <= GOAL_MB else 'NOT met'})")


if __name__ == "__main__":  # pragma: no cover
    run()
