"""Databases built once per test session and copied into each test's own folder.

Every test still gets its own database file in its own `tmp_path` (and its own settings folder);
what is shared is the work of building one. Two things are built once:

* the **schema**: a database migrated to head by Alembic. `create_database` (and so `initialize`
  and `cunwu init`) migrates a brand-new, empty file; in tests that migration is replaced by
  copying the session's migrated file into the new one (SQLite's backup API, page by page), which
  yields the same file. Upgrading a database that has tables — an older schema — always runs the
  real migrations, and a test marked ``real_migrations`` runs them for the empty file too.
* the **fixture villages** (`empty_village`, `village`, `staffed_village`): `initialize` runs once
  per set of arguments; each test gets a copy of the resulting database file with its audit key
  and head witness beside it (so the copies share the key: a test that needs two keys initialises
  twice itself).
* **prepared data folders** (`prepared`): a test module's own starting point — records put into
  each workflow state, say — built once through the services and copied per test.

tests/models/storage/test_db_templates.py checks that a copy and a database built from scratch have
the same schema, version and (for villages) rows.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from models.storage.audit_key import HEAD_SUFFIX, KEY_SUFFIX

_REAL_UPGRADE = None  # models.storage.migrations.upgrade_to_head as shipped
_ROOT: Path | None = None  # the session's build folder
_schema: Path | None = None
_villages: dict[tuple, Path] = {}
_prepared: dict[tuple, tuple[Path, Any]] = {}
T = TypeVar("T")


def _root() -> Path:
    global _ROOT
    if _ROOT is None:
        _ROOT = Path(tempfile.mkdtemp(prefix="cunwu-test-templates-"))
    return _ROOT


def cleanup() -> None:
    global _ROOT, _schema
    if _ROOT is not None:
        shutil.rmtree(_ROOT, ignore_errors=True)
    _ROOT, _schema = None, None
    _villages.clear()
    _prepared.clear()


def _file_of(engine: Engine) -> str | None:
    if engine.dialect.name != "sqlite":
        return None
    name = engine.url.database
    return name if name and name != ":memory:" else None


def _schema_file() -> Path:
    global _schema
    if _schema is None:
        from sqlalchemy import create_engine

        path = _root() / "schema.sqlite3"
        engine = create_engine(f"sqlite+pysqlite:///{path}")
        _REAL_UPGRADE(engine)
        engine.dispose()
        _schema = path
    return _schema


def upgrade_to_head(engine: Engine) -> None:
    """`migrations.upgrade_to_head` for tests: a new, empty SQLite file gets the session's migrated
    schema copied in; anything else (an older schema to upgrade, another database) the real one."""
    with engine.connect() as conn:
        empty = _file_of(engine) is not None and not inspect(conn).get_table_names()
    if not empty:
        _REAL_UPGRADE(engine)
        return
    source = sqlite3.connect(_schema_file())
    try:
        raw = engine.raw_connection()
        try:
            source.backup(raw.driver_connection)
        finally:
            raw.close()
    finally:
        source.close()


def install(monkeypatch) -> None:
    """Route the empty-file migration through the session's template (for one test)."""
    global _REAL_UPGRADE
    from models.storage import migrations

    if _REAL_UPGRADE is None:
        _REAL_UPGRADE = migrations.upgrade_to_head
    monkeypatch.setattr(migrations, "upgrade_to_head", upgrade_to_head)


def _village_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + KEY_SUFFIX), path.with_name(path.name + HEAD_SUFFIX)]


def initialized(db_path: Path, *, then: Callable[[Any], None] | None = None, **kwargs: Any):
    """What `initialize(db_path, **kwargs)` returns — followed by `then(db)` when given (more set-up
    through the services) — from a copy of the same set-up built once this session, with the same
    password-hash cost. Returns the opened `Database`."""
    from models.rules import passwords
    from models.services.setup import initialize
    from models.storage import open_database

    key = (tuple(sorted(kwargs.items())), then and f"{then.__module__}.{then.__qualname__}", passwords.N)
    built = _villages.get(key)
    if built is None:
        folder = Path(tempfile.mkdtemp(dir=_root()))
        built = folder / "cunwu.sqlite3"
        db = initialize(built, **kwargs)
        try:
            if then is not None:
                then(db)
        finally:
            db.dispose()  # the last connection closed: the WAL is folded into the file
        _villages[key] = built
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    for source, target in zip(_village_files(built), _village_files(db_path), strict=True):
        if source.exists():
            shutil.copyfile(source, target)
            os.chmod(target, 0o600)
    return open_database(db_path)


def prepared(data_dir: Path, key: str, build: Callable[[Path], T]) -> T:
    """A data folder set up once this session and copied into the test's `data_dir`.

    The first time `key` is asked for, `build(folder)` fills a fresh folder (a database at
    ``folder / "cunwu.sqlite3"``, attachments…) through the services and must close every database it
    opened; its return value (record ids, say) is kept. Every call copies the folder's files — with
    their private modes — into `data_dir` and returns that value: the test opens its own copy."""
    from models.rules import passwords

    full_key = (key, passwords.N)
    if full_key not in _prepared:
        folder = Path(tempfile.mkdtemp(dir=_root())) / "data"
        folder.mkdir()
        _prepared[full_key] = (folder, build(folder))
    folder, value = _prepared[full_key]
    shutil.copytree(folder, data_dir, dirs_exist_ok=True)
    return value
