"""Read-only windows: a second instance opened 只读 keeps every control that changes data disabled.

Pages name their writing controls once (`keep_disabled(workspace, …)`); whatever their own logic
enables later (a selection changes, a record's status allows an action) is switched off again, with
the reason in the tooltip. The database refuses writes as well (`Database.read_only`), so a control
missed here still cannot write — the clerk gets the read-only message instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


def reason() -> str:
    return QCoreApplication.translate("ReadOnly", "只读打开：另一个窗口正在使用此数据库，这里不能修改")


class _KeepDisabled(QObject):
    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.EnabledChange and isinstance(obj, QWidget) and obj.isEnabled():
            obj.setEnabled(False)
        return False


def keep_disabled(workspace, *controls: QAction | QWidget) -> None:
    """Disable these writing controls for as long as the workspace is read-only (no-op otherwise)."""
    if workspace is None or not workspace.read_only:
        return
    for control in controls:
        control.setEnabled(False)
        tip = control.toolTip()
        if reason() not in tip:
            control.setToolTip(f"{tip}\n{reason()}" if tip else reason())
        if isinstance(control, QAction):
            control.enabledChanged.connect(lambda on, a=control: a.setEnabled(False) if on else None)
        else:
            keeper = _KeepDisabled(control)
            control.installEventFilter(keeper)


__all__ = ["keep_disabled", "reason"]
