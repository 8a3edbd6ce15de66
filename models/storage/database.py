"""Opening a database: engine, SQLite pragmas, migrations on open, short sessions.

SQLite is the embedded default; everything outside this package stays dialect-neutral so a
PostgreSQL URL can be used for the township server mode.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from ..errors import DatabaseError, ReadOnlyMode
from . import migrations
from .audit_key import (
    HEAD_SUFFIX,
    KEY_SUFFIX,
    AuditKey,
    head_path_for,
    key_path_for,
    load_key,
    load_or_create_key,
)
from .faults import CORRUPT, NOT_OURS, READ_ONLY, StorageFault, fault_for, fault_message
from .private import private_dir, private_file, touch_private

BUSY_TIMEOUT_MS = 10_000


def _sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def _install_fault_names(engine: Engine, path: Path | None) -> None:
    """Every driver error that is a storage fault (disk full, read-only, locked, corrupt) is raised
    as a `StorageFault` naming it, whichever service or statement met it."""

    @event.listens_for(engine, "handle_error")
    def _name_fault(context):
        return fault_for(context.original_exception, path)


def _install_sqlite_pragmas(engine: Engine, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy, not the driver, decide where transactions begin (the pysqlite recipe).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if not read_only:  # a read-only file keeps the journal mode it has
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Writers take the lock up front so two writers never deadlock half way through.
        if conn.get_execution_options().get("cunwu_write"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


class Database:
    """One database, opened and at the app's schema version.

    ``read_only`` (a fault kind: ``corrupt`` or ``read_only``) opens it for reading only; every
    write is then refused with that fault's message before it begins."""

    def __init__(self, url: str, *, path: Path | None = None, read_only: str | None = None):
        self.url = url
        self.path = path
        # A fault kind (corrupt, read_only: the file is opened read-only) or True (a second window
        # while another edits): every write session is refused, so nothing can write around it.
        self.read_only: str | bool = read_only or False
        if read_only and path is not None:
            uri = f"file:{quote(str(path))}?mode=ro"
            self.engine = create_engine("sqlite+pysqlite://", future=True, hide_parameters=True,
                                        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
        else:
            # hide_parameters: a failed statement's message must not carry the roster's names and ID
            # numbers into the log file.
            self.engine = create_engine(url, future=True, hide_parameters=True)
        self._audit_key: AuditKey | None = None
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        if self.is_sqlite:
            _install_fault_names(self.engine, path)
            _install_sqlite_pragmas(self.engine, read_only=bool(read_only))
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_engine = self.engine.execution_options(cunwu_write=True)
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False)

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        # Closing (not rolling back) ends the read transaction without expiring loaded objects,
        # so services can hand them out detached.
        with self._sessions() as session:
            yield session

    @classmethod
    def opened_read_only(cls, path: Path, kind: str) -> Database:
        """``path`` for reading only, because of the fault ``kind`` (``corrupt``, ``read_only``)."""
        return cls(_sqlite_url(path), path=path, read_only=kind)

    @property
    def read_only_message(self) -> str | None:
        """Why nothing can be saved (None when writes are allowed)."""
        if self.read_only not in (CORRUPT, READ_ONLY):
            return None  # writable, or a second window's read-only mode (the window says so itself)
        message = fault_message(self.read_only, self.path)
        if self.read_only == CORRUPT:
            return message.replace("。请停止使用该文件", "。已以只读方式打开：可以查看和打印，不能保存。请停止使用该文件", 1)
        return message

    def quick_check(self) -> list[str]:
        """SQLite's ``quick_check`` (empty when the file's pages are sound). A corrupt file may also
        fail the check itself: that is reported as one problem."""
        if not self.is_sqlite:
            return []
        try:
            with self.engine.connect() as conn:
                lines = [line for (line,) in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
        except StorageFault as fault:
            return [fault.message]
        return [line for line in lines if line != "ok"]

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any exception."""
        if self.read_only:
            if self.read_only in (CORRUPT, READ_ONLY):
                raise StorageFault(self.read_only, self.read_only_message or "")
            raise ReadOnlyMode()
        with self._write_sessions() as session:
            with session.begin():
                yield session

    def checkpoint(self) -> None:
        """Fold the WAL into the main file (before the file is copied or renamed)."""
        if self.is_sqlite and not self.read_only:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def dispose(self) -> None:
        self.engine.dispose()

    def storage_checks(self) -> list[str]:
        """The database engine's own consistency checks: SQLite's quick_check and foreign-key check
        (empty when clean; nothing to run on other backends)."""
        if not self.is_sqlite:
            return []
        problems = [f"数据库文件结构损坏：{line}" for line in self.quick_check()]
        with self.engine.connect() as conn:
            for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall():
                problems.append(f"数据表 {table} 第 {rowid} 行引用的 {parent} 记录不存在")
        return problems

    # --- the audit chain's key (see audit_key.py) -------------------------------------------
    @property
    def audit_key_path(self) -> Path | None:
        return key_path_for(self.path) if self.path is not None else None

    @property
    def audit_head_path(self) -> Path | None:
        return head_path_for(self.path) if self.path is not None else None

    def forget_audit_key(self) -> None:
        """Read the key file again on next use (a restore may have replaced it)."""
        self._audit_key = None

    def audit_key(self, *, create: bool = False) -> AuditKey | None:
        """The key that signs audit events; created (0600) on the first write when missing.
        A database without a file (server mode) has none: its chain is plain SHA-256."""
        if self._audit_key is None and self.path is not None:
            path = key_path_for(self.path)
            self._audit_key = load_or_create_key(path) if create else load_key(path)
        return self._audit_key



def _backup_before_upgrade(path: Path, from_rev: str | None) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.before-upgrade-{from_rev or 'none'}-{stamp}")
    copy_sqlite(path, target)
    return target


def copy_sqlite(source: Path, target: Path) -> Path:
    """A consistent copy of a live SQLite database (the online backup API: readers and a writer
    may be using it), created owner-only."""
    import sqlite3

    touch_private(target)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return private_file(target)


SQLITE_HEADER = b"SQLite format 3\x00"
# Tables every database of ours has from its first revision on: a SQLite file without them is
# another program's, and is left exactly as it was found.
OUR_TABLES = frozenset({"alembic_version", "installation", "catalog_item", "audit_event"})
# Files SQLite (and the app) keeps beside a database, named by suffix.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
# The audit chain's key and head witness (audit_key.py): they belong to the database beside them.
KEY_SUFFIXES = (KEY_SUFFIX, HEAD_SUFFIX)


@dataclass(frozen=True)
class FileState:
    """What a database file is, found by reading it (never writing it)."""

    kind: str  # missing | empty | foreign | corrupt | unfinished | ours
    detail: str = ""

    @property
    def replaceable(self) -> bool:
        """``init`` may build a fresh database in its place: nothing of value is in it."""
        return self.kind in ("empty", "unfinished")


def _peek_connection(path: Path) -> sqlite3.Connection:
    """A connection that only reads. Opened read-write when it may be (never creating the file nor
    changing its journal mode: only a statement that writes would), because a read-only connection
    to a WAL database leaves its -wal and -shm files behind when it closes."""
    mode = "ro" if _unwritable(path) else "rw"
    return sqlite3.connect(f"file:{quote(str(path))}?mode={mode}", uri=True)


def inspect_file(path: Path) -> FileState:
    """Recognise ``path`` without changing it: no journal-mode switch, no schema, no WAL file kept.

    ``unfinished`` is a database of ours that an interrupted set-up left behind (an older version
    built it in place): no installation row, or a template named but no catalog item and nothing
    else done since.
    """
    path = Path(path)
    try:
        if not path.exists():
            return FileState("missing")
        if path.stat().st_size == 0:
            return FileState("empty")
        with open(path, "rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as error:
        fault = fault_for(error, path)
        raise fault if fault is not None else DatabaseError(fault_message("cant_open", path)) from None
    if header != SQLITE_HEADER:
        return FileState("foreign")
    try:
        conn = _peek_connection(path)
        try:
            tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                return FileState("unfinished", "empty schema")
            if not OUR_TABLES <= tables:
                return FileState("foreign")
            version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if version is None:
                return FileState("unfinished", "no schema version")
            if version[0] not in migrations.revision_graph():
                return FileState("ours", "newer")  # opening refuses it by its version, by name
            row = conn.execute("SELECT template_id FROM installation").fetchone()
            if row is None:
                return FileState("unfinished", "no installation")
            if row[0] and conn.execute("SELECT count(*) FROM catalog_item").fetchone()[0] == 0:
                # An older set-up committed its installation row, then died loading the template.
                others = conn.execute("SELECT count(*) FROM audit_event WHERE action != 'setup.init'").fetchone()[0]
                if others == 0:
                    return FileState("unfinished", "template not loaded")
            return FileState("ours")
        finally:
            conn.close()
    except sqlite3.Error as error:
        fault = fault_for(error, path)
        if fault is not None and fault.kind == NOT_OURS:
            return FileState("foreign")
        if fault is not None and fault.kind == CORRUPT:
            return FileState("corrupt")
        raise fault if fault is not None else DatabaseError(fault_message("cant_open", path)) from None


def unfinished_message(path: Path) -> str:
    return (f"{path} 是一次未完成的初始设置留下的数据库（没有可用的内容）。"
            "请重新运行“cunwu init …”或在程序中重新完成初始设置：它会替换这个未完成的数据库。")


def refuse_unless_ours(path: Path, state: FileState) -> None:
    """The one message for each file that ``open_database`` will not open."""
    if state.kind == "missing":
        raise DatabaseError(f"找不到数据库：{path}。请先运行“cunwu init”或在程序中完成初始设置。")
    if state.kind == "empty":
        raise DatabaseError(f"{path} 是空文件（0 字节），不是数据库，未改动该文件。"
                            "如要在此新建数据库，请运行“cunwu init”或在程序中完成初始设置。")
    if state.kind == "foreign":
        raise StorageFault(NOT_OURS, fault_message(NOT_OURS, path))
    if state.kind == "corrupt":
        raise StorageFault(CORRUPT, fault_message(CORRUPT, path))
    if state.kind == "unfinished":
        raise DatabaseError(unfinished_message(path))


def remove_database_files(path: Path) -> None:
    """A database and the files SQLite and the audit chain keep beside it."""
    for suffix in ("", *SIDE_SUFFIXES, *KEY_SUFFIXES):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _fsync(path: Path, *, folder: bool = False) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if folder else 0))
    except OSError:
        return  # Windows cannot open a folder; its rename is durable enough
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def place_database(built: Path, path: Path, *, replace: bool) -> None:
    """Move a complete, closed database ``built`` (its WAL folded in) to ``path`` in one rename.

    ``replace``: ``path`` holds an empty file or an unfinished set-up, replaced. Otherwise a file
    that appeared at ``path`` meanwhile (another ``init``) wins and this one is refused."""
    built, path = Path(built), Path(path)
    _fsync(built)
    if replace or not path.exists():
        # A WAL left beside the old file would be read into the new one on its first open.
        for suffix in SIDE_SUFFIXES:
            Path(str(path) + suffix).unlink(missing_ok=True)
    if replace:
        for suffix in KEY_SUFFIXES:  # the new chain's key replaces the unfinished one's
            Path(str(path) + suffix).unlink(missing_ok=True)
            if Path(str(built) + suffix).exists():
                os.replace(str(built) + suffix, str(path) + suffix)
        os.replace(built, path)
    else:
        if not path.exists():  # a key left by an init killed between its key and its database
            for suffix in KEY_SUFFIXES:
                Path(str(path) + suffix).unlink(missing_ok=True)
        for suffix in KEY_SUFFIXES:
            if Path(str(built) + suffix).exists():
                os.replace(str(built) + suffix, str(path) + suffix)
        try:
            os.link(built, path)  # fails when the target exists, unlike a rename
        except FileExistsError:
            raise DatabaseError(f"数据库已存在：{path}，不能重复初始化。") from None
        except OSError:
            os.replace(built, path)  # a file system without hard links (FAT on a USB stick)
        else:
            built.unlink()
    _fsync(path.parent, folder=True)


def create_database(path: Path) -> Database:
    """Create a new, empty database at the current schema. Refuses an existing file."""
    path = Path(path)
    if path.exists() and path.stat().st_size > 0:
        raise DatabaseError(f"数据库已存在：{path}。如需重新开始，请先备份并移走该文件。")
    if not path.parent.exists():
        private_dir(path.parent)
    touch_private(path)
    db = Database(_sqlite_url(path), path=path)
    migrations.upgrade_to_head(db.engine)
    db.audit_key(create=True)
    return db


def open_database(path: Path, *, upgrade: bool = True, read_only: bool = False) -> Database:
    """Open an existing database; upgrade an older schema after copying the file; refuse a newer one.

    The file is recognised first by reading it (`inspect_file`): an empty, foreign, corrupt or
    unfinished file is refused untouched. ``read_only`` opens it for reading only (a corrupt
    database shown so its data can be read and printed until it is restored)."""
    path = Path(path)
    refuse_unless_ours(path, inspect_file(path))
    unwritable = _unwritable(path)
    if read_only or unwritable:
        db = Database.opened_read_only(path, CORRUPT if read_only else READ_ONLY)
        state = migrations.schema_state(db.engine)
        if state.newer or state.current is None:
            db.dispose()
            _refuse_state(path, state)
        if state.behind:
            db.dispose()
            raise StorageFault(READ_ONLY, fault_message(READ_ONLY, unwritable or path)
                               + f"它需要升级（结构版本 {state.current}），只读时无法升级。")
        return db
    for f in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        private_file(f)  # files from an older version may have been created world-readable
    db = Database(_sqlite_url(path), path=path)
    try:
        state = migrations.schema_state(db.engine)
    except Exception:
        db.dispose()
        raise
    if state.newer or state.current is None:
        db.dispose()
        _refuse_state(path, state)
    if state.behind:
        if not upgrade:
            db.dispose()
            raise DatabaseError(f"数据库 {path} 需要升级（当前结构版本 {state.current}）。")
        db.dispose()
        _backup_before_upgrade(path, state.current)
        db = Database(_sqlite_url(path), path=path)
        migrations.upgrade_to_head(db.engine)
    return db


def _refuse_state(path: Path, state: migrations.SchemaState) -> None:
    if state.newer:
        raise DatabaseError(
            f"数据库 {path} 由更新版本的程序创建（结构版本 {state.current}），本程序无法打开。请升级程序后再试。"
        )
    raise DatabaseError(unfinished_message(path))


def _unwritable(path: Path) -> Path | None:
    """The file or folder that cannot be written (None when both can): such a database is opened
    for reading, and a write is refused by name, before SQLite tries to make its WAL files there
    (whose own error would read as "unable to open")."""
    for target in (path, path.parent):
        if not os.access(target, os.W_OK):
            return target
    return None


def open_url(url: str) -> Database:
    """Open a database by SQLAlchemy URL (server mode); migrations run the same way, without file copy."""
    db = Database(url)
    state = migrations.schema_state(db.engine)
    if state.newer:
        raise DatabaseError(f"数据库结构版本 {state.current} 比本程序新，无法打开。")
    if state.behind or state.current is None:
        migrations.upgrade_to_head(db.engine)
    return db
