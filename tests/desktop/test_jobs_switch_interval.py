"""While a job runs on a worker thread the GUI thread gets the GIL within 1 ms (desktop.workers.gui_first,
issue 13): Python's switch interval is 1 ms from the first job's start until the last one ends, then
what it was before."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QThreadPool

from desktop import workers


def test_the_switch_interval_is_short_while_jobs_run_and_restored_after_the_last(qtbot):
    before = sys.getswitchinterval()
    gates = [threading.Event(), threading.Event()]
    started = [threading.Event(), threading.Event()]
    seen: list[float] = []

    def work(n):
        def fn(_progress, _cancelled):
            started[n].set()
            gates[n].wait(10)
            seen.append(sys.getswitchinterval())
            return n
        return fn

    jobs = [workers.keep_until_done(workers.Job(work(n))) for n in (0, 1)]
    finished: list[int] = []
    for job in jobs:
        job.signals.finished.connect(finished.append)
        workers.start(job)
    assert started[0].wait(10) and started[1].wait(10)
    assert sys.getswitchinterval() == workers.SWITCH_INTERVAL_S
    gates[0].set()  # one ends, the other still runs: still short
    qtbot.waitUntil(lambda: finished == [0], timeout=10_000)
    assert sys.getswitchinterval() == workers.SWITCH_INTERVAL_S
    gates[1].set()
    qtbot.waitUntil(lambda: sorted(finished) == [0, 1], timeout=10_000)
    QThreadPool.globalInstance().waitForDone(10_000)
    assert seen == [workers.SWITCH_INTERVAL_S] * 2 and sys.getswitchinterval() == before


def test_a_failing_job_gives_the_interval_back(qtbot):
    before = sys.getswitchinterval()

    def fn(_progress, _cancelled):
        raise ValueError("坏了")

    job = workers.keep_until_done(workers.Job(fn))
    failed: list[Exception] = []
    job.signals.failed.connect(failed.append)
    workers.start(job)
    qtbot.waitUntil(lambda: bool(failed), timeout=10_000)
    QThreadPool.globalInstance().waitForDone(10_000)
    assert str(failed[0]) == "坏了" and sys.getswitchinterval() == before
