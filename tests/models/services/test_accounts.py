"""Accounts: names that cannot pass for each other, hashed passwords, the sign-in delay, who may
manage accounts, and what a database without accounts still does."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest

from models.errors import NotFound, PermissionDenied, StateError, ValidationError
from models.rules import passwords
from models.rules.accounts import lockout_delay, name_key, normalize_user_name, same_person, user_name_problem
from models.services.accounts import (
    AccountService,
    LockedOut,
    SignInRefused,
    has_accounts,
    sign_in,
    unsigned_actor,
)
from models.services.context import Actor, ServiceContext
from tests.conftest import STAFF, STAFF_PASSWORD

# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw, clean", [
    ("王⽂书", "王文书"),  # U+2F42 KANGXI RADICAL SCRIPT
    ("  李监委 ", "李监委"),
    ("Ｌｉ　Ｎａ".replace("　", ""), "LiNa"),  # full-width letters
    ("买买提·艾力", "买买提·艾力"),
])
def test_names_are_nfkc_normalised(raw, clean):
    assert normalize_user_name(raw) == clean


@pytest.mark.parametrize("raw, code", [
    ("王文书\u200b", "U+200B"),  # zero-width space
    ("王\u200d文书", "U+200D"),  # zero-width joiner
    ("王文书\u2060", "U+2060"),  # word joiner
    ("\u202e王文书", "U+202E"),  # right-to-left override
    ("王文书\ufeff", "U+FEFF"),  # byte-order mark
    ("王文书\u3164", "U+3164"),  # Hangul filler: a "letter" that prints as nothing
    ("王文\ufe00书", "U+FE00"),  # variation selector
    ("王 文书", "U+0020"),
    ("王文书\x07", "U+0007"),
])
def test_invisible_characters_are_refused_and_named(raw, code):
    problem = user_name_problem(raw)
    assert problem is not None and problem.rule == "invisible_character" and code in problem.message
    with pytest.raises(ValidationError, match="用户名有误"):
        normalize_user_name(raw)


def test_mixed_latin_and_cyrillic_is_refused_and_case_does_not_make_two_people():
    assert user_name_problem("\u0430dmin").rule == "mixed_script"  # Cyrillic а + Latin dmin
    assert user_name_problem("王a") is None
    assert name_key("Admin") == name_key("ADMIN") and same_person("王⽂书", "王文书")
    assert not same_person("王文书", "王文") and not same_person("", "")


# --- passwords --------------------------------------------------------------------------------


def test_password_hashes_are_salted_scrypt_naming_their_parameters():
    a, b = passwords.hash_password("村务-测试-2026"), passwords.hash_password("村务-测试-2026")
    assert a != b and a.startswith(f"scrypt${passwords.N}$8$1$")
    assert passwords.verify_password("村务-测试-2026", a) and not passwords.verify_password("村务-测试-2027", a)
    assert not passwords.verify_password("x", "not a hash") and not passwords.verify_password("x", None)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def log_lines():
    """Everything the app logs (its "cunwu" logger does not propagate to pytest's caplog)."""
    handler = _Collect()
    logger = logging.getLogger("cunwu")
    old = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield handler.lines
    logger.removeHandler(handler)
    logger.setLevel(old)


def test_clear_password_is_in_neither_the_database_nor_the_log(staffed_village, db_path, log_lines):
    db = staffed_village["db"]
    with pytest.raises(SignInRefused):
        sign_in(db, STAFF["clerk"], "wrong-" + STAFF_PASSWORD)
    AccountService(staffed_village["ctx"]["admin"]).reset_password(STAFF["clerk"], "新的密码-abc-123")
    sign_in(db, STAFF["clerk"], "新的密码-abc-123")
    db.dispose()  # checkpoint the WAL so every page is in the main file
    secrets = (STAFF_PASSWORD, "新的密码-abc-123", "wrong-" + STAFF_PASSWORD)
    for path in [db_path, *db_path.parent.glob(db_path.name + "*")]:
        data = path.read_bytes()
        assert not [s for s in secrets if s.encode("utf-8") in data], path
    logged = "\n".join(log_lines)
    assert not [s for s in secrets if s in logged]
    assert "sign-in refused: wrong password for account" in logged  # logged, by account id
    assert STAFF["clerk"] not in logged  # log lines name ids, not people


# --- signing in and the delay ------------------------------------------------------------------


class Clock:
    def __init__(self):
        self.now = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def test_delay_grows_after_five_failures_is_persisted_and_ends_with_a_right_password(staffed_village):
    db, clock, name = staffed_village["db"], Clock(), STAFF["clerk"]
    assert [lockout_delay(n) for n in range(4, 9)] == [0, 30, 60, 120, 240]
    assert lockout_delay(40) == 15 * 60
    for n in range(1, 5):
        with pytest.raises(SignInRefused) as err:
            sign_in(db, name, "wrong-password", clock=clock)
        assert not isinstance(err.value, LockedOut), n
    with pytest.raises(LockedOut) as err:
        sign_in(db, name, "wrong-password", clock=clock)  # the fifth
    assert err.value.wait_seconds == 30 and "30 秒后再试" in str(err.value)
    # While waiting even the right password is not tried.
    clock.advance(29)
    with pytest.raises(LockedOut) as err:
        sign_in(db, name, STAFF_PASSWORD, clock=clock)
    assert err.value.wait_seconds == 1
    # The count lives in the database: another process (a new Database) sees it.
    from models.storage import open_database

    other = open_database(db.path)
    try:
        with pytest.raises(LockedOut):
            sign_in(other, name, STAFF_PASSWORD, clock=clock)
    finally:
        other.dispose()
    clock.advance(1)
    with pytest.raises(LockedOut) as err:
        sign_in(db, name, "wrong-password", clock=clock)  # the sixth: twice as long
    assert err.value.wait_seconds == 60
    clock.advance(60)
    actor = sign_in(db, name, STAFF_PASSWORD, clock=clock)
    assert (actor.name, actor.role) == (name, "clerk") and actor.account_id
    assert AccountService(staffed_village["ctx"]["admin"]).get(name).failed_attempts == 0


def test_admin_reset_ends_the_wait_and_unknown_or_disabled_names_are_refused(staffed_village):
    db, clock = staffed_village["db"], Clock()
    for _ in range(6):
        with pytest.raises(SignInRefused):
            sign_in(db, STAFF["reviewer"], "wrong-password", clock=clock)
    admin = AccountService(staffed_village["ctx"]["admin"])
    admin.reset_password(STAFF["reviewer"], "另一个密码-2026")
    assert sign_in(db, STAFF["reviewer"], "另一个密码-2026", clock=clock).role == "reviewer"
    with pytest.raises(SignInRefused, match="用户名或密码错误"):
        sign_in(db, "没有这个人", "whatever-123")
    admin.disable(STAFF["supervisor"])
    with pytest.raises(SignInRefused, match="已停用"):
        sign_in(db, STAFF["supervisor"], STAFF_PASSWORD)
    with pytest.raises(SignInRefused, match="用户名或密码错误"):  # a wrong password says nothing more
        sign_in(db, STAFF["supervisor"], "wrong-password")


def test_look_alike_name_signs_in_as_the_same_account(staffed_village):
    actor = sign_in(staffed_village["db"], "王⽂书", STAFF_PASSWORD)
    assert actor.name == "王文书"
    with pytest.raises(SignInRefused, match="U\\+200B"):
        sign_in(staffed_village["db"], "王文书\u200b", STAFF_PASSWORD)


# --- managing accounts ------------------------------------------------------------------------


def test_only_admins_manage_accounts_and_names_are_unique_by_look(staffed_village):
    ctx = staffed_village["ctx"]
    admin = AccountService(ctx["admin"])
    with pytest.raises(ValidationError) as err:
        admin.add("王⽂书", "reviewer", "好密码-123456")
    assert "已被使用" in str(err.value)
    with pytest.raises(ValidationError, match="U\\+200B"):
        admin.add("李监委\u200b", "reviewer", "好密码-123456")
    with pytest.raises(ValidationError, match="至少 8"):
        admin.add("新人", "clerk", "short")
    with pytest.raises(ValidationError, match="角色"):
        admin.add("新人", "boss", "好密码-123456")
    for role in ("clerk", "reviewer", "supervisor"):
        with pytest.raises(PermissionDenied, match="users.manage"):
            AccountService(ctx[role]).add("新人", "clerk", "好密码-123456")
        with pytest.raises(PermissionDenied, match="users.manage"):
            AccountService(ctx[role]).reset_password(STAFF["clerk"], "好密码-123456")
    assert [a.name for a in admin.list()] == ["张主任", "王文书", "李监委", "刘乡镇"]


def test_disabling_takes_effect_at_the_next_write_and_an_admin_remains(staffed_village):
    from models.services.catalog import CatalogService, ItemData

    ctx = staffed_village["ctx"]
    admin = AccountService(ctx["admin"])
    with pytest.raises(StateError, match="自己"):
        admin.disable(STAFF["admin"])
    admin.add("赵主任", "admin", "好密码-123456")
    second = ServiceContext(staffed_village["db"], sign_in(staffed_village["db"], "赵主任", "好密码-123456"))
    admin_again = AccountService(second)
    admin_again.disable(STAFF["admin"])
    with pytest.raises(PermissionDenied, match="已停用"):  # 张主任's open session ends with it
        admin.enable(STAFF["admin"])
    with pytest.raises(StateError, match="自己"):  # so one admin always remains
        admin_again.disable("赵主任")
    admin_again.disable(STAFF["clerk"])
    with pytest.raises(PermissionDenied, match="已停用"):  # the clerk's open session is refused now
        CatalogService(ctx["clerk"]).add(ItemData(code="X-01", group="村务", name="测试事项"))
    with pytest.raises(NotFound):
        admin_again.disable("没有这个人")


def test_first_account_must_be_an_admin_and_then_signing_in_is_required(empty_village):
    db, legacy = empty_village
    assert not has_accounts(db)
    service = AccountService(legacy)
    with pytest.raises(StateError, match="第一个账户必须是村干部"):
        service.add("王文书", "clerk", "好密码-123456")
    service.add("张主任", "admin", "好密码-123456")  # allowed without signing in: no account existed
    assert has_accounts(db)
    with pytest.raises(PermissionDenied, match="请先登录"):
        service.add("王文书", "clerk", "好密码-123456")
    with pytest.raises(PermissionDenied, match="请先登录"):
        unsigned_actor(db, "王文书")


def test_a_database_without_accounts_works_as_before(empty_village):
    from models.services.catalog import CatalogService, ItemData

    db, ctx = empty_village
    assert unsigned_actor(db, " 王文书 ") == Actor("王文书")
    with pytest.raises(ValidationError):
        unsigned_actor(db, "王文书\u200b")
    CatalogService(ctx).add(ItemData(code="X-01", group="村务", name="测试事项"))
    assert ctx.may("users.manage") == (True, "")
