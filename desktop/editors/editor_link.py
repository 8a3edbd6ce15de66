"""Opening the per-kind disclosure editor, which lives in its own module (`disclosure_editor`).

The lists and the start page open a record through `open_editor`; when that module is not part of
this build the clerk is told so instead of meeting an error, and the record stays as it is.
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from .. import dialogs

log = logging.getLogger("cunwu.desktop")

EDITOR_MODULE = "desktop.editors.disclosure_editor"


def open_editor(workspace, disclosure_id: int, parent: QWidget | None = None) -> bool | None:
    """Edit a record: True when the editor saved, False when it was closed without saving, None
    when no editor is available."""
    try:
        module = importlib.import_module(EDITOR_MODULE)
        opener = module.open_disclosure_editor
    except (ImportError, AttributeError):
        log.info("disclosure editor not available", exc_info=True)
        dialogs.info(QCoreApplication.translate("EditorLink", "编辑器暂不可用"),
                     QCoreApplication.translate(
                         "EditorLink", "这个版本还没有公开记录的编辑器。记录 #%1 已保存，以后可以在“公开记录”中继续编辑。")
                     .replace("%1", str(disclosure_id)), parent=parent)
        return None
    return bool(opener(workspace, disclosure_id, parent))
