"""Greying out what the signed-in role may not do, with the reason as the tooltip.

The reason is the sentence the service itself would refuse with (models.rules.permissions), so the
GUI never words a rule of its own. `gate` only ever disables: a page first enables an action by the
record's state, then gates it by role.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

# models.rules.accounts.ROLE_LABELS, listed for lupdate.
_ROLE_TEXTS = (
    QT_TRANSLATE_NOOP("Roles", "文书"),
    QT_TRANSLATE_NOOP("Roles", "监委会"),
    QT_TRANSLATE_NOOP("Roles", "村干部"),
    QT_TRANSLATE_NOOP("Roles", "乡镇"),
)


def gate(target: QAction | QWidget, workspace, permission: str) -> bool:
    """Disable ``target`` when the workspace's account may not take ``permission``; True if it may."""
    allowed, reason = workspace.may(permission)
    if not allowed:
        target.setEnabled(False)
        target.setToolTip(reason)
        if isinstance(target, QAction):
            target.setStatusTip(reason)
    return allowed


def gate_all(pairs: Iterable[tuple[QAction | QWidget, str]], workspace) -> None:
    for target, permission in pairs:
        gate(target, workspace, permission)


def allowed(workspace, permission: str) -> bool:
    return workspace.may(permission)[0]


def actor_text(workspace) -> str:
    """王文书（文书） for a signed-in account (the role in the UI's language); the bare name in a
    database without accounts."""
    from models.rules.accounts import role_label

    actor = workspace.actor
    if not actor.authenticated:
        return actor.name
    return f"{actor.name}（{QCoreApplication.translate('Roles', role_label(actor.role))}）"
