"""公开记录 list over a ten-year village (≈5,000 disclosures, 200,000 roster rows): opening the list and
filtering as you type, through DisclosureService, against the raw SQL query for the same filter run
with the sqlite3 module. Goal: within 1.5× of the raw query."""

from __future__ import annotations

import sqlite3
import statistics

from .common import OUT, median_time

RAW = """
SELECT d.id, c.code, c.name, d.period, d.kind, d.title, d.status, d.drafter, d.reviewer,
       d.posting_start, d.posting_end, d.row_count, json_extract(d.totals, '$."amount"'), d.is_correction,
       d.supersedes_id, s.by_id
FROM disclosure d JOIN catalog_item c ON c.id = d.item_id
LEFT OUTER JOIN (SELECT supersedes_id AS orig, max(id) AS by_id FROM disclosure
                 WHERE supersedes_id IS NOT NULL AND status IN ('posted', 'expired', 'archived')
                 GROUP BY supersedes_id) s ON s.orig = d.id
{where}
ORDER BY d.id DESC
"""


def run() -> None:
    from models.services.context import Actor, ServiceContext
    from models.services.disclosures import DisclosureService
    from models.storage import open_database

    from .gen_village import generate

    path = OUT / "village-10y.sqlite3"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        generate(path)
    db = open_database(path)
    svc = DisclosureService(ServiceContext(db, Actor("王文书")))
    con = sqlite3.connect(path)

    def raw(terms: list[str]) -> list:
        where = " AND ".join("d.search_key LIKE ? ESCAPE '\\'" for _ in terms)
        sql = RAW.format(where=f"WHERE {where}" if terms else "")
        return con.execute(sql, [f"%{t}%" for t in terms]).fetchall()

    n = len(svc.list())
    assert n == len(raw([])), "service and raw query disagree"
    t_ours = median_time(lambda: svc.list(), runs=7)
    t_raw = median_time(lambda: raw([]), runs=7)
    print(f"disclosure list, open ({n} records): cunwu {t_ours * 1000:.1f} ms, raw SQL {t_raw * 1000:.1f} ms, "
          f"ratio {t_ours / t_raw:.2f}× (goal ≤ 1.5×)")

    # Typing "dibao" one key at a time, then the Chinese "低保名单".
    steps = ["d", "di", "dib", "diba", "dibao", "低", "低保", "低保名单"]
    ratios, ours_all, raw_all = [], [], []
    for q in steps:
        got = len(svc.list(query=q))
        assert got == len(raw(q.lower().split())), q
        a = median_time(lambda q=q: svc.list(query=q), runs=5)
        b = median_time(lambda q=q: raw(q.lower().split()), runs=5)
        ours_all.append(a)
        raw_all.append(b)
        ratios.append(a / b)
    print(f"disclosure list, filter as you type ({' → '.join(steps)}): cunwu median "
          f"{statistics.median(ours_all) * 1000:.1f} ms per keystroke, raw SQL {statistics.median(raw_all) * 1000:.1f} ms, "
          f"ratio {statistics.median(ratios):.2f}× (worst {max(ratios):.2f}×; goal ≤ 1.5×)")
    con.close()
    db.dispose()


if __name__ == "__main__":
    run()
