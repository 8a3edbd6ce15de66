"""`make fuzz`: the mutation fuzzer of issue 11 part 8 — hostile variants of the real inputs the app
takes, each run through the real command line (`models.cli.main`, the function `cunwu` calls), each
on a fresh copy of one database.

Every case must end in exit 0 (accepted) or a documented refusal (1, or 2 for usage) with a readable
line — never "程序内部错误" or a traceback. A refused case must leave the database row for row as it
was and the audit chain's head where it was (0 partial writes); an accepted case must leave an audit
chain that `cunwu check --fast` accepts. Time and peak memory (VmHWM, reset before each case through
/proc/self/clear_refs) are measured per case; a case past ``--timeout`` fails. Every ``--process-every``-th
case is also run as a whole `cunwu` process (the sample that shows the in-process figures hold).

Cases are rebuilt from ``--seed`` and their number alone (bench/fuzz_inputs.py); a failing case is
saved under ``bench/out/fuzz-failures/`` with its input and command, and ``--replay DIR`` runs it again.

    python -m bench.fuzz [--cases 10000] [--seed 11] [--jobs 1] [--process-every 250]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench.common import OUT, ROOT
from bench.fuzz_inputs import SETTING_SEEDS, Case, Seeds, make_case, small_catalog

INTERNAL = "程序内部错误"
DB_NAME = "cunwu.sqlite3"
SIDECARS = ("", ".auditkey", ".auditkey-head")


class CaseTimeout(BaseException):
    """Raised by the alarm inside a case; a BaseException so the CLI's own handlers let it through."""


@dataclass
class Result:
    index: int
    target: str
    code: int | None
    seconds: float
    peak_mb: float
    problems: list[str] = field(default_factory=list)
    stderr: str = ""
    whole_process: bool = False
    cpu: float = 0.0  # CPU seconds (user + system) of the case; wall ``seconds`` includes others' load


# --- the database every case starts from -------------------------------------------------------

@dataclass
class Fixture:
    """A village database with the small seed catalog, its dump, and the seeds."""

    folder: Path
    seeds: Seeds

    @property
    def db(self) -> Path:
        return self.folder / "template" / DB_NAME

    def fresh_copy(self, case_dir: Path) -> Path:
        if case_dir.exists():
            shutil.rmtree(case_dir)
        case_dir.mkdir(parents=True)
        for suffix in SIDECARS:
            src = Path(str(self.db) + suffix)
            if src.exists():
                shutil.copy2(src, str(case_dir / DB_NAME) + suffix)
        return case_dir / DB_NAME


class _LastError(logging.Handler):
    """Keeps the traceback the CLI logs for an unexpected error, so a failing case carries it."""

    text = ""

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info:
            _LastError.text = "".join(traceback.format_exception(*record.exc_info))[-4000:]


def _cli(args: list[str]) -> tuple[int, str, str]:
    """`cunwu ARGS` in this process: exit code, stdout, stderr (with the logged traceback of an
    internal error appended, for the saved case)."""
    from models.cli import main

    logger = logging.getLogger("cunwu")
    if logger.handlers and not any(isinstance(h, _LastError) for h in logger.handlers):
        logger.addHandler(_LastError())  # beside the log file the first command set up
    _LastError.text = ""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    err_text = err.getvalue()
    if INTERNAL in err_text and _LastError.text:
        err_text += "\n[logged] " + _LastError.text
    return code, out.getvalue(), err_text


