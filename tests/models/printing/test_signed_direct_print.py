"""`cunwu print ID` in an installation with accounts: the user signs in on the plain path
(models.storage.plain_sign_in) and the notice prints without the services — and every refusal is
today's, counted once, because the plain path hands any refusal to the services before writing.

Each refusal is checked against the services' own answer: the same attempt made with a command that
always signs in through the services (`print catalog`) on a copy of the database."""

from __future__ import annotations

import logging
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from models.cli import main
from models.printing import jobs
from models.rules import permissions as P
from models.services.accounts import AccountService, sign_in
from models.services.disclosures import DisclosureService
from models.storage.plain_sign_in import NO_ACCOUNTS, SignedIn, plain_sign_in, stored_time, time_text
from tests.conftest import STAFF, STAFF_PASSWORD

from .account_rows import account_row
from .test_notices import env  # noqa: F401
from .test_render import ID_NUMBER, all_text


@pytest.fixture
def village(staffed_village):
    """The staffed village with one posted notice (carrying an ID number in its text) and the
    catalog the services' `print catalog` prints."""
    from models.rules.timing import TimingRule
    from models.services.catalog import CatalogService, ItemData

    ctx = staffed_village["ctx"]
    CatalogService(ctx["admin"]).add(ItemData(code="GG-01", group="村务", name="村务公告",
                                              timing=TimingRule("immediate"), posting_days=5))
    clerk = DisclosureService(ctx["clerk"])
    record = clerk.create("GG-01", "2026-07-03", "关于开展人居环境整治的通知", kind="notice",
                          body="全体村民：\n联系人身份证 410322199001011234 请勿外传。\n请各户积极参加。")
    clerk.submit(record.id)
    DisclosureService(ctx["reviewer"]).approve(record.id, STAFF["reviewer"], "同意公示")
    DisclosureService(ctx["admin"]).post(record.id, start="2026-07-18")
    return {**staffed_village, "record": record.id}


@pytest.fixture
def cli(db_path, data_dir, capsys, monkeypatch):
    """Runs `cunwu` in-process on ``db`` (default: the village) signed in with ``user`` and
    ``password`` (env CUNWU_USER / CUNWU_PASSWORD); returns (exit code, stdout, stderr)."""

    def go(*args: str, user: str | None = None, password: str | None = None, db: Path | None = None):
        capsys.readouterr()
        for key, value in (("CUNWU_USER", user), ("CUNWU_PASSWORD", password)):
            if value is None:
                monkeypatch.delenv(key, raising=False)
            else:
                monkeypatch.setenv(key, value)
        code = main(["--db", str(db or db_path), "--data-dir", str(data_dir), *args])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err.strip()

    return go


@pytest.fixture
def services_barred(monkeypatch):
    """The services' printer refuses to be used: a print that succeeds took the plain path."""

    class Barred:
        def __init__(self, *_a, **_k):
            raise AssertionError("the print went through the services")

    monkeypatch.setattr(jobs, "NoticePrinter", Barred)


@pytest.fixture
def access_log():
    """The access log's lines (``cunwu.access``, INFO and up) while the test runs, wherever the CLI's
    log file handler (installed once per process) sends them."""
    lines: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    logger = logging.getLogger("cunwu.access")
    level, handler = logger.level, Keep()
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    yield lines
    logger.removeHandler(handler)
    logger.setLevel(level)


def _signed_in(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("signed in")]


def test_a_signed_in_print_takes_the_plain_path_and_writes_the_sign_in_once(village, cli, db_path, access_log,
                                                                          tmp_path, services_barred):
    clerk = STAFF["clerk"]
    for attempt in (1, 2):  # two wrong passwords first: each counted once
        code, _out, err = cli("print", str(village["record"]), "--out", str(tmp_path / "x.pdf"), user=clerk,
                              password="wrong-password")
        assert (code, err) == (1, "用户名或密码错误") and not (tmp_path / "x.pdf").exists()
        assert account_row(db_path, clerk)["failed_attempts"] == attempt
    before = datetime.now(UTC)
    lines = len(_signed_in(access_log))
    out = tmp_path / "通知.pdf"
    code, stdout, err = cli("print", str(village["record"]), "--out", str(out), user=clerk, password=STAFF_PASSWORD)
    assert (code, err) == (0, "") and stdout.startswith(f"已生成 {out}：共 1 页")
    assert not ID_NUMBER.search(all_text(out.read_bytes())) and "请勿外传" in all_text(out.read_bytes())
    row = account_row(db_path, clerk)
    assert row["failed_attempts"] == 0 and row["locked_until"] is None
    # stored as the entities store it, read back by the services as the moment it happened
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", row["last_login_at"])
    seen = AccountService(village["ctx"]["admin"]).get(clerk).last_login_at
    assert seen == stored_time(row["last_login_at"]) and before <= seen <= datetime.now(UTC)
    assert _signed_in(access_log)[lines:] == [f"signed in: account {row['id']}"]  # as the services log it


