"""Long work off the GUI thread: a `QRunnable` on the global `QThreadPool` with a signal-owning QObject.

    job = Job(lambda progress, cancelled: export_catalog_xlsx(ctx, path))
    job.signals.finished.connect(self._exported)     # result object
    job.signals.failed.connect(self._failed)         # the exception
    start(job)

The function receives ``progress(done, total, text)`` to report progress and ``cancelled()`` to poll
for a cancel request; services that take neither simply ignore them. Results arrive on the GUI
thread through queued signals; keep a reference to the job until one of them arrives. Tests wait for the pool at teardown.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRunnable, QThreadPool, QTimer, Signal

log = logging.getLogger("cunwu.desktop")


class JobSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Job(QRunnable):
    def __init__(self, fn: Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]):
        super().__init__()
        self.fn = fn
        self.signals = JobSignals()
        self._cancel = threading.Event()
        # The caller keeps the job until a result signal arrives, so its signals object outlives the
        # queued delivery; Qt must not delete it behind Python's back.
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            with gui_first():
                result = self.fn(self.signals.progress.emit, self.is_cancelled)
        except BaseException as exc:  # handed to the GUI thread, which shows or re-raises it
            if not isinstance(exc, Exception):
                raise
            from models.storage.faults import fault_for

            # A full disk or a read-only folder met writing a file reads as such, like any refusal.
            self.signals.failed.emit(fault_for(exc) or exc)
            return
        if self._cancel.is_set():
            self.signals.cancelled.emit()
        else:
            self.signals.finished.emit(result)


#: How long a job's thread may keep the GIL while the GUI thread waits for it, while jobs run.
SWITCH_INTERVAL_S = 0.001
_switching = 0  # jobs inside `gui_first`, under _switch_lock
_switch_lock = threading.Lock()
_interval_before = 0.005


@contextlib.contextmanager
def gui_first():
    """While a job runs (every `Job` does, inside this), the interpreter hands the GIL to a waiting
    thread after 1 ms instead of Python's 5 ms. The GUI thread needs the GIL for every Python call Qt
    makes into it — an item model's data(), an event filter, a timer's slot — and a job's thread busy
    in Python made it wait up to 5 ms each time: measured on the 10,000-row editor at load 2, the
    window answered Ctrl+S at 83–134 ms with 5 ms and at 49–58 ms with 1 ms, the longest stall on
    opening the editor fell from 100–127 ms to 72–76 ms. Only when a thread waits does it cost the
    job a switch. Python's interval comes back when the last job ends."""
    global _switching, _interval_before
    with _switch_lock:
        if _switching == 0:
            _interval_before = sys.getswitchinterval()
            sys.setswitchinterval(min(_interval_before, SWITCH_INTERVAL_S))
        _switching += 1
    try:
        yield
    finally:
        with _switch_lock:
            _switching -= 1
            if _switching == 0:
                sys.setswitchinterval(_interval_before)


_paused = 0  # jobs inside `collections_paused`, under _pause_lock
_pause_lock = threading.Lock()


@contextlib.contextmanager
def collections_paused():
    """No automatic garbage collection while a job builds many short-lived objects (a roster's
    render): a full collection walks every object the process holds and keeps the GIL meanwhile —
    measured at 113–175 ms on a 10,000-row render, a frozen window. The render's objects are freed by
    reference counting when it returns; collections resume when the last such job ends."""
    global _paused
    with _pause_lock:
        _paused += 1
        gc.disable()
    try:
        yield
    finally:
        with _pause_lock:
            _paused -= 1
            if _paused == 0:
                gc.enable()


def freeze_long_lived() -> None:
    """What start-up built (modules, the window, the open database) lives as long as the process: out of
    the collector's sight from now on (gc.freeze), so a full collection — which holds the GIL, on
    whichever thread it runs — walks only what came later."""
    gc.freeze()


#: Steps after a first paint are chained with 1 ms timers, not 0: a 0 ms single shot is a posted
#: call, run before any waiting timer or input, so a chain of them is one long freeze.
NEXT_TURN_MS = 1


class AfterFirstPaint(QObject):
    """Runs `fn` once, right after the widget's first paint (or after 300 ms if it never paints, e.g.
    when the window starts minimised), so what it shows is on screen before slower work begins —
    start-up's steps, a large roster's load. A job started while the GUI thread paints takes the GIL
    from every Python call the paint makes (data(), sizeHint, event filters: each waits for the job's
    switch interval): measured on the 10,000-row editor (load 1.3–1.8), with its load started beside
    the first paint the window froze twice on opening, 56–74 ms and then ~75 ms while the load ran;
    started after the paint, once, 35–65 ms (constructing and painting the editor)."""

    def __init__(self, widget, fn: Callable[[], object]):
        super().__init__(widget)
        self.fn = fn
        self.done = False
        widget.installEventFilter(self)
        QTimer.singleShot(300, self.fire)

    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self.done:
            QTimer.singleShot(NEXT_TURN_MS, self.fire)
        return False

    def fire(self) -> None:
        if not self.done:
            self.done = True
            self.parent().removeEventFilter(self)  # one per save of a large roster: none left behind
            self.deleteLater()
            self.fn()


# On a one-core PC (or a process pinned to one core) Qt sizes the global pool to one thread: a slow
# job — a month's print, a large record being read — would then hold back every other, e.g. the
# record the clerk selected next. Two threads at least, whatever the core count.
MIN_THREADS = 2


def _pool(pool: QThreadPool | None) -> QThreadPool:
    pool = pool or QThreadPool.globalInstance()
    if pool.maxThreadCount() < MIN_THREADS:
        pool.setMaxThreadCount(MIN_THREADS)
    return pool


# Jobs still running, kept here until they report: the pool does not own them (Job), and a window
# closed mid-job must not take its job's C++ object with it.
_running: set[Job] = set()


def keep_until_done(job: Job) -> Job:
    _running.add(job)

    def release(*_args) -> None:
        _running.discard(job)

    for signal in (job.signals.finished, job.signals.failed, job.signals.cancelled):
        signal.connect(release)
    return job


def start(job: Job, pool: QThreadPool | None = None) -> Job:
    _pool(pool).start(job)
    return job


def withdraw(job: Job, pool: QThreadPool | None = None) -> bool:
    """Take a job back before it started (True); one already running goes on (False)."""
    return _pool(pool).tryTake(job)
