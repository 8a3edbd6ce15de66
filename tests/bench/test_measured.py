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


def test_per_row_rounds_time_the_three_prints_in_turn_and_take_the_ratio_within_each_round(monkeypatch, capsys, tmp_path):
    """The flatness figure: each round prints the floor, 10,000 and 100,000 rows in a rotating order
    and divides within the round, so a machine slow for a minute slows all three alike."""
    import bench.print_process as bp

    calls: list[str] = []
    speed = iter([1.0, 1.0, 1.0, 1.5, 1.5, 1.5, 1.2, 1.2, 1.2])  # the machine's speed, round by round

    def fake_timed(cmd, extra=None):
        record = cmd[cmd.index("print") + 1]
        calls.append(record)
        base = {"7": 0.3, "8": 0.3 + 0.6, "9": 0.3 + 6.6}[record]  # 60 µs and 66 µs a row above the floor
        return base, base * next(speed), 1000

    monkeypatch.setattr(bp, "timed", fake_timed)
    bp._per_row_rounds(tmp_path / "v.sqlite3", tmp_path, tmp_path, 7, 8, 10_000, 9, rounds=3)
    assert calls == ["7", "8", "9", "8", "9", "7", "9", "7", "8"]
    out = capsys.readouterr().out
    assert out.count("(1.10)") == 3 and "median ratio 1.10" in out and "60 / 66 µs" in out


def test_instructions_per_row_are_counted_above_the_floor_and_between_sizes(monkeypatch, capsys, tmp_path):
    import bench.print_process as bp

    floor, table = 900_000_000, 100_000_000  # a table's cost once, then 400k a row to 10,000 rows, 440k beyond
    counted = {"7": floor, "6": floor + table + 1_000 * 400_000, "8": floor + table + 10_000 * 400_000,
               "9": floor + table + 10_000 * 400_000 + 90_000 * 440_000}
    monkeypatch.setattr(bp, "_instructions", lambda cmd: counted[cmd[cmd.index("print") + 1]])
    monkeypatch.setattr(bp, "timed", lambda cmd, extra=None: (0.1, 0.1, 1000))
    monkeypatch.setattr(bp.shutil, "which", lambda name: "/usr/bin/valgrind")
    bp._instructions_per_row(tmp_path / "v.sqlite3", tmp_path, tmp_path, 7, {1_000: 6, 10_000: 8, 100_000: 9})
    out = capsys.readouterr().out
    assert "above the floor 500.0 thousand at 1,000, 410.0 thousand at 10,000, 437.0 thousand at 100,000" in out
    assert "400.0 thousand from 1,000 to 10,000, 440.0 thousand from 10,000 to 100,000" in out
    assert "(ratio to the first: 1.000, 1.100;" in out
    commands = []
    monkeypatch.setattr(bp, "_instructions", lambda cmd: commands.append(cmd) or counted[cmd[cmd.index("print") + 1]])
    bp._instructions_per_row(tmp_path / "v.sqlite3", tmp_path, tmp_path, 7, {1_000: 6, 10_000: 8, 100_000: 9},
                             "--landscape")
    assert "instructions per row (--landscape) (valgrind" in capsys.readouterr().out
    assert len(commands) == 4 and all(cmd[-1] == "--landscape" for cmd in commands), "the floor too"
    monkeypatch.setattr(bp.shutil, "which", lambda name: None)
    bp._instructions_per_row(tmp_path / "v.sqlite3", tmp_path, tmp_path, 7, {1_000: 6, 10_000: 8, 100_000: 9})
    assert "valgrind is not installed" in capsys.readouterr().out


def test_rows_set_smaller_are_counted_upright_and_in_landscape(empty_village, db_path, capsys):
    """The rows of a table too wide for the paper upright (long sums) have cells set smaller, and
    none in landscape; a table that fits has none either way."""
    from datetime import date
    from decimal import Decimal

    import bench.print_process as bp
    from models.rules.money import amount_of
    from models.rules.timing import TimingRule
    from models.services.catalog import CatalogService, ItemData
    from models.services.context import Actor, ServiceContext
    from models.services.disclosures import DisclosureService
    from tests.models.printing.test_notices import roster_rows

    db, ctx = empty_village
    CatalogService(ctx).add(ItemData(code="DL-01", group="惠农补贴", name="耕地地力保护补贴",
                                     timing=TimingRule("quarterly", day=20), posting_days=7,
                                     default_kind="roster", roster_preset="dili"))
    svc = DisclosureService(ctx, clock=lambda: date(2026, 7, 20))
    reviewer = DisclosureService(ServiceContext(db, Actor("李监委", "reviewer")), clock=lambda: date(2026, 7, 20))
    wide = roster_rows(6)
    for k, row in enumerate(wide):  # a few points too wide upright: long group names, nine-digit areas
        row["group"], row["remark"] = f"第{k + 10}村民小组", "新增户"
        row["quantity"] = str(Decimal("333333333.25") + k)
        row["amount"] = str(amount_of(Decimal(row["quantity"]), Decimal(row["rate"])))
    records = {}
    for n, rows in ((6, wide), (7, roster_rows(7))):
        record = svc.create("DL-01", f"2026-Q{n - 5}", "名单", rows=rows)
        svc.submit(record.id)
        reviewer.approve(record.id, "李监委")
        svc.post(record.id, start="2026-07-18")
        records[n] = record.id
    bp._set_smaller(db_path, records)
    out = capsys.readouterr().out
    assert "upright 6 of 6, 0 of 7; in landscape 0 of 6, 0 of 7" in out, out


def test_ctrl_p_is_reported_against_its_floor(capsys):
    """Each Ctrl+P line is followed by its floor (`cunwu print` of the same record as a whole process),
    the ratio of the first page on screen to it, and whether the floor wrote the preview's bytes."""
    import bench.gui_actions as ga

    results = {"Ctrl+P → first preview page (10,000 rows)": [ga.Result("x", 0.5, 0.04, 0.9)] * 3,
               "Ctrl+P → first preview page (1,000 rows)": [ga.Result("x", 0.12, 0.04, 0.2)] * 3,
               "Esc back to the list (list painted)": [ga.Result("x", 0.02, 0.03, 0.02)] * 3}
    ga._report(results, 3, {10_000: (0.8, True), 1_000: (0.3, False)})
    lines = capsys.readouterr().out.splitlines()
    big = lines.index(next(line for line in lines if "(10,000 rows)" in line))
    assert "800 ms (the same bytes) → the first page on screen at 0.62× the floor" in lines[big + 1]
    small = lines.index(next(line for line in lines if "(1,000 rows)" in line))
    assert "300 ms (NOT the preview's bytes) → the first page on screen at 0.40× the floor" in lines[small + 1]
    assert sum("floor:" in line for line in lines) == 2, "only the Ctrl+P lines have a floor"