def test_a_record_the_plain_path_leaves_to_the_services_is_not_signed_in_twice(village, cli, access_log, tmp_path):
    clerk = STAFF["clerk"]
    svc = DisclosureService(village["ctx"]["clerk"])
    correction = svc.correct(village["record"])  # names the record it replaces: the services print it
    printed = jobs.NoticePrinter(village["ctx"]["clerk"]).print_disclosure(correction.id).data
    for record, code_wanted in ((correction.id, 0), (999, 1)):
        lines = len(_signed_in(access_log))
        out = tmp_path / f"{record}.pdf"
        code, _stdout, err = cli("print", str(record), "--out", str(out), user=clerk, password=STAFF_PASSWORD)
        assert code == code_wanted
        assert len(_signed_in(access_log)) == lines + 1  # one sign-in per command
        if code_wanted == 0:
            assert out.read_bytes() == printed
        else:
            assert err == "没有编号为 999 的公开记录" and not out.exists()


def _twin(db_path: Path, tmp_path: Path) -> Path:
    """A copy of the database, for asking the services the same question."""
    copy = tmp_path / "twin.sqlite3"
    src, dst = sqlite3.connect(db_path), sqlite3.connect(copy)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return copy


def _state(db: Path, name: str) -> tuple:
    conn = sqlite3.connect(db)
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM account")}
    finally:
        conn.close()
    if name not in names:
        return ()
    row = account_row(db, name)
    return row["failed_attempts"], row["locked_until"] is not None, row["last_login_at"] is not None, row["disabled"]


def test_every_refusal_is_the_services_own_and_counted_once(village, cli, db_path, tmp_path, services_barred):
    """Each attempt at `print ID` (the plain path) and at `print catalog` (always the services) on a twin
    database: the same exit code, the same sentence, the same account row afterwards."""
    AccountService(village["ctx"]["admin"]).disable(STAFF["supervisor"])
    twin = _twin(db_path, tmp_path)
    supervisor_before = account_row(db_path, STAFF["supervisor"])
    record = str(village["record"])
    clerk, supervisor = STAFF["clerk"], STAFF["supervisor"]
    attempts = [
        (clerk, "wrong-password"), (clerk, "wrong-password"), (clerk, "wrong-password"), (clerk, "wrong-password"),
        (clerk, "wrong-password"),  # the fifth: must wait
        (clerk, STAFF_PASSWORD),  # right, but still waiting
        ("无此人", STAFF_PASSWORD),  # unknown name
        ("王\u200b文书", STAFF_PASSWORD),  # not a user name at all
        (supervisor, STAFF_PASSWORD), (supervisor, "wrong-password"),  # disabled
    ]
    seen = []
    for user, password in attempts:
        code, out, err = cli("print", record, "--out", str(tmp_path / "x.pdf"), user=user, password=password)
        t_code, t_out, t_err = cli("print", "catalog", "--out", str(tmp_path / "t.pdf"), user=user, password=password,
                                   db=twin)
        # the wait's seconds may tick between the two
        assert (code, out, re.sub(r"\d+ 秒", "N 秒", err)) == (t_code, t_out, re.sub(r"\d+ 秒", "N 秒", t_err))
        assert code == 1 and not (tmp_path / "x.pdf").exists()
        name = user.replace("\u200b", "")
        assert _state(db_path, name) == _state(twin, name)
        seen.append(err)
    assert seen[:5] == ["用户名或密码错误", "用户名或密码错误", "用户名或密码错误（再错 2 次后须等待一段时间才能再试）",
                        "用户名或密码错误（再错 1 次后须等待一段时间才能再试）",
                        "用户名或密码错误。已连续输错 5 次，请 30 秒后再试（忘记密码请找村干部重设）"]
    assert seen[5].startswith("密码已连续输错 5 次，请 ") and account_row(db_path, clerk)["failed_attempts"] == 5
    assert seen[6] == "用户名或密码错误" and "不可见" in seen[7]
    assert seen[8] == f"账户“{supervisor}”已停用，请找村干部（管理员）" and seen[9] == "用户名或密码错误"
    assert account_row(db_path, supervisor) == {**supervisor_before, "failed_attempts": 1}


def test_nothing_about_the_record_is_said_before_the_sign_in_succeeded(village, cli, db_path, tmp_path):
    """A character no font has is named only to a user signed in; a refusal is the sign-in's own
    sentence (and counted once)."""
    clerk = DisclosureService(village["ctx"]["clerk"])
    draft = clerk.create("GG-01", "2026-07-05", "关于清理河道的通知", kind="notice", body="联系人：王\ue000")
    out = tmp_path / "x.pdf"
    code, _out, err = cli("print", str(draft.id), "--out", str(out), user=STAFF["clerk"], password="wrong-password")
    assert (code, err) == (1, "用户名或密码错误") and not out.exists()
    assert account_row(db_path, STAFF["clerk"])["failed_attempts"] == 1
    code, _out, err = cli("print", str(draft.id), "--out", str(out), user=STAFF["clerk"], password=STAFF_PASSWORD)
    assert code == 1 and "U+E000" in err and "字体中没有" in err and not out.exists()
    assert account_row(db_path, STAFF["clerk"])["failed_attempts"] == 0


