"""Surveys (issue 12): importing 5,000 paper forms of a 20-question survey from xlsx and computing
every tally, against openpyxl merely reading the same file (read-only, values only), in the same
run — goal within 2×; and saving one typed form (the entry screen's save) — goal under 50 ms.

The first two figures are in-process (one warm Python process, a real SQLite file), labelled as
such. The third is what a clerk or a script times: whole processes, ``cunwu survey import-responses``
then ``cunwu survey results --json`` against one ``python`` process that imports openpyxl and reads
the file.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FORMS = 5_000
QUESTIONS = 20


def survey_doc() -> dict:
    """20 questions as village surveys have them: mostly single choice, a few multiple choice with a
    maximum, a rating, a number, a free text, two skip rules."""
    questions = []
    for no in range(1, QUESTIONS + 1):
        if no in (4, 9, 14):
            q = {"type": "multiple", "max": 3, "options": [{"label": f"选项{k}"} for k in range(1, 7)]
                 + [{"label": "其他（请注明）", "other": True}]}
        elif no == 18:
            q = {"type": "rating", "options": [{"label": x} for x in ("满意", "基本满意", "不满意")]
                 + [{"label": "说不清", "dont_know": True}]}
        elif no == 19:
            q = {"type": "number", "required": False}
        elif no == 20:
            q = {"type": "text", "required": False}
        else:
            q = {"type": "single", "options": [{"label": f"答案{k}"} for k in range(1, 5)]}
        if no == 2:
            q["skip"] = [{"if": ["D"], "to": 5}]
        if no == 10:
            q["skip"] = [{"if": ["C", "D"], "to": 12}]
        questions.append({"no": no, "text": f"第{no}个问题", **q})
    return {"title": "基准问卷", "questions": questions}


def make_forms(path: Path, forms: int = FORMS) -> Path:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("答卷")
    header = ["respondent", "group"]
    for no in range(1, QUESTIONS + 1):
        header.append(f"Q{no}")
        if no in (4, 9, 14):
            header.append(f"Q{no}_other")
    ws.append(header)
    for i in range(forms):
        row: list = [i + 1, f"{i % 9 + 1}组"]
        skip_2 = i % 4 == 3  # Q2 = D → Q3, Q4 blank
        for no in range(1, QUESTIONS + 1):
            blank = (skip_2 and no in (3, 4)) or (no == 11 and (i // 3) % 4 in (2, 3))
            if no in (4, 9, 14):
                letters = "ABCDEF"[i % 4: i % 4 + 1 + i % 3]
                other = i % 17 == 0
                row += [None, None] if blank else [letters + ("G" if other and len(letters) < 3 else ""),
                                                   "修路账目" if other and len(letters) < 3 else None]
            elif no == 2:
                row.append("D" if skip_2 else "ABC"[i % 3])
            elif no == 10:
                row.append("ABCD"[(i // 3) % 4])
            elif no == 18:
                row.append("ABCD"[i % 4])
            elif no == 19:
                row.append(i % 7)
            elif no == 20:
                row.append("希望多公开财务" if i % 50 == 0 else None)
            else:
                row.append(None if blank else "ABCD"[(i + no) % 4])
        ws.append(row)
    wb.save(path)
    return path


def run() -> None:
    from bench.common import median_time, openpyxl_read
    from models.services.context import Actor, ServiceContext
    from models.services.setup import initialize
    from models.services.surveys import SurveyService

    with tempfile.TemporaryDirectory(prefix="cunwu-bench-") as tmp:
        tmpdir = Path(tmp)
        path = make_forms(tmpdir / "forms.xlsx", FORMS)
        db = initialize(tmpdir / "bench.sqlite3", mode="village", code="410322100201", name="基准村",
                        township="城关镇", operator="基准", template_id=None)
        try:
            svc = SurveyService(ServiceContext(db, Actor("基准")))
            doc = survey_doc()

            def ours() -> None:
                s = svc.create(doc)  # a fresh survey each run: the same numbers are refused twice
                svc.import_forms(s.id, path)
                results = svc.results(s.id)
                if results.respondents != FORMS:
                    raise RuntimeError(f"bench survey counted {results.respondents} forms, not {FORMS}")

            base = median_time(lambda: openpyxl_read(path), runs=5)
            mine = median_time(ours, runs=5)
            print(f"survey import {FORMS:,} forms × {QUESTIONS} questions + every tally (in-process): "
                  f"openpyxl read {base:.3f} s, cunwu {mine:.3f} s, ratio {mine / base:.2f}× (goal ≤ 2×)")

            s = svc.create(doc)
            answers = {"1": "A", "2": "B", "3": "C", "4": "AB", "5": "A", "6": "B", "7": "C", "8": "D", "9": "ACE",
                       "10": "A", "11": "B", "12": "C", "13": "D", "14": "F", "15": "A", "16": "B", "17": "C",
                       "18": "B", "19": "3", "20": "修路"}
            for n in range(1, 201):  # a survey already part-typed
                svc.save_form(s.id, n, answers, group="3组")
            times = []
            for n in range(201, 301):
                t0 = time.perf_counter()
                svc.save_form(s.id, n, answers, group="3组")
                times.append(time.perf_counter() - t0)
            times.sort()
            print(f"survey save one form (in-process, 20 questions, 300th form of a survey): median "
                  f"{statistics.median(times) * 1000:.1f} ms, 90th percentile {times[89] * 1000:.1f} ms "
                  f"(goal < 50 ms)")
            # whole processes, as a script runs them
            cli = [sys.executable, "-c", "import sys; from models.cli import main; sys.exit(main())",
                   "--db", str(tmpdir / "bench.sqlite3"), "--data-dir", str(tmpdir / "data"), "--user", "基准"]
            bare = [sys.executable, "-c", "import sys, openpyxl; wb = openpyxl.load_workbook(sys.argv[1], "
                    "read_only=True, data_only=True); sum(1 for r in wb.active.iter_rows(values_only=True) for _ in r)",
                    str(path)]
            from bench.common import ROOT

            env = {**os.environ, "PYTHONPATH": str(ROOT)}

            def whole(cmds: list[list[str]]) -> float:
                t0 = time.perf_counter()
                for cmd in cmds:
                    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
                return time.perf_counter() - t0

            walls, bases = [], []
            for _ in range(3):
                sid = str(svc.create(doc).id)
                walls.append(whole([[*cli, "survey", "import-responses", sid, str(path)],
                                    [*cli, "survey", "results", sid, "--json"]]))
                bases.append(whole([bare]))
            w, b = statistics.median(walls), statistics.median(bases)
            print(f"survey import + results, whole processes: python+openpyxl read {b:.3f} s, "
                  f"cunwu survey import-responses + results {w:.3f} s, ratio {w / b:.2f}× (goal ≤ 2×)")
        finally:
            db.dispose()


if __name__ == "__main__":
    run()
