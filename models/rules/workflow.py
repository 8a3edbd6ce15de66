"""The disclosure workflow as one table: each status with its one label and colour, each step people
take on a record, which status a step leads to from which, who may take it, and why it is refused.

    draft ──submit──▶ submitted ──approve──▶ approved ──post──▶ posted ──(window ends)──▶ expired
      ▲                  │  ▲                  │                  │                       │
      └──── returned ◀───┘  └───── return ─────┘                  └── archive (superseded) ┴─archive─▶ archived

Everyone asks the table: `DisclosureService` and the attachment and feedback services enforce it
(`enforce` raises `StateError` with the table's refusal), the GUI enables a step's button by asking
`check` about the selected record (a disabled button's tooltip is the refusal: "为什么灰了"), the CLI
shows the same refusals because it calls the same services, and lists, editors, the CLI and notices
take a status's words and colour from `STATUSES`.

Rows whose step leaves the status as it is (edit, correct, attach, detach, feedback) are transitions
to the same status: "a returned record may be edited" is the row (returned, edit, returned). A row
may also need a fact about the record beyond its status (a `Condition`): a posted record is archived
before its window ends only once a posted correction supersedes it; a record already superseded, or
with a correction under way, is not corrected again.

Roles are issue 10's (models.rules.accounts): clerk (文书), reviewer (监委会), admin (村干部),
supervisor (乡镇, township mode). Each step names its own permission (`Action.permission`), the name a
service passes to `ServiceContext`; models.rules.permissions builds its entries for the steps from this
table, and `roles_for_permission` / `allowed_roles` say which roles hold one — what every write is
checked against. Nothing here checks roles: the reviewer-is-not-the-drafter rule stays in the service,
next to the names it compares.

Refusals are templates (`str.format`) over `RecordFacts`: ``{id}``, ``{label}`` (the status's label),
``{superseded_by}``, ``{pending_correction}``, ``{posting_start}``, ``{posting_end}``; the GUI
translates the template and the label, then formats (desktop/workflow.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import StateError
from .accounts import ROLES  # people; SYSTEM is the program itself (expiry)

CLERK, REVIEWER, ADMIN, SUPERVISOR, SYSTEM = "clerk", "reviewer", "admin", "supervisor", "system"


@dataclass(frozen=True)
class Status:
    key: str  # as stored and in JSON (cli.md)
    label: str  # the one wording everywhere
    colour: str  # '#rrggbb': readable as text on white and as a badge behind white text
    public: bool = False  # on the board or filed: a public record, corrected, never edited
    waiting: bool = False  # someone has to act on it (lists show it bold)


STATUSES: tuple[Status, ...] = (
    Status("draft", "草稿", "#546e7a"),
    Status("submitted", "待审核", "#1565c0", waiting=True),
    Status("approved", "已审核", "#00796b"),
    Status("returned", "已退回", "#c62828", waiting=True),
    Status("posted", "公示中", "#2e7d32", public=True),
    Status("expired", "公示期满", "#6d4c41", public=True),
    Status("archived", "已归档", "#757575", public=True),
)
_STATUS = {s.key: s for s in STATUSES}
STATUS_KEYS: tuple[str, ...] = tuple(_STATUS)
INITIAL_STATUS = "draft"  # a new record, and a correction when it is drafted
PUBLIC_STATUSES: tuple[str, ...] = tuple(s.key for s in STATUSES if s.public)
WAITING_STATUSES: tuple[str, ...] = tuple(s.key for s in STATUSES if s.waiting)
UNKNOWN_COLOUR = "#000000"


@dataclass(frozen=True)
class RecordFacts:
    """What the table needs to know about one record: its (effective) status and a few facts."""

    id: int
    status: str
    superseded_by: int | None = None  # a posted correction that replaces it
    pending_correction: int | None = None  # a correction of it not yet posted
    posting_start: date | None = None
    posting_end: date | None = None

    def values(self) -> dict[str, Any]:
        """The fields a refusal template may use, as text."""
        def text(v: Any) -> str:
            return "" if v is None else v.isoformat() if isinstance(v, date) else str(v)

        return {"id": text(self.id), "status": self.status, "label": label(self.status),
                "superseded_by": text(self.superseded_by), "pending_correction": text(self.pending_correction),
                "posting_start": text(self.posting_start), "posting_end": text(self.posting_end)}


@dataclass(frozen=True)
class Condition:
    """A fact a row needs besides the status; `refusal` says why when it does not hold."""

    key: str
    holds: Callable[[RecordFacts], bool]
    refusal: str


NOT_SUPERSEDED = Condition(
    "not_superseded", lambda f: f.superseded_by is None,
    "记录 #{id} 已被更正记录 #{superseded_by} 取代，如仍有错误请更正 #{superseded_by}")
NO_PENDING_CORRECTION = Condition(
    "no_pending_correction", lambda f: f.pending_correction is None,
    "记录 #{id} 已有未公示的更正记录 #{pending_correction}，请继续处理该记录")
SUPERSEDED = Condition(
    "superseded", lambda f: f.superseded_by is not None,
    "记录 #{id} 公示期至 {posting_end} 才届满，届满后才能归档")


@dataclass(frozen=True)
class Action:
    """A step on a record. `refusal` is said in a status without a row for it; `refusals` words it
    for particular statuses where the general sentence would say too little."""

    key: str
    label: str  # the step's one name: the button, the CLI help, the audit log, "审核通过后被改动"
    permission: str  # the permission the service names (ServiceContext.require)
    refusal: str
    refusals: Mapping[str, str] = field(default_factory=dict)
    person: bool = True  # False: the program does it (expiry), no button or command of its own


_PUBLIC_EDIT = "记录 #{id} 当前为“{label}”，已是公开记录，不能修改；如有错误，请用“更正”起草更正公告"
_NOT_YET_PUBLIC = "记录 #{id} 当前为“{label}”，尚未公示，无需更正；如需修改，请审核人退回后修改"

ACTIONS: tuple[Action, ...] = (
    Action("edit", "修改", "disclosure.edit", _PUBLIC_EDIT, {
        "submitted": "记录 #{id} 当前为“{label}”，不能修改；如需修改，请审核人退回",
        "approved": "记录 #{id} 当前为“{label}”，不能修改；如需修改，请审核人退回后重新提交",
    }),
    Action("submit", "提交审核", "disclosure.submit",
           "记录 #{id} 当前为“{label}”，只有草稿或被退回的记录才能提交审核"),
    Action("approve", "审核通过", "disclosure.approve",
           "记录 #{id} 当前为“{label}”，只有待审核的记录才能审核通过"),
    Action("return", "退回", "disclosure.return",
           "记录 #{id} 当前为“{label}”，只有待审核或已审核未公示的记录才能退回"),
    Action("post", "张贴公示", "disclosure.post",
           "记录 #{id} 当前为“{label}”，尚未经监委会审核通过，不能公示",
           dict.fromkeys(PUBLIC_STATUSES, "记录 #{id} 已于 {posting_start} 张贴公示（当前为“{label}”），不能重复公示")),
    Action("expire", f"标为“{_STATUS['expired'].label}”", "disclosure.expire",
           "记录 #{id} 当前为“{label}”，只有公示中的记录才会公示期满", person=False),
    Action("archive", "归档", "disclosure.archive",
           "记录 #{id} 当前为“{label}”，只有公示期满的记录才能归档", {"archived": "记录 #{id} 已归档"}),
    Action("correct", "起草更正", "disclosure.correct", _NOT_YET_PUBLIC, {
        "draft": "记录 #{id} 当前为“{label}”，尚未公示，无需更正，可直接修改",
        "returned": "记录 #{id} 当前为“{label}”，尚未公示，无需更正，可直接修改",
    }),
    Action("delete", "删除草稿", "disclosure.delete",
           "记录 #{id} 当前为“{label}”，已进入审核流程，不能删除，只能修改或更正"),
    Action("attach", "添加附件", "disclosure.attach", "记录 #{id} 当前为“{label}”，不能添加附件"),
    Action("detach", "删除附件", "disclosure.detach",
           "记录 #{id} 当前为“{label}”，其附件已是存档证据，不能删除；只有草稿或被退回的记录可以删除附件"),
    Action("feedback", "登记群众意见", "feedback.edit",
           "记录 #{id} 尚未公示（当前为“{label}”），不能登记群众意见；公示后再登记"),
)
_ACTION = {a.key: a for a in ACTIONS}
ACTION_KEYS: tuple[str, ...] = tuple(_ACTION)
STEPS: tuple[str, ...] = tuple(a.key for a in ACTIONS if a.person)  # what people do


@dataclass(frozen=True)
class Transition:
    source: str
    action: str
    target: str | None  # None: the record is gone (a discarded draft)
    roles: tuple[str, ...]
    conditions: tuple[Condition, ...] = ()


# The admin (村干部) stands for the village committee, which drafts its own notices (the clerk drafts for
# it): whatever the clerk does to a record, the admin may do too. Neither ever approves.
_EDITORS = (CLERK, ADMIN)
_REVIEWERS = (REVIEWER, SUPERVISOR)
_COMMITTEE = (ADMIN,)
_OFFICE = (CLERK, ADMIN)


def _stay(statuses: tuple[str, ...], action: str, roles: tuple[str, ...],
          conditions: tuple[Condition, ...] = ()) -> tuple[Transition, ...]:
    return tuple(Transition(s, action, s, roles, conditions) for s in statuses)


TRANSITIONS: tuple[Transition, ...] = (
    *_stay(("draft", "returned"), "edit", _EDITORS),
    Transition("draft", "submit", "submitted", _EDITORS),
    Transition("returned", "submit", "submitted", _EDITORS),
    Transition("submitted", "approve", "approved", _REVIEWERS),
    Transition("submitted", "return", "returned", _REVIEWERS),
    Transition("approved", "return", "returned", _REVIEWERS),
    Transition("approved", "post", "posted", _COMMITTEE),
    Transition("posted", "expire", "expired", (SYSTEM, ADMIN)),
    Transition("expired", "archive", "archived", _COMMITTEE),
    Transition("posted", "archive", "archived", _COMMITTEE, (SUPERSEDED,)),
    *_stay(PUBLIC_STATUSES, "correct", _EDITORS, (NOT_SUPERSEDED, NO_PENDING_CORRECTION)),
    Transition("draft", "delete", None, _EDITORS),
    *_stay(STATUS_KEYS, "attach", _OFFICE),
    *_stay(("draft", "returned"), "detach", _EDITORS),
    *_stay(PUBLIC_STATUSES, "feedback", _OFFICE),
)
_ROW = {(t.source, t.action): t for t in TRANSITIONS}


# --- questions ----------------------------------------------------------------------------------

def status(key: str) -> Status:
    try:
        return _STATUS[key]
    except KeyError:
        raise ValueError(f"未知的状态“{key}”（应为 {'、'.join(STATUS_KEYS)} 之一）") from None


def label(key: str) -> str:
    """The status's one label; an unknown key as it is (an old or damaged database)."""
    s = _STATUS.get(key)
    return s.label if s else key


