"""`cunwu user …`, `init --admin`, signing in on the command line, and the role matrix through it."""

from __future__ import annotations

import json
from datetime import date

import pytest

from models.cli import main
from models.rules.accounts import ROLES
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from tests import db_templates
from tests.conftest import STAFF, STAFF_PASSWORD, STAFFED_VILLAGE, add_staff, staff_contexts

USER_KEYS = {"name", "role", "role_label", "disabled", "failed_attempts", "created_at", "created_by",
             "last_login_at"}


@pytest.fixture
def run(db_path, data_dir, capsys, monkeypatch):
    """Runs `cunwu` in-process; ``user``/``password`` sign in; returns (exit code, stdout, stderr)."""

    def go(*args: str, user: str | None = None, password: str | None = None,
           new_password: str | None = None) -> tuple[int, str, str]:
        capsys.readouterr()
        for key, value in (("CUNWU_PASSWORD", password), ("CUNWU_NEW_PASSWORD", new_password)):
            if value is None:
                monkeypatch.delenv(key, raising=False)
            else:
                monkeypatch.setenv(key, value)
        head = ["--db", str(db_path), "--data-dir", str(data_dir)] + (["--user", user] if user else [])
        code = main([*head, *args])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return go


INIT = ("init", "--mode", "village", "--code", "410322100201", "--name", "测试村", "--township", "城关镇",
        "--template", "none")


