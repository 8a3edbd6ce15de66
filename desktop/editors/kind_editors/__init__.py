"""One editor per disclosure kind, under the disclosure editor's header (see base.KindEditor)."""

from __future__ import annotations

import importlib

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from .base import EditorContext, KindEditor

# kind → (module in this package, class)
EDITORS: dict[str, tuple[str, str]] = {
    "roster": ("roster_editor", "RosterEditor"),
    "finance": ("finance_editor", "FinanceEditor"),
    "project": ("project_editor", "ProjectEditor"),
    "decision": ("decision_editor", "DecisionEditor"),
    "yishi": ("yishi_editor", "YishiEditor"),
    "notice": ("notice_editor", "NoticeEditor"),
}


def editor_for(kind: str, undo_stack: QUndoStack, context: EditorContext,
               parent: QWidget | None = None) -> KindEditor:
    """The editor of a kind (every kind of ``catalog_terms.KINDS`` has one; a test fails when a kind
    misses its entry — an unknown kind is refused, never edited as a plain notice)."""
    if kind not in EDITORS:
        raise ValueError(f"没有“{kind}”类记录的编辑器")
    module, name = EDITORS[kind]
    cls = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    return cls(undo_stack, context, parent)


__all__ = ["EDITORS", "EditorContext", "KindEditor", "editor_for"]
