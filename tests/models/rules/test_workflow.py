"""The workflow table itself: what each status allows (the spec, written out once here), who may do
each step, one label and one colour per status, and refusals that read for every status."""

from __future__ import annotations

import re
from datetime import date

import pytest

from models.errors import StateError
from models.rules import workflow as W

# What people may do in each state (issue 7 part 4; domain.md "From draft to archive").
ALLOWED = {
    "draft": {"edit", "submit", "delete", "attach", "detach"},
    "submitted": {"approve", "return", "attach"},
    "approved": {"return", "post", "attach"},
    "returned": {"edit", "submit", "attach", "detach"},
    "posted": {"correct", "attach", "feedback"},
    "expired": {"archive", "correct", "attach", "feedback"},
    "archived": {"correct", "attach", "feedback"},
}


def _facts(status: str, **kw) -> W.RecordFacts:
    return W.RecordFacts(7, status, posting_start=date(2026, 6, 12), posting_end=date(2026, 6, 18), **kw)


@pytest.mark.parametrize("status", W.STATUS_KEYS)
def test_what_each_status_allows(status):
    assert {a for a in W.STEPS if W.check(a, _facts(status)).allowed} == ALLOWED[status]


def test_conditions_decide_for_posted_records():
    superseded = _facts("posted", superseded_by=9)
    assert W.check("archive", superseded).allowed  # filed early once a posted correction replaces it
    assert W.check("correct", superseded).refusal.text == "记录 #7 已被更正记录 #9 取代，如仍有错误请更正 #9"
    correcting = _facts("posted", pending_correction=8)
    assert W.check("correct", correcting).refusal.text == "记录 #7 已有未公示的更正记录 #8，请继续处理该记录"
    assert W.check("archive", _facts("posted")).refusal.text == "记录 #7 公示期至 2026-06-18 才届满，届满后才能归档"


def test_refusals_name_the_record_and_its_status_in_the_one_wording():
    assert W.check("approve", _facts("draft")).refusal.text == "记录 #7 当前为“草稿”，只有待审核的记录才能审核通过"
    assert W.check("edit", _facts("submitted")).refusal.text == "记录 #7 当前为“待审核”，不能修改；如需修改，请审核人退回"
    assert W.check("post", _facts("expired")).refusal.text == (
        "记录 #7 已于 2026-06-12 张贴公示（当前为“公示期满”），不能重复公示")
    with pytest.raises(StateError, match="只有草稿或被退回的记录才能提交审核"):
        W.enforce("submit", _facts("posted"))
    assert W.enforce("submit", _facts("returned")).target == "submitted"


@pytest.mark.parametrize("status", W.STATUS_KEYS)
def test_every_refusal_reads_in_every_status(status):
    facts = _facts(status, superseded_by=9, pending_correction=8)
    for action in W.ACTION_KEYS:
        decision = W.check(action, facts)
        if decision.refusal is not None:
            text = decision.refusal.text
            assert "{" not in text and "记录 #7" in text, text
    for template in W.templates():  # every placeholder is a fact the table knows
        assert set(re.findall(r"{(\w+)}", template)) <= set(facts.values()), template


def test_one_label_and_one_colour_per_status():
    labels = [s.label for s in W.STATUSES]
    colours = [s.colour for s in W.STATUSES]
    assert labels == ["草稿", "待审核", "已审核", "已退回", "公示中", "公示期满", "已归档"]
    assert len(set(labels)) == len(labels) and len(set(colours)) == len(colours)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours)
    assert W.label("posted") == "公示中" and W.colour("posted") == "#2e7d32"
    assert W.label("unknown") == "unknown" and W.colour("unknown") == W.UNKNOWN_COLOUR
    assert W.PUBLIC_STATUSES == ("posted", "expired", "archived")


def _contrast(hex_colour: str) -> float:
    """WCAG contrast of the colour against white."""
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    lum = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (lum + 0.05)


