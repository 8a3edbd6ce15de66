"""Files the app writes for the user — printed PDFs, the catalog workbook, the GUI's 保存为 PDF.

One rule for all of them, so ``cunwu print --out``, ``cunwu catalog export`` and the preview's save
behave alike:

- the target must be a regular file or not exist yet: a folder, a device (/dev/null, a printer
  port), a pipe or a symbolic link is refused with a message naming it — writing "through" a link or
  replacing a device node with a regular file is never what the clerk meant;
- missing folders on the way are created (the clerk typed or chose the path; a dialog only offers
  folders that exist, and ``--out 公告/2026-07/x.pdf`` from a script means "put it there"); a path
  whose folder part is an existing file is refused;
- the content goes to a temp file beside the target (same folder, so the rename cannot cross disks),
  is flushed to disk, and is renamed over the target: a failure or a kill leaves the old file as it
  was, never a half-written notice that opens as a broken PDF (a temp a kill left is swept by the
  next write to the same target, models.storage.private);
- the new file gets the user's ordinary permissions (umask), unless ``private`` (internal copies with
  full ID numbers), which stay owner-only.

Every failure is a ``CunwuError`` whose message names the path; nothing here raises OSError to a caller.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import CunwuError
from .storage.private import sweep_stale_temps

Writer = Callable[[BinaryIO], None]

# A temp file this module made: ".<target name>.<random>.tmp" in the target's folder.
TEMP_PREFIX, TEMP_SUFFIX = ".", ".tmp"


class OutputPathError(CunwuError):
    """The place the user asked for cannot hold the file."""


# The common reasons a write fails, in the clerk's words (the system's own text is English).
_REASONS = {
    errno.ENOSPC: "磁盘已满，未保存任何内容",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "磁盘或文件夹是只读的",
    errno.ENAMETOOLONG: "文件名太长",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
}
if hasattr(errno, "EDQUOT"):
    _REASONS[errno.EDQUOT] = "磁盘配额已满，未保存任何内容"


def _reason(exc: OSError) -> str:
    return _REASONS.get(exc.errno or 0) or exc.strerror or str(exc)


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "文件夹"
    if stat.S_ISLNK(mode):
        return "符号链接"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "设备"
    if stat.S_ISFIFO(mode):
        return "管道"
    if stat.S_ISSOCK(mode):
        return "套接字"
    return "特殊文件"


def check_output_path(path: str | os.PathLike[str]) -> Path:
    """The target as a Path if a file may be written there; refuses a target that exists and is not a
    regular file, and a folder part that exists and is not a folder. Creates nothing."""
    path = Path(path)
    if not path.name or path.name in (".", ".."):
        raise OutputPathError(f"无法写入 {path}：请给出文件名，而不是文件夹")
    try:
        st = path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        st = None
    except OSError as exc:
        raise OutputPathError(f"无法写入 {path}：{_reason(exc)}") from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise OutputPathError(f"无法写入 {path}：它是{_kind_of(st.st_mode)}，不是普通文件；请另选文件名")
    for parent in path.parents:
        if parent.exists() or parent.is_symlink():
            if not parent.is_dir():
                raise OutputPathError(f"无法写入 {path}：{parent} 不是文件夹")
            break
    return path


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_output(path: str | os.PathLike[str], content: bytes | Writer, *, private: bool = False) -> Path:
    """Write ``content`` (bytes, or a function that writes to an open binary file) to ``path`` whole
    or not at all, by the rules in this module's docstring; returns the path written."""
    path = check_output_path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputPathError(f"无法创建文件夹 {path.parent}：{_reason(exc)}") from None
    sweep_stale_temps(path)  # what a killed earlier write to this target left behind
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    except OSError as exc:
        raise OutputPathError(f"无法写入 {path}：{_reason(exc)}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(content, bytes | bytearray | memoryview):
                handle.write(content)
            else:
                content(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if not private and os.name == "posix":
            os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; a posted notice is not secret
        # Checked again just before the rename: the target may have been replaced meanwhile.
        check_output_path(path)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        hint = "（文件是否正在 WPS、Excel 或 PDF 阅读器中打开？）" if exc.errno in (errno.EACCES, errno.EPERM,
                                                                   errno.EBUSY) else ""
        raise OutputPathError(f"无法写入 {path}：{_reason(exc)}{hint}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


__all__ = ["OutputPathError", "check_output_path", "write_output"]
