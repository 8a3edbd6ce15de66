"""`cunwu print --out` and `cunwu catalog export` follow one output-file rule (issue 11, part 5): a
folder, device or symbolic link is refused with a one-line message and left as it was; missing
folders are created by both."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest

from models.cli import main
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData


@pytest.fixture
def db(empty_village, db_path) -> str:
    _db, ctx = empty_village
    CatalogService(ctx).add(ItemData(code="CW-01", group="财务", name="财务收支", category="财务",
                                     timing=TimingRule("monthly", day=10), channels=("村务微信群",)))
    return str(db_path)


def _print(db: str, out: Path | str) -> int:
    return main(["--db", db, "print", "catalog", "--out", str(out)])


def _export(db: str, out: Path | str) -> int:
    return main(["--db", db, "catalog", "export", str(out)])


WRITERS = {"print": (_print, ".pdf"), "export": (_export, ".xlsx")}


@pytest.mark.parametrize("writer", WRITERS)
def test_missing_folders_are_created_by_both(db, tmp_path, capsys, writer):
    run, suffix = WRITERS[writer]
    out = tmp_path / "新建" / "七月" / f"目录{suffix}"
    assert run(db, out) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF" if suffix == ".pdf" else b"PK")
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # no temp file left beside it


@pytest.mark.parametrize("writer", WRITERS)
def test_a_symlink_is_refused_and_kept(db, tmp_path, capsys, writer):
    run, suffix = WRITERS[writer]
    real = tmp_path / f"别处{suffix}"
    real.write_bytes(b"someone else's file")
    link = tmp_path / f"目录{suffix}"
    link.symlink_to(real)
    assert run(db, link) == 1
    err = capsys.readouterr().err
    assert f"无法写入 {link}：它是符号链接，不是普通文件" in err and "Traceback" not in err
    assert link.is_symlink() and real.read_bytes() == b"someone else's file"


@pytest.mark.parametrize("writer", WRITERS)
def test_a_folder_is_refused(db, tmp_path, capsys, writer):
    run, suffix = WRITERS[writer]
    folder = tmp_path / f"目录{suffix}"
    folder.mkdir()
    assert run(db, folder) == 1
    assert "它是文件夹，不是普通文件" in capsys.readouterr().err
    assert folder.is_dir() and list(folder.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_a_device_is_refused_by_export(db, capsys):
    assert _export(db, "/dev/null") == 1
    assert "无法写入 /dev/null：它是设备" in capsys.readouterr().err
    assert not Path("/dev/null").is_file()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes")
def test_a_pipe_named_like_a_pdf_is_refused_by_print(db, tmp_path, capsys):
    fifo = tmp_path / "目录.pdf"
    os.mkfifo(fifo)
    assert _print(db, fifo) == 1
    assert "它是管道" in capsys.readouterr().err


def test_an_export_replaces_an_existing_workbook_whole(db, tmp_path):
    out = tmp_path / "目录.xlsx"
    out.write_bytes(b"an older export")
    assert _export(db, out) == 0
    assert openpyxl.load_workbook(out).active["B4"].value == "CW-01"


def test_a_backup_follows_the_same_rule(empty_village, data_dir, tmp_path):
    from models.output_files import OutputPathError
    from models.services.backup import BackupService

    _db, ctx = empty_village
    svc = BackupService(ctx, data_dir)
    out = tmp_path / "新U盘" / "备份" / "village.cwbak"
    info = svc.backup(out)  # missing folders created, as for print and export
    assert info.path == out and out.stat().st_size > 0
    assert sorted(p.name for p in out.parent.iterdir()) == ["village.cwbak"]
    real = tmp_path / "other.cwbak"
    real.write_bytes(b"not a backup")
    link = tmp_path / "link.cwbak"
    link.symlink_to(real)
    with pytest.raises(OutputPathError, match="它是符号链接"):
        svc.backup(link)
    assert link.is_symlink() and real.read_bytes() == b"not a backup"
