"""The page registry: how a page gets into the main window's sidebar without editing the window.

A page module in ``desktop/pages/`` registers itself when imported:

    from PySide6.QtCore import QT_TRANSLATE_NOOP
    from ..registry import register_page

    register_page("todo", QT_TRANSLATE_NOOP("Pages", "待办"), TodoPage, order=20)

* ``title`` is the Chinese source text in the translation context ``"Pages"``; the window
  translates it when it shows it (`PageSpec.display_title`).
* ``factory(workspace, parent) -> QWidget`` builds the page the first time it is shown (a page
  class with that constructor signature is a factory). A page class may also offer
  ``preload(workspace)`` (a static method that only reads, safe off the GUI thread): at start-up
  the window runs it on a worker thread for the page it opens on and builds the page with
  ``factory(workspace, parent, preloaded=<its result>)``, so the GUI thread reads nothing.
* ``when(workspace) -> bool`` (optional) hides a page that does not apply, e.g. township-only pages.
* ``order`` sorts the sidebar (catalog 10, about/settings 90; leave gaps).

`discover_pages()` registers the pages ``desktop.pages.LAZY`` lists without importing them (their
module loads when the page is first shown) and imports every other ``*_page`` module of
``desktop.pages`` so each registers itself; a module that fails to import is logged and left out, so only pages that work
are listed.

A page may offer these optional hooks, which the window's standard shortcuts call:
``focus_search()`` (Ctrl+F), ``new_item()`` (Ctrl+N) and ``page_shown()`` (each time it is shown).
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

log = logging.getLogger("cunwu.desktop")

PageFactory = Callable[..., QWidget]
TITLE_CONTEXT = "Pages"


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    factory: PageFactory
    icon: QIcon | str | None = None
    order: int = 100
    when: Callable[..., bool] | None = None

    @property
    def display_title(self) -> str:
        return QCoreApplication.translate(TITLE_CONTEXT, self.title)

    def applies_to(self, workspace) -> bool:
        if self.when is None:
            return True
        try:
            return bool(self.when(workspace))
        except Exception:
            log.exception("page %s: availability check failed", self.key)
            return False


_pages: dict[str, PageSpec] = {}


def register_page(key: str, title: str, factory: PageFactory, icon: QIcon | str | None = None, order: int = 100,
                  when: Callable[..., bool] | None = None) -> PageSpec:
    """Add (or replace, by key) a page. `icon` is a QIcon, a theme name or a file path."""
    spec = PageSpec(key=key, title=title, factory=factory, icon=icon, order=order, when=when)
    _pages[key] = spec
    return spec


def unregister_page(key: str) -> None:
    _pages.pop(key, None)


def registered_pages() -> list[PageSpec]:
    return sorted(_pages.values(), key=lambda p: (p.order, p.key))


def lazy_factory(target: str) -> PageFactory:
    """A factory that imports "module:attribute" when the page is first built."""
    module_name, _, attr = target.partition(":")

    def build(workspace, parent, **kw):
        return getattr(importlib.import_module(module_name), attr)(workspace, parent, **kw)

    build.target = target  # type: ignore[attr-defined]
    return build


def discover_pages(package: str = "desktop.pages") -> list[PageSpec]:
    pkg = importlib.import_module(package)
    lazy = {}
    for key, title, target, order in getattr(pkg, "LAZY", ()):
        module_name = target.partition(":")[0]
        lazy[module_name] = key
        if key not in _pages:  # a module imported earlier registered the real thing already
            register_page(key, title, lazy_factory(target), order=order)
    for mod in pkgutil.iter_modules(pkg.__path__, package + "."):
        # Page modules are named *_page; others in the package are parts of pages, loaded with them.
        if mod.name in lazy or not mod.name.endswith("_page"):
            continue
        try:
            importlib.import_module(mod.name)
        except Exception:
            log.exception("page module %s failed to import; its page is not shown", mod.name)
    return registered_pages()


def icon_of(spec: PageSpec) -> QIcon:
    if isinstance(spec.icon, QIcon):
        return spec.icon
    if not spec.icon:
        return QIcon()
    if "/" in spec.icon or "." in spec.icon:
        return QIcon(spec.icon)
    return QIcon.fromTheme(spec.icon)
