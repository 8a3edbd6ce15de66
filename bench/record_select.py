"""公开记录: an arrow key on the list, with a 10,000-row roster among the records — keypress to the
detail pane painted with the record's summary, and keypress to its findings painted (read by a worker).
Baseline, measured in the same run: what each arrow key used to cost on the GUI thread, the whole
record read and checked (`DisclosureService.get`) and then painted. In-process GUI figures (offscreen),
labelled as such. Goal: the summary painted in under a tenth of the baseline."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

ROWS = 10_000
IDS = ("410322196501011233", "410322197003150024", "410322198811204515")


def _village(folder: Path):
    from models.services.context import Actor, ServiceContext
    from models.services.disclosures import DisclosureService
    from models.services.setup import initialize
    from models.services.templates import default_template_id

    db = initialize(folder / "cunwu.sqlite3", mode="village", code="410322100201", name="测试村",
                    township="城关镇", operator="王文书", template_id=default_template_id("village"))
    ctx = ServiceContext(db, Actor("王文书"))
    svc = DisclosureService(ctx)
    people = [{"name": f"村民{n}", "id_number": IDS[n % 3], "amount": "300.00"} for n in range(ROWS)]
    roster = svc.create("CW-08", "2026-06-01", "2026年6月低保名单", rows=people)
    notice = svc.create("CW-22", "2026-Q1", "2026年第一季度村务监督委员会工作情况", body="本季度情况如下……")
    return db, ctx, roster.id, notice.id


def run() -> None:
    from PySide6.QtCore import Qt, QThreadPool
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.app import configure_app
    from desktop.pages.records_page import RecordsPage
    from desktop.settings import Settings
    from desktop.workspace import Workspace
    from models.services.disclosures import DisclosureData

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        settings = Settings(folder / "settings")
        configure_app(app, settings)
        db, _ctx, roster_id, notice_id = _village(folder)
        ws = Workspace.open(db, user=None, db_path=folder / "cunwu.sqlite3", data_dir=folder, settings=settings)
        page = RecordsPage(ws)
        page.resize(1280, 800)
        page.show()
        QTest.qWaitForWindowExposed(page)
        page.reload(select_id=notice_id)
        page.table_view.setFocus()
        row_of = {page.model.row_of(roster_id): roster_id, page.model.row_of(notice_id): notice_id}
        down_to_roster = page.model.row_of(roster_id) > page.model.row_of(notice_id)

        def paint() -> None:
            page.detail.summary.viewport().repaint()

        def wait_whole(timeout: float = 30.0) -> None:
            end = time.perf_counter() + timeout
            while not isinstance(page.current, DisclosureData) and time.perf_counter() < end:
                app.processEvents()
                time.sleep(0.001)
            paint()

        summary_times, whole_times = [], []
        for _ in range(5):
            for to_roster in (True, False):
                key = Qt.Key.Key_Down if down_to_roster == to_roster else Qt.Key.Key_Up
                wait_whole()
                t0 = time.perf_counter()
                QTest.keyClick(page.table_view, key)
                paint()
                t1 = time.perf_counter()
                wait_whole()
                t2 = time.perf_counter()
                if to_roster:
                    assert page.current.id == roster_id and len(page.current.rows) == ROWS, row_of
                    summary_times.append(t1 - t0)
                    whole_times.append(t2 - t0)

        # Baseline: the old arrow key — the whole record read and checked on the GUI thread, then painted.
        service = page.service
        old_times = []
        for _ in range(5):
            t0 = time.perf_counter()
            data = service.get(roster_id)
            page.detail.show_record(data)
            paint()
            old_times.append(time.perf_counter() - t0)
        QThreadPool.globalInstance().waitForDone(30_000)
        page.close()
        db.dispose()

    ours, whole, old = (statistics.median(t) for t in (summary_times, whole_times, old_times))
    print(f"record list, arrow key onto a {ROWS:,}-row roster (in-process, offscreen): summary painted "
          f"{ours * 1000:.1f} ms, findings painted {whole * 1000:.0f} ms (off the GUI thread); before: "
          f"{old * 1000:.0f} ms blocked per key; ratio {ours / old:.3f}× (goal ≤ 0.1×)")


if __name__ == "__main__":
    run()
