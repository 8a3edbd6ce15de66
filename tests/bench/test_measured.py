"""bench/measured.py: a whole process's own wall time, CPU time and peak memory, whatever the size of
the benchmark that runs it (wait4's ru_maxrss of a child forked from it starts at its size)."""

from __future__ import annotations

import sys

import pytest

from bench.print_process import timed


def test_a_process_peak_is_its_own_not_the_benchmarks():
    ballast = bytearray(300 * 1024 * 1024)  # the benchmark grown to some 300 MB
    ballast[::4096] = b"x" * len(ballast[::4096])  # (touched: resident)
    wall, cpu, small = timed([sys.executable, "-c", "x = bytearray(2 * 1024 * 1024)"])
    _, _, large = timed([sys.executable, "-c", "x = bytearray(80 * 1024 * 1024); x[::4096] = b'y' * len(x[::4096])"])
    assert small < 100 * 1024 < 300 * 1024  # KiB: an interpreter's few MB, not the 300 MB here
    assert 80 * 1024 < large < small + 120 * 1024
    assert 0 < cpu <= wall * 2 + 0.5
    del ballast


def test_a_failing_process_is_reported_with_its_error():
    with pytest.raises(RuntimeError, match="exit 3.*gone wrong"):
        timed([sys.executable, "-c", "import sys; sys.stderr.write('gone wrong'); sys.exit(3)"])
