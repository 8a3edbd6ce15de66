"""Windows that fit the screen: a 1366×768 laptop at 125 % scaling is 1093×582 logical pixels
once the taskbar is taken off, and a dialog taller than that hides its buttons below the screen.

`fit_to_screen(window, width, height)` is the one rule every top-level window follows: the size it
would like, shrunk to the screen's available area less the title bar and borders the window system
adds, and a position centred over its parent (or the screen) that keeps the title bar on screen.
Content that cannot shrink that far goes in a scroll area (`scrolling`), never off-screen.
"""

from __future__ import annotations

from PySide6 import QtCore  # Qt's namespace by attribute: see main_window
from PySide6.QtCore import QMargins, QRect, QSize
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QWidget

__all__ = ["FRAME", "available_area", "fit_to_screen", "fitted_size", "scrolling"]

#: What the window system adds around a window's client area, in logical pixels: a Windows title
#: bar is about 31 px at 100 %, its borders a few pixels. Before a window is shown Qt cannot know.
FRAME = QMargins(8, 32, 8, 8)


def available_area(window: QWidget) -> QRect:
    """The usable part (without taskbar) of the screen the window is on or will open on."""
    parent = window.parentWidget()
    screen = (parent.screen() if parent is not None else None) or window.screen() or QApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fitted_size(window: QWidget, wanted: QSize) -> QSize:
    """``wanted``, shrunk to what the screen holds with the window's frame around it."""
    area = available_area(window).marginsRemoved(FRAME)
    return QSize(min(wanted.width(), area.width()), min(wanted.height(), area.height()))


def fit_to_screen(window: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Size ``window`` to ``width`` × ``height`` (default: what its layout asks for) as far as the
    screen allows, and place it centred over its parent, wholly on the available area."""
    hint = window.sizeHint()
    wanted = QSize(width if width is not None else hint.width(), height if height is not None else hint.height())
    size = fitted_size(window, wanted.expandedTo(window.minimumSizeHint().boundedTo(wanted)))
    window.resize(size)
    size = window.size()  # a layout's minimum may have won
    area = available_area(window).marginsRemoved(FRAME)
    parent = window.parentWidget()
    anchor = parent.window().frameGeometry().center() if parent is not None and parent.isVisible() else area.center()
    x = min(max(anchor.x() - size.width() // 2, area.left()), max(area.left(), area.right() + 1 - size.width()))
    y = min(max(anchor.y() - size.height() // 2, area.top()), max(area.top(), area.bottom() + 1 - size.height()))
    window.setGeometry(x, y, size.width(), size.height())  # the client area: the frame goes around it


class _FormScroll(QScrollArea):
    def sizeHint(self) -> QSize:  # the whole form where the screen has room (QScrollArea caps it)
        content = self.widget()
        if content is None:
            return super().sizeHint()
        return content.sizeHint() + QSize(self.verticalScrollBar().sizeHint().width(), 0)


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless vertical scroll area, for forms taller than a small screen: as
    big as the form where there is room, scrolling where there is not."""
    area = _FormScroll()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # as wide as the form, so only the height scrolls
    narrowest = max(content.minimumWidth(), content.minimumSizeHint().width())
    area.setMinimumWidth(narrowest + area.verticalScrollBar().sizeHint().width())
    return area
