"""The role matrix through the services: each role × each write, allowed or refused with its rule.

EXPECTED is the contract written out by hand (issue 10: clerk drafts, edits, imports, prints;
reviewer approves and returns; admin manages users and settings, posts and archives — and, standing
for the village committee that drafts its notices, may do what the clerk does; supervisor reviews,
approves and returns); the test holds both the permission table and the services to it.
"""

from __future__ import annotations

from datetime import date

import pytest

from models.errors import PermissionDenied
from models.rules.accounts import ROLES
from models.rules.permissions import PERMISSIONS
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from tests import db_templates
from tests.conftest import STAFF, STAFFED_VILLAGE, add_staff, staff_contexts

TODAY = date(2026, 7, 20)

EXPECTED: dict[str, set[str]] = {
    "disclosure.edit": {"clerk", "admin"},
    "disclosure.submit": {"clerk", "admin"},
    "disclosure.approve": {"reviewer", "supervisor"},
    "disclosure.return": {"reviewer", "supervisor"},
    "disclosure.post": {"admin"},
    "disclosure.archive": {"admin"},
    "disclosure.correct": {"clerk", "admin"},
    "disclosure.delete": {"clerk", "admin"},
    "disclosure.expire": {"admin"},
    "disclosure.attach": {"clerk", "admin"},
    "disclosure.detach": {"clerk", "admin"},
    "import_mapping.edit": {"clerk", "admin"},
    "feedback.edit": {"clerk", "admin"},
    "print.unmasked": {"clerk", "admin"},
    "catalog.edit": {"clerk", "admin"},
    "survey.edit": {"clerk", "admin"},
    "survey.adjudicate": {"clerk", "admin"},
    "calendar.edit": {"admin"},
    "settings.edit": {"admin"},
    "users.manage": {"admin"},
    "backup.make": {"clerk", "reviewer", "admin", "supervisor"},
    "backup.restore": {"admin"},
    "integrity.check": {"clerk", "reviewer", "admin", "supervisor"},
    "audit.read": {"clerk", "reviewer", "admin", "supervisor"},
}


def test_the_table_is_the_contract():
    assert {k: set(p.roles) for k, p in PERMISSIONS.items() if k != "setup"} == EXPECTED


def test_workflow_steps_take_their_roles_from_the_workflow_table():
    from models.rules import workflow as W
    from models.rules.permissions import WORKFLOW_LABELS

    assert set(WORKFLOW_LABELS) == set(W.ACTION_KEYS)
    for action in W.ACTIONS:
        people = set(W.allowed_roles(action.key)) & set(ROLES)
        assert people <= set(PERMISSIONS[action.permission].roles), action.key


def _records_in_every_state(folder):
    """Builds a data folder: the staffed village, the item GG-01 and a record in each state the actions
    start from, drafted by 王文书 and reviewed by 李监委; returns their ids by state."""
    from models.services.disclosures import DisclosureService

    db = db_templates.initialized(folder / "cunwu.sqlite3", **STAFFED_VILLAGE, then=add_staff)
    try:
        ctx = staff_contexts(db)
        CatalogService(ctx["admin"]).add(ItemData(code="GG-01", group="村务", name="村务公告",
                                                  timing=TimingRule("immediate"), posting_days=7))
        clerk = DisclosureService(ctx["clerk"], clock=lambda: TODAY)
        reviewer = DisclosureService(ctx["reviewer"], clock=lambda: TODAY)
        admin = DisclosureService(ctx["admin"], clock=lambda: TODAY)

        def make(state: str, start: str = "2026-07-18") -> int:
            d = clerk.create("GG-01", "2026-Q3", f"{state} 公告", body="本季度情况如下。")
            if state == "draft":
                return d.id
            clerk.submit(d.id)
            if state == "submitted":
                return d.id
            reviewer.approve(d.id, opinion="同意")
            if state == "approved":
                return d.id
            admin.post(d.id, start=start)
            return d.id

        return {"draft": make("draft"), "submitted": make("submitted"), "approved": make("approved"),
                "posted": make("posted"), "expired": make("posted", "2026-06-01")}
    finally:
        db.dispose()