def colour(key: str) -> str:
    s = _STATUS.get(key)
    return s.colour if s else UNKNOWN_COLOUR


def is_public(key: str) -> bool:
    s = _STATUS.get(key)
    return bool(s and s.public)


def step_label(key: str) -> str:
    """A step's one name ("审核通过", "张贴公示", "删除草稿")."""
    return action(key).label


def action(key: str) -> Action:
    try:
        return _ACTION[key]
    except KeyError:
        raise ValueError(f"未知的操作“{key}”") from None


#: What each role does, as the accounts dialog describes it (the steps in the table's own names).
ROLE_DUTIES: dict[str, str] = {
    "clerk": "起草、修改、导入、打印",
    "reviewer": f"{step_label('approve')}、{step_label('return')}",
    "admin": "文书能做的一切，另有账户、设置、公示、归档",
    "supervisor": f"乡镇审核：{step_label('approve')}、{step_label('return')}",
}


def transition(status_key: str, action_key: str) -> Transition | None:
    """The row for a status and a step, or None when the step does not exist in that status."""
    action(action_key)
    return _ROW.get((status_key, action_key))


def editable(status_key: str) -> bool:
    """Whether the record's content may be changed in this status."""
    return (status_key, "edit") in _ROW


def statuses_allowing(action_key: str) -> tuple[str, ...]:
    action(action_key)
    return tuple(t.source for t in TRANSITIONS if t.action == action_key)