def prepare(folder: Path) -> Fixture:
    """Builds the template database through the CLI and checks that every seed is accepted as it is."""
    folder.mkdir(parents=True, exist_ok=True)
    scratch = folder / "scratch"
    shutil.rmtree(scratch, ignore_errors=True)
    g = ["--db", str(scratch / DB_NAME), "--data-dir", str(scratch / "data"), "--user", "王文书"]
    init = ["init", "--mode", "village", "--code", "410322100001", "--name", "平乐村", "--township", "平乐镇",
            "--operator", "王文书", "--since", "2025-01"]
    _must(_cli([*g, *init]))
    _must(_cli([*g, "catalog", "export", str(scratch / "full.xlsx")]))
    seeds = Seeds.build(small_catalog((scratch / "full.xlsx").read_bytes()))
    template = folder / "template"
    shutil.rmtree(template, ignore_errors=True)
    t = ["--db", str(template / DB_NAME), "--data-dir", str(folder / "data"), "--user", "王文书"]
    _must(_cli([*t, *init, "--template", "none"]))
    cat = folder / "seed-catalog.xlsx"
    cat.write_bytes(seeds.files["catalog_xlsx"][1])
    _must(_cli([*t, "catalog", "import", str(cat)]))
    _checkpoint(template / DB_NAME)
    fixture = Fixture(folder=folder, seeds=seeds)
    # Every seed as it is must be accepted: the mutations start from valid input.
    for name, (suffix, data) in seeds.files.items():
        case = _seed_case(name, suffix, data)
        result = run_in_process(fixture, case, folder / "seedcheck")
        if result.code != 0 or result.problems:
            raise RuntimeError(f"seed {name} not accepted: exit {result.code} {result.problems} {result.stderr}")
    return fixture


def _seed_case(name: str, suffix: str, data: bytes) -> Case:
    from bench.fuzz_inputs import CONTENT_TARGETS, ROSTER_TARGET

    if name.startswith("roster"):
        tail = ["disclosure", "new", "--item", ROSTER_TARGET[0], "--period", ROSTER_TARGET[1], "--title", "名单",
                "--kind", "roster", "--from", "{FILE}"]
    elif name == "catalog_xlsx":
        tail = ["catalog", "import", "{FILE}"]
    else:
        kind = name.removeprefix("content_")
        tail = ["disclosure", "new", "--item", CONTENT_TARGETS[kind][0], "--period", CONTENT_TARGETS[kind][1],
                "--title", "公开", "--kind", kind, "--content-file", "{FILE}"]
    return Case(index=-1, target=name, seed=name, mutations=[], suffix=suffix, data=data, argv_tail=tail)


def _must(result: tuple[int, str, str]) -> None:
    code, out, err = result
    if code != 0:
        raise RuntimeError(f"fixture step failed: exit {code}: {err.strip()}")


def _checkpoint(db: Path) -> None:
    con = sqlite3.connect(db)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


# --- what a case must leave behind ----------------------------------------------------------------

