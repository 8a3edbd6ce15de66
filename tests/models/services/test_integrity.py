"""`cunwu check`: edits made behind the program's back (plain sqlite3) are found and located."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import date

import pytest

from models.cli import main
from models.entities import AuditEvent
from models.rules.timing import TimingRule
from models.services.attachments import AttachmentService
from models.services.audit_log import AuditLogService
from models.services.catalog import CatalogService, ItemData
from models.services.context import Actor, ServiceContext, chain_head, event_hash, verify_audit_chain
from models.services.disclosures import DisclosureService
from models.services.integrity import IntegrityService
from models.services.record_seal import seal_record

ROWS = [
    {"group": "一组", "name": "张三", "id_number": "11010519491231002X", "quantity": "10.5", "rate": "100",
     "amount": "1050.00"},
    {"group": "二组", "name": "李四", "id_number": "110105198001010016", "amount": "50.50"},
    {"group": "二组", "name": "王五", "id_number": "110101199003074514", "amount": "20.00"},
]


@pytest.fixture
def posted(empty_village, db_path, data_dir):
    """A posted roster (#1), an approved one (#2) and a draft (#3)."""
    db, ctx = empty_village
    CatalogService(ctx).add(ItemData(code="DL-01", group="惠农补贴", name="耕地地力保护补贴",
                                     timing=TimingRule("quarterly", day=20), posting_days=7, default_kind="roster"))
    today = date(2026, 7, 20)
    svc = DisclosureService(ctx, clock=lambda: today)
    reviewer = DisclosureService(ServiceContext(db, Actor("李监委", "reviewer")), clock=lambda: today)
    first = svc.create("DL-01", "2026-Q3", "耕地地力保护补贴名单", rows=ROWS)
    svc.submit(first.id)
    reviewer.approve(first.id, "李监委")
    svc.post(first.id, start="2026-07-18")
    second = svc.create("DL-01", "2026-Q2", "第二季度名单", rows=ROWS[:2])
    svc.submit(second.id)
    reviewer.approve(second.id, "李监委")
    svc.create("DL-01", "2026-Q4", "草稿", rows=ROWS[:1])
    db.dispose()  # let plain sqlite3 in, as a tamperer would
    return {"db": db, "ctx": ctx, "path": db_path, "data": data_dir, "posted": first.id, "approved": second.id}


def sql(path, *statements: str) -> None:
    con = sqlite3.connect(path)
    try:
        for s in statements:
            con.execute(s)
        con.commit()
    finally:
        con.close()


def check(env, capsys) -> tuple[int, dict]:
    capsys.readouterr()
    code = main(["--db", str(env["path"]), "--data-dir", str(env["data"]), "--user", "王文书", "check", "--json"])
    return code, json.loads(capsys.readouterr().out)


def messages(doc: dict) -> list[str]:
    return [p["message"] for p in doc["problems"]]


def test_an_untouched_database_checks_clean(posted, capsys):
    code, doc = check(posted, capsys)
    assert code == 0 and doc["ok"] is True and doc["problems"] == []
    assert doc["records_checked"] == 3 and doc["head"]["event"] > 0


def test_the_seal_is_in_the_submit_approve_and_post_events(posted):
    entries = AuditLogService(posted["ctx"]).events(record=posted["posted"])
    sealed = [e.action for e in entries if e.sealed]
    assert sealed == ["disclosure.submit", "disclosure.approve", "disclosure.post"]
    post = entries[-1]
    seal = post.detail["seal"][str(posted["posted"])]
    assert len(seal["hash"]) == 64 and seal["n"] == 3 and len(seal["rows"]) == 3 * 8
    assert post.detail["transitions"] == [[posted["posted"], "posted"]]
    assert "content_hash" in post.to_json()["detail"] and "seal" not in post.to_json()["detail"]


def test_an_edited_posted_row_is_found_and_located(posted, capsys):
    # name, amount together, as the hostile user did
    sql(posted["path"], "UPDATE roster_row SET name='赵六', amount=2000 WHERE disclosure_id=1 AND position=1")
    code, doc = check(posted, capsys)
    assert code == 1 and doc["ok"] is False
    assert "记录 #1 张贴公示后被改动（第 1 行）" in messages(doc)
    by_record = {p["record"] for p in doc["problems"]}
    assert by_record == {1}
    assert any("合计与明细不符" in m and "金额" in m for m in messages(doc))


def test_an_edited_approved_row_says_after_approval(posted, capsys):
    sql(posted["path"], "UPDATE roster_row SET id_number='110105198001010024' WHERE disclosure_id=2 AND position=2")
    code, doc = check(posted, capsys)
    assert code == 1 and "记录 #2 审核通过后被改动（第 2 行）" in messages(doc)


def test_a_deleted_or_added_row_is_named(posted, capsys):
    sql(posted["path"], "DELETE FROM roster_row WHERE disclosure_id=1 AND position=3")
    code, doc = check(posted, capsys)
    assert code == 1
    assert any(m.startswith("记录 #1 张贴公示后被改动") and "第 3 行被删除" in m for m in messages(doc))
    assert any("记录 #1 记下的行数 3 与名单实际行数 2 不符" in m for m in messages(doc))


def test_an_edited_header_field_is_named(posted, capsys):
    sql(posted["path"], "UPDATE disclosure SET title='改过的标题' WHERE id=1")
    code, doc = check(posted, capsys)
    assert code == 1 and "记录 #1 张贴公示后被改动（标题）" in messages(doc)


def test_an_edited_stored_total_is_found(posted, capsys):
    sql(posted["path"], "UPDATE disclosure SET totals=json_set(totals, '$.amount', '9999.00') WHERE id=1")
    code, doc = check(posted, capsys)
    assert code == 1
    assert "记录 #1 记下的合计与明细不符（金额：记下 9999.00，按明细计算 1120.50）" in messages(doc)
    assert "记录 #1 张贴公示后被改动（合计）" in messages(doc)


def test_an_edited_audit_row_is_found_with_its_record(posted, capsys):
    sql(posted["path"], "UPDATE audit_event SET actor='别人' WHERE action='disclosure.approve' AND target_id='1'")
    code, doc = check(posted, capsys)
    assert code == 1
    chain = [p for p in doc["problems"] if p["code"] == "chain"]
    assert len(chain) == 1 and chain[0]["record"] == 1
    assert "（记录 #1：审核通过）的内容与其校验值不符" in chain[0]["message"]


def test_deleting_the_last_audit_rows_is_found(posted, capsys):
    # the post of #1 and everything after it
    con = sqlite3.connect(posted["path"])
    post_id = con.execute("SELECT id FROM audit_event WHERE action='disclosure.post'").fetchone()[0]
    con.close()
    sql(posted["path"], f"DELETE FROM audit_event WHERE id >= {post_id}")
    code, doc = check(posted, capsys)
    assert code == 1
    status = [p for p in doc["problems"] if p["code"] == "status"]
    assert {p["record"] for p in status} == {1, 2}
    assert any("记录 #1 的状态为“公示中”，但审计记录中它最后一次变为“已审核”" in p["message"] for p in status)
    assert any("审计记录在第" in m and "之后被删除" in m for m in messages(doc))


def test_deleting_the_tail_is_found_by_the_witness_alone(posted, capsys):
    """Events that change no status (a draft's edit) deleted at the end: the signed head says so."""
    svc = DisclosureService(posted["ctx"], clock=lambda: date(2026, 7, 20))
    svc.update(3, title="草稿改名")
    posted["db"].dispose()
    sql(posted["path"], "DELETE FROM audit_event WHERE id = (SELECT max(id) FROM audit_event)")
    code, doc = check(posted, capsys)
    assert code == 1 and any("之后被删除" in m for m in messages(doc))


def test_a_recomputed_unkeyed_chain_does_not_pass(posted, capsys):
    """Edit a row, then rebuild the seal and every hash the way the old unkeyed chain allowed."""
    sql(posted["path"], "UPDATE roster_row SET amount=2000 WHERE disclosure_id=1 AND position=1",
        "UPDATE disclosure SET totals=json_set(totals, '$.amount', '2070.50') WHERE id=1")
    db = posted["db"]
    with db.read_session() as s:
        events = list(s.query(AuditEvent).order_by(AuditEvent.id))
        forged_seal = seal_record(s, 1)
    con = sqlite3.connect(posted["path"])
    prev = "0" * 64
    for ev in events:
        detail = dict(ev.detail or {})
        if "1" in (detail.get("seal") or {}):
            detail["seal"] = {**detail["seal"], "1": forged_seal}
        h = event_hash(prev, ev.at, ev.actor, ev.role, ev.action, ev.target_type, ev.target_id, detail)
        con.execute("UPDATE audit_event SET prev_hash=?, hash=?, key_id=NULL, detail=? WHERE id=?",
                    (prev, h, json.dumps(detail, ensure_ascii=False), ev.id))
        prev = h
    con.commit()
    con.close()
    code, doc = check(posted, capsys)
    # the forged history is self-consistent; only the signed head witness outside the database differs
    assert code == 1
    assert messages(doc) == [m for m in messages(doc) if "与本机记下的不符" in m] and doc["problems"]
    # removing the witness as well does not help: its absence is reported
    posted["path"].with_name(posted["path"].name + ".auditkey-head").unlink()
    code, doc = check(posted, capsys)
    assert code == 1 and any("审计链头记录文件不见了" in m for m in messages(doc))


def test_a_chain_signed_by_another_key_is_reported(posted, capsys):
    key = posted["path"].with_name(posted["path"].name + ".auditkey")
    key.write_text(hashlib.sha256(b"another").hexdigest() + "\n", encoding="ascii")
    code, doc = check(posted, capsys)
    assert code == 1 and any("由另一把审计密钥签名" in m for m in messages(doc))


def test_a_status_set_directly_is_found(posted, capsys):
    sql(posted["path"], "UPDATE disclosure SET status='archived' WHERE id=2")
    code, doc = check(posted, capsys)
    assert code == 1
    assert any(p["record"] == 2 and "状态为“已归档”" in p["message"] for p in doc["problems"])


def test_database_level_checks_run(posted, capsys):
    con = sqlite3.connect(posted["path"])
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("INSERT INTO status_change (disclosure_id, status, by, at) VALUES (99, 'draft', 'x', '2026-01-01')")
    con.commit()
    con.close()
    code, doc = check(posted, capsys)
    assert code == 1 and any("status_change" in m and "disclosure" in m for m in messages(doc))


def test_attachments_are_rehashed(posted, capsys, tmp_path):
    photo = tmp_path / "board.jpg"
    photo.write_bytes(b"\xff\xd8 a photo of the board")
    att = AttachmentService(posted["ctx"], posted["data"]).add(posted["posted"], photo)
    posted["db"].dispose()
    assert check(posted, capsys)[0] == 0  # a board photo added after posting is evidence, not an edit
    (posted["data"] / att.stored_path).write_bytes(b"something else")
    code, doc = check(posted, capsys)
    assert code == 1 and any("附件" in m and "已被改动" in m for m in messages(doc))


def test_plain_text_output_and_fast_mode(posted, capsys):
    sql(posted["path"], "UPDATE roster_row SET name='赵六' WHERE disclosure_id=1 AND position=1")
    capsys.readouterr()
    code = main(["--db", str(posted["path"]), "--data-dir", str(posted["data"]), "--user", "王文书", "check"])
    out = capsys.readouterr().out
    assert code == 1 and "问题：记录 #1 张贴公示后被改动（第 1 行）" in out and "审计链 第" in out
    report = IntegrityService(posted["ctx"], posted["data"]).check(full=False)
    assert report.ok and report.records_checked == 0  # the fast part does not read contents


def test_chain_head_and_verify(posted):
    head = chain_head(posted["db"])
    assert head is not None and head.text == f"审计链 第 {head.event_id} 条 {head.hash[:12]}"
    assert verify_audit_chain(posted["db"]) == []


def test_cunwu_log(posted, capsys):
    capsys.readouterr()
    args = ["--db", str(posted["path"]), "--data-dir", str(posted["data"]), "--user", "王文书", "log"]
    assert main([*args, "--record", "1", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [e["action"] for e in entries] == ["disclosure.create", "disclosure.submit", "disclosure.approve",
                                             "disclosure.post"]
    assert entries[2]["actor"] == "李监委" and entries[2]["action_label"] == "审核通过"
    assert set(entries[0]) >= {"id", "at", "actor", "role", "action", "target_id", "detail", "hash"}
    assert main(args) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert any("公示 disclosure:1" in line and "[内容已封存]" in line for line in lines)
