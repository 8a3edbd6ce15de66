"""Who may do what: every write the services make names one of these permissions, and
`ServiceContext` refuses it unless the acting account's role is listed. The GUI asks the same table
to grey out what a role may not do, and the CLI refuses with the same sentence.

One table, asked by everyone (house rules): a write naming a permission that is not here is a
programming error (`UnknownPermission`), never a silent allow.

The admin (村干部) stands for the village committee, which by law drafts and posts its disclosures
(the clerk drafts for it): so an admin may do whatever a clerk may, plus accounts, settings, posting
and archiving. Separation of duties is between the committee's side and the supervision committee
(监委会) that reviews — an admin never approves, and nobody approves a record they drafted.

The steps of a record's workflow (draft, submit, approve, return, post, archive, correct, attach…)
take their roles from the workflow table (models.rules.workflow), which names each step's
permission; the rest are listed here. Printing unmasked copies is the one permission an admin can
re-assign (setting ``print.unmasked_roles``); the others are fixed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from . import workflow as W
from .accounts import ROLES, role_label


@dataclass(frozen=True)
class Permission:
    key: str
    label: str  # what it allows, as a refusal names it: “不能{label}”
    roles: tuple[str, ...]


class UnknownPermission(KeyError):
    """A write named a permission the table does not have (a bug, not a user error)."""


_OFFICE = ("clerk", "admin")  # the committee's side: the clerk, and the officers the clerk works for

# What each step of the workflow table allows, as a refusal names it (“不能{label}”). The roles of a
# step come from the table (models.rules.workflow: who may), never from here.
WORKFLOW_LABELS: dict[str, str] = {
    "edit": "起草、修改公开记录", "submit": W.step_label("submit"), "approve": f"{W.step_label('approve')}公开记录",
    "return": f"{W.step_label('return')}公开记录", "post": W.step_label("post"), "expire": f"登记{W.label('expired')}",
    "archive": f"{W.step_label('archive')}公开记录", "correct": "起草更正公告", "delete": W.step_label("delete"),
    "attach": f"{W.step_label('attach')}（公示栏照片、票据）", "detach": W.step_label("detach"),
    "feedback": "登记或答复群众意见",
}


def _workflow_permissions() -> list[Permission]:
    from . import workflow as W

    labels: dict[str, str] = {}
    for action in W.ACTIONS:
        labels.setdefault(action.permission, WORKFLOW_LABELS[action.key])
    return [Permission(key, label, tuple(r for r in ROLES if r in W.roles_for_permission(key)))
            for key, label in labels.items()]


PERMISSIONS: dict[str, Permission] = {p.key: p for p in (
    *_workflow_permissions(),
    Permission("import_mapping.edit", "保存名单导入的列对应", _OFFICE),
    Permission("print.unmasked", "打印含完整身份证号、银行卡号的内部核对件", _OFFICE),
    # Opinion surveys (models.services.surveys): the committee's side builds them, types the paper
    # forms (both passes of a double entry) and decides where the two passes differ.
    Permission("survey.edit", "建立问卷、录入或导入问卷答卷", _OFFICE),
    Permission("survey.adjudicate", "裁定两遍录入不一致的答卷", _OFFICE),
    # The installation.
    Permission("catalog.edit", "修改公开事项目录", _OFFICE),
    Permission("calendar.edit", "录入节假日和调休上班日", ("admin",)),
    Permission("settings.edit", "修改设置", ("admin",)),
    Permission("users.manage", "管理账户（新增、停用、重设密码）", ("admin",)),
    # A backup copies what every signed-in role may already read, and protects it: anyone may make
    # one (they are also made automatically on exit). Restoring replaces the database: admins only.
    Permission("backup.make", "备份数据", ROLES),
    Permission("backup.restore", "从备份恢复数据", ("admin",)),
    # Reading the audit trail and checking integrity change nothing: everyone signed in.
    Permission("integrity.check", "检查数据完整性", ROLES),
    Permission("audit.read", "查看操作记录", ROLES),
    Permission("setup", "初始设置", ("admin",)),
)}

# Roles an admin may give the unmasked-print permission to (a setting); the default is the table's.
UNMASKED_SETTING = "print.unmasked_roles"


def permission(key: str) -> Permission:
    try:
        return PERMISSIONS[key]
    except KeyError:
        raise UnknownPermission(key) from None


def roles_for(key: str, overrides: Mapping[str, Iterable[str]] | None = None) -> tuple[str, ...]:
    """The roles that hold ``key``; ``overrides`` ({permission: roles}) are the admin's settings."""
    perm = permission(key)
    if overrides and key in overrides:
        return tuple(r for r in ROLES if r in set(overrides[key]))
    return perm.roles


def allowed(role: str, key: str, overrides: Mapping[str, Iterable[str]] | None = None) -> bool:
    return role in roles_for(key, overrides)


def refusal(role: str, key: str, overrides: Mapping[str, Iterable[str]] | None = None) -> str:
    """The sentence a refusal shows: the role, what it may not do, who may, and the rule's key."""
    perm = permission(key)
    holders = roles_for(key, overrides)
    who = "、".join(role_label(r) for r in holders) or "无人"
    return (f"权限不足：“{role_label(role)}”账户不能{perm.label}，只有{who}可以"
            f"（规则 {perm.key}）")


def unmasked_roles_problem(roles: Iterable[str]) -> str | None:
    """Why a value for the ``print.unmasked_roles`` setting is refused (None when it is fine)."""
    wanted = list(roles)
    unknown = [r for r in wanted if r not in ROLES]
    if unknown:
        return f"未知的角色：{'、'.join(unknown)}（应为 {'、'.join(ROLES)} 中的若干个）"
    return None