def database_state(db: Path) -> tuple[list[str], bytes]:
    """Every row (the SQL dump) and the audit chain's head witness."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        dump = list(con.iterdump())
    finally:
        con.close()
    head = Path(str(db) + ".auditkey-head")
    return dump, head.read_bytes() if head.exists() else b""


_BASELINE: dict[Path, tuple[list[str], bytes]] = {}


def _baseline(fixture: Fixture) -> tuple[list[str], bytes]:
    if fixture.db not in _BASELINE:
        _BASELINE[fixture.db] = database_state(fixture.db)
    return _BASELINE[fixture.db]


def judge(fixture: Fixture, db: Path, data_dir: Path, code: int | None, err: str) -> list[str]:
    """The problems a finished case shows (none when it behaved)."""
    problems = []
    if code not in (0, 1, 2):
        problems.append(f"exit code {code}")
    if INTERNAL in err or "Traceback" in err:
        problems.append("internal error")
    if code in (1, 2) and not err.strip():
        problems.append("refused without a message")
    if code != 0:
        try:
            if database_state(db) != _baseline(fixture):
                problems.append("partial write: the database changed although the command was refused")
        except sqlite3.Error as exc:
            problems.append(f"database unreadable after a refusal: {exc}")
    elif code == 0:
        c, _, e = _cli(["--db", str(db), "--data-dir", str(data_dir), "--user", "王文书", "check", "--fast"])
        if c != 0:
            problems.append(f"accepted, then `check --fast` failed: {e.strip()[:200]}")
    return problems


# --- running a case -------------------------------------------------------------------------------

def _peak_kb() -> int:
    with open("/proc/self/status") as fh:
        return int(re.search(r"VmHWM:\s+(\d+)", fh.read()).group(1))


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


def _write_input(case: Case, case_dir: Path) -> Path | None:
    if case.data is None:
        return None
    path = case_dir / f"input{case.suffix}"
    path.write_bytes(case.data)
    return path


def _on_alarm(signum, frame):
    raise CaseTimeout()


def run_in_process(fixture: Fixture, case: Case, work: Path, timeout: float = 60.0) -> Result:
    case_dir = work / "case"
    db = fixture.fresh_copy(case_dir)
    data_dir = work / "data"
    file = _write_input(case, case_dir)
    argv = ["--db", str(db), "--data-dir", str(data_dir), "--user", "王文书", *case.argv(file)]
    _reset_peak()
    # The limit is on CPU time (ITIMER_PROF): on a shared machine the wall clock stretches with others' load.
    old = signal.signal(signal.SIGPROF, _on_alarm)
    signal.setitimer(signal.ITIMER_PROF, timeout)
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        code, _, err = _cli(argv)
    except CaseTimeout:
        code, err = None, f"no answer after {timeout:.0f} s of CPU time"
    except BaseException as exc:  # noqa: BLE001 - SystemExit or anything else escaping main() is a finding
        code, err = None, f"{type(exc).__name__} escaped main(): {exc}"
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = _peak_kb() / 1024
    problems = [f"timeout ({timeout:.0f} s CPU)"] if code is None and "no answer" in err else []
    problems += judge(fixture, db, data_dir, code, err)
    return Result(case.index, case.target, code, seconds, peak, problems, err[-6000:], cpu=cpu)


# A whole `cunwu` process that writes its own peak RSS (VmHWM) to $HWM_FILE at exit.
_RUN_CLI = """
import atexit, os, sys
def _hwm():
    with open("/proc/self/status") as fh, open(os.environ["HWM_FILE"], "w") as out:
        out.write(next(line.split()[1] for line in fh if line.startswith("VmHWM:")))
