"""Unmasked internal copies are audited first and written whole or not at all; every notice carries
the audit chain's head."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from models.cli import main
from models.entities import AuditEvent
from models.printing import jobs
from models.printing.jobs import NoticePrinter
from models.services.context import Actor, ServiceContext, chain_head
from models.storage import open_database
from models.storage import private as private_files

from .test_notices import id_number
from .test_print_cli import village_db  # noqa: F401 - the fixture
from .test_render import all_text, page_texts, squeezed


def unmasked_events(db_path) -> list[AuditEvent]:
    db = open_database(Path(db_path))
    try:
        with db.read_session() as s:
            return list(s.execute(select(AuditEvent).where(AuditEvent.action == "print.unmasked")).scalars())
    finally:
        db.dispose()


def test_a_failing_write_leaves_no_file_and_no_temp_but_the_audit(village_db, tmp_path, monkeypatch, capsys):  # noqa: F811
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "internal.pdf"

    def disk_full(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(private_files.os, "replace", disk_full)
    code = main(["--db", village_db["db"], "print", str(village_db["roster"]), "--out", str(out), "--unmasked"])
    assert code == 1
    assert list(out_dir.iterdir()) == []  # neither the file nor its temp
    events = unmasked_events(village_db["db"])
    assert len(events) == 1 and events[0].target_id == str(village_db["roster"])
    assert events[0].detail["out"] == str(out)


def test_a_failing_render_leaves_no_file_but_the_audit(village_db, tmp_path, monkeypatch):  # noqa: F811
    out = tmp_path / "internal.pdf"

    def broken(*_a, **_k):
        raise RuntimeError("renderer broke")

    monkeypatch.setattr(jobs, "render", broken)
    db = open_database(Path(village_db["db"]))
    try:
        with pytest.raises(RuntimeError):
            NoticePrinter(ServiceContext(db, Actor("王文书"))).print_disclosure(village_db["roster"], out, unmasked=True)
    finally:
        db.dispose()
    assert not out.exists() and list(tmp_path.glob(".internal.pdf.*")) == []
    assert len(unmasked_events(village_db["db"])) == 1


_KILLED_WRITER = """
import os, signal, sys
from models.storage import private
def killed(*_a, **_k):
    os.kill(os.getpid(), signal.SIGKILL)  # the power cut between the temp file and the rename
private.os.replace = killed
from models.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL and file modes are POSIX")
def test_a_kill_mid_write_leaves_a_trace_and_no_readable_copy(village_db, tmp_path):  # noqa: F811
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "internal.pdf"
    args = ["--db", village_db["db"], "print", str(village_db["roster"]), "--out", str(out), "--unmasked"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    proc = subprocess.run([sys.executable, "-c", _KILLED_WRITER, *args], env=env, capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL
    assert not out.exists()
    leftovers = list(out_dir.iterdir())
    assert all(p.stat().st_mode & 0o077 == 0 for p in leftovers)  # a temp may survive a kill: owner-only
    assert len(unmasked_events(village_db["db"])) == 1  # committed before a byte was written
    # the next print to the same place clears what the killed one left
    assert main(args) == 0
    assert [p.name for p in out_dir.iterdir()] == ["internal.pdf"]
    assert (out.stat().st_mode & 0o777) == 0o600
    assert id_number(1) in all_text(out.read_bytes())
    assert len(unmasked_events(village_db["db"])) == 2


def test_every_page_carries_the_chain_head(village_db, tmp_path):  # noqa: F811
    out = tmp_path / "notice.pdf"
    assert main(["--db", village_db["db"], "print", str(village_db["roster"]), "--out", str(out)]) == 0
    db = open_database(Path(village_db["db"]))
    try:
        head = chain_head(db)
    finally:
        db.dispose()
    pages = page_texts(out.read_bytes())
    assert len(pages) > 1
    assert all(squeezed(head.text) in squeezed(p) for p in pages)


def test_the_month_bundle_carries_the_chain_head(village_db, tmp_path):  # noqa: F811
    out = tmp_path / "bundle.pdf"
    assert main(["--db", village_db["db"], "print", "due", "--month", "2026-07", "--out", str(out)]) == 0
    pages = page_texts(out.read_bytes())
    assert pages and all("审计链第" in squeezed(p) for p in pages)