def test_init_admin_then_every_command_signs_in(run, fast_scrypt, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert run(*INIT, "--admin", "张主任")[0] == 1  # no password anywhere: refused, nothing created
    code, out, err = run(*INIT, "--admin", "张主任", "--json", new_password="short")
    assert code == 1 and "至少 8" in err
    code, out, err = run(*INIT, "--admin", "张主任", "--json", new_password=STAFF_PASSWORD)
    assert code == 0 and json.loads(out)["admin"] == "张主任"
    code, out, err = run("user", "list")
    assert code == 1 and "--user" in err and "CUNWU_PASSWORD" in err
    code, out, err = run("user", "list", user="张主任")
    assert code == 1 and "未提供“张主任”的密码" in err and "CUNWU_PASSWORD" in err
    assert run("user", "list", user="张主任", password="wrong-password")[2].strip() == "用户名或密码错误"
    code, out, err = run("user", "list", "--json", user="张主任", password=STAFF_PASSWORD)
    doc = json.loads(out)
    assert code == 0 and [u["name"] for u in doc] == ["张主任"] and set(doc[0]) == USER_KEYS
    assert doc[0]["role"] == "admin" and doc[0]["role_label"] == "村干部"


def test_password_prompt_on_a_terminal(run, fast_scrypt, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter([STAFF_PASSWORD, STAFF_PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert run(*INIT, "--admin", "张主任")[0] == 0  # typed twice
    monkeypatch.setattr("getpass.getpass", lambda prompt="": STAFF_PASSWORD)
    assert run("user", "list", user="张主任")[0] == 0
    answers = iter(["好密码-123456", "另一个密码-123"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    monkeypatch.setenv("CUNWU_PASSWORD", STAFF_PASSWORD)
    code, _out, err = run("user", "add", "王文书", "--role", "clerk", user="张主任", password=STAFF_PASSWORD)
    assert code == 1 and "两次输入的密码不一致" in err


def test_legacy_database_gets_its_first_admin_with_user_add(run, empty_village, fast_scrypt):
    """A database made before accounts: the operator acts until the first account, an admin."""
    code, _out, err = run("user", "add", "王文书", "--role", "clerk", new_password=STAFF_PASSWORD)
    assert code == 1 and "第一个账户必须是村干部" in err
    assert run("user", "list")[1].startswith("（尚无账户")
    code, out, _err = run("user", "add", "张主任", "--role", "admin", new_password=STAFF_PASSWORD)
    assert code == 0 and "张主任" in out
    code, _out, err = run("user", "add", "王文书", "--role", "clerk", new_password=STAFF_PASSWORD)
    assert code == 1 and "请用 --user" in err  # from now on: sign in
    code, out, _err = run("user", "add", "王文书", "--role", "clerk", user="张主任", password=STAFF_PASSWORD,
                          new_password=STAFF_PASSWORD)
    assert code == 0
    code, _out, err = run("user", "add", "王⽂书", "--role", "reviewer", user="张主任", password=STAFF_PASSWORD,
                          new_password=STAFF_PASSWORD)
    assert code == 1 and "已被使用" in err
    code, _out, err = run("user", "add", "李监委\u200b", "--role", "reviewer", user="张主任",
                          password=STAFF_PASSWORD, new_password=STAFF_PASSWORD)
    assert code == 1 and "U+200B" in err
    assert run("user", "disable", "王文书", user="张主任", password=STAFF_PASSWORD)[0] == 0
    code, _out, err = run("user", "list", user="王文书", password=STAFF_PASSWORD)
    assert code == 1 and "已停用" in err
    assert run("user", "enable", "王文书", user="张主任", password=STAFF_PASSWORD)[0] == 0
    assert run("user", "reset-password", "王文书", user="张主任", password=STAFF_PASSWORD,
               new_password="新的密码-2026")[0] == 0
    assert run("user", "list", user="王文书", password="新的密码-2026")[0] == 0
    code, _out, err = run("user", "reset-password", "张主任", user="王文书", password="新的密码-2026",
                          new_password="夺权密码-2026")
    assert code == 1 and "users.manage" in err


# --- the role matrix through the CLI --------------------------------------------------------------


def _records_in_every_state(folder):
    """Builds a data folder: the staffed village, GG-01 and one record in each state a command starts
    from (as in the service matrix); returns their ids."""
    from models.services.disclosures import DisclosureService

    db = db_templates.initialized(folder / "cunwu.sqlite3", **STAFFED_VILLAGE, then=add_staff)
    try:
        ctx = staff_contexts(db)
        CatalogService(ctx["admin"]).add(ItemData(code="GG-01", group="村务", name="村务公告",
                                                  timing=TimingRule("immediate"), posting_days=7))
        today = date.today()
        clerk = DisclosureService(ctx["clerk"], clock=lambda: today)
        reviewer = DisclosureService(ctx["reviewer"], clock=lambda: today)
        admin = DisclosureService(ctx["admin"], clock=lambda: today)
        ids = {}
        for state in ("draft", "submitted", "approved", "posted", "expired"):
            d = clerk.create("GG-01", "2026-Q3", f"{state} 公告", body="本季度情况如下。")
            ids[state] = d.id
            if state != "draft":
                clerk.submit(d.id)
            if state in ("approved", "posted", "expired"):
                reviewer.approve(d.id)
            if state in ("posted", "expired"):
                admin.post(d.id, start=today if state == "posted" else date(2026, 1, 5))
        return ids
    finally:
        db.dispose()


@pytest.fixture
def records(data_dir, tmp_path, fast_scrypt):
    """One record in each state a command starts from, in the test's own copy of a village set up once
    per session."""
    ids = db_templates.prepared(data_dir, f"cli-role-matrix:{date.today()}", _records_in_every_state)
    return {**ids, "out": str(tmp_path / "内部.pdf")}


COMMANDS = {
    "disclosure.edit": lambda r: ("disclosure", "new", "--item", "GG-01", "--period", "2026-Q4", "--title", "新"),
    "disclosure.submit": lambda r: ("disclosure", "submit", str(r["draft"])),
    "disclosure.approve": lambda r: ("disclosure", "approve", str(r["submitted"]), "--opinion", "同意"),
    "disclosure.return": lambda r: ("disclosure", "return", str(r["submitted"]), "--reason", "请补充"),
    "disclosure.post": lambda r: ("disclosure", "post", str(r["approved"])),
    "disclosure.archive": lambda r: ("disclosure", "archive", str(r["expired"])),
    "disclosure.correct": lambda r: ("disclosure", "correct", str(r["posted"])),
    "feedback.edit": lambda r: ("feedback", "add", str(r["posted"]), "--text", "资金何时到位？"),
    "print.unmasked": lambda r: ("print", str(r["posted"]), "--out", r["out"], "--unmasked"),
    "users.manage": lambda r: ("user", "disable", STAFF["supervisor"]),
}
ALLOWED = {
    "disclosure.edit": {"clerk", "admin"}, "disclosure.submit": {"clerk", "admin"},
    "disclosure.correct": {"clerk", "admin"},
    "disclosure.approve": {"reviewer", "supervisor"}, "disclosure.return": {"reviewer", "supervisor"},
    "disclosure.post": {"admin"}, "disclosure.archive": {"admin"}, "feedback.edit": {"clerk", "admin"},
    "print.unmasked": {"clerk", "admin"}, "users.manage": {"admin"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("permission", sorted(COMMANDS))
def test_role_matrix_through_the_cli(run, records, role, permission):
    if permission == "users.manage" and role == "supervisor":
        args = ("user", "disable", STAFF["reviewer"])  # not oneself
    else:
        args = COMMANDS[permission](records)
    code, _out, err = run(*args, user=STAFF[role], password=STAFF_PASSWORD)
    if role in ALLOWED[permission]:
        assert (code, err.strip()) == (0, err.strip() if "提示" in err else "")
    else:
        assert code == 1 and f"规则 {permission}" in err and "权限不足" in err
        assert len(err.strip().splitlines()) == 1


def test_unmasked_refusal_writes_no_file(run, records):
    from pathlib import Path

    code, _out, err = run("print", str(records["posted"]), "--out", records["out"], "--unmasked",
                          user=STAFF["reviewer"], password=STAFF_PASSWORD)
    assert code == 1 and not Path(records["out"]).exists()


@pytest.mark.parametrize("given", ["王文书", "王⽂书", "王文书\u200b", "李监委\u200b"])
def test_cli_reviewer_must_be_the_signed_in_account(run, records, given):
    code, _out, err = run("disclosure", "approve", str(records["submitted"]), "--reviewer", given,
                          user=STAFF["reviewer"], password=STAFF_PASSWORD)
    assert code == 1 and ("不一致" in err or "不可见" in err)
    code, out, _err = run("disclosure", "approve", str(records["submitted"]), "--reviewer", "李监委", "--json",
                          user=STAFF["reviewer"], password=STAFF_PASSWORD)
    assert code == 0 and json.loads(out)["reviewer"] == "李监委"


def test_unmasked_printing_is_a_setting_only_an_admin_changes(run, records):
    code, out, _err = run("settings", "get", "print.unmasked_roles", user=STAFF["clerk"], password=STAFF_PASSWORD)
    assert code == 0 and out.strip() == "clerk,admin"
    code, _out, err = run("settings", "set", "print.unmasked_roles", "admin", user=STAFF["clerk"],
                          password=STAFF_PASSWORD)
    assert code == 1 and "规则 settings.edit" in err
    assert run("settings", "set", "print.unmasked_roles", "admin,boss", user=STAFF["admin"],
               password=STAFF_PASSWORD)[0] == 1
    assert run("settings", "set", "print.unmasked_roles", "admin", user=STAFF["admin"], password=STAFF_PASSWORD)[0] == 0
    code, _out, err = run("print", str(records["posted"]), "--out", records["out"], "--unmasked",
                          user=STAFF["clerk"], password=STAFF_PASSWORD)
    assert code == 1 and "规则 print.unmasked" in err and "只有村干部可以" in err