atexit.register(_hwm)
from desktop.entry import main
sys.exit(main())
"""


def run_as_process(fixture: Fixture, case: Case, work: Path, timeout: float = 120.0) -> Result:
    case_dir = work / "proc"
    db = fixture.fresh_copy(case_dir)
    data_dir = work / "data"
    file = _write_input(case, case_dir)
    hwm = case_dir / "hwm"
    cmd = [sys.executable, "-c", _RUN_CLI, "--db", str(db), "--data-dir", str(data_dir), "--user", "王文书",
           *case.argv(file)]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HWM_FILE": str(hwm), "QT_QPA_PLATFORM": "offscreen"}
    t0 = time.perf_counter()
    try:
        done = subprocess.run(cmd, env=env, capture_output=True, timeout=timeout, cwd=case_dir)
        code, err = done.returncode, done.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        code, err = None, f"no answer after {timeout:.0f} s"
    seconds = time.perf_counter() - t0
    peak = int(hwm.read_text() or 0) / 1024 if hwm.exists() else 0.0
    problems = judge(fixture, db, data_dir, code, err)
    return Result(case.index, case.target, code, seconds, peak, problems, err[-2000:], whole_process=True)


def save_failure(out: Path, seed: int, case: Case, result: Result) -> Path:
    folder = out / f"case-{seed}-{case.index}{'-process' if result.whole_process else ''}"
    folder.mkdir(parents=True, exist_ok=True)
    if case.data is not None:
        (folder / f"input{case.suffix}").write_bytes(case.data)
    meta = {"seed": seed, "index": case.index, "target": case.target, "seed_input": case.seed,
            "mutations": case.mutations, "suffix": case.suffix, "argv_tail": case.argv_tail,
            "result": asdict(result)}
    (folder / "case.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return folder


def load_failure(folder: Path) -> Case:
    meta = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    path = folder / f"input{meta['suffix']}"
    return Case(index=meta["index"], target=meta["target"], seed=meta["seed_input"], mutations=meta["mutations"],
                suffix=meta["suffix"], data=path.read_bytes() if path.exists() else None,
                argv_tail=meta["argv_tail"])


# --- a run ----------------------------------------------------------------------------------------

@dataclass
class Summary:
    results: list[Result]
    failures: list[Path]

    @property
    def in_process(self) -> list[Result]:
        return [r for r in self.results if not r.whole_process]

    @property
    def whole(self) -> list[Result]:
        return [r for r in self.results if r.whole_process]

    def count(self, word: str) -> int:
        return sum(1 for r in self.results if any(word in p for p in r.problems))


def _worker(args: tuple) -> list[Result]:
    folder, seed, indexes, process_every, timeout, failures_dir, worker = args
    fixture = Fixture(folder=Path(folder), seeds=_seeds_of(Path(folder)))
    work = Path(folder) / f"worker-{worker if worker is not None else os.getpid()}"
    results = []
    for i in indexes:
        try:
            case = make_case(fixture.seeds, seed, i)
            r = run_in_process(fixture, case, work, timeout)
        except Exception:  # noqa: BLE001 - the harness's own failure is reported with the case, not lost
            results.append(Result(i, "harness", None, 0.0, 0.0, ["harness error"], traceback.format_exc()[-3000:]))
            continue
        results.append(r)
        if r.problems and failures_dir:
            save_failure(Path(failures_dir), seed, case, r)
        if process_every and i % process_every == 0:
            p = run_as_process(fixture, case, work)
            if p.code != r.code and p.code is not None:
                p.problems.append(f"whole process exit {p.code} ≠ in-process exit {r.code}")
            results.append(p)
            if p.problems and failures_dir:
                save_failure(Path(failures_dir), seed, case, p)
    return results


# The seeds of each prepared folder (workers are forked, so they inherit them).
_SEEDS: dict[str, Seeds] = {}


def _seeds_of(folder: Path) -> Seeds:
    return _SEEDS[str(folder)]


def fuzz(cases: int, seed: int = 11, *, start: int = 0, jobs: int = 1, process_every: int = 0,
         timeout: float = 60.0, folder: Path | None = None, failures_dir: Path | None = None,
         progress: bool = False) -> Summary:
    """Runs cases ``start … start+cases-1``; the harness the CI sample and `make fuzz` share."""
    own = folder is None
    folder = Path(tempfile.mkdtemp(prefix="cunwu-fuzz-")) if own else folder
    try:
        fixture = prepare(folder)
        _SEEDS[str(folder)] = fixture.seeds
        indexes = list(range(start, start + cases))
        t0 = time.perf_counter()
        if jobs == 1:
            results = []
            step = max(1, cases // 20)
            for k in range(0, cases, step):
                results += _worker((str(folder), seed, indexes[k:k + step], process_every, timeout,
                                    failures_dir and str(failures_dir), 0))
                if progress:
                    bad = sum(1 for r in results if r.problems)
                    print(f"fuzz: {len(results)} runs, {bad} with problems, {time.perf_counter() - t0:.0f} s",
                          flush=True)
        else:
            import multiprocessing

            pieces = [indexes[k:k + 100] for k in range(0, cases, 100)]
            results = []
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                work = [(str(folder), seed, piece, process_every, timeout, failures_dir and str(failures_dir),
                         None) for piece in pieces]  # each forked worker works in its own folder
                for part in pool.imap_unordered(_worker, work):
                    results += part
                    if progress and len([r for r in results if not r.whole_process]) % 500 == 0:
                        bad = sum(1 for r in results if r.problems)
                        print(f"fuzz: {len(results)} runs, {bad} with problems, {time.perf_counter() - t0:.0f} s",
                              flush=True)
        failed = sorted(failures_dir.glob(f"case-{seed}-*")) if failures_dir and failures_dir.exists() else []
        return Summary(results=results, failures=failed)
    finally:
        if own:
            shutil.rmtree(folder, ignore_errors=True)


def _p99(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[98]


def report(summary: Summary, seed: int) -> list[str]:
    ins, whole = summary.in_process, summary.whole
    codes = {c: sum(1 for r in ins if r.code == c) for c in (0, 1, 2)}
    targets = {}
    for r in ins:
        targets[r.target] = targets.get(r.target, 0) + 1
    lines = [
        f"fuzz: seed {seed}: {len(ins)} cases in process ({', '.join(f'{k} {v}' for k, v in sorted(targets.items()))})"
        f" — accepted {codes[0]}, refused {codes[1]}, usage {codes[2]}",
        f"fuzz: internal errors {summary.count('internal error')}, partial writes {summary.count('partial write')}, "
        f"timeouts {summary.count('timeout')}, harness errors {summary.count('harness error')}, all runs with a "
        f"problem {sum(1 for r in summary.results if r.problems)}",
    ]
    if ins:
        t = [r.seconds for r in ins]
        m = [r.peak_mb for r in ins]
        c = [r.cpu for r in ins]
        lines.append(f"fuzz: CPU time per case (in process): median {statistics.median(c):.3f} s, p99 {_p99(c):.3f} s, "
                     f"max {max(c):.3f} s; wall time: median {statistics.median(t):.3f} s, p99 {_p99(t):.3f} s, "
                     f"max {max(t):.3f} s")
        lines.append(f"fuzz: peak RSS per case (the whole harness process, VmHWM reset before each): median "
                     f"{statistics.median(m):.0f} MB, p99 {_p99(m):.0f} MB, max {max(m):.0f} MB")
    if whole:
        t = [r.seconds for r in whole]
        m = [r.peak_mb for r in whole]
        lines.append(f"fuzz: whole `cunwu` processes: {len(whole)} cases, time median {statistics.median(t):.2f} s, "
                     f"p99 {_p99(t):.2f} s, max {max(t):.2f} s; peak RSS median {statistics.median(m):.0f} MB, "
                     f"p99 {_p99(m):.0f} MB, max {max(m):.0f} MB")
    for r in [r for r in summary.results if r.problems][:20]:
        last = r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ""
        lines.append(f"fuzz: case {r.index} ({r.target}{', whole process' if r.whole_process else ''}): "
                     f"{r.problems} — {last[:160]}")
    for path in summary.failures[:20]:
        lines.append(f"fuzz: failing case saved: {path}")
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.fuzz", description=__doc__.splitlines()[0])
    p.add_argument("--cases", type=int, default=10_000)
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--start", type=int, default=0, help="first case number (to rerun a stretch)")
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--process-every", type=int, default=250, help="also run every N-th case as a whole process")
    p.add_argument("--timeout", type=float, default=60.0, help="CPU seconds a case may take")
    p.add_argument("--replay", type=Path, help="a saved failing case's folder: run it again")
    p.add_argument("--show", type=int, metavar="N", help="print what case N is and stop")
    args = p.parse_args(argv)
    failures = OUT / "fuzz-failures"
    if args.show is not None or args.replay:
        folder = Path(tempfile.mkdtemp(prefix="cunwu-fuzz-"))
        try:
            fixture = prepare(folder)
            case = load_failure(args.replay) if args.replay else make_case(fixture.seeds, args.seed, args.show)
            print(json.dumps({"index": case.index, "target": case.target, "seed": case.seed,
                              "mutations": case.mutations, "argv": case.argv_tail[:12]}, ensure_ascii=False))
            if args.show is not None and not args.replay:
                return 0
            for r in (run_in_process(fixture, case, folder / "w", args.timeout),
                      run_as_process(fixture, case, folder / "w")):
                print(f"{'whole process' if r.whole_process else 'in process'}: exit {r.code}, {r.seconds:.2f} s, "
                      f"{r.peak_mb:.0f} MB, problems {r.problems}\n{r.stderr.strip()[-1500:]}")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return 0
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    summary = fuzz(args.cases, args.seed, start=args.start, jobs=args.jobs, process_every=args.process_every,
                   timeout=args.timeout, failures_dir=failures, progress=True)
    for line in report(summary, args.seed):
        print(line)
    return 1 if any(r.problems for r in summary.results) else 0


if __name__ == "__main__":
    sys.exit(main())

__all__ = ["fuzz", "report", "prepare", "run_in_process", "run_as_process", "SETTING_SEEDS"]
