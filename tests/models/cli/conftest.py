"""What the CLI tests share: `cunwu` run in-process on the test's own database, and the catalog items
their villages start with."""

from __future__ import annotations

import pytest

from models.cli import main
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData

ROSTER_ITEM = ItemData(code="DB-01", group="社会救助", name="低保名单", timing=TimingRule("quarterly", day=20),
                       posting_days=7, default_kind="roster")
FINANCE_ITEM = ItemData(code="CW-01", group="财务", name="财务收支", category="财务",
                        timing=TimingRule("monthly", day=10), posting_days=7, default_kind="finance")
NOTICE_ITEM = ItemData(code="GG-01", group="村务", name="村务公告", timing=TimingRule("immediate"), posting_days=7)


def add_items(ctx, *items: ItemData) -> None:
    catalog = CatalogService(ctx)
    for item in items:
        catalog.add(item)


@pytest.fixture
def cunwu(db_path, data_dir, capsys):
    """``run(*args, user=None) -> (exit code, stdout, stderr)``: `cunwu --db … --data-dir …` in-process,
    with ``--user`` when `user` is given. A traceback or "程序内部错误" on stderr fails the test: a user
    never sees either."""

    def run(*args: str, user: str | None = None) -> tuple[int, str, str]:
        capsys.readouterr()
        head = ["--db", str(db_path), "--data-dir", str(data_dir)] + (["--user", user] if user else [])
        code = main([*head, *args])
        out, err = capsys.readouterr()
        assert "Traceback" not in err and "程序内部错误" not in err, err
        return code, out, err

    return run
