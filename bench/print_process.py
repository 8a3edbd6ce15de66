"""`cunwu print` as a clerk or a township script meets it: one whole process, against LibreOffice's
whole process converting the same table, side by side in this run.

Set-up (not timed): a village database made through the CLI (`init`, `disclosure new --from` an xlsx
of the roster, `submit`, `approve`, `post`), the same table as the notice prints it written to an xlsx
for LibreOffice (bench.printing.write_xlsx), and a month of 40 posted notices for `print due`.

Timed: `cunwu print ID --out f.pdf` and `soffice --headless --convert-to pdf f.xlsx` (a warm profile),
alternately A B A B … after a warm-up of each, medians of RUNS; wall time and CPU time (user + system
of the child process). Goal (issue 13): cunwu ≥ 4× faster than LibreOffice at 1,000 and 10,000 rows.
Also `cunwu print due --month` for 40 notices, peak memory (max RSS) of each process, the process
floor (printing one short notice: peak memory and time), and the time per row above that floor at
each size (flat = linear).

With accounts: a township, or a careful village, has accounts (`cunwu user add`), and then every
print signs in (`CUNWU_USER` / `CUNWU_PASSWORD`: one scrypt check, models.rules.passwords). The same
short notice and rosters are printed again in a copy of the village with one account, alternating with
LibreOffice likewise, with the same goal.

With ``--large`` a 100,000-row roster is added (its set-up, through the services, takes a few minutes,
so `make bench` leaves it out: `make bench-print-large`), for the linearity and the memory goal:
peak ≤ 2 × the PDF's size + the floor. LibreOffice is not run at that size. The per-row flatness is
then timed again in rounds — the floor, 10,000 and 100,000 rows one after another, the ratio taken
within each round, the median quoted — because this machine's speed drifts over minutes and the
sizes' own lines are timed minutes apart. Where valgrind is installed, the instructions each print
executes are counted too (a count, the same every run), upright and again in landscape: upright, the
100,000-row table is too wide for the paper at its size (six-digit 序号, longer 合计 sums) and every row
has cells set a little smaller, which costs more to draw — a different table, not the same one
longer (the bench counts such rows at each size); in landscape no size does, so those counts compare
a row's cost with the table alike.

    python -m bench print_process            (or: make bench)
    python -m bench.print_process --large    (or: make bench-print-large)
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .common import OUT, ROOT
from .printing import LibreOffice, find_soffice, printed_table, roster_record, write_xlsx

SIZES = (1_000, 10_000)
LARGE = 100_000
RUNS = 5
GOAL = 4.0
DUE_NOTICES = 40
PER_ROW_ROUNDS = 5  # with --large: rounds of the floor, 10,000 and 100,000 rows in turn


def _cunwu(db: Path, *args: str, data: Path) -> list[str]:
    return [sys.executable, "-m", "desktop.entry", "--db", str(db), "--data-dir", str(data), *args]


# The account of the with-accounts rows (a copy of the village): who signs in to print, and how.
ACCOUNT = "王会计"
ACCOUNT_PASSWORD = "cunwu-bench-2026"
SIGNED_IN = {"CUNWU_USER": ACCOUNT, "CUNWU_PASSWORD": ACCOUNT_PASSWORD}


def _env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), **(extra or {})}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode compiled
    return env


def _run(cmd: list[str], extra: dict[str, str] | None = None) -> str:
    done = subprocess.run(cmd, env=_env(extra), capture_output=True, text=True, timeout=1800)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[2:5])}…: exit {done.returncode}: {done.stderr[-500:]}")
    return done.stdout


def timed(cmd: list[str], extra: dict[str, str] | None = None) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and max RSS (KiB) of one whole process (``extra``:
    environment variables added), measured by bench/measured.py: the process's own peak, not this
    benchmark's size it would start from if forked from here."""
    with tempfile.NamedTemporaryFile("r", suffix=".json", encoding="utf-8") as report:
        proc = subprocess.run([sys.executable, "-S", "-E", str(Path(__file__).with_name("measured.py")), report.name,
                               *cmd], env=_env(extra), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if proc.returncode != 0:
            raise RuntimeError(f"{cmd[0]} … exit {proc.returncode}: "
                               f"{proc.stderr.decode(errors='replace')[-500:]}")
        figures = json.loads(report.read())
    return figures["wall"], figures["cpu"], figures["maxrss_kib"]


def _mb(kib: float) -> float:
    """A max RSS (KiB, as the kernel gives it) in MB — the unit the PDF's size is given in."""
    return kib * 1024 / 1e6


def _roster_xlsx(path: Path, n: int) -> None:
    """The roster as a clerk's spreadsheet (the import's input)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["村民小组", "姓名", "身份证号", "面积", "标准", "金额", "备注"])
    for r in roster_record(n).rows:
        sheet.append([r["group"], r["name"], r["id_number"], str(r["quantity"]), str(r["rate"]), str(r["amount"]),
                      r["remark"]])
    book.save(path)


def build_village(work: Path, sizes: tuple[int, ...]) -> tuple[Path, Path, dict[int, int], int]:
    """The village, the posted roster of each size (by id) and one short posted notice (the floor)."""
    db, data = work / "village.sqlite3", work / "data"
    _run(_cunwu(db, "init", "--mode", "village", "--code", "410322100001", "--name", "测试村", "--township",
                "城关镇", "--operator", "王会计", "--since", "2026-01", data=data))
    ids = {}
    for n in sizes:
        xlsx = work / f"import-{n}.xlsx"
        _roster_xlsx(xlsx, n)
        out = _run(_cunwu(db, "disclosure", "new", "--item", "CW-13", "--period", "2026-M11", "--kind", "roster",
                          "--title", "2026年耕地地力保护补贴发放名单公示", "--from", str(xlsx), "--json", data=data))
        ids[n] = json.loads(out)["id"]
        _post(db, data, ids[n])
    short = _month_of_notices(db, data, work)
    return db, data, ids, short


def with_account(db: Path, data: Path, work: Path) -> Path:
    """A copy of the village with one account (the first, an admin: `cunwu user add` with
    ``CUNWU_NEW_PASSWORD``), so that every print there signs in."""
    copy = work / "village-accounts.sqlite3"
    shutil.copyfile(db, copy)
    _run(_cunwu(copy, "user", "add", ACCOUNT, "--role", "admin", data=data),
         {"CUNWU_NEW_PASSWORD": ACCOUNT_PASSWORD})
    return copy


def _post(db: Path, data: Path, record: int) -> None:
    _run(_cunwu(db, "disclosure", "submit", str(record), data=data))
    _run(_cunwu(db, "disclosure", "approve", str(record), "--reviewer", "李监委", data=data))
    _run(_cunwu(db, "disclosure", "post", str(record), "--start", "2026-11-20", data=data))


# The start of a set-up script run through the services: the database (argv[1]), a clerk and a reviewer.
_SERVICES = r"""
import sys
from datetime import date
from pathlib import Path
from models.storage.database import open_database
from models.services.context import Actor, ServiceContext
from models.services.disclosures import DisclosureService
db = open_database(Path(sys.argv[1]))
clerk = DisclosureService(ServiceContext(db, Actor("王会计")), clock=lambda: date(2026, 11, 20))
chief = DisclosureService(ServiceContext(db, Actor("李监委", "reviewer")), clock=lambda: date(2026, 11, 20))
"""


def _through_services(what: str, body: str, db: Path, count: int, timeout: int, *more: str) -> int:
    """Runs ``body`` after :data:`_SERVICES` (argv[2]: ``count``, then ``more``); returns the id it
    prints last."""
    done = subprocess.run([sys.executable, "-c", _SERVICES + body, str(db), str(count), *more], env=_env(),
                          capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"{what}: {done.stderr[-800:]}")
    return int(done.stdout.split()[-1])


def _month_of_notices(db: Path, data: Path, work: Path) -> int:
    """DUE_NOTICES short notices and rosters posted in November 2026, through the services (faster);
    returns the last one's id."""
    return _through_services("month of notices", r"""
for i in range(int(sys.argv[2])):
    body = "经村民代表会议讨论通过，现将有关事项公告如下：" + "村内道路硬化、路灯安装、垃圾清运等。" * (3 + i % 5)
    d = clerk.create("CW-22", f"2026-M{1 + i % 10}", f"村务监督委员会工作情况公告（第{i + 1}号）", kind="notice", body=body)
    clerk.submit(d.id)
    chief.approve(d.id, "李监委")
    clerk.post(d.id, start=date(2026, 11, 1 + i % 28))
print(d.id)
""", db, DUE_NOTICES, 600)


def _large_roster(db: Path, n: int, like: int) -> int:
    """A posted roster of ``n`` rows made through the services (the CLI's xlsx import of 100,000 rows
    would first need openpyxl to write them): the same rows as bench.printing.roster_record, with the
    columns (labels, units) of record ``like`` — the imported rosters' — so the same table grows."""
    return _through_services(f"{n:,}-row roster", r"""
from bench.printing import id_number_unique, roster_record
rows = [{k: r[k] for k in ("group", "name", "quantity", "rate", "amount", "remark")}
        for r in roster_record(int(sys.argv[2])).rows]
for i, row in enumerate(rows, start=1):
    row["id_number"] = id_number_unique(i)  # the 1,000-row pattern repeats within 100,000 rows
columns = clerk.get(int(sys.argv[3]), checked=False).columns
d = clerk.create("CW-13", "2026-M10", "2026年耕地地力保护补贴发放名单公示（十万行）", kind="roster", rows=rows,
                 columns=columns)
clerk.submit(d.id)
chief.approve(d.id, "李监委")
clerk.post(d.id, start=date(2026, 11, 20))
print(d.id)
""", db, n, 3600, str(like))


def _median(values: list[float]) -> float:
    return statistics.median(values)


def run(sizes: tuple[int, ...] = SIZES, runs: int = RUNS, *, large: bool = False) -> None:
    soffice = find_soffice()
    work = Path(tempfile.mkdtemp(prefix="bench-print-process-", dir=OUT if OUT.exists() else None))
    try:
        db, data, ids, short = build_village(work, sizes)
        office = LibreOffice(soffice, work) if soffice else None
        if office is None:
            print("print_process: LibreOffice (soffice) is not available: cunwu's figures alone, no ratio")
        floor_wall, floor_cpu, floor_rss = _floor(db, data, work, short, runs)
        figures: dict[int, tuple[float, float, float, int]] = {}
        for n in sizes:
            figures[n] = _print_roster(n, ids[n], db, data, work, runs, office)
        due_cmd = _cunwu(db, "print", "due", "--month", "2026-11", "--out", str(work / "due.pdf"), data=data)
        timed(due_cmd)
        due = [timed(due_cmd) for _ in range(runs)]
        print(f"print_process: `cunwu print due --month 2026-11` ({DUE_NOTICES} notices + the month's rosters), "
              f"whole process, median of {runs}: {_median([w for w, _, _ in due]):.2f} s wall, "
              f"{_median([c for _, c, _ in due]):.2f} s CPU, peak {_mb(max(m for _, _, m in due)):.0f} MB",
              flush=True)
        if large:
            started = time.perf_counter()
            record = _large_roster(db, LARGE, ids[max(sizes)])
            print(f"print_process: {LARGE:,}-row roster set up through the services in "
                  f"{time.perf_counter() - started:.0f} s (not timed below)", flush=True)
            figures[LARGE] = _print_roster(LARGE, record, db, data, work, max(3, runs // 2), None)
            _, _, rss, size = figures[LARGE]
            budget = 2 * size / 1e6 + floor_rss
            print(f"print_process: memory at {LARGE:,} rows: peak {rss:.1f} MB against 2 × PDF "
                  f"({size / 1e6:.2f} MB) + floor ({floor_rss:.1f} MB) = {budget:.1f} MB: "
                  f"{'met' if rss <= budget else 'NOT met'}", flush=True)
        accounts = with_account(db, data, work)
        signed_floor, _, _ = _floor(accounts, data, work, short, runs, SIGNED_IN)
        print(f"print_process: with accounts, signing in adds {signed_floor - floor_wall:.2f} s to the floor",
              flush=True)
        for n in sizes:
            _print_roster(n, ids[n], accounts, data, work, runs, office, SIGNED_IN)
        if large:
            _per_row_rounds(db, data, work, short, ids[max(sizes)], max(sizes), record)
            tables = {**ids, LARGE: record}
            _set_smaller(db, tables)
            _instructions_per_row(db, data, work, short, tables)
            # the same prints in landscape, where no size sets a cell smaller: a row's cost, table alike
            _instructions_per_row(db, data, work, short, tables, "--landscape")
        if len(figures) >= 2:
            per_row = {n: (cpu - floor_cpu) / n * 1e6 for n, (_, cpu, _, _) in figures.items()}
            # the base: the largest of the usual sizes — at 1,000 rows the CPU above the floor is a few
            # hundredths of a second, within the run-to-run spread of either
            base = max(n for n in per_row if n != LARGE) if LARGE in per_row else min(per_row)
            print("print_process: CPU per row above the floor: " + ", ".join(
                f"{per_row[n]:.0f} µs at {n:,}" for n in sorted(per_row)) + f" (ratio to {base:,} rows: " + ", ".join(
                f"{per_row[n] / per_row[base]:.2f} at {n:,}" for n in sorted(per_row) if n != base)
                + "; 1.00 = linear)", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _per_row_rounds(db: Path, data: Path, work: Path, short: int, base: int, base_rows: int, large: int,
                    rounds: int = PER_ROW_ROUNDS) -> None:
    """CPU per row above the floor at ``base_rows`` and at LARGE rows, the three prints (the short
    notice, record ``base``, record ``large``) run one after another in each round and the ratio taken
    within the round: this machine's speed drifts by a fifth over a minute (the same 100,000-row print
    took 6.9 to 9.5 s CPU back to back), so sizes timed minutes apart compare the machine, not the
    code. Prints each round's figures and the median ratio."""
    commands = {n: _cunwu(db, "print", str(record), "--out", str(work / f"round-{n}.pdf"), data=data)
                for n, record in ((0, short), (base_rows, base), (LARGE, large))}
    ratios: list[float] = []
    figures: list[str] = []
    for k in range(rounds):
        order = list(commands)[k % 3:] + list(commands)[:k % 3]  # each print first, second and last in turn
        cpu = {n: timed(commands[n])[1] for n in order}
        small, big = ((cpu[n] - cpu[0]) / n * 1e6 for n in (base_rows, LARGE))
        ratios.append(big / small)
        figures.append(f"{small:.0f} / {big:.0f} µs ({big / small:.2f})")
    print(f"print_process: CPU per row above the floor, the floor, {base_rows:,} and {LARGE:,} rows printed in "
          f"turn in each of {rounds} rounds ({base_rows:,} / {LARGE:,} rows): " + "; ".join(figures)
          + f" → median ratio {_median(ratios):.2f} (1.00 = linear)", flush=True)


def _instructions(cmd: list[str]) -> int:
    """Instructions one whole process executes (valgrind's cachegrind, no cache simulation), string
    hashing seeded alike: the same count run after run, whatever else the machine is doing."""
    done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--branch-sim=no",
                           "--cachegrind-out-file=/dev/null", *cmd], env=_env({"PYTHONHASHSEED": "0"}),
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=3600)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode != 0 or found is None:
        raise RuntimeError(f"valgrind {' '.join(cmd[2:6])}…: exit {done.returncode}: {done.stderr[-500:]}")
    return int(found.group(1).replace(",", ""))


def _set_smaller(db: Path, records: dict[int, int]) -> None:
    """Prints how many rows of each roster (``records``: rows → record id) have a cell set in smaller
    type, upright and in landscape (laid out in this process, as `cunwu print` lays it out): a table
    too wide for the paper at its size has its one-line cells (numbers, masked IDs) set a little
    smaller, not broken — at 100,000 rows the six-digit 序号 and the longer 合计 sums do that to every
    row upright, and a row set so costs more to draw, so that table is not the smaller ones' alike."""
    from models.printing.direct import read_document
    from models.printing.document import PrintOptions
    from models.printing.render import TextMeasure, _Layout, register_fonts

    register_fonts()
    found: dict[str, list[str]] = {}
    for landscape in (False, True):
        for n, record in sorted(records.items()):
            doc = read_document(db, record, PrintOptions(landscape=landscape))
            if doc is None:
                raise RuntimeError(f"record {record}: not printed from the file")
            plan = _Layout(doc, TextMeasure()).plan_table(doc.tables[0])
            smaller = sum(1 for extra in plan.extras
                          if extra and any(entry[0] == "shrink" for entry in extra.values()))
            found.setdefault("in landscape" if landscape else "upright", []).append(f"{smaller:,} of {n:,}")
    print("print_process: rows with a cell set in smaller type (the table too wide for the paper at its size): "
          + "; ".join(f"{how} {', '.join(counts)}" for how, counts in found.items()), flush=True)


def _instructions_per_row(db: Path, data: Path, work: Path, short: int, records: dict[int, int],
                          *flags: str) -> None:
    """Instructions per row of each roster (``records``: rows → record id), each print (with the
    print ``flags``, e.g. ``--landscape``) run once under valgrind (when installed): above the floor
    (the short notice), and between one size and the next — a row's own cost, without what any
    table costs once. A count, not a time, so the ratios are the code's, not the machine's moment.
    Slow (a few minutes: the prints run two at a time)."""
    if shutil.which("valgrind") is None:
        print("print_process: valgrind is not installed: no instruction counts", flush=True)
        return
    from concurrent.futures import ThreadPoolExecutor

    commands = {n: _cunwu(db, "print", str(record), "--out", str(work / f"counted-{n}.pdf"), *flags, data=data)
                for n, record in sorted({**records, 0: short}.items(), reverse=True)}
    for command in commands.values():  # each once first: nothing left to compile or cache when counted
        timed(command)
    with ThreadPoolExecutor(2) as pool:
        counts = dict(zip(commands, pool.map(_instructions, commands.values()), strict=True))
    sizes = sorted(n for n in counts if n)
    above = {n: (counts[n] - counts[0]) / n for n in sizes}
    between = {(a, b): (counts[b] - counts[a]) / (b - a) for a, b in zip(sizes, sizes[1:], strict=False)}
    first = next(iter(between.values()))
    print(f"print_process: instructions per row{' (' + ' '.join(flags) + ')' if flags else ''} (valgrind, one run "
          f"each; floor {counts[0] / 1e9:.2f} billion): "
          "above the floor " + ", ".join(f"{above[n] / 1e3:.1f} thousand at {n:,}" for n in sizes)
          + f" ({above[sizes[-1]] / above[sizes[-2]]:.3f} from {sizes[-2]:,} to {sizes[-1]:,}); a row's own, from "
          "one size to the next: " + ", ".join(f"{v / 1e3:.1f} thousand from {a:,} to {b:,}" for (a, b), v in
                                               between.items())
          + " (ratio to the first: " + ", ".join(f"{v / first:.3f}" for v in between.values()) + "; 1.000 = linear)",
          flush=True)


def _floor(db: Path, data: Path, work: Path, short: int, runs: int,
           signed_in: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Times `cunwu print` of the short notice (signed in with ``signed_in``'s variables when given),
    prints its line; returns (wall, CPU, peak MB), medians and the peak."""
    cmd = _cunwu(db, "print", str(short), "--out", str(work / "floor.pdf"), data=data)
    timed(cmd, signed_in)
    floor = [timed(cmd, signed_in) for _ in range(runs)]
    wall, cpu = _median([w for w, _, _ in floor]), _median([c for _, c, _ in floor])
    rss = _mb(max(m for _, _, m in floor))
    what = "with an account (signed in), " if signed_in else ""
    print(f"print_process: process floor, {what}`cunwu print` of one short notice, whole process, median of "
          f"{runs}: {wall:.2f} s wall, {cpu:.2f} s CPU, peak {rss:.0f} MB", flush=True)
    return wall, cpu, rss


def _print_roster(n: int, record: int, db: Path, data: Path, work: Path, runs: int,
                  office: LibreOffice | None, signed_in: dict[str, str] | None = None
                  ) -> tuple[float, float, float, int]:
    """Times `cunwu print` of the ``n``-row roster (alternating with LibreOffice when given; signed in
    with ``signed_in``'s variables when given), prints its line; returns (wall, CPU, peak MB, PDF
    bytes), medians."""
    pdf = work / f"out-{n}.pdf"
    ours_cmd = _cunwu(db, "print", str(record), "--out", str(pdf), data=data)
    ours: list[tuple[float, float, int]] = []
    theirs: list[tuple[float, float, int]] = []
    lo_cmd: list[str] = []
    if office is not None:
        header, rows = printed_table(roster_record(n))
        xlsx = work / f"table-{n}.xlsx"
        write_xlsx(xlsx, "2026年耕地地力保护补贴发放名单公示", header, rows)
        lo_cmd = [office.soffice, f"-env:UserInstallation={office.profile}", "--headless", "--convert-to",
                  "pdf", "--outdir", str(work / "lo-out"), str(xlsx)]
        timed(lo_cmd)  # warm-up (the first start also creates the profile)
    timed(ours_cmd, signed_in)  # warm-up
    for _ in range(runs):
        ours.append(timed(ours_cmd, signed_in))
        if office is not None:
            theirs.append(timed(lo_cmd))
    size = pdf.stat().st_size
    wall, cpu = _median([w for w, _, _ in ours]), _median([c for _, c, _ in ours])
    rss = _mb(max(m for _, _, m in ours))
    what = "with an account (signed in), " if signed_in else ""
    line = (f"print_process: {what}`cunwu print` {n:,}-row roster, whole process, median of {runs}: "
            f"{wall:.2f} s wall, {cpu:.2f} s CPU, peak {rss:.0f} MB (PDF {size / 1e6:.2f} MB)")
    if theirs:
        lo_wall, lo_cpu = _median([w for w, _, _ in theirs]), _median([c for _, c, _ in theirs])
        ratio = lo_wall / wall
        line += (f"; LibreOffice {lo_wall:.2f} s wall, {lo_cpu:.2f} s CPU, peak "
                 f"{_mb(max(m for _, _, m in theirs)):.0f} MB → cunwu {ratio:.2f}× faster "
                 f"by wall, {lo_cpu / cpu:.2f}× by CPU (goal ≥ {GOAL:g}× by wall: "
                 f"{'met' if ratio >= GOAL else 'NOT met'})")
    print(line, flush=True)
    return wall, cpu, rss, size


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="whole-process `cunwu print` against LibreOffice")
    parser.add_argument("--large", action="store_true", help=f"also a {LARGE:,}-row roster (slow set-up)")
    parser.add_argument("--runs", type=int, default=RUNS)
    options = parser.parse_args()
    run(runs=options.runs, large=options.large)
