"""The printed-notice pictures in the README, made from a fresh database through the `cunwu` CLI.

    python packaging/print_samples.py [--out docs]

Writes ``print-funding.png`` (a funding notice: sources with 文号 and uses, in 万元, checked
sources = uses = total) — the first page of the PDF `cunwu print` makes, rendered by pdftoppm.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FUNDING = {
    "name": "2026年衔接推进乡村振兴补助资金", "unit": "万元", "budget": "356.80",
    "sources": [{"name": "中央财政衔接推进乡村振兴补助资金", "amount": "200.00", "doc_no": "豫财农〔2026〕3号"},
                {"name": "省级财政衔接推进乡村振兴补助资金", "amount": "100.50", "doc_no": "豫财农〔2026〕12号"},
                {"name": "县本级财政衔接资金", "amount": "56.30"}],
    "uses": [{"name": "产业发展（食用菌大棚 12 座）", "amount": "236.80"},
             {"name": "基础设施（村组道路硬化 2.4 公里）", "amount": "120.00"}],
}


def cunwu(db: Path, data: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "desktop.entry", "--db", str(db), "--data-dir", str(data), *args],
                          env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"cunwu {' '.join(args[:2])}: {done.stderr.strip()}")
    return done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs"))
    out = Path(parser.parse_args(argv).out)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        db, data = work / "v.sqlite3", work / "data"
        cunwu(db, data, "init", "--mode", "village", "--code", "410322100201", "--name", "杨庄村", "--township",
              "城关镇", "--operator", "王文书", "--since", "2026-01")
        content = work / "funding.json"
        content.write_text(json.dumps(FUNDING, ensure_ascii=False), encoding="utf-8")
        record = json.loads(cunwu(db, data, "disclosure", "new", "--item", "CW-19", "--period", "2026-11-20",
                                  "--kind", "project", "--title", "2026年衔接推进乡村振兴补助资金安排公示",
                                  "--content-file", str(content), "--json"))["id"]
        cunwu(db, data, "disclosure", "submit", str(record))
        cunwu(db, data, "disclosure", "approve", str(record), "--reviewer", "李监委")
        cunwu(db, data, "disclosure", "post", str(record), "--start", "2026-11-20", "--days", "10")
        pdf = work / "funding.pdf"
        cunwu(db, data, "print", str(record), "--out", str(pdf))
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(out / "print-funding")], check=True)
    print(out / "print-funding.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
