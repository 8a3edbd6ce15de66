"""Reading a SQLite database of ours through the DB-API alone, without SQLAlchemy.

Why: a whole `cunwu print ID` process spends ≈0.3 s importing SQLAlchemy (and more on its ORM and
the entities) — longer than laying out and drawing a 1,000-row roster. Printing one record only
reads a few rows, so its path (models.printing.direct) reads them here.

What it opens: only a file that `open_database` would open as it is — an existing SQLite file with
this program's tables at this program's schema version. Anything else (no such file, another
schema version, a file that is not ours, any driver error) gives ``None``, and the caller takes the
ordinary path (`open_database` and the services), which upgrades, refuses or names the fault with
its one message. The connection only reads: opened read-write when the file and folder may be
written (a read-only connection to a WAL database leaves its -wal/-shm files behind), read-only
otherwise, never creating the file, never changing the journal mode.

The statements are plain SELECTs of stored columns. Stored values are returned as the entity
types read them (models.entities.base): dates as ``date``, exact decimals as ``Decimal``, JSON
parsed, booleans as ``bool``; tests compare what is read here with what the services return.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..rules.money import decimal_from_text
from .migrations import head_revision

_SQLITE_HEADER = b"SQLite format 3\x00"
_BUSY_TIMEOUT_MS = 10_000

# Columns read, in the entities' attribute names (the stored column names are the same).
DISCLOSURE_COLUMNS = (
    "id", "item_id", "period", "period_start", "period_end", "event_date", "kind", "title", "body", "content",
    "columns", "unit", "totals", "status", "drafter", "reviewer", "posting_start", "posting_end", "posting_days",
    "posting_working_days", "supersedes_id", "is_correction", "row_count")
ROSTER_COLUMNS = ("group_name", "name", "id_number", "household_size", "quantity", "rate", "amount", "remark",
                  "extra")
ITEM_COLUMNS = ("id", "code", "name", "posting_days", "posting_working_days", "roster_preset", "default_kind")
INSTALLATION_COLUMNS = ("mode", "code", "name", "township", "operator", "template_id", "consulted_on",
                        "adopted_on", "adopted_by")
_DATES = frozenset({"period_start", "period_end", "event_date", "posting_start", "posting_end", "consulted_on",
                    "adopted_on"})
_JSON = frozenset({"content", "columns", "totals", "extra"})
_BOOLS = frozenset({"posting_working_days", "is_correction"})


def _value(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name in _DATES:
        return date.fromisoformat(value) if isinstance(value, str) else value
    if name in _JSON:
        return json.loads(value) if isinstance(value, str | bytes) else value
    if name in _BOOLS:
        return bool(value)
    return value


def _record(names: tuple[str, ...], row: tuple | None) -> dict[str, Any] | None:
    if row is None:
        return None
    return {name: _value(name, value) for name, value in zip(names, row, strict=True)}


class PlainReader:
    """One read transaction's worth of plain SELECTs on an opened SQLite connection."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def _one(self, names: tuple[str, ...], table: str, where: str, params: tuple) -> dict[str, Any] | None:
        sql = f"SELECT {', '.join(names)} FROM {table} WHERE {where}"  # names are the constants above
        return _record(names, self._conn.execute(sql, params).fetchone())

    def installation(self) -> dict[str, Any] | None:
        row = self._conn.execute(f"SELECT {', '.join(INSTALLATION_COLUMNS)} FROM installation").fetchone()
        return _record(INSTALLATION_COLUMNS, row)

    def has_accounts(self) -> bool:
        return self._conn.execute("SELECT id FROM account LIMIT 1").fetchone() is not None

    def setting(self, key: str) -> Any:
        """A stored setting's JSON value; ``None`` when unset or unreadable (as `read_setting`)."""
        row = self._conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return json.loads(row[0])
        except (TypeError, ValueError):
            return None

    def audit_head(self) -> tuple[int, str] | None:
        """The newest audit event's number and hash (`chain_head`)."""
        row = self._conn.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
        return (row[0], row[1]) if row else None

    def disclosure(self, disclosure_id: int) -> dict[str, Any] | None:
        return self._one(DISCLOSURE_COLUMNS, "disclosure", "id = ?", (disclosure_id,))

    def catalog_item(self, item_id: int) -> dict[str, Any] | None:
        return self._one(ITEM_COLUMNS, "catalog_item", "id = ?", (item_id,))

    def roster_rows(self, disclosure_id: int) -> list[dict[str, Any]]:
        """A table's rows in order, as the service's row loader gives them: the standard fields under
        their row keys, exact numbers as Decimal, ``extra`` (custom columns) merged in."""
        return _roster_rows(self._conn.execute(_ROSTER_SELECT, (disclosure_id,)))

    def roster_row_stream(self, disclosure_id: int) -> RosterRowStream:
        """The same rows as :meth:`roster_rows`, read again from the database in batches each time
        they are gone through, never all at once (a 100,000-row roster as dicts of Decimals is some
        80 MB). Valid while this reader's transaction lasts."""
        count = self._conn.execute("SELECT COUNT(*) FROM roster_row WHERE disclosure_id = ?",
                                   (disclosure_id,)).fetchone()[0]
        return RosterRowStream(self._conn, disclosure_id, count)