@pytest.fixture
def matrix(db_path, data_dir, tmp_path, fast_scrypt):
    """Records in every state the actions start from (built once per session, each test on its own
    copy), and each of the staff signed in."""
    from models.storage import open_database

    ids = db_templates.prepared(data_dir, "role-matrix", _records_in_every_state)
    db = open_database(db_path)
    photo = tmp_path / "board.jpg"
    photo.write_bytes(b"\xff\xd8 a photo of the board")
    yield {"db": db, "ctx": staff_contexts(db), **ids, "photo": photo, "data_dir": data_dir}
    db.dispose()


def _disclosures(ctx):
    from models.services.disclosures import DisclosureService

    return DisclosureService(ctx, clock=lambda: TODAY)


def _create(ctx, m):
    _disclosures(ctx).create("GG-01", "2026-Q4", "新公告")


def _attach(ctx, m):
    from models.services.attachments import AttachmentService

    AttachmentService(ctx, m["data_dir"]).add(m["posted"], m["photo"])


def _detach(ctx, m):
    from models.services.attachments import AttachmentService

    admin = AttachmentService(m["ctx"]["admin"], m["data_dir"])
    added = admin.add(m["draft"], m["photo"])
    AttachmentService(ctx, m["data_dir"]).remove(added.id)


def _mapping(ctx, m):
    from models.services.import_mappings import remember_mapping

    remember_mapping(ctx, "GG-01", {"name": "姓名"})


def _feedback(ctx, m):
    from models.services.feedback import FeedbackService

    FeedbackService(ctx).add(m["posted"], "请问资金何时到位？", received=TODAY)


def _print_unmasked(ctx, m):
    from models.printing.jobs import NoticePrinter

    NoticePrinter(ctx, today=TODAY).print_disclosure(m["posted"], None, unmasked=True)


def _catalog(ctx, m):
    CatalogService(ctx).add(ItemData(code="GG-02", group="村务", name="另一事项", timing=TimingRule("immediate")))


def _calendar(ctx, m):
    from models.services.calendar import CalendarService

    CalendarService(ctx).add_day(date(2027, 10, 1), "holiday", "国庆节")


def _settings(ctx, m):
    from models.services.accounts import set_unmasked_roles

    set_unmasked_roles(ctx, ["admin"])


def _users(ctx, m):
    from models.services.accounts import AccountService

    AccountService(ctx).add("新文书", "clerk", "好密码-123456")


def _backup(ctx, m):
    from models.services.backup import BackupService

    BackupService(ctx, m["data_dir"]).backup(m["data_dir"].parent / "out.cwbak")


def _restore(ctx, m):
    from models.services.backup import BackupService

    made = BackupService(m["ctx"]["admin"], m["data_dir"]).backup(m["data_dir"].parent / "before.cwbak")
    BackupService(ctx, m["data_dir"]).restore(made.path)


def _check(ctx, m):
    from models.services.integrity import IntegrityService

    IntegrityService(ctx, m["data_dir"]).check()


def _audit(ctx, m):
    from models.services.audit_log import AuditLogService

    AuditLogService(ctx).events()


def _survey(ctx, m):
    from models.services.surveys import SurveyService

    SurveyService(ctx).create_from_template("satisfaction")


def _adjudicate(ctx, m):
    from models.services.surveys import SurveyService

    admin = SurveyService(m["ctx"]["admin"])
    s = admin.create_from_template("satisfaction")
    admin.save_form(s.id, 1, {"1": "A", "2": "C", "5": "A"})
    admin.save_form(s.id, 1, {"1": "B", "2": "C", "5": "A"}, entry=2)
    SurveyService(ctx).adjudicate(s.id, 1, {"Q1": "A"})


ACTIONS = {
    "disclosure.edit": _create,
    "disclosure.submit": lambda ctx, m: _disclosures(ctx).submit(m["draft"]),
    "disclosure.approve": lambda ctx, m: _disclosures(ctx).approve(m["submitted"], opinion="同意"),
    "disclosure.return": lambda ctx, m: _disclosures(ctx).return_(m["submitted"], None, "请补充"),
    "disclosure.post": lambda ctx, m: _disclosures(ctx).post(m["approved"], start=TODAY),
    "disclosure.archive": lambda ctx, m: _disclosures(ctx).archive(m["expired"]),
    "disclosure.correct": lambda ctx, m: _disclosures(ctx).correct(m["posted"]),
    "disclosure.delete": lambda ctx, m: _disclosures(ctx).delete(m["draft"]),
    "disclosure.expire": lambda ctx, m: _disclosures(ctx).expire_due(),
    "disclosure.attach": _attach,
    "disclosure.detach": _detach,
    "import_mapping.edit": _mapping,
    "feedback.edit": _feedback,
    "print.unmasked": _print_unmasked,
    "catalog.edit": _catalog,
    "survey.edit": _survey,
    "survey.adjudicate": _adjudicate,
    "calendar.edit": _calendar,
    "settings.edit": _settings,
    "users.manage": _users,
    "backup.make": _backup,
    "backup.restore": _restore,
    "integrity.check": _check,
    "audit.read": _audit,
}


