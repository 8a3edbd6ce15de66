"""A small sample of the two harnesses of issue 11 part 8, run in CI through the same code as
`make fuzz` and `make crash` (bench/fuzz.py, bench/crash.py): fixed seeds, a few dozen mutated inputs
through the real command line, and kill -9 trials of a whole `cunwu init`."""

from __future__ import annotations

import pytest

from bench.crash import crash
from bench.crash import report as crash_report
from bench.fuzz import fuzz
from bench.fuzz import report as fuzz_report


# CPU time is a few seconds each; on a loaded machine the wall time stretches, hence the timeouts.
@pytest.mark.timeout(300)
def test_fuzz_sample_has_no_internal_error_and_no_partial_write(tmp_path):
    summary = fuzz(50, seed=2026, folder=tmp_path / "fuzz")
    lines = "\n".join(fuzz_report(summary, 2026))
    bad = [(r.index, r.problems, r.stderr[-600:]) for r in summary.results if r.problems]
    assert not bad, f"{lines}\n{bad}"
    assert len(summary.in_process) == 50
    codes = {r.code for r in summary.in_process}
    assert {0, 1} <= codes, lines  # the mutations reach both acceptance and refusal
    assert "internal errors 0, partial writes 0" in lines


@pytest.mark.timeout(300)
def test_kill_sample_leaves_no_half_initialised_database(tmp_path):
    summary = crash(2, seed=2026, names=["init"], folder=tmp_path / "crash", failures_dir=tmp_path / "failed")
    lines = "\n".join(crash_report(summary, 2026))
    assert len(summary.trials) == 2
    assert not any(t.problems for t in summary.trials), lines
    assert "corrupt 0, acknowledged writes lost 0, half-done or half-initialised 0" in lines