_ROSTER_SELECT = f"SELECT {', '.join(ROSTER_COLUMNS)} FROM roster_row WHERE disclosure_id = ? ORDER BY position"
#: A roster row's standard keys as the service's row loader names them: their column, and whether the
#: value is an exact number (Decimal). `_roster_rows` reads all of them; `RosterRowStream.columns` only
#: those asked for (a test holds the two to the same values).
_ROW_KEYS = {"group": ("group_name", False), "name": ("name", False), "id_number": ("id_number", False),
             "household_size": ("household_size", False), "quantity": ("quantity", True), "rate": ("rate", True),
             "amount": ("amount", True), "remark": ("remark", False)}


def _roster_rows(rows) -> list[dict[str, Any]]:
    """Stored roster rows (tuples of ``ROSTER_COLUMNS``) as the service's row loader gives them."""
    number = decimal_from_text  # as ExactDecimal reads them
    loads = json.loads
    out = []
    for g, name, idn, hs, q, rate, amt, remark, extra in rows:
        row = {"group": g, "name": name, "id_number": idn, "household_size": hs,
               "quantity": None if q is None else number(q), "rate": None if rate is None else number(rate),
               "amount": None if amt is None else number(amt), "remark": remark}
        if extra and extra != "{}":
            parsed = loads(extra) if isinstance(extra, str | bytes) else extra
            if parsed:
                row.update(parsed)
        out.append(row)
    return out


class RosterRowStream:
    """A roster's rows to go through as often as needed, read in batches of :attr:`BATCH` rows each
    time (see `PlainReader.roster_row_stream`); ``len()`` is the row count."""

    BATCH = 2_000

    def __init__(self, conn: sqlite3.Connection, disclosure_id: int, count: int) -> None:
        self._conn, self._id, self._count = conn, disclosure_id, count

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for batch in self.batches():
            yield from batch

    def batches(self) -> Iterator[list[dict[str, Any]]]:
        """The rows, a batch (a list) at a time."""
        cursor = self._conn.execute(_ROSTER_SELECT, (self._id,))
        try:
            while batch := cursor.fetchmany(self.BATCH):
                yield _roster_rows(batch)
        finally:
            cursor.close()

    def columns(self, keys: Collection[str]) -> Iterator[dict[str, list[Any]]]:
        """The rows' values of ``keys``, a batch at a time, column by column: each key's values in
        row order, as the rows give them (exact numbers as Decimal, custom columns from ``extra``).
        A look at a few columns of a large roster reads and converts no more than it needs: only
        those columns, each distinct stored number converted once."""
        fields = [(key, exact) for key, (_, exact) in _ROW_KEYS.items() if key in keys]
        custom = [key for key in keys if key not in _ROW_KEYS]
        names = [_ROW_KEYS[key][0] for key, _ in fields] + (["extra"] if custom else [])
        cursor = self._conn.execute(f"SELECT {', '.join(names or ['position'])} FROM roster_row "
                                    "WHERE disclosure_id = ? ORDER BY position", (self._id,))
        numbers: dict[str, dict[str, Any]] = {key: {} for key, exact in fields if exact}  # text → Decimal
        try:
            while batch := cursor.fetchmany(self.BATCH):
                stored = list(zip(*batch, strict=True))
                out = {key: _exact_numbers(values, numbers[key]) if exact else list(values)
                       for (key, exact), values in zip(fields, stored, strict=False)}
                if custom:
                    _with_extra(out, stored[-1], custom)
                yield out
        finally:
            cursor.close()