def allowed_roles(action_key: str) -> tuple[str, ...]:
    """The roles that may take a step (in any status where it exists)."""
    action(action_key)
    roles: dict[str, None] = {}
    for t in TRANSITIONS:
        if t.action == action_key:
            roles.update(dict.fromkeys(t.roles))
    return tuple(roles)


def roles_for_permission(permission: str) -> tuple[str, ...]:
    """The roles holding a permission: those allowed the steps that name it (each permission is
    named only by steps with the same roles, so the mapping is exact)."""
    roles: dict[str, None] = {}
    for a in ACTIONS:
        if a.permission == permission:
            roles.update(dict.fromkeys(allowed_roles(a.key)))
    if not roles:
        raise ValueError(f"未知的权限“{permission}”")
    return tuple(roles)


def effective_status(stored: str, posting_end: date | None, today: date) -> str:
    """A posted record whose window ended before `today` is expired (the ``expire`` row), whether
    or not `expire_due` has written it down yet."""
    row = _ROW.get((stored, "expire"))
    if row is not None and row.target and posting_end is not None and posting_end < today:
        return row.target
    return stored


@dataclass(frozen=True)
class Refusal:
    template: str
    values: Mapping[str, Any]

    @property
    def text(self) -> str:
        return self.template.format(**self.values)


