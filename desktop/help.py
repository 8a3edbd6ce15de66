"""帮助: the short quick guide shipped in resources/help, opened by F1 or the 帮助 menu (and the
wizard's 帮助 button), in a window of its own that fits a 1366×768 screen.

The guide is Markdown (`quick-guide.zh_CN.md`), shown read-only in a QTextBrowser; one window per
parent — asking again brings the open one forward. The full manual comes with the installer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from models.paths import resources_dir

from .screen_fit import fit_to_screen

GUIDE_FILE = "quick-guide.zh_CN.md"
PREFERRED_SIZE = QSize(760, 680)


def guide_path() -> Path:
    return resources_dir() / "help" / GUIDE_FILE


class GuideWindow(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("快速入门 — 村务公开"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(self.tr("快速入门"))
        try:
            self.browser.setMarkdown(guide_path().read_text(encoding="utf-8"))
        except OSError:
            self.browser.setPlainText(self.tr("找不到快速入门文件：%1").replace("%1", str(guide_path())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        fit_to_screen(self, PREFERRED_SIZE.width(), PREFERRED_SIZE.height())


def show_guide(parent: QWidget | None = None) -> GuideWindow:
    """Open the guide (non-modal, beside the work), or bring the open one forward."""
    owner = parent.window() if parent is not None else None
    existing = owner.findChild(GuideWindow) if owner is not None else None
    window = existing if existing is not None else GuideWindow(owner)
    if existing is None:
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
