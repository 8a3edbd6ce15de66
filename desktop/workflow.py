"""The workflow table (models.rules.workflow) as the GUI shows it: each status's label, translated,
and its colour; each step's button enabled when the table allows the step on the selected record,
otherwise greyed with the table's refusal as its tooltip ("为什么灰了") — the same sentence the
service says when it refuses, so the button and the error never disagree.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import QWidget

from models.rules import workflow as W

# The table's status labels and refusal templates, listed for lupdate (a test keeps them in step).
STATUS_TEXTS = (
    QT_TRANSLATE_NOOP("DisclosureStatus", "草稿"),
    QT_TRANSLATE_NOOP("DisclosureStatus", "待审核"),
    QT_TRANSLATE_NOOP("DisclosureStatus", "已审核"),
    QT_TRANSLATE_NOOP("DisclosureStatus", "已退回"),
    QT_TRANSLATE_NOOP("DisclosureStatus", "公示中"),
    QT_TRANSLATE_NOOP("DisclosureStatus", "公示期满"),
    QT_TRANSLATE_NOOP("DisclosureStatus", "已归档"),
)
REFUSAL_TEXTS = (
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 当前为“{label}”，已是公开记录，不能修改；如有错误，请用“更正”起草更正公告"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 当前为“{label}”，不能修改；如需修改，请审核人退回"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 当前为“{label}”，不能修改；如需修改，请审核人退回后重新提交"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 当前为“{label}”，只有草稿或被退回的记录才能提交审核"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 当前为“{label}”，只有待审核的记录才能审核通过"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 当前为“{label}”，只有待审核或已审核未公示的记录才能退回"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 当前为“{label}”，尚未经监委会审核通过，不能公示"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 已于 {posting_start} 张贴公示（当前为“{label}”），不能重复公示"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 当前为“{label}”，只有公示中的记录才会公示期满"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 当前为“{label}”，只有公示期满的记录才能归档"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 已归档"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 当前为“{label}”，尚未公示，无需更正；如需修改，请审核人退回后修改"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 当前为“{label}”，尚未公示，无需更正，可直接修改"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 当前为“{label}”，已进入审核流程，不能删除，只能修改或更正"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 当前为“{label}”，不能添加附件"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 当前为“{label}”，其附件已是存档证据，不能删除；只有草稿或被退回的记录可以删除附件"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 尚未公示（当前为“{label}”），不能登记群众意见；公示后再登记"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 公示期至 {posting_end} 才届满，届满后才能归档"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 已被更正记录 #{superseded_by} 取代，如仍有错误请更正 #{superseded_by}"),
    QT_TRANSLATE_NOOP("Workflow", "记录 #{id} 已有未公示的更正记录 #{pending_correction}，请继续处理该记录"),
)


def status_text(status: str) -> str:
    """The status's one label, translated."""
    return QCoreApplication.translate("DisclosureStatus", W.label(status))


def statuses_text(action: str) -> str:
    """The statuses in which the table allows `action`, translated and quoted: “草稿”或“已退回”."""
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
