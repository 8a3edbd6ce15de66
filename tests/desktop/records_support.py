"""Fixtures for the start page, record list and workflow tests: a workspace over the standard village
catalog, the GUI moved to a fixed day, a recording stand-in for the disclosure editor, and records
put into each state through `DisclosureService` (never through the widgets under test).

The day is 2026-06-15 (a Monday) and the catalog was adopted on 2026-01-01: FW-04 村级财务收支明细
(monthly, due the 10th of the next month) of 2026-M04 is overdue since 2026-05-10; 2026-M05 is due
2026-06-10, this month.
"""

from __future__ import annotations

import sys
import types
from datetime import date

import pytest

TODAY = date(2026, 6, 15)
# Valid GB 11643 numbers (region 410322).
IDS = ("410322196501011233", "410322197003150024", "410322198811204515")


@pytest.fixture
def today(monkeypatch):
    """Every page, dialog and service the GUI builds sees TODAY."""
    from desktop import clock

    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def village_ws(village, settings, db_path, data_dir, today):
    from desktop.workspace import Workspace
    from models.services.setup import record_adoption

    db, ctx = village
    # Overdue counts from the catalog's adoption (else from setup, which is the real today).
    record_adoption(ctx, consulted_on=date(2025, 12, 20), adopted_on=date(2026, 1, 1), adopted_by="村民代表会议")
    return Workspace.open(db, user=None, db_path=db_path, data_dir=data_dir, settings=settings)


@pytest.fixture
def editor_calls(monkeypatch):
    """Replaces the per-kind editor: records (id, parent) and reports "saved"."""
    calls: list[int] = []
    fake = types.ModuleType("desktop.editors.disclosure_editor")

    def open_disclosure_editor(workspace, disclosure_id, parent=None, **_given):  # data, on_saved
        calls.append(disclosure_id)
        return True

    fake.open_disclosure_editor = open_disclosure_editor
    monkeypatch.setitem(sys.modules, "desktop.editors.disclosure_editor", fake)
    return calls


@pytest.fixture
def records(village_ws):
    """Make records in a given state: records.make("posted", item=..., period=...) -> DisclosureData."""
    return RecordMaker(village_ws)


class RecordMaker:
    def __init__(self, ws):
        from models.services.disclosures import DisclosureService

        self.ws = ws
        self.service = DisclosureService(ws.ctx, clock=lambda: TODAY)

    def make(self, state: str = "draft", *, item: str = "CW-22", period: str = "2026-Q1", title: str | None = None,
             body: str = "本季度情况如下……", posted_on: date = date(2026, 6, 12), days: int | None = None, **kw):
        s = self.service
        d = s.create(item, period, title if title is not None else f"{period} {item} 公告", body=body, **kw)
        if state == "draft":
            return d
        s.submit(d.id)
        if state == "submitted":
            return s.get(d.id)
        if state == "returned":
            return s.return_(d.id, "李监委", "请补充附件")
        s.approve(d.id, "李监委", "同意公开", on=posted_on)
        if state == "approved":
            return s.get(d.id)
        s.post(d.id, start=posted_on, days=days)
        return s.get(d.id)


def wait_whole(qtbot, page) -> None:
    """The records page shows a selected record's summary at once and its findings once a worker
    has read the whole record: wait for that."""
    from models.services.disclosures import DisclosureData

    # Generous: it returns as soon as the worker is done; a loaded CI machine may take seconds.
    qtbot.waitUntil(lambda: isinstance(page.current, DisclosureData) and page.detail.data is page.current,
                    timeout=30000)


def show_page(qtbot, page, width: int, height: int):
    """Show a page at a window's size and wait until it is on screen; returns it."""
    qtbot.addWidget(page)
    page.resize(width, height)
    with qtbot.waitExposed(page):
        page.show()
    return page


@pytest.fixture
def records_page(qtbot, village_ws, editor_calls):
    from desktop.pages.records_page import RecordsPage

    return show_page(qtbot, RecordsPage(village_ws), 1280, 800)


@pytest.fixture
def make_village_window(qtbot, village_ws):
    from desktop.main_window import MainWindow

    def make():
        window = MainWindow(village_ws)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window

    return make