#: Distinct stored numbers a column's conversions are kept for across batches (see `_exact_numbers`).
_KEEP_NUMBERS = 5_000


def _exact_numbers(stored: tuple, converted: dict[str, Any]) -> list[Any]:
    """Stored exact numbers as Decimal (as ExactDecimal reads them), each distinct text converted
    once: ``converted`` holds the texts converted so far (kept up to a few thousand, areas and rates
    repeat down a column; the rest converted batch by batch)."""
    number = decimal_from_text
    new = {text: number(text) for text in set(stored).difference(converted) if text is not None}
    if len(converted) < _KEEP_NUMBERS:
        converted.update(new)
        new = converted
    else:
        new.update(converted)
    get = new.get
    return [get(text) for text in stored]


def _with_extra(out: dict[str, list[Any]], extras: tuple, custom: list[str]) -> None:
    """Each row's custom columns from its stored ``extra`` into ``out`` (key → values in row order);
    a key ``extra`` holds takes the place of a standard column's value, as in a whole row."""
    parsed = [json.loads(e) if isinstance(e, str | bytes) and e and e != "{}" else e if isinstance(e, dict) else None
              for e in extras]
    for key in custom:
        out[key] = [(p or {}).get(key) for p in parsed]
    for key, values in out.items():
        if key not in custom:
            out[key] = [p[key] if p and key in p else v for p, v in zip(parsed, values, strict=True)]


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


@contextmanager
def plain_reader(path: str | os.PathLike[str] | None) -> Iterator[PlainReader | None]:
    """A reader of the SQLite database at ``path`` inside one read transaction, or ``None`` when the
    ordinary path must open it (see the module's docstring). Driver errors met while reading are
    raised as ``sqlite3.Error`` for the caller to fall back on."""
    conn = _connect(Path(path)) if path is not None else None
    if conn is None:
        yield None
        return
    try:
        conn.execute("BEGIN")  # one snapshot for every read (a writer may commit meanwhile)
        yield PlainReader(conn)
    finally:
        conn.close()


@contextmanager
def open_plain(path: str | os.PathLike[str] | None) -> Iterator[sqlite3.Connection | None]:
    """The plain connection `plain_reader` reads through (autocommit, no transaction begun), or
    ``None`` when the ordinary path must open the database; closed on leaving."""
    conn = _connect(Path(path)) if path is not None else None
    try:
        yield conn
    finally:
        if conn is not None:
            conn.close()


def _connect(path: Path) -> sqlite3.Connection | None:
    try:
        with open(path, "rb") as fh:
            if fh.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
                return None
    except OSError:
        return None
    mode = "rw" if _writable(path) else "ro"
    try:
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode={mode}", uri=True, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        conn.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if version is None or version[0] != head_revision():
            conn.close()
            return None
    except sqlite3.Error:
        conn.close()
        return None
    return conn


__all__ = ["PlainReader", "open_plain", "plain_reader"]
