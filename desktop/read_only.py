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


def _with_reason(tip: str) -> str:
    """The reason first (it is why the control is grey), then what the control would do."""
    return tip if tip.startswith(reason()) else (f"{reason()}\n{tip}" if tip else reason())


class _KeepDisabled(QObject):
    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if isinstance(obj, QWidget):
            if event.type() == QEvent.Type.EnabledChange and obj.isEnabled():
                obj.setEnabled(False)
            elif event.type() == QEvent.Type.ToolTipChange and not obj.toolTip().startswith(reason()):
                obj.setToolTip(_with_reason(obj.toolTip()))
        return False


def _keep_action(action: QAction) -> None:
    """`changed` comes with every property set (a page enabling it, setting its tooltip)."""
    if action.isEnabled():
        action.setEnabled(False)
    if not action.toolTip().startswith(reason()):
        action.setToolTip(_with_reason(action.toolTip()))


def keep_disabled(workspace, *controls: QAction | QWidget) -> None:
    """Disable these writing controls for as long as the workspace is read-only (no-op otherwise);
    their tooltip starts with why, whatever the page sets later."""
    if workspace is None or not workspace.read_only:
        return
    for control in controls:
        control.setEnabled(False)
        control.setToolTip(_with_reason(control.toolTip()))
        if isinstance(control, QAction):
            control.changed.connect(lambda a=control: _keep_action(a))
        else:
            control.installEventFilter(_KeepDisabled(control))


__all__ = ["keep_disabled", "reason"]