def test_no_password_given_is_the_services_question(village, cli, tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    code, _out, err = cli("print", str(village["record"]), "--out", str(tmp_path / "x.pdf"), user=STAFF["clerk"])
    assert code == 1 and f"未提供“{STAFF['clerk']}”的密码" in err
    code, _out, err = cli("print", str(village["record"]), "--out", str(tmp_path / "x.pdf"))
    assert code == 1 and "已设置账户" in err and not (tmp_path / "x.pdf").exists()


def test_any_role_prints_the_masked_notice_and_the_internal_copy_keeps_its_permission(village, cli, db_path,
                                                                                      tmp_path, monkeypatch):
    """The services' masked print asks no permission of a signed-in role; neither does the plain path.
    `--unmasked` stays with the services and their ``print.unmasked`` rule."""
    record = str(village["record"])
    with monkeypatch.context() as m:
        m.setattr(jobs, "NoticePrinter", None)  # plain path only
        for role, name in STAFF.items():
            out = tmp_path / f"{role}.pdf"
            assert cli("print", record, "--out", str(out), user=name, password=STAFF_PASSWORD)[0] == 0, role
            assert not ID_NUMBER.search(all_text(out.read_bytes()))
    for role, name in STAFF.items():
        out = tmp_path / f"{role}-internal.pdf"
        code, _out, err = cli("print", record, "--unmasked", "--out", str(out), user=name, password=STAFF_PASSWORD)
        if P.allowed(role, "print.unmasked"):
            assert code == 0 and "410322199001011234" in all_text(out.read_bytes()), role
        else:
            assert (code, err) == (1, P.refusal(role, "print.unmasked")) and not out.exists(), role


def test_the_plain_sign_in_decides_as_the_services(village, db_path, tmp_path):
    """Directly: what `plain_sign_in` returns, and that it writes nothing unless it signs in."""
    twin = _twin(db_path, tmp_path)
    clerk = STAFF["clerk"]
    before = account_row(db_path, clerk)
    for name, password in ((clerk, "wrong-password"), ("无此人", STAFF_PASSWORD), (clerk, None), (None, None)):
        assert plain_sign_in(db_path, name, password) is None
        assert account_row(db_path, clerk) == before  # handed over before writing anything
    at = datetime(2026, 12, 7, 14, 3, 5, 12, tzinfo=UTC)
    account = plain_sign_in(db_path, clerk, STAFF_PASSWORD, now=at)
    assert account == SignedIn(before["id"], clerk, "clerk")
    at_services = datetime(2026, 12, 7, 14, 3, 5, 12, tzinfo=UTC)
    from models.storage import open_database

    other = open_database(twin)
    try:
        actor = sign_in(other, clerk, STAFF_PASSWORD, clock=lambda: at_services)
    finally:
        other.dispose()
    assert (actor.name, actor.role, actor.account_id) == (account.name, account.role, account.account_id)
    assert account_row(db_path, clerk) == account_row(twin, clerk)  # the same row, to the text of the timestamp
    assert time_text(at) == account_row(db_path, clerk)["last_login_at"]
    assert plain_sign_in(tmp_path / "missing.sqlite3", clerk, STAFF_PASSWORD) is None


def test_without_accounts_a_named_user_prints_on_the_plain_path(env, cli, db_path, tmp_path,  # noqa: F811
                                                                monkeypatch):
    """Before accounts the name is only who acts (a masked print records nobody): no sign-in, and the
    print takes the plain path; a name that cannot be one is still refused by the services."""
    _ctx, svc, post, printer = env
    record = post(svc.create("GG-01", "2026-07-03", "关于开展人居环境整治的通知", kind="notice", body="请各户积极参加。"))
    assert plain_sign_in(db_path, "王文书", None) is NO_ACCOUNTS
    whole = printer.print_disclosure(record.id).data
    out = tmp_path / "x.pdf"
    with monkeypatch.context() as m:
        m.setattr(jobs, "NoticePrinter", None)  # plain path only
        assert cli("print", str(record.id), "--out", str(out), user="王文书")[0] == 0
    assert out.read_bytes() == whole
    assert plain_sign_in(db_path, "王\u200b文书", None) is None  # the services name the bad name
    code, _out, err = cli("print", str(record.id), "--out", str(tmp_path / "y.pdf"), user="王\u200b文书")
    assert code == 1 and "操作人含有不可见或空白字符" in err and not (tmp_path / "y.pdf").exists()
