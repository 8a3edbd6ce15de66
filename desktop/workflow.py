"""The workflow table (models.rules.workflow) as the GUI shows it: each status's label, translated,
and its colour; each step's button enabled when the table allows the step on the selected record,
otherwise greyed with the table's refusal as its tooltip ("为什么灰了") — the same sentence the
service says when it refuses, so the button and the error never disagree.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QWidget

from models.rules import workflow as W

# The table's status labels, step names and refusal templates are translated from the table itself
# (contexts "DisclosureStatus", "WorkflowStep", "Workflow" of resources/i18n/cunwu_en.ts); a test keeps
# the translation file in step with the table, so no second list of the words stands here.


def status_text(status: str) -> str:
    """The status's one label, translated."""
    return QCoreApplication.translate("DisclosureStatus", W.label(status))


def step_text(action: str) -> str:
    """A step's one name (the table's), translated: the button, the dialog's title."""
    return QCoreApplication.translate("WorkflowStep", W.step_label(action))


def statuses_text(action: str) -> str:
    """The statuses in which the table allows `action`, translated and quoted (“A”或“B”)."""
    joiner = QCoreApplication.translate("Workflow", "或")
    return joiner.join(f"“{status_text(s)}”" for s in W.statuses_allowing(action))


def status_colour(status: str) -> str:
    """The status's one colour as '#rrggbb' (for rich text and style sheets)."""
    return W.colour(status)


def status_color(status: str) -> QColor:
    return QColor(W.colour(status))


def refusal_text(refusal: W.Refusal) -> str:
    """A refusal of the table in the user's language (in Chinese exactly the service's message)."""
    values = dict(refusal.values)
    values["label"] = status_text(values["status"])
    return QCoreApplication.translate("Workflow", refusal.template).format(**values)


def decide(action: str, record) -> W.Decision | None:
    """The table's decision on `action` for a record (anything with `.facts`), None without one."""
    return None if record is None else W.check(action, record.facts)


def show_step(target: QAction | QWidget, action: str, record, tip: str) -> bool:
    """Enable a step's action or button when the table allows it on `record`; otherwise grey it and
    let its tooltip say why. `tip` is the tooltip when allowed (or when nothing is selected)."""
    decision = decide(action, record)
    allowed = decision is not None and decision.allowed
    text = refusal_text(decision.refusal) if decision is not None and decision.refusal is not None else tip
    target.setEnabled(allowed)
    target.setToolTip(text)
    if isinstance(target, QAction):
        target.setStatusTip(text)
    return allowed
