"""GUI fixtures: a fresh settings folder, the app configured like create_app(), recorded dialogs.

No real modal box ever opens: every function of `desktop.dialogs` is replaced by a recorder whose
answers a test sets (`dialog_calls.confirm_answer = False`, `dialog_calls.open_path = …`).
Teardown waits for the thread pool so no worker outlives its database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool

from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData

# The village fixtures the records, start page, workflow and printing tests share.
from .records_support import (  # noqa: F401
    editor_calls,
    make_village_window,
    records,
    records_page,
    show_page,
    today,
    village_ws,
)


@dataclass
class DialogRecorder:
    calls: list[tuple[str, str, str]] = field(default_factory=list)
    confirm_answer: bool = True
    open_path: Path | None = None
    save_path: Path | None = None
    folder_path: Path | None = None
    choice: int | None = None
    ask_answer: int | None = None  # the button `dialogs.ask` returns (None: closed with Esc)

    def of(self, kind: str) -> list[tuple[str, str, str]]:
        return [c for c in self.calls if c[0] == kind]

    def texts(self, kind: str) -> str:
        return "\n".join(f"{c[1]}\n{c[2]}" for c in self.of(kind))


@pytest.fixture
def settings(tmp_path):
    from desktop.settings import Settings

    return Settings(tmp_path / "settings")


@pytest.fixture(autouse=True)
def _gui_app(qapp, settings):
    from desktop.app import configure_app

    configure_app(qapp, settings)
    yield qapp
    QThreadPool.globalInstance().waitForDone(10_000)


@pytest.fixture(autouse=True)
def dialog_calls(monkeypatch):
    from desktop import dialogs

    rec = DialogRecorder()

    def message(kind):
        def show(title, text, *args, **kwargs):
            headline, lines = dialogs.describe_error(text)
            rec.calls.append((kind, title, "\n".join(x for x in (headline, lines) if x)))
        return show

    def confirm(title, text, **kwargs):
        rec.calls.append(("confirm", title, text))
        return rec.confirm_answer

    def open_file(title, filters="", *, purpose, **kwargs):
        assert purpose in dialogs.PURPOSES  # every file dialog says what it is for (its folder)
        rec.calls.append(("open_file", title, filters))
        return rec.open_path

    def save_file(title, filters="", *, purpose, **kwargs):
        assert purpose in dialogs.PURPOSES
        rec.calls.append(("save_file", title, str(kwargs.get("suggested", ""))))
        return rec.save_path

    def choose_folder(title, *, purpose, **kwargs):
        assert purpose in dialogs.PURPOSES
        rec.calls.append(("choose_folder", title, str(kwargs.get("current", ""))))
        return rec.folder_path

    def choose(title, label, options, **kwargs):
        rec.calls.append(("choose", title, "\n".join(options)))
        return rec.choice

    def ask(title, text, buttons, **kwargs):
        rec.calls.append(("ask", title, "\n".join([text, kwargs.get("informative", ""), *buttons])))
        return rec.ask_answer

    monkeypatch.setattr(dialogs, "ask", ask)
    for kind in ("info", "warn", "error"):
        monkeypatch.setattr(dialogs, kind, message(kind))
    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "open_file", open_file)
    monkeypatch.setattr(dialogs, "save_file", save_file)
    monkeypatch.setattr(dialogs, "choose", choose)
    monkeypatch.setattr(dialogs, "choose_folder", choose_folder)
    return rec


@pytest.fixture
def workspace(empty_village, settings, db_path, data_dir):
    from desktop.workspace import Workspace

    db, _ctx = empty_village
    return Workspace.open(db, user=None, db_path=db_path, data_dir=data_dir, settings=settings)


SAMPLE_ITEMS = (
    ItemData(code="CW-01", category="村务", group="村务管理", name="村务公开栏更新情况",
             content="公开栏更新的内容与时间", timing=TimingRule("quarterly", day=20),
             channels=("社区/村公示栏(电子屏)", "村务微信群")),
    ItemData(code="CF-01", category="财务", group="财务收支", name="村级财务收支情况",
             timing=TimingRule("monthly", day=10), channels=("社区/村公示栏(电子屏)",)),
    ItemData(code="DW-01", category="党务", group="党组织建设", name="发展党员情况",
             timing=TimingRule("within_days", days=10, working=True), channels=("社区/村公示栏(电子屏)", "村民会议")),
)


@pytest.fixture
def sample_items(workspace):
    """Three items (村务, 财务, 党务) added through the service."""
    service = CatalogService(workspace.ctx)
    for item in SAMPLE_ITEMS:
        service.add(item)
    return list(SAMPLE_ITEMS)


@pytest.fixture
def make_window(qtbot, workspace):
    """Build a main window over the test database; several calls share the settings folder."""
    from desktop.main_window import MainWindow

    def make():
        window = MainWindow(workspace)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):  # window shortcuts (Ctrl+N, Ctrl+F) need the active window
            window.show()
            window.activateWindow()
        return window

    return make


@pytest.fixture
def catalog_page(qtbot, workspace, sample_items):
    from desktop.pages.catalog_page import CatalogPage

    return show_page(qtbot, CatalogPage(workspace), 1100, 700)


@pytest.fixture
def template_resources(tmp_path, monkeypatch):
    """A resources folder holding one village template (the shipped one may be half-written)."""
    root = tmp_path / "resources"
    (root / "templates").mkdir(parents=True)
    doc = {
        "id": "test-village", "name": "测试村级目录", "mode": "village",
        "groups": [{"name": "村务管理", "category": "村务", "items": [
            {"code": "CW-01", "name": "村规民约", "timing": {"kind": "immediate"},
             "channels": ["社区/村公示栏(电子屏)"]},
            {"code": "CW-02", "name": "村民会议决定", "timing": {"kind": "within_days", "days": 5, "working": True},
             "channels": ["社区/村公示栏(电子屏)", "村务微信群"]},
        ]}],
    }
    (root / "templates" / "test-village.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("CUNWU_RESOURCES", str(root))
    return root
