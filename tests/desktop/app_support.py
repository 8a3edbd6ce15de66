"""Timers for tests that run the whole app (`run_gui`'s own event loop): every timer a test starts is
stopped after it, and a window is closed once what the test waits for holds."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.main_window import MainWindow

_TIMERS: list[QTimer] = []


@pytest.fixture(autouse=True)
def _stop_timers():
    """A quit timer outliving its test would fire in a later one: QApplication.quit() outside exec()
    makes every nested event loop after it return at once (waits time out, windows never activate)
    until the next exec(). Import this fixture into a test module to have it there."""
    yield
    for timer in _TIMERS:
        timer.stop()
    _TIMERS.clear()


def after(ms: int, fn) -> None:
    """Call ``fn`` once, ``ms`` from now (a timer stopped at the end of the test)."""
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(fn)
    timer.start(ms)
    _TIMERS.append(timer)


def close_when(condition, seen: list, every_ms: int = 50) -> None:
    """Close the main window once ``condition(window)`` holds (checked every ``every_ms``), after
    appending it to ``seen``; the app quits after 15 s whatever happens (never hang the suite)."""
    def poll():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible() and condition(w):
                seen.append(w)
                w.close()
                return
        after(every_ms, poll)
    after(every_ms, poll)
    after(15_000, QApplication.instance().quit)
