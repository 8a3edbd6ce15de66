"""The Qt binding the project installs must not leak references on signal emission.

PySide6 6.12.0 returned True from SignalInstance.emit() without a reference; a few thousand emits from
Python (a paste into a big roster, a long session) then abort the interpreter. pyproject excludes it;
this test fails loudly should a build with that defect be installed again.
"""

import sys

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    fired = Signal(int)


def test_plain_emit_keeps_reference_counts():
    probe = _Probe()
    seen = []
    probe.fired.connect(seen.append)
    before = sys.getrefcount(True)
    for n in range(200):
        probe.fired.emit(n)
    assert len(seen) == 200
    assert sys.getrefcount(True) >= before - 2  # immortal on 3.12+, unchanged on a sound build
