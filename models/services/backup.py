"""Backups (备份) and restore (恢复).

A backup is one zip file (``.cwbak``): the database copied with SQLite's online backup API (so the
program may keep running), the attachment files, the audit key and its head witness (so the chain
can be verified on another computer), and a manifest with every member's SHA-256. Files are written
owner-only, to a temp file in the target folder that is renamed when complete.

Automatic backups go to ``<data>/backups`` and rotate (the admin sets how many are kept): on exit
when something changed since the last one, once a day, and before an import; the database's own
pre-upgrade copy covers migrations. An extra folder (a removable drive) can receive a copy too.

Restore never replaces anything before the backup has been read back, unpacked beside the database
and passed `cunwu check`; the database it replaces is kept in ``<data>/replaced``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Any

from .. import __version__
from ..errors import CunwuError
from ..output_files import check_output_path, write_output
from ..storage import open_database
from ..storage.audit_key import head_path_for, key_path_for, load_key, reset_head
from ..storage.database import copy_sqlite
from ..storage.private import private_dir, private_file, touch_private
from .context import Actor, ServiceContext, chain_head
from .settings import DEFAULT_BACKUPS, MAX_BACKUPS, MIN_BACKUPS, SETTINGS, SettingsService

log = logging.getLogger("cunwu.backup")

SUFFIX = ".cwbak"
FORMAT = "cunwu-backup/1"
DB_MEMBER = "cunwu.sqlite3"
KEEP_RANGE = (MIN_BACKUPS, MAX_BACKUPS)
_STATE = "last-backup.json"  # in the backups folder: when, and at which chain head


class BackupError(CunwuError):
    """A backup could not be made or read; the message says which file and why."""


@dataclass(frozen=True)
class BackupSettings:
    keep: int = DEFAULT_BACKUPS
    extra_dir: str | None = None  # e.g. a removable drive's folder

    def to_json(self) -> dict[str, Any]:
        return {"keep": self.keep, "extra_dir": self.extra_dir}


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    size: int
    head: int | None  # chain head event when taken
    attachments: int
    copied_to: Path | None = None  # the extra folder's copy
    extra_problem: str | None = None  # why the extra copy was not made

    def to_json(self) -> dict[str, Any]:
        return {"path": str(self.path), "created": self.created.isoformat(timespec="seconds"),
                "size": self.size, "head": self.head, "attachments": self.attachments,
                "copied_to": str(self.copied_to) if self.copied_to else None, "extra_problem": self.extra_problem}


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    replaced_kept_at: Path | None
    head: int | None
    created: str | None

    def to_json(self) -> dict[str, Any]:
        return {"restored_from": str(self.restored_from),
                "replaced_kept_at": str(self.replaced_kept_at) if self.replaced_kept_at else None,
                "head": self.head, "created": self.created}


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


class BackupService:
    """Backups of one installation: its database (``ctx.db``) and its data folder."""

    def __init__(self, ctx: ServiceContext, data_dir: Path):
        self.ctx = ctx
        self.data_dir = Path(data_dir)

    @property
    def db_path(self) -> Path:
        if self.ctx.db.path is None:
            raise BackupError("服务器数据库不在本机，请用服务器的备份工具备份")
        return self.ctx.db.path

    @property
    def folder(self) -> Path:
        return self.data_dir / "backups"

    # --- settings --------------------------------------------------------------------------
    def settings(self) -> BackupSettings:
        """``backup.keep`` and ``backup.extra_dir`` of the settings registry."""
        with self.ctx.read() as s:
            keep = SETTINGS["backup.keep"].load(s)
            extra = SETTINGS["backup.extra_dir"].load(s)
        return BackupSettings(keep=keep, extra_dir=extra or None)

    def save_settings(self, keep: int, extra_dir: str | None) -> BackupSettings:
        """Through the registry (one audited write; the admin's `settings.edit`)."""
        saved = SettingsService(self.ctx).set_many({"backup.keep": keep, "backup.extra_dir": extra_dir or ""})
        return BackupSettings(saved["backup.keep"], saved["backup.extra_dir"] or None)

    # --- making ----------------------------------------------------------------------------
    def backup(self, out: Path) -> BackupInfo:
        """Write a backup to ``out`` (a ``.cwbak`` file), whole or not at all."""
        self.ctx.require("backup.make")
        out = Path(out)
        if out.suffix.lower() != SUFFIX:
            out = out.with_name(out.name + SUFFIX)
        return self._write(out)  # a missing folder is created, a folder/device/link refused (output_files)

    def _write(self, out: Path) -> BackupInfo:
        created = datetime.now().astimezone()
        head = chain_head(self.ctx.db)
        check_output_path(out)
        work = Path(tempfile.mkdtemp(prefix=".cunwu-backup-", dir=out.parent if out.parent.is_dir() else None))
        try:
            snapshot = work / DB_MEMBER
            copy_sqlite(self.db_path, snapshot)
            members: dict[str, Path] = {DB_MEMBER: snapshot}
            for src, name in ((key_path_for(self.db_path), DB_MEMBER + ".auditkey"),
                              (head_path_for(self.db_path), DB_MEMBER + ".auditkey-head")):
                if src.is_file():
                    members[name] = src
            root = self.data_dir / "attachments"
            attachments = 0
            if root.is_dir():
                for f in sorted(root.rglob("*")):
                    if f.is_file() and not f.name.startswith(".incoming-"):
                        members[str(PurePosixPath("attachments", *f.relative_to(root).parts))] = f
                        attachments += 1
            manifest = {"format": FORMAT, "app": __version__, "created": created.isoformat(timespec="seconds"),
                        "head": None if head is None else {"event": head.event_id, "hash": head.hash},
                        "files": {name: _sha256(path) for name, path in members.items()}}

            def write_zip(handle) -> None:
                with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
                    for name, path in members.items():
                        zf.write(path, name)
                    zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))

            # Whole or not at all, owner-only, by the one output-file rule.
            write_output(out, write_zip, private=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        private_file(out)
        log.info("backup written: %s (head %s)", out.name, head.event_id if head else None)
        return BackupInfo(out, created, out.stat().st_size, head.event_id if head else None, attachments)

    def backup_rotating(self, reason: str) -> BackupInfo:
        """A backup into the rotating set (and the extra folder when one is set), oldest beyond the
        kept count removed. ``reason``: exit, daily, import, manual."""
        self.ctx.require("backup.make")
        settings = self.settings()
        private_dir(self.folder)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        info = self._write(self.folder / f"cunwu-{stamp}-{reason}{SUFFIX}")
        self._remember(info)
        self._rotate(self.folder, settings.keep)
        if settings.extra_dir:
            extra = Path(settings.extra_dir)
            try:
                if not extra.is_dir():
                    raise OSError(f"文件夹不存在或移动存储未插入：{extra}")
                target = extra / info.path.name
                shutil.copyfile(info.path, target)
                private_file(target)
                self._rotate(extra, settings.keep)
                info = BackupInfo(info.path, info.created, info.size, info.head, info.attachments, copied_to=target)
            except OSError as exc:
                problem = exc.strerror or str(exc)
                log.warning("extra backup copy not made: %s", problem)
                info = BackupInfo(info.path, info.created, info.size, info.head, info.attachments,
                                  extra_problem=f"未能复制到备用文件夹：{problem}")
        return info

    @staticmethod
    def _rotate(folder: Path, keep: int) -> None:
        found = sorted(folder.glob(f"cunwu-*{SUFFIX}"), key=lambda p: p.name)
        for old in found[:-keep] if keep else found:
            old.unlink(missing_ok=True)

    def list(self) -> list[Path]:
        """The rotating set, newest first."""
        if not self.folder.is_dir():
            return []
        return sorted(self.folder.glob(f"cunwu-*{SUFFIX}"), key=lambda p: p.name, reverse=True)

    def _remember(self, info: BackupInfo) -> None:
        doc = {"at": info.created.isoformat(), "head": info.head}
        state = self.folder / _STATE
        touch_private(state)
        state.write_text(json.dumps(doc), encoding="utf-8")

    def _last(self) -> tuple[datetime | None, int | None]:
        try:
            doc = json.loads((self.folder / _STATE).read_text(encoding="utf-8"))
            return datetime.fromisoformat(doc["at"]), doc.get("head")
        except (OSError, ValueError, KeyError, TypeError):
            return None, None

    def changed_since_last(self) -> bool:
        head = chain_head(self.ctx.db)
        _at, last_head = self._last()
        return head is not None and head.event_id != last_head

    def backup_if_due(self, reason: str, *, now: datetime | None = None) -> BackupInfo | None:
        """The automatic backup: ``exit`` when something changed since the last backup, ``daily``
        when the last is a day old (and something changed), ``import`` always."""
        if reason != "import":
            if not self.changed_since_last():
                return None
            if reason == "daily":
                at, _ = self._last()
                now = now or datetime.now().astimezone()
                if at is not None and now - at < timedelta(days=1):
                    return None
        return self.backup_rotating(reason)

    def restore(self, backup: Path) -> RestoreResult:
        """Replace this installation's database from ``backup`` (admin only; see :func:`restore`).
        The database's connections are closed first; it reopens on the restored file."""
        self.ctx.require("backup.restore")
        db_path = self.db_path
        self.read_manifest(backup)  # a wrong or broken file is refused before anything is closed
        self.ctx.db.dispose()
        result = restore(backup, db_path, self.data_dir, self.ctx.actor)
        self.ctx.db.forget_audit_key()
        return result

    # --- reading back ----------------------------------------------------------------------
    @staticmethod
    def read_manifest(path: Path) -> dict[str, Any]:
        """The manifest of a backup file, every member's SHA-256 verified (raises BackupError)."""
        path = Path(path)
        if not path.is_file():
            raise BackupError(f"找不到备份文件：{path}")
        try:
            with zipfile.ZipFile(path) as zf:
                manifest = json.loads(zf.read("manifest.json"))
                if manifest.get("format") != FORMAT:
                    raise BackupError(f"{path} 不是本程序的备份文件（格式：{manifest.get('format')}）")
                files = manifest.get("files") or {}
                if DB_MEMBER not in files:
                    raise BackupError(f"备份文件 {path} 中没有数据库")
                names = set(zf.namelist()) - {"manifest.json"}
                if names != set(files):
                    raise BackupError(f"备份文件 {path} 的内容与清单不符（缺少或多出文件）")
                for name, digest in files.items():
                    h = hashlib.sha256()
                    with zf.open(name) as fh:
                        while chunk := fh.read(1 << 20):
                            h.update(chunk)
                    if h.hexdigest() != digest:
                        raise BackupError(f"备份文件 {path} 已损坏：{name} 的校验值不符")
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
            raise BackupError(f"{path} 不是完整的备份文件，或已损坏（{exc}）") from None
        return manifest


def restore(backup: Path, db_path: Path, data_dir: Path, actor: Actor) -> RestoreResult:
    """Replace the database (and add the backup's attachments) from ``backup``.

    The backup is verified member by member, unpacked next to the database and checked (`cunwu
    check`, full) before anything is touched; nothing may have the database open. The replaced
    database, its key and head witness are moved to ``<data>/replaced/<time>/``. The caller checks
    the ``backup.restore`` permission (admin) against the current database first."""
    from .integrity import IntegrityService

    backup, db_path, data_dir = Path(backup), Path(db_path), Path(data_dir)
    manifest = BackupService.read_manifest(backup)
    if not db_path.parent.exists():
        private_dir(db_path.parent)
    stage = Path(tempfile.mkdtemp(prefix=".cunwu-restore-", dir=db_path.parent))
    try:
        os.chmod(stage, 0o700)
        with zipfile.ZipFile(backup) as zf:
            for name in manifest["files"]:
                target = stage.joinpath(*PurePosixPath(name).parts)
                if stage not in target.resolve().parents:
                    raise BackupError(f"备份文件 {backup} 中有不安全的路径：{name}")
                target.parent.mkdir(parents=True, exist_ok=True)
                touch_private(target)
                with zf.open(name) as src, target.open("wb") as dst:
                    shutil.copyfileobj(src, dst)
        staged_db = stage / DB_MEMBER
        db = open_database(staged_db)
        try:
            report = IntegrityService(ServiceContext(db, actor), stage).check()
            head = chain_head(db)
        finally:
            db.dispose()
        if not report.ok:
            lines = "\n".join(f"- {p.message}" for p in report.problems[:20])
            raise BackupError(f"备份文件 {backup} 未通过检查，未恢复任何内容：\n{lines}")
        # Keep what is replaced, then move the checked copy into place.
        kept = None
        if db_path.exists():
            kept = private_dir(data_dir / "replaced" / datetime.now().strftime("%Y%m%d-%H%M%S-%f"))
            for f in (db_path, db_path.with_name(db_path.name + "-wal"), db_path.with_name(db_path.name + "-shm"),
                      key_path_for(db_path), head_path_for(db_path)):
                if f.exists():
                    os.replace(f, kept / f.name)
        os.replace(staged_db, db_path)
        for name in (".auditkey", ".auditkey-head"):
            src = stage / (DB_MEMBER + name)
            if src.exists():
                os.replace(src, db_path.with_name(db_path.name + name))
        src_att = stage / "attachments"
        if src_att.is_dir():
            dst_root = private_dir(data_dir / "attachments")
            for f in src_att.rglob("*"):
                if f.is_file():
                    target = dst_root / f.relative_to(src_att)
                    if not target.exists():
                        private_dir(target.parent)
                        os.replace(f, target)
        # The restored chain is the truth now: the witness follows it (it moved back in time).
        key = load_key(key_path_for(db_path))
        reset_head(head_path_for(db_path), key, head.event_id if head else None, head.hash if head else None)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    # The restore itself goes on the record of the database it brought back.
    db = open_database(db_path)
    try:
        with ServiceContext(db, actor).write("backup.restore", target_type="backup", target_id=backup.name,
                                             permission="backup.restore", checked_before=True) as w:
            w.detail = {"created": manifest.get("created"), "head": head.event_id if head else None,
                        "replaced_kept_at": str(kept) if kept else None}
    finally:
        db.dispose()
    log.info("restored from %s (head %s)", backup.name, head.event_id if head else None)
    return RestoreResult(backup, kept / db_path.name if kept else None, head.event_id if head else None,
                         manifest.get("created"))


__all__ = ["BackupService", "BackupSettings", "BackupInfo", "BackupError", "RestoreResult", "restore",
           "KEEP_RANGE", "SUFFIX"]
