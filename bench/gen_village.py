"""Generate a ten-year village database for benchmarks: the standard catalog, ≈5,000 disclosures and
≈200,000 roster rows, written with SQLAlchemy Core (bench data, not a user action: no audit events).

Usage: python -m bench.gen_village OUT.sqlite3
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, select

from models.entities import CatalogItem, Disclosure, RosterRow
from models.rules.periods import month_period, quarter_period, year_period
from models.rules.search import search_key
from models.services.setup import initialize
from models.services.templates import default_template_id

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文玉兰红云峰志坤䶮堃喆赟"


def _id_number(rng: random.Random, birth: date) -> str:
    body = f"410322{birth:%Y%m%d}{rng.randint(0, 999):03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]
    return body + check


def generate(path: Path, *, years: int = 10, end_year: int = 2026, roster_rows: int = 200_000,
             disclosures: int = 5_000, seed: int = 7) -> Path:
    rng = random.Random(seed)
    # Kept here from the first year generated (schedule.since), so its whole history counts.
    db = initialize(path, mode="village", code="410322100201", name="基准村", township="城关镇",
                    operator="王文书", template_id=default_template_id("village"),
                    since=date(end_year - years + 1, 1, 1))
    now = datetime.now(UTC)
    with db.write_session() as s:
        items = s.execute(select(CatalogItem.id, CatalogItem.name, CatalogItem.timing,
                                 CatalogItem.default_kind)).all()
        rosters = [i for i in items if i.default_kind == "roster"] or items[:3]
        others = [i for i in items if i.default_kind != "roster"] or items
        n_roster_disc = max(1, roster_rows // 400)
        specs = []
        for n in range(disclosures):
            year = end_year - years + 1 + (n * years) // disclosures
            is_roster = n < n_roster_disc
            item = rosters[n % len(rosters)] if is_roster else others[n % len(others)]
            kind = item.timing.get("kind")
            if kind == "monthly":
                p = month_period(year, rng.randint(1, 12))
            elif kind == "quarterly":
                p = quarter_period(year, rng.randint(1, 4))
            elif kind == "yearly":
                p = year_period(year)
            else:
                p = month_period(year, rng.randint(1, 12))
            start = p.end + timedelta(days=rng.randint(1, 25))
            title = f"{p.label}{item.name}"
            specs.append({
                "item_id": item.id, "period": p.text, "period_start": p.start, "period_end": p.end,
                "kind": "roster" if is_roster else (item.default_kind if item.default_kind != "roster" else "notice"),
                "title": title, "body": f"{title}，请广大村民监督。", "content": {}, "columns": [], "unit": "元",
                "totals": {}, "status": "archived" if year < end_year else "posted", "drafter": "王文书",
                "reviewer": "李监督", "posting_start": start, "posting_end": start + timedelta(days=6),
                "posting_days": 7, "posting_working_days": False, "is_correction": False,
                "search_key": search_key(title), "row_count": 0, "created_at": now, "updated_at": now,
            })
        s.execute(insert(Disclosure), specs)
        roster_ids = s.execute(select(Disclosure.id).where(Disclosure.kind == "roster")).scalars().all()
        per = roster_rows // max(1, len(roster_ids))
        batch = []
        for did in roster_ids:
            for pos in range(per):
                q = Decimal(rng.randint(100, 5000)) / 100
                r = Decimal("18.34")
                batch.append({
                    "disclosure_id": did, "position": pos + 1, "group_name": f"第{rng.randint(1, 9)}组",
                    "name": rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2))),
                    "id_number": _id_number(rng, date(1940, 1, 1) + timedelta(days=rng.randint(0, 25000))),
                    "household_size": rng.randint(1, 7), "quantity": q, "rate": r,
                    "amount": (q * r).quantize(Decimal("0.01")), "remark": None, "extra": {},
                })
            if len(batch) >= 20_000:
                s.execute(insert(RosterRow), batch)
                batch = []
        if batch:
            s.execute(insert(RosterRow), batch)
        s.execute(Disclosure.__table__.update().where(Disclosure.kind == "roster").values(row_count=per))
    db.dispose()
    return path


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/out/village-10y.sqlite3")
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    generate(out)
    print(out)
