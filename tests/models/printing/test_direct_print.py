"""`cunwu print ID` read straight from the database file (models.printing.direct): the same PDF,
byte for byte, as the services' print of every kind, without importing SQLAlchemy; and the cases
it leaves to the services do reach them."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from models.cli import main
from models.printing.direct import read_document
from models.printing.document import PrintOptions
from models.printing.render import render
from models.services.disclosures import DisclosureService

from .account_rows import account_row
from .test_notices import DECISION, FINANCE, PROJECT, TODAY, YISHI, env, id_number, roster_rows  # noqa: F401
from .test_render import ID_NUMBER, all_text, squeezed

ROOT = Path(__file__).resolve().parents[3]


def _records(svc, post) -> dict[str, int]:
    rare = roster_rows(30, names=["王𠮷", "李䶮", "张𬌗"] + [f"村民{i}" for i in range(27)])
    return {
        "roster": post(svc.create("DL-01", "2026-Q3", "耕地地力保护补贴名单公示", rows=roster_rows(80))).id,
        "rare": post(svc.create("DL-01", "2026-Q2", "名单（生僻字）", rows=rare)).id,
        "draft": svc.create("DL-01", "2026-Q4", "名单（草稿）", rows=roster_rows(5)).id,
        "finance": post(svc.create("CW-01", "2026-M06", "2026年6月财务收支公开", content=FINANCE)).id,
        "project": post(svc.create("XM-01", "2026-07-01", "道路硬化工程公示", kind="project", content=PROJECT)).id,
        "decision": post(svc.create("JC-01", "2026-06-11", "机动地发包决议公开", kind="decision",
                                    content=DECISION)).id,
        "yishi": post(svc.create("YS-01", "2026-07-02", "一事一议筹资筹劳方案", kind="yishi", content=YISHI)).id,
        "notice": post(svc.create("GG-01", "2026-07-03", "关于开展人居环境整治的通知",
                                  body=f"全体村民：\n联系人身份证 {id_number(3)} 请勿外传。\n请各户积极参加。",
                                  content={"footer": {"unit": "村务监督委员会", "phones": [
                                      {"label": "村委会", "number": "0379-61234567"}]}})).id,
    }


OPTIONS = {"plain": PrintOptions(), "handout": PrintOptions(handout=True),
           "large-a3": PrintOptions(paper="A3", landscape=True, large=True)}


@pytest.mark.parametrize("option", sorted(OPTIONS))
def test_every_kind_prints_the_same_bytes_as_through_the_services(env, db_path, option):  # noqa: F811
    _ctx, svc, post, printer = env
    options = OPTIONS[option]
    for name, record in _records(svc, post).items():
        if option == "handout" and name not in ("roster", "rare"):
            continue
        doc = read_document(db_path, record, options, today=TODAY)
        assert doc is not None, name
        direct = render([doc]).data
        assert direct == printer.print_disclosure(record, None, options).data, name
        if name == "rare":
            text = squeezed(all_text(direct))
            assert all(n in text for n in ("王𠮷", "李䶮", "张𬌗"))  # the Ext-B fallback font's subset
        if name == "notice":
            text = squeezed(all_text(direct))
            assert id_number(3) not in text and "请勿外传" in text and "0379-61234567" in text


# SQLAlchemy made unimportable: the command still prints, so its path never needs it.
_WITHOUT_SQLALCHEMY = ("import sys\n"
                       "class Refuse:\n"
                       "    def find_spec(self, name, path=None, target=None):\n"
                       "        if name.split('.')[0] == 'sqlalchemy':\n"
                       "            raise ImportError('sqlalchemy imported on the print path: ' + name)\n"
                       "sys.meta_path.insert(0, Refuse())\n"
                       "from models.cli import main\n"
                       "sys.exit(main(sys.argv[1:]))\n")


def _print_without_sqlalchemy(db_path, data_dir, record: int, out: Path, **signed_in: str):
    env_vars = {**os.environ, "PYTHONPATH": str(ROOT), **signed_in}
    if not signed_in:
        env_vars.pop("CUNWU_USER", None)
        env_vars.pop("CUNWU_PASSWORD", None)
    return subprocess.run([sys.executable, "-c", _WITHOUT_SQLALCHEMY, "--db", str(db_path), "--data-dir",
                           str(data_dir), "print", str(record), "--out", str(out)], env=env_vars, capture_output=True,
                          text=True, timeout=120)


def test_the_command_prints_through_it_without_importing_sqlalchemy(env, db_path, data_dir, tmp_path):  # noqa: F811
    _ctx, svc, post, printer = env
    record = post(svc.create("DL-01", "2026-Q3", "耕地地力保护补贴名单公示", rows=roster_rows(40)))
    out = tmp_path / "名单.pdf"
    done = _print_without_sqlalchemy(db_path, data_dir, record.id, out)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith(f"已生成 {out}：共 ")
    assert out.read_bytes() == printer.print_disclosure(record.id).data  # a posted record: no "today" in it
    assert not ID_NUMBER.search(all_text(out.read_bytes()))


def test_with_accounts_it_signs_in_and_prints_without_importing_sqlalchemy(env, db_path, data_dir, tmp_path,  # noqa: F811
                                                                           monkeypatch):
    """Signed in on the plain path, in a whole process: the PDF as the services print it, the account's
    sign-in written (and its hash, stored with older parameters, re-hashed) — SQLAlchemy never imported."""
    from models.rules import passwords
    from models.services.accounts import AccountService

    ctx, svc, post, printer = env
    record = post(svc.create("DL-01", "2026-Q3", "耕地地力保护补贴名单公示", rows=roster_rows(40)))
    with monkeypatch.context() as m:
        m.setattr(passwords, "N", passwords.N // 2)  # a hash made before the cost was raised
        AccountService(ctx).add("张主任", "admin", PASSWORD)
    stored = _hash(db_path, "张主任")
    assert passwords.needs_rehash(stored) and account_row(db_path, "张主任")["last_login_at"] is None
    out = tmp_path / "名单.pdf"
    done = _print_without_sqlalchemy(db_path, data_dir, record.id, out, CUNWU_USER="张主任", CUNWU_PASSWORD=PASSWORD)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == printer.print_disclosure(record.id).data
    rehashed = _hash(db_path, "张主任")
    assert rehashed != stored and not passwords.needs_rehash(rehashed) and passwords.verify_password(PASSWORD, rehashed)
    row = account_row(db_path, "张主任")
    assert row["failed_attempts"] == 0 and row["last_login_at"] is not None


PASSWORD = "村务-测试-2026"


def _signed(db, name: str):
    from models.services.accounts import sign_in
    from models.services.context import ServiceContext

    return ServiceContext(db, sign_in(db, name, PASSWORD))


def _hash(db_path, name: str) -> str:
    return account_row(db_path, name)["password_hash"]


@pytest.mark.parametrize("option", sorted(OPTIONS))
def test_with_an_account_every_kind_prints_the_same_bytes_as_through_the_services(env, db_path, data_dir,  # noqa: F811
                                                                                 tmp_path, fast_scrypt, monkeypatch,
                                                                                 option):
    """`cunwu print ID` signed in (CUNWU_USER / CUNWU_PASSWORD) on the plain path — the services' printer
    barred — against the services' print by the same signed-in clerk."""
    from datetime import date

    from models.printing import jobs
    from models.services.accounts import AccountService

    ctx, svc, post, _printer = env
    records = _records(svc, post)
    AccountService(ctx).add("张主任", "admin", PASSWORD)
    AccountService(_signed(ctx.db, "张主任")).add("王文书", "clerk", PASSWORD)
    printer = jobs.NoticePrinter(_signed(ctx.db, "王文书"), today=date.today())
    monkeypatch.setattr(jobs, "NoticePrinter", None)  # a print that succeeds took the plain path
    monkeypatch.setenv("CUNWU_USER", "王文书")
    monkeypatch.setenv("CUNWU_PASSWORD", PASSWORD)
    options = OPTIONS[option]
    flags = {"plain": [], "handout": ["--handout"], "large-a3": ["--paper", "A3", "--landscape", "--large"]}[option]
    for name, record in records.items():
        if option == "handout" and name not in ("roster", "rare"):
            continue
        out = tmp_path / f"{name}.pdf"
        assert main(["--db", str(db_path), "--data-dir", str(data_dir), "print", str(record), "--out", str(out),
                     *flags]) == 0, name
        assert out.read_bytes() == printer.print_disclosure(record, None, options).data, name


