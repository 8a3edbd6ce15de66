"""`cunwu due` and `cunwu feedback`: JSON keys, output, exit codes (contract: shared/docs/cli.md)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from models.entities import CatalogItem, Disclosure
from models.rules.periods import parse_period
from models.rules.timing import TimingRule
from models.services.catalog import ItemData

from .conftest import add_items

D = date.fromisoformat
DUE_KEYS = {"item", "period", "due_date", "status", "disclosure_id", "days_late"}
DUE_EXTRA = {"item_name", "period_label"}
FEEDBACK_KEYS = {"id", "disclosure_id", "text", "from", "received", "answer_due", "answered_on", "answer",
                 "overdue"}


def add_disclosure(ctx, code: str, period: str, status: str, posted: str | None = None) -> int:
    p = parse_period(period)
    with ctx.write("test.disclosure", target_type="disclosure", permission="disclosure.edit") as w:
        item_id = w.session.execute(select(CatalogItem.id).where(CatalogItem.code == code)).scalar_one()
        start = D(posted) if posted else None
        row = Disclosure(item_id=item_id, period=p.text, period_start=p.start, period_end=p.end,
                         event_date=p.start if p.kind == "event" else None, kind="notice",
                         title=f"{code} {period}", status=status, drafter="王文书", posting_start=start,
                         posting_end=start + timedelta(days=6) if start else None)
        w.session.add(row)
        w.session.flush()
        return row.id


@pytest.fixture
def cli(empty_village, cunwu):
    """Runs `cunwu` on the test village; returns (exit code, stdout, stderr)."""
    db, ctx = empty_village
    add_items(ctx, ItemData(code="CW-01", group="财务", name="财务收支", timing=TimingRule("monthly", day=10)),
              ItemData(code="CW-02", group="村务", name="村务公开", timing=TimingRule("quarterly", day=20)))

    def run(*args: str) -> tuple[int, str, str]:
        return cunwu(*args, user="王文书")

    run.ctx = ctx
    return run


def test_due_on_json_keys_and_statuses(cli):
    posted = add_disclosure(cli.ctx, "CW-02", "2026-Q3", "posted", posted="2026-10-22")
    code, out, err = cli("due", "--on", "2026-11-26", "--json")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert isinstance(doc, list) and doc
    for entry in doc:
        assert DUE_KEYS <= set(entry) <= DUE_KEYS | DUE_EXTRA
        assert entry["status"] in ("upcoming", "due", "posted_on_time", "posted_late", "overdue")
    got = {(e["item"], e["period"]): e for e in doc}
    assert got["CW-01", "2026-M10"] == {
        "item": "CW-01", "period": "2026-M10", "due_date": "2026-11-10", "status": "overdue",
        "disclosure_id": None, "days_late": 16, "item_name": "财务收支", "period_label": "2026年10月"}
    # Q3 was posted late in October: done, so not listed on 11-26; September (due 10-10) still overdue.
    assert ("CW-02", "2026-Q3") not in got
    assert got["CW-01", "2026-M09"]["status"] == "overdue"
    assert [e["due_date"] for e in doc] == sorted(e["due_date"] for e in doc)

    code, out, _ = cli("due", "--from", "2026-10-01", "--to", "2026-10-31", "--json")
    assert code == 0
    got = {(e["item"], e["period"]): e for e in json.loads(out)}
    assert (got["CW-02", "2026-Q3"]["status"], got["CW-02", "2026-Q3"]["days_late"],
            got["CW-02", "2026-Q3"]["disclosure_id"]) == ("posted_late", 2, posted)
    assert set(got) == {("CW-01", "2026-M09"), ("CW-02", "2026-Q3")}


def test_due_human_output_with_overdue_feedback(cli):
    d = add_disclosure(cli.ctx, "CW-02", "2026-Q3", "posted", posted="2026-10-20")
    code, out, _ = cli("feedback", "add", str(d), "--text", "支出为何这么多？", "--received", "2026-10-21",
                       "--from", "赵六")
    assert code == 0
    code, out, err = cli("due", "--on", "2026-11-26")
    assert (code, err) == (0, "")
    assert "逾期未公开" in out and "CW-01" in out and "2026年10月" in out
    section = out.split("逾期未答复的群众意见")[1]
    assert "支出为何这么多？" in section and "赵六" in section and "2026-10-31" in section
    assert "注意：2027年的法定节假日" not in out  # 11-26's month needs no 2027 working days


def test_due_usage_and_bad_dates(cli):
    code, out, err = cli("due", "--on", "2026-11-26", "--from", "2026-11-01", "--to", "2026-11-30")
    assert code == 2 and "--on" in err and out == ""
    code, _, err = cli("due", "--from", "2026-11-01")
    assert code == 2 and "--to" in err
    # A malformed date is a usage error (cli.md: exit 2): the usage line, then one Chinese line naming it.
    for args in (["--on", "2026-13-01"], ["--from", "2026-02-30", "--to", "2026-03-01"], ["--on", "昨天"]):
        code, out, err = cli("due", *args, "--json")
        assert code == 2 and out == ""
        assert err.startswith("用法：cunwu due") and "Traceback" not in err
        assert f"用法错误：参数 {args[0]}：“{args[1]}”不是有效日期" in err
    code, _, err = cli("due", "--from", "2026-12-01", "--to", "2026-11-01")
    assert code == 1 and "早于" in err


def test_feedback_add_answer_list(cli):
    d = add_disclosure(cli.ctx, "CW-02", "2026-Q3", "posted", posted="2026-10-20")
    code, out, _ = cli("feedback", "add", str(d), "--text", "名单有误", "--received", "2026-10-21")
    assert code == 0 and out.strip().isdigit()
    first = int(out)
    code, out, _ = cli("feedback", "add", str(d), "--text", "何时发放", "--from", "钱七", "--json")
    assert code == 0
    doc = json.loads(out)
    assert set(doc) == {"id", "answer_due"}
    assert doc["answer_due"] == (date.today() + timedelta(days=10)).isoformat()
    second = doc["id"]

    code, out, _ = cli("feedback", "list", "--json")
    listed = json.loads(out)
    assert [f["id"] for f in listed] == [first, second]
    for f in listed:
        assert FEEDBACK_KEYS <= set(f)
    assert listed[0]["received"] == "2026-10-21"
    assert (listed[0]["answer_due"], listed[0]["overdue"], listed[0]["answered_on"], listed[0]["answer"]) == (
        "2026-10-31", True, None, None)
    assert (listed[1]["from"], listed[1]["overdue"]) == ("钱七", False)

    code, out, _ = cli("feedback", "list", "--overdue", "--json")
    assert [f["id"] for f in json.loads(out)] == [first]

    code, out, err = cli("feedback", "answer", str(first), "--text", "已更正", "--on", "2026-11-02")
    assert (code, err) == (0, "") and "逾期答复" in out
    code, out, _ = cli("feedback", "list", "--overdue", "--json")
    assert json.loads(out) == []
    code, out, _ = cli("feedback", "list", "--json")
    f = json.loads(out)[0]
    assert (f["answered_on"], f["answer"], f["overdue"]) == ("2026-11-02", "已更正", False)
    code, out, _ = cli("feedback", "list")
    assert code == 0 and "已更正" not in out and "名单有误" in out and "逾期答复" in out


def test_feedback_refusals_and_exit_codes(cli):
    draft = add_disclosure(cli.ctx, "CW-01", "2026-M10", "draft")
    code, out, err = cli("feedback", "add", str(draft), "--text", "有意见")
    assert code == 1 and out == "" and "尚未公示" in err and "Traceback" not in err
    posted = add_disclosure(cli.ctx, "CW-01", "2026-M09", "posted", posted="2026-10-09")
    code, _, err = cli("feedback", "add", str(posted), "--text", "x", "--received", "2026/10/10")
    assert code == 2 and "参数 --received：“2026/10/10”不是有效日期" in err
    code, _, err = cli("feedback", "answer", "77", "--text", "无")
    assert code == 1 and "77" in err
    code, _, err = cli("feedback", "answer", "1", "--text", "x", "--on", "tomorrow")
    assert code == 2 and "不是有效日期" in err
    code, _, _ = cli("feedback", "add", "abc", "--text", "x")
    assert code == 2
    code, _, _ = cli("feedback", "add", str(posted))  # --text missing
    assert code == 2
    code, out, _ = cli("feedback", "list", "--json")
    assert json.loads(out) == []
