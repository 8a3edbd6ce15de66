"""The main window: a sidebar of pages and a stack that builds each page the first time it is shown.

Start-up may build the window before the database is open (`MainWindow(None, settings=…, shell=…)`):
it paints its frame, sidebar and title from what the last session showed, and `attach(workspace)`
then builds the page it opens on. Loading the data layer (≈0.2 s of imports) no longer delays the
first paint.

Pages come from the registry (`desktop.registry.register_page`); the window knows none of them by
name. It remembers its geometry and the last page, shows the database and the acting user in the
status bar, and owns the standard shortcuts, handing Ctrl+F / Ctrl+N to the current page's hooks;
F1 and the 帮助 menu open the quick guide (`desktop.help`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

# Qt's namespace is used as QtCore.Qt inside methods, never imported by name: creating its enums costs
# ≈25 ms, and the shell window paints without them (they come with the first page, after the paint).
from PySide6 import QtCore
from PySide6.QtCore import QByteArray, QSize, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.errors import CunwuError

from .permissions import actor_text
from .read_only import keep_disabled, reason
from .registry import PageSpec, discover_pages, icon_of
from .screen_fit import available_area, fit_to_screen

if TYPE_CHECKING:
    from .settings import Settings
    from .workspace import Workspace

log = logging.getLogger("cunwu.desktop")

DEFAULT_SIZE = QSize(1280, 800)


class PathLabel(QLabel):
    """The status bar's database path: the whole path in its tooltip, shortened in the middle ("…")
    when the window is narrow, so the labels after it (operator, audit chain) keep their room. The
    path is copied from 关于与设置, where it stands whole."""

    def __init__(self, text: str = ""):
        super().__init__()
        self._full = ""
        self._elide = None  # Qt's elide mode, given once the window has Qt's namespace (_complete)
        self.set_full_text(text)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setText(text)
        self._fit()

    def elide(self, mode) -> None:
        self._elide = mode
        self._fit()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        return QSize(hint.width() - metrics.horizontalAdvance(self.text()) + metrics.horizontalAdvance(self._full),
                     hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance(self._full[:6]) + 48), hint.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._elide is None:
            return
        text = self.fontMetrics().elidedText(self._full, self._elide, self.contentsRect().width())
        if text != self.text():
            self.setText(text)


class MainWindow(QMainWindow):
    page_changed = Signal(str)

    attached = Signal()

    def __init__(self, workspace: Workspace | None, *, pages: list[PageSpec] | None = None,
                 parent: QWidget | None = None, settings: Settings | None = None,
                 shell: dict | None = None):
        """`workspace` None builds the window shell: `settings` and `shell` ({"title", "db", "user"})
        stand in until `attach()`."""
        super().__init__(parent)
        self.ws = workspace
        self._settings = settings if workspace is None else workspace.settings
        specs = discover_pages() if pages is None else pages
        # Pages with an availability rule are judged once the workspace is there.
        self._specs = [s for s in specs if (s.when is None if workspace is None else s.applies_to(workspace))]
        self._pages: dict[str, QWidget] = {}
        self._placeholders: dict[str, QWidget] = {}
        self._preloaded: dict[str, object] = {}
        if workspace is not None:
            shell = {"title": workspace.installation.name, "db": str(workspace.db_path),
                     "user": actor_text(workspace)}
        self._shell = dict(shell or {})
        self.setWindowTitle(self.tr("村务公开 — %1").replace("%1", self._shell.get("title", "")))
        self._pending_keys: list[tuple[QAction, QKeySequence]] = []
        self._build()
        if workspace is not None:
            self._complete()
            self._show_mode(workspace)
        self._restore()

    @property
    def settings(self) -> Settings:
        return self._settings

    def attach(self, workspace: Workspace, preloaded: dict[str, object] | None = None) -> None:
        """Give a shell window its workspace and build the page it is showing; `preloaded` holds, by
        page key, what a page's `preload(workspace)` read off the GUI thread, handed to its factory
        (`preloaded=`) so building it reads nothing more."""
        self.ws = workspace
        self._preloaded = dict(preloaded or {})
        self._complete()
        self._settings = workspace.settings
        self.setWindowTitle(self.tr("村务公开 — %1").replace("%1", workspace.installation.name))
        self.db_label.set_full_text(self.tr("数据库：%1").replace("%1", str(workspace.db_path)))
        self.user_label.setText(self.tr("操作人：%1").replace("%1", actor_text(workspace)))
        self._show_mode(workspace)
        self._show_storage_state()
        row = self.sidebar.currentRow()
        if row >= 0:
            self._on_row_changed(row)
        self._preloaded.clear()  # read for the start page only: another page, built later, reads afresh
        self.attached.emit()

    def refresh_actor(self) -> None:
        """The status bar after the acting account changed (the first account of a database)."""
        if self.ws is not None:
            self.user_label.setText(self.tr("操作人：%1").replace("%1", actor_text(self.ws)))

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName(self.tr("页面"))
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(150)
        self.sidebar.setSpacing(2)
        self.stack = QStackedWidget()
        for spec in self._specs:
            item = QListWidgetItem(icon_of(spec), spec.display_title)
            item.setSizeHint(QSize(0, 36))
            self.sidebar.addItem(item)
            placeholder = QWidget()
            if self.ws is None:  # a shell: its pages come once the database is open
                self._loading_note(placeholder)
            self._placeholders[spec.key] = placeholder
            self.stack.addWidget(placeholder)
        self.sidebar.currentRowChanged.connect(self._on_row_changed)

        # A database that can only be read (corrupt pages, a read-only file) says so above every page.
        self.storage_banner = QLabel()
        self.storage_banner.setObjectName("storageBanner")
        self.storage_banner.setWordWrap(True)
        self.storage_banner.setStyleSheet("QLabel#storageBanner { background: #fdecea; color: #8a1c12;"
                                          " border: 1px solid #e0a39b; padding: 6px; }")
        self.storage_banner.hide()
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 0)
        outer.addWidget(self.storage_banner)
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)
        self._show_storage_state()

        self.db_label = PathLabel(self.tr("数据库：%1").replace("%1", self._shell.get("db", "")))
        self.user_label = QLabel(self.tr("操作人：%1").replace("%1", self._shell.get("user", "")))
        self.read_only_label = QLabel()
        self.read_only_label.setObjectName("readOnlyMode")
        self.read_only_label.setStyleSheet("color: white; background: #b71c1c; padding: 0 6px; font-weight: bold;")
        self.read_only_label.hide()
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.db_label)
        self.statusBar().addPermanentWidget(self.user_label)

        self.quit_action = QAction(self.tr("退出"), self)
        self._shortcut(self.quit_action, QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.new_action = QAction(self.tr("新增"), self)
        self._shortcut(self.new_action, QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.triggered.connect(lambda: self._call_hook("new_item"))
        self.find_action = QAction(self.tr("查找"), self)
        self._shortcut(self.find_action, QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(lambda: self._call_hook("focus_search"))
        self.sidebar_action = QAction(self.tr("转到页面列表"), self)
        self._shortcut(self.sidebar_action, QKeySequence("Ctrl+L"))
        self.sidebar_action.triggered.connect(lambda: self.sidebar.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason))

        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(self.tr("编辑(&E)"))
        edit_menu.addAction(self.new_action)
        edit_menu.addAction(self.find_action)
        go_menu = self.menuBar().addMenu(self.tr("转到(&G)"))
        go_menu.addAction(self.sidebar_action)
        go_menu.addSeparator()
        for n, spec in enumerate(self._specs, start=1):
            action = QAction(spec.display_title, self)
            if n <= 9:
                self._shortcut(action, QKeySequence(f"Ctrl+{n}"))
            action.triggered.connect(lambda _checked=False, key=spec.key: self.show_page(key))
            go_menu.addAction(action)
            self.addAction(action)

        self.help_action = QAction(self.tr("快速入门"), self)
        self._shortcut(self.help_action, QKeySequence(QKeySequence.StandardKey.HelpContents))  # F1
        self.help_action.setToolTip(self.tr("各页面做什么、一条记录怎么走、打印和快捷键（F1）"))
        self.help_action.triggered.connect(self.show_help)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.help_action)
        if "about" in self.page_keys():
            about_action = QAction(self.tr("关于与设置"), self)
            about_action.setMenuRole(QAction.MenuRole.AboutRole)
            about_action.triggered.connect(lambda: self.show_page("about"))
            help_menu.addAction(about_action)
        self.addAction(self.help_action)

    def _shortcut(self, action: QAction, keys: QKeySequence) -> None:
        if self.ws is None:
            self._pending_keys.append((action, keys))
        else:
            action.setShortcut(keys)

    def _complete(self) -> None:
        """What needs Qt's namespace (≈25 ms to create its enums), done once the window has its
        workspace — a shell paints without it: the shortcuts, the banner and the operator made
        selectable so they can be copied, and the database path shortened in the middle when narrow."""
        for action, keys in self._pending_keys:
            action.setShortcut(keys)
        self._pending_keys.clear()
        for label in (self.storage_banner, self.user_label):
            label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.db_label.elide(QtCore.Qt.TextElideMode.ElideMiddle)

    def _show_storage_state(self) -> None:
        message = self.ws.db.read_only_message if self.ws is not None else None
        if message:
            self.storage_banner.setText(self.tr("只能查看，不能保存。%1").replace("%1", message))
        self.storage_banner.setVisible(bool(message))

    def show_help(self):
        """The quick guide (F1), beside the window; asking again brings it forward."""
        from .help import show_guide

        return show_guide(self)

    def _show_mode(self, workspace: Workspace) -> None:
        """A read-only window says so in its title and status bar, and Ctrl+N creates nothing."""
        if not workspace.read_only:
            return
        self.setWindowTitle(self.tr("村务公开 — %1（只读）").replace("%1", workspace.installation.name))
        self.read_only_label.setText(self.tr("只读"))
        self.read_only_label.setToolTip(reason())
        self.read_only_label.show()
        keep_disabled(workspace, self.new_action)

    def _restore(self) -> None:
        settings = self.settings
        geometry = settings.window_geometry
        restored = bool(geometry) and self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        if not restored or not available_area(self).contains(self.geometry()):
            fit_to_screen(self, DEFAULT_SIZE.width(), DEFAULT_SIZE.height())
        keys = self.page_keys()
        last = settings.last_page
        if keys:
            self.show_page(last if last in keys else keys[0])

    # --- pages ------------------------------------------------------------------------------
    def page_keys(self) -> list[str]:
        return [s.key for s in self._specs]

    def page_titles(self) -> list[str]:
        return [self.sidebar.item(i).text() for i in range(self.sidebar.count())]

    def current_key(self) -> str | None:
        row = self.sidebar.currentRow()
        return self._specs[row].key if 0 <= row < len(self._specs) else None

    def page_factory(self, key: str | None):
        """The factory that builds page ``key`` (None for no such page)."""
        return next((s.factory for s in self._specs if s.key == key), None)

    def current_page(self) -> QWidget | None:
        key = self.current_key()
        return self._pages.get(key) if key else None

    def page(self, key: str) -> QWidget:
        """The page widget, built now if it was not yet (a shell has only placeholders)."""
        if self.ws is None:
            return self._placeholders[key]
        if key not in self._pages:
            spec = next(s for s in self._specs if s.key == key)
            placeholder = self._placeholders[key]
            try:
                if key in self._preloaded:
                    widget = spec.factory(self.ws, self, preloaded=self._preloaded.pop(key))
                else:
                    widget = spec.factory(self.ws, self)
            except CunwuError as exc:
                widget = self._broken_page(str(exc))
            except Exception:
                log.exception("page %s could not be built", key)
                widget = self._broken_page(self.tr("页面出错，详情已记入日志：%1").replace("%1", str(self.ws.log_path)))
            index = self.stack.indexOf(placeholder)
            self.stack.insertWidget(index, widget)
            if self.stack.currentWidget() is placeholder:  # else removing it shows another page first
                self.stack.setCurrentWidget(widget)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._pages[key] = widget
        return self._pages[key]

    def _loading_note(self, placeholder: QWidget) -> None:
        label = QLabel(self.tr("正在打开数据库…"))
        label.setObjectName("loadingNote")
        label.setStyleSheet("color: gray; padding: 12px;")
        layout = QVBoxLayout(placeholder)
        layout.addWidget(label)
        layout.addStretch(1)

    def _broken_page(self, message: str) -> QWidget:
        widget = QWidget()
        label = QLabel(message)
        label.setWordWrap(True)
        label.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        QVBoxLayout(widget).addWidget(label, 0, QtCore.Qt.AlignmentFlag.AlignTop)
        return widget

    def show_page(self, key: str) -> None:
        keys = self.page_keys()
        if key not in keys:
            return
        row = keys.index(key)
        if self.sidebar.currentRow() != row:
            self.sidebar.setCurrentRow(row)  # comes back through _on_row_changed
        else:
            self._on_row_changed(row)

    def _on_row_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self._specs[row].key
        if self.ws is None:  # a shell: the page is built by attach()
            self.stack.setCurrentWidget(self._placeholders[key])
            return
        page = self.page(key)
        self.stack.setCurrentWidget(page)
        self.settings.last_page = key
        self.new_action.setEnabled(callable(getattr(page, "new_item", None)))
        self.find_action.setEnabled(callable(getattr(page, "focus_search", None)))
        hook = getattr(page, "page_shown", None)
        if callable(hook):
            hook()
        self.page_changed.emit(key)

    def _call_hook(self, name: str) -> None:
        hook = getattr(self.current_page(), name, None)
        if callable(hook):
            hook()

    # --- closing ----------------------------------------------------------------------------
    def save_state(self) -> None:
        settings = self.settings
        settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        key = self.current_key()
        if key:
            settings.last_page = key
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