def test_what_it_does_not_cover_goes_to_the_services(env, db_path, tmp_path, capsys):  # noqa: F811
    _ctx, svc, post, printer = env
    original = post(svc.create("DL-01", "2026-Q3", "名单公示", rows=roster_rows(5)))
    correction = post(svc.correct(original.id), start="2026-07-21")
    table = post(svc.create("DL-01", "2026-Q1", "附表名单", rows=roster_rows(3)))
    with_table = post(svc.create("GG-01", "2026-07-05", "资金安排公示", body="见附件。",
                                 content={"attached_tables": [{"record": table.id}]}))
    assert read_document(db_path, correction.id) is None  # names the record it replaces
    assert read_document(db_path, with_table.id) is None  # prints another record after it
    assert read_document(db_path, 999) is None  # the services say it does not exist
    assert read_document(tmp_path / "none.sqlite3", original.id) is None
    (tmp_path / "text.sqlite3").write_text("not a database")
    assert read_document(tmp_path / "text.sqlite3", original.id) is None
    # through the command, each still prints (or is refused) as before
    for record in (correction.id, with_table.id):
        out = tmp_path / f"{record}.pdf"
        assert main(["--db", str(db_path), "print", str(record), "--out", str(out)]) == 0
        assert out.read_bytes() == printer.print_disclosure(record).data
    assert main(["--db", str(db_path), "print", "999", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "没有编号为 999 的公开记录" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_another_schema_version_is_left_to_the_services(env, db_path):  # noqa: F811
    _ctx, svc, post, _printer = env
    record = post(svc.create("DL-01", "2026-Q3", "名单公示", rows=roster_rows(5)))
    assert read_document(db_path, record.id) is not None
    conn = sqlite3.connect(db_path)
    try:
        (version,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        conn.execute("UPDATE alembic_version SET version_num = 'zzzz'")
        conn.commit()
        assert read_document(db_path, record.id) is None  # newer: the services refuse it by name
        conn.execute("UPDATE alembic_version SET version_num = ?", (version,))
        conn.commit()
    finally:
        conn.close()


def test_a_database_with_accounts_signs_in_through_the_services(staffed_village, db_path, tmp_path, capsys):
    clerk = DisclosureService(staffed_village["ctx"]["clerk"])
    record = clerk.create(_any_item(staffed_village), "2026-07-03", "关于开展人居环境整治的通知", kind="notice",
                          body="请各户积极参加。")
    assert read_document(db_path, record.id) is None
    out = tmp_path / "x.pdf"
    assert main(["--db", str(db_path), "print", str(record.id), "--out", str(out)]) == 1
    assert "已设置账户" in capsys.readouterr().err and not out.exists()


def _any_item(village) -> str:
    from models.rules.timing import TimingRule
    from models.services.catalog import CatalogService, ItemData

    CatalogService(village["ctx"]["admin"]).add(ItemData(code="GG-01", group="村务", name="村务公告",
                                                         timing=TimingRule("immediate"), posting_days=5))
    return "GG-01"


def test_a_public_roster_prints_its_sealed_totals_without_parsing_its_rows(env, monkeypatch):  # noqa: F811
    """Both print paths read a posted roster's 合计 as sealed at posting; a draft's are summed from its rows."""
    from models.rules import roster as R

    _ctx, svc, post, printer = env
    posted = post(svc.create("DL-01", "2026-Q3", "耕地地力保护补贴名单公示", rows=roster_rows(60)))
    draft = svc.create("DL-01", "2026-Q4", "名单（草稿）", rows=roster_rows(60))
    whole = printer.print_disclosure(posted.id, None).data
    parses = []
    parse_rows = R.parse_rows
    monkeypatch.setattr(R, "parse_rows", lambda *a, **k: parses.append(1) or parse_rows(*a, **k))
    read = svc.get(posted.id, checked=False)
    assert read.totals == posted.totals and read.parsed_rows is None
    assert printer.print_disclosure(posted.id, None).data == whole  # the same notice, rows not parsed
    assert parses == []
    assert svc.get(draft.id, checked=False).totals == draft.totals and parses  # a draft: summed from its rows
    parses.clear()
    assert svc.get(posted.id).findings is not None and parses  # a checked read parses as before


@pytest.mark.parametrize("kept", [5_000, 1])
def test_a_look_at_some_columns_reads_them_as_the_whole_read_does(env, db_path, kept, monkeypatch):  # noqa: F811
    """`RosterRowStream.columns(keys)` — a large table's first look, at its text and quantity columns —
    gives each asked-for key's values exactly as the whole read's rows hold them (numbers as
    Decimal, custom columns from ``extra``, missing as None), column by column, batch after batch."""
    from decimal import Decimal

    import models.storage.plain_read as plain_read
    from models.storage.plain_read import RosterRowStream, plain_reader

    from .test_notices import amount_of

    monkeypatch.setattr(plain_read, "_KEEP_NUMBERS", kept)  # (1: conversions past the first not kept)
    _ctx, svc, post, _printer = env
    rows = roster_rows(23)
    for row, quantity in ((rows[3], "1.50"), (rows[4], "1.5")):  # equal numbers, written differently
        row["quantity"], row["amount"] = quantity, str(amount_of(Decimal(quantity), Decimal(row["rate"])))
    record = post(svc.create("DL-01", "2026-Q3", "名单", rows=rows)).id
    with plain_reader(db_path) as reader:
        stream = reader.roster_row_stream(record)
        stream.BATCH = 5
        whole = [row for batch in stream.batches() for row in batch]
        assert len(whole) == 23 and isinstance(whole[0]["quantity"], Decimal) and whole[0]["bank_card"]
        for keys in ({"quantity", "rate"}, {"remark", "group", "amount"}, {"bank_card", "quantity"}, {"name"},
                     {"no_such_column"}, set()):
            looked = list(stream.columns(keys))
            assert len(looked) == 5 and all(len(values) == (3 if n == 4 else 5)
                                            for n, b in enumerate(looked) for values in b.values()), keys
            assert all(set(b) == keys for b in looked), keys
            for key in keys:
                values = [v for b in looked for v in b[key]]
                assert values == [row.get(key) for row in whole], key
                assert [str(v) for v in values] == [str(row.get(key)) for row in whole], key  # 1.50 stays 1.50
    assert RosterRowStream.BATCH == 2_000


@pytest.mark.parametrize("option", sorted(OPTIONS))
def test_a_large_table_read_in_batches_prints_the_same_bytes(env, db_path, option, monkeypatch):  # noqa: F811
    """Above `STREAM_ROWS` the rows are gone through in batches from the database, never held as
    dicts, and above `PACK_ROWS` the printed cells are kept packed: every roster (a draft's totals summed from its rows, rare characters, custom columns)
    prints the same bytes as the services' print, with batches that end inside the table."""
    import models.printing.direct as direct
    import models.printing.notices as notices
    import models.storage.plain_read as plain_read
    from models.printing.document import PackedRows
    from models.storage.plain_read import PlainReader, RosterRowStream

    _ctx, svc, post, printer = env
    options = OPTIONS[option]
    records = {k: v for k, v in _records(svc, post).items() if k in ("roster", "rare", "draft")}
    # the one quantity with three decimals in the third batch: every row prints three (1.500)
    rows = roster_rows(24)
    for n, row in enumerate(rows):
        row["quantity"] = "1.125" if n == 17 else str(n % 3 + 1)
        row.pop("amount")
    records["places"] = post(svc.create("DL-01", "2026-Q1", "名单（小数位）", rows=rows)).id
    expected = {name: printer.print_disclosure(record, None, options).data for name, record in records.items()}
    monkeypatch.setattr(direct, "STREAM_ROWS", 0)
    monkeypatch.setattr(notices, "PACK_ROWS", 0)  # and the printed cells kept packed
    monkeypatch.setattr(RosterRowStream, "BATCH", 7)
    # numbers remembered across batches: only two, so later batches' new ones are looked at on their own
    monkeypatch.setattr(notices, "_SEEN_NUMBERS", 2)
    monkeypatch.setattr(plain_read, "_KEEP_NUMBERS", 2)
    streams = []
    original = PlainReader.roster_row_stream

    def stream(self, disclosure_id):
        streams.append(disclosure_id)
        return original(self, disclosure_id)

    monkeypatch.setattr(PlainReader, "roster_row_stream", stream)
    monkeypatch.setattr(PlainReader, "roster_rows", lambda self, disclosure_id: pytest.fail("read whole"))
    for name, record in records.items():
        doc = read_document(db_path, record, options, today=TODAY)
        assert doc is not None, name
        assert isinstance(doc.tables[0].rows, PackedRows), name
        assert render([doc]).data == expected[name], name
    assert streams == list(records.values())
    assert "1.125" in all_text(render([doc]).data) and "3.000" in all_text(render([doc]).data)


def test_a_large_table_is_masked_as_it_is_packed_and_not_unpacked_again_to_be(env, db_path, monkeypatch):  # noqa: F811
    """Above `PACK_ROWS` a masked notice's rows go through `mask_document`'s rule for table rows as
    they are packed (`roster_table(public=…)`), and `mask_document` does not unpack them again: the
    same bytes as the services' print of the rows as lists, the ID and phone numbers hidden in the
    remarks masked, the office's own number (the record's 监督电话) kept; so does the services' print
    of the table packed. The unmasked copy's rows are packed as they are."""
    import models.printing.notices as notices
    from models.printing.document import PackedRows

    _ctx, svc, post, printer = env
    rows = roster_rows(12)
    rows[3]["remark"] = f"联系人身份证 {id_number(40)}，电话 13812345678"
    rows[8]["remark"] = "咨询村委会 0379-61234567"
    record = post(svc.create("DL-01", "2026-Q3", "名单（备注里的号码）", rows=rows, content={
        "footer": {"phones": [{"label": "村委会", "number": "0379-61234567"}]}})).id
    expected = printer.print_disclosure(record).data
    monkeypatch.setattr(notices, "PACK_ROWS", 0)
    monkeypatch.setattr(PackedRows, "map", lambda self, change: pytest.fail("a packed table unpacked again"))
    doc = read_document(db_path, record, today=TODAY)
    assert doc is not None
    packed = doc.tables[0].rows
    assert isinstance(packed, PackedRows) and packed.masked
    assert render([doc]).data == expected
    assert printer.print_disclosure(record).data == expected, "the services' print, packed, likewise"
    text = "".join(all_text(expected).split())
    assert id_number(40) not in text and "13812345678" not in text and "138****5678" in text
    assert "0379-61234567" in text, "the office's own number stays"
    internal = printer.print_disclosure(record, unmasked=True).data
    internal_text = "".join(all_text(internal).split())  # (the remark wraps in its narrow column)
    assert id_number(40) in internal_text and "13812345678" in internal_text
