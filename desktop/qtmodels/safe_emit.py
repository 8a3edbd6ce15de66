"""Emitting Qt signals from Python without losing a reference to ``True``.

PySide6 6.12.0 (seen with CPython 3.11) returns ``True`` from ``SignalInstance.emit()`` without
taking a reference for it, so every emit from Python gives back a reference to ``True`` that was
never taken. After some thousands of emits the interpreter aborts ("Fatal Python error:
bool_dealloc: deallocating True or False") — one paste into a 10,000-row roster is enough.

`emit(signal, *args)` emits and, when this PySide has the bug (measured once, at import), takes
the missing reference back. On a fixed PySide, or on Python 3.12+ where ``True`` is immortal, the
measurement finds nothing to repair and `emit` is a plain emit.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    fired = Signal()


def _emit_drops_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    lost = before - sys.getrefcount(True)
    if lost > 0:  # give back what the measurement itself took
        for _ in range(lost):
            _incref(True)
    probe.deleteLater()
    return lost >= 8


_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None
EMIT_DROPS_A_REFERENCE = _emit_drops_a_reference()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, safe to call any number of times."""
    signal.emit(*args)
    if EMIT_DROPS_A_REFERENCE:
        _incref(True)