@dataclass(frozen=True)
class Decision:
    action: str
    transition: Transition | None  # the row that allows it; None when refused
    refusal: Refusal | None  # why not; None when allowed

    @property
    def allowed(self) -> bool:
        return self.refusal is None

    @property
    def target(self) -> str | None:
        return self.transition.target if self.transition else None


def check(action_key: str, facts: RecordFacts) -> Decision:
    """May `action_key` be taken on this record now? The row, or the refusal in the table's words."""
    act = action(action_key)
    row = _ROW.get((facts.status, action_key))
    if row is None:
        template = act.refusals.get(facts.status, act.refusal)
        return Decision(action_key, None, Refusal(template, facts.values()))
    for cond in row.conditions:
        if not cond.holds(facts):
            return Decision(action_key, None, Refusal(cond.refusal, facts.values()))
    return Decision(action_key, row, None)


def enforce(action_key: str, facts: RecordFacts) -> Transition:
    """The row allowing the step; StateError with the table's refusal otherwise."""
    decision = check(action_key, facts)
    if decision.refusal is not None:
        raise StateError(decision.refusal.text)
    assert decision.transition is not None
    return decision.transition


def templates() -> list[str]:
    """Every refusal template in the table (the GUI lists them for translation)."""
    out: dict[str, None] = {}
    for a in ACTIONS:
        out[a.refusal] = None
        out.update(dict.fromkeys(a.refusals.values()))
    for t in TRANSITIONS:
        out.update(dict.fromkeys(c.refusal for c in t.conditions))
    return list(out)


__all__ = [
    "ACTIONS", "ACTION_KEYS", "ROLE_DUTIES", "ADMIN", "CLERK", "INITIAL_STATUS", "Action", "Condition", "Decision",
    "PUBLIC_STATUSES", "REVIEWER",
    "ROLES", "RecordFacts", "Refusal", "STATUSES", "STATUS_KEYS", "STEPS", "SUPERVISOR", "SYSTEM", "Status",
    "TRANSITIONS", "Transition", "WAITING_STATUSES", "action", "allowed_roles", "check", "colour", "editable", "effective_status",
    "enforce", "is_public", "label", "roles_for_permission", "status", "statuses_allowing", "templates",
    "transition",
]