def test_every_permission_has_an_action_here():
    assert set(ACTIONS) == set(EXPECTED)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("permission", sorted(EXPECTED))
def test_role_matrix_in_the_services(matrix, role, permission):
    ctx = matrix["ctx"][role]
    assert ctx.may(permission)[0] == (role in EXPECTED[permission])
    if role in EXPECTED[permission]:
        ACTIONS[permission](ctx, matrix)
    else:
        with pytest.raises(PermissionDenied) as err:
            ACTIONS[permission](ctx, matrix)
        assert f"规则 {permission}" in str(err.value) and "权限不足" in str(err.value)


def test_unmasked_printing_follows_the_setting(matrix):
    from models.services.accounts import set_unmasked_roles, unmasked_roles

    ctx = matrix["ctx"]
    assert unmasked_roles(ctx["admin"]) == ("clerk", "admin")
    set_unmasked_roles(ctx["admin"], ["admin", "reviewer"])
    assert unmasked_roles(ctx["clerk"]) == ("reviewer", "admin")
    with pytest.raises(PermissionDenied, match="print.unmasked"):
        _print_unmasked(ctx["clerk"], matrix)
    _print_unmasked(ctx["reviewer"], matrix)
    with pytest.raises(Exception, match="未知的角色"):
        set_unmasked_roles(ctx["admin"], ["boss"])


# --- separation of duties -----------------------------------------------------------------------


@pytest.mark.parametrize("given", ["王文书", "王⽂书", "王文书\u200b", "\u200b王文书", "王\u2060文书"])
def test_look_alike_or_zero_width_reviewer_names_are_refused(matrix, given):
    """The drafter signed in under a second reviewer account, or a reviewer naming the drafter."""
    from models.errors import ValidationError

    ctx = matrix["ctx"]["reviewer"]
    with pytest.raises((PermissionDenied, ValidationError)) as err:
        _disclosures(ctx).approve(matrix["submitted"], given)
    text = str(err.value)
    assert ("U+2" in text and "不可见" in text) or "不一致" in text
    assert _disclosures(ctx).get(matrix["submitted"]).status == "submitted"


def test_reviewer_is_the_account_and_the_drafter_may_not_approve_under_another_account(matrix):
    from models.services.accounts import AccountService, sign_in
    from models.services.context import ServiceContext

    ctx = matrix["ctx"]
    done = _disclosures(ctx["reviewer"]).approve(matrix["submitted"], " 李监委 ")
    assert done.reviewer == "李监委" and done.history[-1].by == "李监委"
    # The drafter also holds a reviewer account spelled with a look-alike: still the same person.
    with pytest.raises(Exception, match="已被使用"):
        AccountService(ctx["admin"]).add("王⽂书", "reviewer", "好密码-123456")
    AccountService(ctx["admin"]).add("王文书2", "reviewer", "好密码-123456")
    db = matrix["db"]
    other = _disclosures(ServiceContext(db, sign_in(db, "王文书2", "好密码-123456")))
    with pytest.raises(PermissionDenied, match="不一致"):
        other.approve(matrix["draft"], STAFF["clerk"])  # naming someone else is not signing as them


def test_legacy_database_compares_reviewer_and_drafter_by_normalised_name(empty_village):
    from models.errors import ValidationError
    from models.services.disclosures import DisclosureService

    db, ctx = empty_village
    CatalogService(ctx).add(ItemData(code="GG-01", group="村务", name="村务公告", timing=TimingRule("immediate")))
    svc = DisclosureService(ctx, clock=lambda: TODAY)
    d = svc.create("GG-01", "2026-Q3", "公告", body="正文")
    svc.submit(d.id)
    with pytest.raises(PermissionDenied, match="起草人"):
        svc.approve(d.id, "王⽂书")
    with pytest.raises(ValidationError, match="U\\+200B"):
        svc.approve(d.id, "王文书\u200b")
    assert svc.approve(d.id, "李监委").reviewer == "李监委"
