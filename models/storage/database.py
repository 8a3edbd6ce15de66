"""Opening a database: engine, SQLite pragmas, migrations on open, short sessions.

SQLite is the embedded default; everything outside this package stays dialect-neutral so a
PostgreSQL URL can be used for the township server mode.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, event, exc
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from ..errors import DatabaseError, ReadOnlyMode
from . import migrations
from .audit_key import AuditKey, head_path_for, key_path_for, load_key, load_or_create_key
from .private import private_dir, private_file, touch_private

BUSY_TIMEOUT_MS = 10_000


def _sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path}"


def _install_sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy, not the driver, decide where transactions begin (the pysqlite recipe).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
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
    """One database, opened and at the app's schema version."""

    def __init__(self, url: str, *, path: Path | None = None):
        self.url = url
        self.path = path
        # Opened read-only (a second window while another edits): every write session is refused,
        # so no service, import or dialog can write around it.
        self.read_only = False
        # hide_parameters: a failed statement's message must not carry the roster's names and ID
        # numbers into the log file.
        self.engine = create_engine(url, future=True, hide_parameters=True)
        self._audit_key: AuditKey | None = None
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        if self.is_sqlite:
            _install_sqlite_pragmas(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_engine = self.engine.execution_options(cunwu_write=True)
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False)

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        # Closing (not rolling back) ends the read transaction without expiring loaded objects,
        # so services can hand them out detached.
        with self._sessions() as session:
            yield session

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any exception."""
        if self.read_only:
            raise ReadOnlyMode()
        with self._write_sessions() as session:
            with session.begin():
                yield session

    def dispose(self) -> None:
        self.engine.dispose()

    def storage_checks(self) -> list[str]:
        """The database engine's own consistency checks: SQLite's quick_check and foreign-key check
        (empty when clean; nothing to run on other backends)."""
        if not self.is_sqlite:
            return []
        problems: list[str] = []
        with self.engine.connect() as conn:
            for (line,) in conn.exec_driver_sql("PRAGMA quick_check").fetchall():
                if line != "ok":
                    problems.append(f"数据库文件结构损坏：{line}")
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


def open_database(path: Path, *, upgrade: bool = True) -> Database:
    """Open an existing database; upgrade an older schema after copying the file; refuse a newer one."""
    path = Path(path)
    if not path.exists():
        raise DatabaseError(f"找不到数据库：{path}。请先运行“cunwu init”或在程序中完成初始设置。")
    for f in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        private_file(f)  # files from an older version may have been created world-readable
    db = Database(_sqlite_url(path), path=path)
    try:
        state = migrations.schema_state(db.engine)
    except exc.DatabaseError:
        db.dispose()
        raise DatabaseError(f"{path} 不是本程序的数据库，或文件已损坏。") from None
    if state.newer:
        db.dispose()
        raise DatabaseError(
            f"数据库 {path} 由更新版本的程序创建（结构版本 {state.current}），本程序无法打开。请升级程序后再试。"
        )
    if state.current is None:
        db.dispose()
        raise DatabaseError(f"{path} 不是本程序的数据库，或尚未初始化。")
    if state.behind:
        if not upgrade:
            db.dispose()
            raise DatabaseError(f"数据库 {path} 需要升级（当前结构版本 {state.current}）。")
        db.dispose()
        _backup_before_upgrade(path, state.current)
        db = Database(_sqlite_url(path), path=path)
        migrations.upgrade_to_head(db.engine)
    return db


def open_url(url: str) -> Database:
    """Open a database by SQLAlchemy URL (server mode); migrations run the same way, without file copy."""
    db = Database(url)
    state = migrations.schema_state(db.engine)
    if state.newer:
        raise DatabaseError(f"数据库结构版本 {state.current} 比本程序新，无法打开。")
    if state.behind or state.current is None:
        migrations.upgrade_to_head(db.engine)
    return db