@pytest.mark.parametrize("status", W.STATUSES, ids=lambda s: s.key)
def test_each_colour_reads_as_text_on_white_and_behind_white_text(status):
    assert _contrast(status.colour) >= 4.5  # the list's text colour and the editor's badge alike


def test_the_table_is_well_formed():
    known = set(W.STATUS_KEYS)
    pairs = [(t.source, t.action) for t in W.TRANSITIONS]
    assert len(pairs) == len(set(pairs))  # one row per status and step
    for t in W.TRANSITIONS:
        assert t.source in known and t.action in W.ACTION_KEYS and (t.target is None or t.target in known)
        assert t.roles and set(t.roles) <= {*W.ROLES, W.SYSTEM}
    # No step leads back to a draft: a draft has never been submitted (what `delete` relies on).
    assert all(t.target != W.INITIAL_STATUS or t.source == W.INITIAL_STATUS for t in W.TRANSITIONS)
    # Every status is reachable from a new record, and every step exists somewhere.
    reached, frontier = {W.INITIAL_STATUS}, [W.INITIAL_STATUS]
    while frontier:
        s = frontier.pop()
        for t in W.TRANSITIONS:
            if t.source == s and t.target and t.target not in reached:
                reached.add(t.target)
                frontier.append(t.target)
    assert reached == known
    assert {t.action for t in W.TRANSITIONS} == set(W.ACTION_KEYS)
    assert W.editable("draft") and W.editable("returned") and not W.editable("submitted")


def test_who_may_do_each_step():
    # issue 10: clerk drafts and edits, reviewer and the township supervisor review, admin posts and files
    # (and, standing for the committee that drafts its notices, may do what the clerk does).
    assert W.allowed_roles("edit") == ("clerk", "admin")
    assert W.allowed_roles("submit") == ("clerk", "admin")
    assert W.allowed_roles("approve") == ("reviewer", "supervisor")
    assert W.allowed_roles("return") == ("reviewer", "supervisor")
    assert W.allowed_roles("post") == ("admin",)
    assert W.allowed_roles("archive") == ("admin",)
    assert W.allowed_roles("correct") == ("clerk", "admin")
    assert W.allowed_roles("feedback") == ("clerk", "admin")
    assert W.allowed_roles("expire") == ("system", "admin")
    with pytest.raises(ValueError, match="未知的操作"):
        W.allowed_roles("publish")


def test_each_permission_belongs_to_one_set_of_roles():
    # What ServiceContext.require is to enforce: a permission named by several steps must not let a
    # role do one of them that it may not do (e.g. an admin attaches a board photo but never detaches).
    by_permission: dict[str, set[tuple[str, ...]]] = {}
    for a in W.ACTIONS:
        by_permission.setdefault(a.permission, set()).add(W.allowed_roles(a.key))
    assert {p: len(r) for p, r in by_permission.items()} == dict.fromkeys(by_permission, 1)
    assert W.roles_for_permission("disclosure.approve") == ("reviewer", "supervisor")
    assert W.roles_for_permission("disclosure.return") == ("reviewer", "supervisor")
    assert W.roles_for_permission("disclosure.edit") == ("clerk", "admin")
    assert W.roles_for_permission("disclosure.attach") == ("clerk", "admin")
    assert W.roles_for_permission("disclosure.expire") == ("system", "admin")
    with pytest.raises(ValueError, match="未知的权限"):
        W.roles_for_permission("disclosure.publish")


def test_effective_status_follows_the_expire_row():
    assert W.effective_status("posted", date(2026, 6, 18), date(2026, 6, 19)) == "expired"
    assert W.effective_status("posted", date(2026, 6, 18), date(2026, 6, 18)) == "posted"  # both ends count
    assert W.effective_status("posted", None, date(2026, 6, 19)) == "posted"
    assert W.effective_status("approved", date(2026, 6, 18), date(2026, 6, 19)) == "approved"
