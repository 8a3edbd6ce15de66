"""`cunwu disclosure …`: JSON keys, output, exit codes (contract: shared/docs/cli.md)."""

from __future__ import annotations

import json

import pytest

from .conftest import FINANCE_ITEM, NOTICE_ITEM, ROSTER_ITEM, add_items

SHOW_KEYS = {"id", "item", "period", "kind", "title", "status", "drafter", "reviewer", "rows", "totals",
             "content", "posting", "supersedes", "superseded_by", "findings", "history"}
FINDING_KEYS = {"row", "field", "rule", "message", "severity"}
HISTORY_KEYS = {"status", "by", "at"}
STATUSES = {"draft", "submitted", "approved", "returned", "posted", "expired", "archived"}


@pytest.fixture
def cli(empty_village, cunwu):
    """Runs `cunwu` on the test village as 王文书 (or `user=`); returns (exit code, stdout, stderr)."""
    add_items(empty_village[1], ROSTER_ITEM, FINANCE_ITEM, NOTICE_ITEM)
    return lambda *args, user="王文书": cunwu(*args, user=user)


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "r.csv"
    good.write_text("姓名,身份证号,金额\n张三,11010519491231002X,100.00\n李四,110105198001010016,50.50\n",
                    encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("姓名,身份证号,金额\n张三,110105194912310029,100.00\n", encoding="utf-8")
    return tmp_path, good, bad


MAP = "name=姓名,id_number=身份证号,amount=金额"


def new_roster(cli, path, *extra):
    code, out, err = cli("disclosure", "new", "--item", "DB-01", "--period", "2026-Q3", "--title", "低保名单",
                         "--kind", "roster", "--from", str(path), "--map", MAP, *extra)
    return code, out, err


def test_new_from_csv_then_show_json_keys(cli, files):
    _t, good, _bad = files
    code, out, err = new_roster(cli, good, "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert set(doc) == {"id"}
    code, out, err = cli("disclosure", "show", str(doc["id"]), "--json")
    assert (code, err) == (0, "")
    d = json.loads(out)
    assert SHOW_KEYS <= set(d)
    assert d["status"] == "draft" and d["kind"] == "roster" and d["item"] == "DB-01" and d["period"] == "2026-Q3"
    assert len(d["rows"]) == 2 and d["rows"][1]["amount"] == "50.50"
    assert {"group", "name", "id_number", "household_size", "quantity", "rate", "amount", "remark"} <= set(d["rows"][0])
    assert d["totals"]["amount"] == "150.50" and d["totals"]["rows"] == 2
    assert set(d["posting"]) >= {"start", "end", "days"}
    assert d["findings"] == [] and HISTORY_KEYS <= set(d["history"][0])
    assert d["drafter"] == "王文书" and d["reviewer"] is None and d["supersedes"] is None


def test_new_prints_plain_id(cli, files):
    _t, good, _bad = files
    code, out, _err = new_roster(cli, good)
    assert code == 0 and out.strip().isdigit()


def test_wrong_check_digit_refuses_and_writes_nothing(cli, files):
    _t, _good, bad = files
    code, out, err = new_roster(cli, bad)
    assert code == 1 and out == ""
    assert "校验位" in err
    code, out, _ = cli("disclosure", "list", "--json")
    assert code == 0 and json.loads(out) == []


def test_content_file_numbers_are_exact_and_submit_refused_with_findings(cli, tmp_path):
    content = tmp_path / "f.json"
    # JSON numbers (0.1 + 0.2 must stay exact) and strings mixed
    content.write_text(json.dumps({"opening": 1000, "closing": "1000.40", "rows": [
        {"date": "2026-07-03", "voucher": "记-01", "summary": "收入", "class": "各项收入", "income": 0.1},
        {"date": "2026-07-04", "voucher": "记-02", "summary": "收入", "class": "各项收入", "income": "0.2"},
    ]}), encoding="utf-8")
    code, out, err = cli("disclosure", "new", "--item", "CW-01", "--period", "2026-M07", "--title", "7月财务",
                         "--content-file", str(content), "--json")
    assert code == 0, err
    did = json.loads(out)["id"]
    assert "1000.30" in err  # findings reported on stderr: closing should be 1000.30
    code, out, _ = cli("disclosure", "show", str(did), "--json")
    d = json.loads(out)
    assert d["kind"] == "finance" and d["content"]["rows"][0]["income"] == "0.10"
    assert d["totals"]["income"] == "0.30" and d["totals"]["closing"] == "1000.30"
    f = d["findings"][0]
    assert set(f) == FINDING_KEYS and f["rule"] == "closing_balance" and f["severity"] == "error"
    code, out, err = cli("disclosure", "submit", str(did))
    assert code == 1 and "1000.40" in err and "不能提交" in err
    assert json.loads(cli("disclosure", "show", str(did), "--json")[1])["status"] == "draft"


def test_bad_content_file_exit_1(cli, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{\"opening\": 1,", encoding="utf-8")
    code, _out, err = cli("disclosure", "new", "--item", "CW-01", "--period", "2026-M07", "--title", "x",
                          "--content-file", str(bad))
    assert code == 1 and "JSON" in err and len(err.strip().splitlines()) == 1
    code, _out, err = cli("disclosure", "new", "--item", "CW-01", "--period", "2026-M07", "--title", "x",
                          "--content-file", str(tmp_path / "missing.json"))
    assert code == 1 and "找不到" in err


def test_full_workflow_through_the_cli(cli, files, tmp_path):
    _t, good, _bad = files
    body = tmp_path / "body.txt"
    body.write_text("经村两委研究，现予公告。", encoding="utf-8")
    code, out, err = cli("disclosure", "new", "--item", "GG-01", "--period", "2026-07-17", "--title", "公告",
                         "--body-file", str(body), "--json")
    assert code == 0, err
    gid = json.loads(out)["id"]
    assert json.loads(cli("disclosure", "show", str(gid), "--json")[1])["kind"] == "notice"

    rid = int(new_roster(cli, good)[1])
    assert cli("disclosure", "post", str(rid), "--start", "2026-07-18")[0] == 1  # not approved
    assert cli("disclosure", "submit", str(rid))[0] == 0
    code, _out, err = cli("disclosure", "approve", str(rid), "--reviewer", "王文书")
    assert code == 1 and "审核人不能是起草人本人" in err
    code, _out, err = cli("disclosure", "return", str(rid), "--reviewer", "李监委", "--reason", "核对金额",
                          user="李监委")
    assert code == 0, err
    assert cli("disclosure", "submit", str(rid))[0] == 0
    code, out, err = cli("disclosure", "approve", str(rid), "--reviewer", "李监委", "--opinion", "同意",
                         user="李监委")
    assert code == 0, err
    code, _out, err = cli("disclosure", "post", str(rid), "--start", "2026-07-18", "--days", "3")
    assert code == 1 and "最低公示期" in err
    code, out, err = cli("disclosure", "post", str(rid), "--start", "2026-07-18", "--json")
    assert code == 0, err
    d = json.loads(out)
    assert d["status"] in ("posted", "expired") and d["posting"] == {"start": "2026-07-18", "end": "2026-07-24",
                                                                     "days": 7, "working_days": False}
    assert [h["status"] for h in d["history"]] == ["draft", "submitted", "returned", "submitted", "approved",
                                                   "posted"]
    assert d["reviewer"] == "李监委" and {h["by"] for h in d["history"]} == {"王文书", "李监委"}

    code, out, err = cli("disclosure", "correct", str(rid))
    assert code == 0, err
    cid = int(out)
    c = json.loads(cli("disclosure", "show", str(cid), "--json")[1])
    assert c["supersedes"] == rid and c["title"].startswith("更正：") and len(c["rows"]) == 2
    for cmd in (("submit", str(cid)), ("approve", str(cid), "--reviewer", "李监委"),
                ("post", str(cid), "--start", "2026-07-20")):
        code, _o, err = cli("disclosure", *cmd)
        assert code == 0, err
    assert json.loads(cli("disclosure", "show", str(rid), "--json")[1])["superseded_by"] == cid
    code, _o, err = cli("disclosure", "archive", str(rid))
    assert code == 0, err

    code, out, _ = cli("disclosure", "list", "--json")
    rows = json.loads(out)
    assert {r["status"] for r in rows} <= STATUSES
    assert {"id", "item", "period", "kind", "title", "status"} <= set(rows[0])
    code, out, _ = cli("disclosure", "list", "--status", "archived", "--json")
    assert [r["id"] for r in json.loads(out)] == [rid]
    code, out, _ = cli("disclosure", "list", "--item", "GG-01", "--period", "2026-07-17", "--json")
    assert [r["id"] for r in json.loads(out)] == [gid]
    code, out, _ = cli("disclosure", "list")
    assert code == 0 and "低保名单" in out


def test_editing_refusals_and_errors_are_one_line_each(cli, files):
    _t, good, _bad = files
    code, _out, err = cli("disclosure", "show", "999")
    assert code == 1 and err.strip() == "没有编号为 999 的公开记录"
    code, _out, err = cli("disclosure", "new", "--item", "NOPE", "--period", "2026-Q3", "--title", "x")
    assert code == 1 and "NOPE" in err
    code, _out, err = cli("disclosure", "new", "--item", "DB-01", "--period", "2026-Q9", "--title", "x")
    assert code == 1 and "2026-Q9" in err
    rid = int(new_roster(cli, good)[1])
    code, _out, err = cli("disclosure", "correct", str(rid))
    assert code == 1 and "无需更正" in err


def test_usage_errors_exit_2(cli):
    assert cli("disclosure", "show", "abc")[0] == 2
    assert cli("disclosure", "new", "--item", "DB-01")[0] == 2
    assert cli("disclosure", "new", "--item", "DB-01", "--period", "2026-Q3", "--title", "x", "--kind", "poem")[0] == 2
    assert cli("disclosure", "list", "--status", "published")[0] == 2
    assert cli("disclosure", "return", "1", "--reviewer", "李监委")[0] == 2


def test_mapping_is_remembered_per_item(cli, tmp_path):
    """The mapping confirmed with --map is used next time for the same item without --map."""
    f = tmp_path / "odd.csv"
    f.write_text("户主,证件,钱数\n张三,11010519491231002X,100.00\n", encoding="utf-8")
    code, out, err = cli("disclosure", "new", "--item", "DB-01", "--period", "2026-Q3", "--title", "低保名单",
                         "--from", str(f), "--map", "name=户主,id_number=证件,amount=钱数", "--json")
    assert code == 0, err
    code, out, err = cli("disclosure", "new", "--item", "DB-01", "--period", "2026-Q4", "--title", "低保名单",
                         "--from", str(f), "--json")
    assert code == 0, err
    code, out, _ = cli("disclosure", "show", str(json.loads(out)["id"]), "--json")
    row = json.loads(out)["rows"][0]
    assert row["name"] == "张三" and row["amount"] == "100.00" and row["id_number"] == "11010519491231002X"


def test_remembered_mapping_with_optional_columns_reads_a_file_without_them(cli, empty_village, tmp_path):
    """A mapping remembered with 卡号/备注 reads next year's file without them; a required column
    missing is named (file, column, rule); the optional columns stay remembered for a later file."""
    from models.services.import_mappings import mapping_for

    _db, ctx = empty_village
    full = tmp_path / "2026.csv"
    full.write_text("户主,证件,钱数,卡号,备注\n张三,11010519491231002X,100.00,6228480012345678901,补发\n",
                    encoding="utf-8")
    code, _out, err = cli("disclosure", "new", "--item", "DB-01", "--period", "2026-Q3", "--title", "低保名单",
                          "--from", str(full), "--map", "name=户主,id_number=证件,amount=钱数,bank_card=卡号,remark=备注")
    assert code == 0, err
    lean = tmp_path / "2027.csv"
    lean.write_text("户主,证件,钱数\n李四,110105198001010016,50.50\n", encoding="utf-8")
    code, out, err = cli("disclosure", "new", "--item", "DB-01", "--period", "2026-Q4", "--title", "低保名单",
                         "--from", str(lean), "--json")
    assert code == 0, err
    code, shown, _ = cli("disclosure", "show", str(json.loads(out)["id"]), "--json")
    assert json.loads(shown)["rows"][0]["name"] == "李四"
    assert mapping_for(ctx, "DB-01") == {"name": "户主", "id_number": "证件", "amount": "钱数",
                                         "bank_card": "卡号", "remark": "备注"}

    nameless = tmp_path / "2028.csv"
    nameless.write_text("申领人员,证件,钱数\n王五,110105198001010016,50.50\n", encoding="utf-8")
    code, _out, err = cli("disclosure", "new", "--item", "DB-01", "--period", "2027-Q1", "--title", "低保名单",
                          "--from", str(nameless))
    assert code == 1
    assert "2028.csv" in err and "姓名" in err and "户主" in err and "必填" in err


# The CLI's steps and how each is typed; the refusal printed is the workflow table's.
CLI_STEPS = {
    "submit": lambda i: ("disclosure", "submit", i),
    "approve": lambda i: ("disclosure", "approve", i, "--reviewer", "李监委"),
    "return": lambda i: ("disclosure", "return", i, "--reviewer", "李监委", "--reason", "数字有误"),
    "post": lambda i: ("disclosure", "post", i, "--days", "7"),
    "correct": lambda i: ("disclosure", "correct", i),
    "archive": lambda i: ("disclosure", "archive", i),
}


@pytest.mark.parametrize("state", ["draft", "submitted", "approved", "returned", "posted", "expired"])
def test_cli_steps_follow_the_workflow_table(cli, empty_village, data_dir, tmp_path, state):
    from datetime import date

    from models.rules import workflow as W
    from tests.workflow_states import services

    db, ctx = empty_village
    walk = services(db, ctx, data_dir, tmp_path, date.today())  # the CLI judges on the real day
    for step, argv in CLI_STEPS.items():
        made = walk.make(state, item="GG-01", period="2026-07-17")
        decision = W.check(step, walk.drafter.get(made.id).facts)
        code, _out, err = cli(*argv(str(made.id)))
        if decision.allowed:
            assert code == 0, (state, step, err)
        else:
            assert (code, err.strip()) == (1, decision.refusal.text), (state, step)
