"""Process start → main window painted, against a bare PySide6 QMainWindow, with a ten-year village
database. Goal: ≤ 1.5× the bare window. Prints medians of several runs measured in this same run.

The window paints its frame (title, sidebar, status bar) before the data layer loads; the second
figure is the moment its start page has painted with the database open, and the third the longest
stall of the GUI thread in between (goal ≤ 100 ms)."""

from __future__ import annotations

import statistics

from .common import OUT, PY, ratio_line, time_until_marker, times_until_markers

BARE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1280, 800); w.setWindowTitle("bare")
class F(QObject):
    done = False
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            print("painted", time.time(), flush=True)
            QTimer.singleShot(0, app.quit)
        return False
f = F(); w.installEventFilter(f); w.show()
app.exec()
"""


# The same bare window in a process that has also loaded the data layer every start-up must load.
BARE_WITH_ORM = "import sqlalchemy.orm\n" + BARE


def run(runs: int = 7) -> None:
    from .gen_village import generate

    db = OUT / "village-10y.sqlite3"
    if not db.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        generate(db)
    data = OUT / "startup-data"
    bare, orm, ours, ready, stalls = [], [], [], [], []
    # Interleave so machine noise hits all alike; the first of each is a warm-up.
    for i in range(runs + 1):
        b = time_until_marker([PY, "-c", BARE])
        m = time_until_marker([PY, "-c", BARE_WITH_ORM])
        o, r, stall = times_until_markers([PY, "-m", "desktop.entry", "--db", str(db), "--data-dir", str(data)],
                                          ("painted", "ready"), env={"CUNWU_BENCH_EXIT_ON_PAINT": "1"},
                                          values=("stall",))
        if i:
            bare.append(b)
            orm.append(m)
            ours.append(o)
            ready.append(r)
            stalls.append(stall)
    t_ours = statistics.median(ours)
    print(ratio_line(f"start-up → main window painted (10-year village, median of {runs})",
                     t_ours, statistics.median(bare), "bare QMainWindow", "goal ≤ 1.5×"))
    t_ready = statistics.median(ready)
    print(ratio_line("start-up → start page built and shown (database open, 待办 computed)",
                     t_ready, statistics.median(bare), "bare QMainWindow", "for reference"))
    print(ratio_line("  same, against a bare QMainWindow that also imports SQLAlchemy's ORM",
                     t_ready, statistics.median(orm), "bare window + sqlalchemy.orm", "our own share"))
    stall = statistics.median(stalls)
    print(f"  longest GUI-thread stall between the window's first paint and its start page painted (5 ms timer): "
          f"{stall * 1000:.0f} ms, worst {max(stalls) * 1000:.0f} ms (goal ≤ 100 ms: {'met' if stall <= 0.1 else 'NOT met'})")


if __name__ == "__main__":
    run()
