"""`make crash`: the kill -9 harness of issue 11 part 8 — whole `cunwu` processes killed with SIGKILL
at a random moment, then the database checked.

Scenarios: ``init`` (a village with the standard catalog), ``catalog`` (importing the 56-item catalog
into an empty one), ``import`` (a 3,000-row roster through `disclosure new --from`), ``workflow``
(new → submit → approve → post, then a second record new → submit: six processes in a row, the kill
lands in whichever runs) and ``migration`` (opening the kept schema-0001 / schema-0002 databases of
tests/data, which upgrades them). Half the trials kill at a moment spread evenly over the whole run
(start-up included); the other half within a step's database activity (from the first change in the
database's folder to the step's end, as measured by an unkilled run of the same scenario).

After each kill: ``PRAGMA integrity_check`` is ok; `cunwu check` passes (audit chain intact); every
write the process acknowledged (exit 0 and the printed id, seen before the kill) is present, and a
write not acknowledged is there whole or not at all; no half-initialised database — after a killed
`init` there is no database, a complete one, or one the app names as an unfinished set-up which
`init` then replaces cleanly.

    python -m bench.crash [--trials 210] [--seed 11] [--scenarios init,catalog,import,workflow,migration]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import ROOT
from bench.fuzz import _cli

DB_NAME = "cunwu.sqlite3"
USER = ["--user", "王文书"]
INIT = ["init", "--mode", "village", "--code", "410322100001", "--name", "平乐村", "--township", "平乐镇",
        "--operator", "王文书", "--since", "2025-01"]
ROSTER_ROWS = 3000
STATUS_ORDER = ["draft", "submitted", "approved", "posted"]
FINANCE = {"opening": "1000.00", "closing": "1250.50", "rows": [
    {"date": "2026-11-03", "voucher": "记-01", "summary": "收到上级转移支付", "class": "各项收入", "income": "500.00"},
    {"date": "2026-11-12", "voucher": "记-02", "summary": "购买办公用品", "class": "各项支出", "expense": "249.50"}]}


@dataclass
class Step:
    argv: list[str]
    code: int | None = None  # None: killed
    out: str = ""
    err: str = ""
    start: float = 0.0
    first_activity: float | None = None
    end: float = 0.0


@dataclass
class Trial:
    scenario: str
    number: int
    mode: str  # spread | in-write
    kill_at: float
    steps: list[Step]
    problems: dict[str, list[str]] = field(default_factory=dict)  # category -> messages
    notes: list[str] = field(default_factory=list)

    @property
    def killed(self) -> bool:
        return any(s.code is None for s in self.steps)

    def problem(self, category: str, message: str) -> None:
        self.problems.setdefault(category, []).append(message)


# --- running whole processes ---------------------------------------------------------------------

def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    out = {}
    try:
        for entry in os.scandir(folder):
            try:
                st = entry.stat()
            except FileNotFoundError:
                continue
            out[entry.name] = (st.st_size, st.st_mtime_ns)
    except FileNotFoundError:
        pass
    return out


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}


def run_steps(folder: Path, build: Callable[[list[Step]], list[str] | None], kill_at: float | None) -> list[Step]:
    """Runs `cunwu` processes one after another (``build`` gives the next argv from the steps done,
    or None when finished); at ``kill_at`` seconds after the first start, SIGKILLs the one running."""
    db = folder / DB_NAME
    steps: list[Step] = []
    t0 = time.monotonic()
    while True:
        tail = build(steps)
        if tail is None:
            return steps
        step = Step(argv=tail, start=time.monotonic() - t0)
        steps.append(step)
        before = _snapshot(folder)
        out_file = folder.parent / "stdout.txt"
        err_file = folder.parent / "stderr.txt"
        with open(out_file, "wb") as out, open(err_file, "wb") as err_out:
            proc = subprocess.Popen([sys.executable, "-m", "desktop.entry", "--db", str(db), "--data-dir",
                                     str(folder.parent / "data"), *USER, *tail], env=_env(), stdout=out,
                                    stderr=err_out, stdin=subprocess.DEVNULL, cwd=folder.parent)
            while True:
                now = time.monotonic() - t0
                if proc.poll() is not None:
                    step.code = proc.returncode
                    break
                if kill_at is not None and now >= kill_at:
                    os.kill(proc.pid, signal.SIGKILL)
                    proc.wait()
                    step.code = None
                    break
                if step.first_activity is None and _snapshot(folder) != before:
                    step.first_activity = now
                time.sleep(0.002)
        step.end = time.monotonic() - t0
        step.out = out_file.read_text("utf-8", "replace")
        step.err = err_file.read_text("utf-8", "replace")[-2000:]
        if step.code != 0:  # killed, or refused: the script stops (a refusal is checked below)
            return steps


# --- scenarios ------------------------------------------------------------------------------------

@dataclass
class Scenario:
    name: str
    prepare: Callable[[Path, int], None]  # fills the trial's folder
    build: Callable[[list[Step]], list[str] | None]
    verify: Callable[[Path, Trial], None]


def _base(kind: str, cache: Path) -> Path:
    """A database built once per run and copied into each trial: ``empty`` (no catalog) or ``village``."""
    folder = cache / kind
    if not (folder / DB_NAME).exists():
        folder.mkdir(parents=True, exist_ok=True)
        extra = ["--template", "none"] if kind == "empty" else []
        code, _, err = _cli(["--db", str(folder / DB_NAME), "--data-dir", str(cache / "data"), *USER, *INIT, *extra])
        if code != 0:
            raise RuntimeError(err)
    return folder / DB_NAME


def _copy_db(src: Path, folder: Path) -> None:
    for suffix in ("", ".auditkey", ".auditkey-head"):
        if Path(str(src) + suffix).exists():
            shutil.copy2(str(src) + suffix, str(folder / DB_NAME) + suffix)


def _g(folder: Path) -> list[str]:
    return ["--db", str(folder / DB_NAME), "--data-dir", str(folder.parent / "data"), *USER]


def _integrity(db: Path, trial: Trial) -> bool:
    """``PRAGMA integrity_check`` (opening recovers a hot WAL, as every reader would)."""
    if not db.exists() or db.stat().st_size == 0:
        return True
    try:
        con = sqlite3.connect(db)
        try:
            rows = [r[0] for r in con.execute("PRAGMA integrity_check")]
        finally:
            con.close()
    except sqlite3.Error as exc:
        trial.problem("corrupt", f"integrity_check could not run: {exc}")
        return False
    if rows != ["ok"]:
        trial.problem("corrupt", f"integrity_check: {rows[:3]}")
        return False
    return True


def _check(folder: Path, trial: Trial) -> bool:
    code, out, err = _cli([*_g(folder), "check", "--json"])
    if code != 0:
        trial.problem("corrupt", f"`cunwu check` exit {code}: {(out + err).strip()[:300]}")
        return False
    return True


def _json(folder: Path, *args: str):
    code, out, err = _cli([*_g(folder), *args, "--json"])
    if code != 0:
        raise RuntimeError(f"{' '.join(args)}: exit {code}: {err.strip()[:300]}")
    return json.loads(out)


def _state(folder: Path) -> str:
    from models.storage.database import inspect_file

    return inspect_file(folder / DB_NAME).kind


# init ---------------------------------------------------------------------------------------------

def _init_build(steps: list[Step]) -> list[str] | None:
    return [*INIT] if not steps else None


def _init_verify(folder: Path, trial: Trial) -> None:
    db = folder / DB_NAME
    acked = trial.steps[0].code == 0
    state = _state(folder)
    if state in ("missing", "empty", "unfinished"):
        if acked:
            trial.problem("lost", f"init exited 0 but the database is {state}")
        code, _, err = _cli([*_g(folder), *INIT])  # the app's answer to an unfinished set-up: start again
        if code != 0:
            trial.problem("half", f"after a killed init ({state}), init again refused: {err.strip()[:200]}")
            return
        trial.notes.append(f"init left {state}; init again succeeded")
    elif state != "ours":
        trial.problem("corrupt" if state == "corrupt" else "half", f"after a killed init the file is {state}")
        return
    else:
        trial.notes.append("init complete")
    if not _integrity(db, trial) or not _check(folder, trial):
        return
    items = _json(folder, "catalog", "list")
    if len(items) != 56:
        trial.problem("half", f"initialised database with {len(items)} catalog items, not 56")
    leftovers = [p.name for p in folder.iterdir() if ".init-" in p.name]
    if leftovers:
        trial.notes.append(f"left beside it: {leftovers}")


# catalog import -------------------------------------------------------------------------------------

def _catalog_verify(folder: Path, trial: Trial) -> None:
    if _state(folder) != "ours":
        trial.problem("half", f"after a killed catalog import the database is {_state(folder)}")
        return
    if not _integrity(folder / DB_NAME, trial) or not _check(folder, trial):
        return
    n = len(_json(folder, "catalog", "list"))
    if trial.steps[0].code == 0 and n != 56:
        trial.problem("lost", f"catalog import exited 0 but {n} items are there")
    elif n not in (0, 56):
        trial.problem("half", f"catalog import half done: {n} of 56 items")
    trial.notes.append(f"{n} items")


# roster import ------------------------------------------------------------------------------------

def _import_verify(folder: Path, trial: Trial) -> None:
    if _state(folder) != "ours":
        trial.problem("half", f"after a killed import the database is {_state(folder)}")
        return
    if not _integrity(folder / DB_NAME, trial) or not _check(folder, trial):
        return
    records = _json(folder, "disclosure", "list")
    step = trial.steps[0]
    if step.code == 0:
        rid = json.loads(step.out)["id"]
        if rid not in [r["id"] for r in records]:
            trial.problem("lost", f"record {rid} acknowledged but missing")
    if len(records) > 1:
        trial.problem("half", f"{len(records)} records after one import")
    for r in records:
        rows = _json(folder, "disclosure", "show", str(r["id"]))["rows"]
        if len(rows) != ROSTER_ROWS:
            trial.problem("half", f"record {r['id']} holds {len(rows)} of {ROSTER_ROWS} rows")
    trial.notes.append(f"{len(records)} records")


# workflow ---------------------------------------------------------------------------------------

def _workflow_build(steps: list[Step]) -> list[str] | None:
    content = "{FINANCE}"
    new = ["disclosure", "new", "--item", "FW-04", "--period", "2026-M11", "--title", "11月财务收支",
           "--kind", "finance", "--content-file", content, "--json"]
    new2 = ["disclosure", "new", "--item", "FW-04", "--period", "2026-M10", "--title", "10月财务收支",
            "--kind", "finance", "--content-file", content, "--json"]
    script = [new, ["disclosure", "submit", "{1}"], ["disclosure", "approve", "{1}", "--reviewer", "李监委"],
              ["disclosure", "post", "{1}", "--days", "10"], new2, ["disclosure", "submit", "{2}"]]
    if len(steps) == len(script):
        return None
    ids = {"{1}": _printed_id(steps[0]) if steps else None, "{2}": _printed_id(steps[4]) if len(steps) > 4 else None}
    return [str(ids.get(a, a)) for a in script[len(steps)]]


def _printed_id(step: Step) -> int | None:
    try:
        return int(json.loads(step.out)["id"])
    except (ValueError, KeyError, TypeError):
        return None


def _workflow_verify(folder: Path, trial: Trial) -> None:
    if _state(folder) != "ours":
        trial.problem("half", f"after a killed workflow step the database is {_state(folder)}")
        return
    if not _integrity(folder / DB_NAME, trial) or not _check(folder, trial):
        return
    records = {r["id"]: r["status"] for r in _json(folder, "disclosure", "list")}
    # What each record was acknowledged to reach, and what the killed step may have done besides.
    expected: dict[int, str] = {}
    steps = trial.steps
    for k, (rec, status) in enumerate([(0, "draft"), (0, "submitted"), (0, "approved"), (0, "posted"),
                                       (4, "draft"), (4, "submitted")]):
        if k < len(steps) and steps[k].code == 0:
            rid = _printed_id(steps[rec])
            expected[rid] = status
    for rid, status in expected.items():
        if rid not in records:
            trial.problem("lost", f"record {rid} acknowledged ({status}) but missing")
            continue
        got = records[rid]
        if got not in STATUS_ORDER or STATUS_ORDER.index(got) < STATUS_ORDER.index(status):
            trial.problem("lost", f"record {rid} acknowledged as {status}, found {got}")
        elif STATUS_ORDER.index(got) > STATUS_ORDER.index(status) + 1:
            trial.problem("half", f"record {rid} at {got}, beyond the step after {status}")
    if len(records) > 2 or len(records) - len(expected) > 1:
        trial.problem("half", f"{len(records)} records for {len(expected)} acknowledged")
    for rid in records:
        show = _json(folder, "disclosure", "show", str(rid))
        if len(show["content"].get("rows", [])) != 2:
            trial.problem("half", f"record {rid} holds {len(show['content'].get('rows', []))} of 2 rows")
    trial.notes.append(f"records {records}")


# migration ----------------------------------------------------------------------------------------

def _migration_prepare(folder: Path, number: int) -> None:
    src = ROOT / "tests" / "data" / f"schema-000{1 + number % 2}.sqlite3"
    shutil.copy2(src, folder / DB_NAME)
    (folder / "source").write_text(src.name)


def _migration_verify(folder: Path, trial: Trial) -> None:
    db = folder / DB_NAME
    if not _integrity(db, trial):
        return
    if _state(folder) != "ours":
        trial.problem("half", f"after a killed upgrade the database is {_state(folder)}")
        return
    if not _check(folder, trial):  # opens it: an interrupted upgrade is finished here
        return
    source = (folder / "source").read_text()
    from models.storage import migrations

    con = sqlite3.connect(db)
    try:
        rev = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        name = con.execute("SELECT name FROM installation").fetchone()[0]
        items = con.execute("SELECT count(*) FROM catalog_item").fetchone()[0]
        records = con.execute("SELECT count(*) FROM disclosure").fetchone()[0]
    finally:
        con.close()
    if rev != migrations.head_revision():
        trial.problem("half", f"after reopening, schema at {rev}, not {migrations.head_revision()}")
    want = {"schema-0001.sqlite3": ("旧版村", 1, 0), "schema-0002.sqlite3": (None, None, 2)}[source]
    if want[0] is not None and name != want[0]:
        trial.problem("lost", f"installation name {name!r}, expected {want[0]!r}")
    if want[1] is not None and items != want[1]:
        trial.problem("lost", f"{items} catalog items, expected {want[1]}")
    if records != want[2] and want[2]:
        trial.problem("lost", f"{records} records, expected {want[2]}")
    trial.notes.append(f"{source}: upgraded, {items} items, {records} records")


def scenarios(cache: Path) -> dict[str, Scenario]:
    cache.mkdir(parents=True, exist_ok=True)
    roster = cache / "roster.xlsx"
    finance = cache / "finance.json"
    full_catalog = cache / "catalog.xlsx"

    def inputs(folder: Path, number: int) -> None:
        """The files the scenarios read, made on first use (a CI sample of `init` needs none)."""
        if not roster.exists():
            from tests.hostile_files import roster_rows, sheet_xml_parts, write_xlsx

            write_xlsx(roster, sheet_xml_parts(roster_rows(ROSTER_ROWS), dimension=f"A1:C{ROSTER_ROWS + 1}"))
            finance.write_text(json.dumps(FINANCE, ensure_ascii=False), encoding="utf-8")
        if not full_catalog.exists():
            code, _, err = _cli(["--db", str(_base("village", cache)), "--data-dir", str(cache / "data"), *USER,
                                 "catalog", "export", str(full_catalog)])
            if code != 0:
                raise RuntimeError(err)

    def copy_of(kind: str) -> Callable[[Path, int], None]:
        def prepare(folder: Path, number: int) -> None:
            inputs(folder, number)
            _copy_db(_base(kind, cache), folder)

        return prepare

    def workflow_build(steps: list[Step]) -> list[str] | None:
        tail = _workflow_build(steps)
        return None if tail is None else [str(finance) if a == "{FINANCE}" else a for a in tail]

    return {
        "init": Scenario("init", lambda folder, number: None, _init_build, _init_verify),
        "catalog": Scenario("catalog", copy_of("empty"),
                            lambda steps: None if steps else ["catalog", "import", str(full_catalog)], _catalog_verify),
        "import": Scenario("import", copy_of("village"),
                           lambda steps: None if steps else ["disclosure", "new", "--item", "CW-10", "--period",
                                                             "2026-Q3", "--title", "临时救助名单", "--kind", "roster",
                                                             "--from", str(roster), "--json"], _import_verify),
        "workflow": Scenario("workflow", copy_of("village"), workflow_build, _workflow_verify),
        "migration": Scenario("migration", _migration_prepare,
                              lambda steps: None if steps else ["disclosure", "list", "--json"], _migration_verify),
    }


# --- a run ----------------------------------------------------------------------------------------

@dataclass
class Summary:
    trials: list[Trial]
    baselines: dict[str, list[Step]]

    def count(self, category: str) -> int:
        return sum(1 for t in self.trials if category in t.problems)


def _fresh(work: Path) -> Path:
    shutil.rmtree(work, ignore_errors=True)
    folder = work / "db"
    folder.mkdir(parents=True)
    return folder


def crash(trials: int, seed: int = 11, names: list[str] | None = None, *, folder: Path | None = None,
          failures_dir: Path | None = None, progress: bool = False) -> Summary:
    """``trials`` kills spread over the scenarios in turn; the harness `make crash` and the CI sample share."""
    own = folder is None
    folder = Path(tempfile.mkdtemp(prefix="cunwu-crash-")) if own else folder
    try:
        all_scenarios = scenarios(folder / "cache")
        chosen = [all_scenarios[n] for n in (names or list(all_scenarios))]
        rng = random.Random(seed)
        baselines: dict[str, list[Step]] = {}
        for sc in chosen:  # an unkilled run: how long the scenario takes, and when it writes
            work = _fresh(folder / "trial")
            sc.prepare(work, 0)
            steps = run_steps(work, sc.build, None)
            if any(s.code != 0 for s in steps):
                raise RuntimeError(f"{sc.name}: the unkilled run failed at {steps[-1].argv}: {steps[-1].err[-500:]}")
            baselines[sc.name] = steps
        done: list[Trial] = []
        t_start = time.perf_counter()
        for number in range(trials):
            sc = chosen[number % len(chosen)]
            base = baselines[sc.name]
            total = base[-1].end
            if number // len(chosen) % 2 == 0:
                mode, kill_at = "spread", rng.uniform(0, total)
            else:
                step = rng.choice(base)
                lo = step.first_activity if step.first_activity is not None else step.start
                mode, kill_at = "in-write", rng.uniform(lo, step.end)
            work = _fresh(folder / "trial")
            sc.prepare(work, number)
            trial = Trial(sc.name, number, mode, kill_at, run_steps(work, sc.build, kill_at))
            try:
                sc.verify(work, trial)
            except Exception as exc:  # noqa: BLE001 - a check that cannot even read the database is a finding
                trial.problem("other", f"{type(exc).__name__}: {exc}")
            if trial.problems and failures_dir is not None:
                keep = failures_dir / f"{sc.name}-{seed}-{number}"
                shutil.rmtree(keep, ignore_errors=True)
                shutil.copytree(work, keep, ignore_dangling_symlinks=True)
                (keep / "trial.json").write_text(json.dumps(
                    {"scenario": sc.name, "mode": mode, "kill_at": kill_at, "problems": trial.problems,
                     "steps": [s.__dict__ for s in trial.steps]}, ensure_ascii=False, indent=1), encoding="utf-8")
            done.append(trial)
            if progress and (number + 1) % 10 == 0:
                bad = sum(1 for t in done if t.problems)
                print(f"crash: {number + 1} trials, {bad} with problems, {time.perf_counter() - t_start:.0f} s",
                      flush=True)
        return Summary(done, baselines)
    finally:
        if own:
            shutil.rmtree(folder, ignore_errors=True)


OUT_FAILURES = ROOT / "bench" / "out" / "crash-failures"


def report(summary: Summary, seed: int) -> list[str]:
    t = summary.trials
    killed = [x for x in t if x.killed]
    lines = [f"crash: seed {seed}: {len(t)} trials ({len(killed)} killed mid-step, {len(t) - len(killed)} finished "
             f"before the kill) — corrupt {summary.count('corrupt')}, acknowledged writes lost {summary.count('lost')}, "
             f"half-done or half-initialised {summary.count('half')}, other {summary.count('other')}"]
    for name, base in summary.baselines.items():
        mine = [x for x in t if x.scenario == name]
        k = [x for x in mine if x.killed]
        extra = ""
        if name == "init":
            outcome = {w: sum(1 for x in mine if any(n.startswith(f"init {w}") for n in x.notes))
                       for w in ("complete", "left missing", "left empty", "left unfinished")}
            extra = (f"; after the kill: {outcome['complete']} complete, {outcome['left missing']} no database, "
                     f"{outcome['left empty'] + outcome['left unfinished']} an unfinished set-up the app named "
                     "and init replaced")
        lines.append(f"crash: {name}: {len(mine)} trials, {len(k)} killed mid-step "
                     f"({sum(1 for x in k if x.mode == 'in-write')} within a write), unkilled run "
                     f"{base[-1].end:.2f} s over {len(base)} process(es){extra}")
    if t:
        lines.append(f"crash: kill moments: median {statistics.median(x.kill_at for x in t):.2f} s after start")
    for x in t:
        if x.problems:
            lines.append(f"crash: {x.scenario} #{x.number} ({x.mode}, kill at {x.kill_at:.2f} s): {x.problems}")
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.crash", description=__doc__.splitlines()[0])
    p.add_argument("--trials", type=int, default=210)
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--scenarios", default="init,catalog,import,workflow,migration")
    args = p.parse_args(argv)
    summary = crash(args.trials, args.seed, args.scenarios.split(","), failures_dir=OUT_FAILURES, progress=True)
    for line in report(summary, args.seed):
        print(line)
    return 1 if any(x.problems for x in summary.trials) else 0


if __name__ == "__main__":
    sys.exit(main())
