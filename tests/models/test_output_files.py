"""Output files (issue 11, part 5): written whole through a temp file beside the target and renamed;
a target that is not a regular file refused; missing folders created — the same for every writer."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from models.output_files import OutputPathError, check_output_path, write_output


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_bytes_are_written_and_replace_an_existing_file(tmp_path):
    target = tmp_path / "公告.pdf"
    target.write_bytes(b"old")
    assert write_output(target, b"%PDF new") == target
    assert target.read_bytes() == b"%PDF new"
    assert _temps(tmp_path) == []


def test_a_writer_function_streams_into_the_file(tmp_path):
    target = tmp_path / "目录.xlsx"
    write_output(target, lambda handle: handle.write(b"PK streamed"))
    assert target.read_bytes() == b"PK streamed"


def test_a_failed_write_leaves_the_old_file_and_no_temp(tmp_path):
    target = tmp_path / "公告.pdf"
    target.write_bytes(b"old notice")

    def broken(handle):
        handle.write(b"half")
        raise RuntimeError("renderer died")

    with pytest.raises(RuntimeError):
        write_output(target, broken)
    assert target.read_bytes() == b"old notice"
    assert _temps(tmp_path) == []


def test_the_temp_file_is_beside_the_target(tmp_path, monkeypatch):
    seen: list[Path] = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append(Path(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    write_output(tmp_path / "a.pdf", b"x")
    assert seen[0].parent == tmp_path and seen[0].name.startswith(".a.pdf.") and seen[0].suffix == ".tmp"


def test_missing_folders_are_created(tmp_path):
    target = tmp_path / "公告" / "2026-07" / "名单.pdf"
    write_output(target, b"%PDF")
    assert target.read_bytes() == b"%PDF"


def test_a_folder_part_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "公告").write_text("not a folder")
    with pytest.raises(OutputPathError, match=r"公告 不是文件夹"):
        write_output(tmp_path / "公告" / "名单.pdf", b"%PDF")


def test_a_folder_as_target_is_refused(tmp_path):
    folder = tmp_path / "名单.pdf"
    folder.mkdir()
    with pytest.raises(OutputPathError, match="它是文件夹，不是普通文件"):
        write_output(folder, b"%PDF")
    assert folder.is_dir() and _temps(tmp_path) == []


def test_a_symlink_is_refused_and_neither_it_nor_its_target_changes(tmp_path):
    real = tmp_path / "真实.pdf"
    real.write_bytes(b"keep me")
    link = tmp_path / "链接.pdf"
    link.symlink_to(real)
    with pytest.raises(OutputPathError, match="它是符号链接"):
        write_output(link, b"%PDF")
    assert link.is_symlink() and real.read_bytes() == b"keep me"
    dangling = tmp_path / "悬空.pdf"
    dangling.symlink_to(tmp_path / "nowhere.pdf")
    with pytest.raises(OutputPathError, match="符号链接"):
        write_output(dangling, b"%PDF")
    assert not (tmp_path / "nowhere.pdf").exists()


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_a_device_is_refused():
    with pytest.raises(OutputPathError, match="/dev/null：它是设备"):
        check_output_path("/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)  # still the device, not a file


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes")
def test_a_pipe_is_refused(tmp_path):
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    with pytest.raises(OutputPathError, match="它是管道"):
        write_output(fifo, b"%PDF")


def test_a_name_that_is_no_file_name_is_refused(tmp_path):
    with pytest.raises(OutputPathError, match="请给出文件名"):
        check_output_path(tmp_path / "..")


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_public_files_get_ordinary_permissions_and_internal_copies_stay_owner_only(tmp_path):
    old = os.umask(0o022)
    try:
        public = write_output(tmp_path / "公告.pdf", b"%PDF")
        internal = write_output(tmp_path / "内部资料.pdf", b"%PDF", private=True)
    finally:
        os.umask(old)
    assert stat.S_IMODE(public.stat().st_mode) == 0o644
    assert stat.S_IMODE(internal.stat().st_mode) == 0o600


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_read_only_folder_is_a_message_naming_the_path(tmp_path):
    folder = tmp_path / "只读"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(OutputPathError, match=r"无法写入 .*只读.*公告\.pdf"):
            write_output(folder / "公告.pdf", b"%PDF")
    finally:
        folder.chmod(0o700)


def test_a_full_disk_is_named_and_leaves_the_old_file(tmp_path, monkeypatch):
    import errno

    target = tmp_path / "公告.pdf"
    target.write_bytes(b"old notice")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputPathError, match=r"无法写入 .*公告\.pdf：磁盘已满，未保存任何内容"):
        write_output(target, b"%PDF new")
    assert target.read_bytes() == b"old notice" and _temps(tmp_path) == []
