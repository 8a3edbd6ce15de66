"""`cunwu print ID` straight from the database file: the notice as `NoticePrinter.print_disclosure`
makes it, read without SQLAlchemy, its ORM or the services.

A whole print process is what a clerk or a township script waits for (issue 13): importing the ORM,
the entities and the services cost more than laying out a 1,000-row roster. This path reads the
few rows one notice needs through `models.storage.plain_read` and builds the document with the same
builder (`disclosure_notice`), the same footer settings class, the same stamp and the same renderer,
so the PDF is the same, byte for byte (a test prints every kind both ways and compares).

It covers the common case only and says so by returning ``None``, leaving the rest to the
services: a database the plain reader does not open as it is (not SQLite, another schema version,
any driver error), a database with accounts unless the caller signed in on the plain path
(models.storage.plain_sign_in: ``signed_in=True``), an internal (unmasked) copy (a permission and an audit event), a correction (it names the record it
replaces) and a notice with attached tables (other records). Nothing is written before the record
is read whole, and errors of the print itself (a character no font has) are raised as on the
ordinary path.

Like the services' `get(checked=False)`, the record's checks are not run again: a printed record is
laid out as stored, and a public record prints its stored, sealed totals instead of summing its
rows again.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from ..rules import kinds as K
from ..rules import roster as R
from ..rules.footer import FOOTER_STORE, attached_entries
from ..rules.periods import PeriodError, parse_period
from ..storage.audit_key import ChainHead
from ..storage.plain_read import plain_reader
from .document import NoticeDocument, PrintOptions
from .notices import disclosure_notice
from .settings import PrintSettings


@dataclass(frozen=True)
class _Village:
    """The installation's facts a notice prints (as ``InstallationData``)."""

    mode: str
    code: str
    name: str
    township: str | None
    operator: str
    template_id: str | None
    consulted_on: date | None
    adopted_on: date | None
    adopted_by: str | None


@dataclass(frozen=True)
class _Item:
    """The catalog item's facts a notice prints (as ``ItemData``)."""

    code: str
    name: str
    posting_days: int
    posting_working_days: bool
    roster_preset: str | None
    default_kind: str


@dataclass(frozen=True)
class _Record:
    """The record's fields a notice prints, named as in ``DisclosureData``."""

    id: int
    item_code: str
    item_name: str
    period: str
    period_label: str
    kind: str
    title: str
    status: str
    unit: str
    body: str
    posting_start: date | None
    posting_end: date | None
    posting_days: int | None
    posting_working_days: bool
    supersedes: int | None
    is_correction: bool
    content: dict[str, Any] = field(default_factory=dict)
    columns: list[dict[str, Any]] = field(default_factory=list)
    rows: Sequence[dict[str, Any]] = field(default_factory=list)  # a list, or a stream for a large table
    row_count: int = 0
    totals: dict[str, Any] | None = None


def _period_label(period: str | None) -> str:
    if not period:
        return ""
    try:
        return parse_period(period).label
    except PeriodError:
        return period


def read_document(db_path: str | os.PathLike[str] | None, record_id: int, options: PrintOptions | None = None, *,
                  today: date | None = None, signed_in: bool = False) -> NoticeDocument | None:
    """The posted-notice document of record ``record_id``, read from the SQLite file at ``db_path``;
    ``None`` when this path does not cover it (see the module's docstring). ``signed_in``: the caller
    signed an account in (a masked notice needs no permission beyond that, as in `NoticePrinter`)."""
    try:
        with plain_reader(db_path) as reader:
            if reader is None or (not signed_in and reader.has_accounts()):
                return None
            d = reader.disclosure(record_id)
            if d is None or d["is_correction"] or attached_entries(d["content"] or {}):
                return None
            install = reader.installation()
            item_row = reader.catalog_item(d["item_id"])
            if install is None or item_row is None:
                return None
            stored_settings = reader.setting(FOOTER_STORE)
            head = reader.audit_head()
            rows: Sequence[dict[str, Any]] = []
            if d["row_count"] or d["kind"] == "roster":
                # a large table is gone through in batches while the notice is built (its printed
                # cells are all that stays), inside this read transaction
                rows = (reader.roster_row_stream(record_id) if (d["row_count"] or 0) > STREAM_ROWS
                        else reader.roster_rows(record_id))
            doc = _document(d, install, item_row, stored_settings, rows, options, today)
    except sqlite3.Error:
        return None  # the ordinary path meets it too, and names it
    return replace(doc, stamp=ChainHead(*head).text) if head is not None else doc


#: Above this many rows the table's rows are not held as dicts while its notice is built: they are
#: read again in batches for each look the builder takes (a few passes cost less than 80 MB at
#: 100,000 rows; below this the one read is quicker and small).
STREAM_ROWS = 20_000


def _document(d: dict[str, Any], install: dict[str, Any], item_row: dict[str, Any], stored_settings: Any,
              rows: Sequence[dict[str, Any]], options: PrintOptions | None, today: date | None) -> NoticeDocument:
    village = _Village(**install)
    item = _Item(**{k: item_row[k] for k in ("code", "name", "posting_days", "posting_working_days",
                                             "roster_preset", "default_kind")})
    columns = (R.columns_json(R.table_columns(d["columns"], item.roster_preset)) if d["kind"] == "roster"
               else [])
    data = _Record(
        id=d["id"], item_code=item.code, item_name=item.name, period=d["period"],
        period_label=_period_label(d["period"]), kind=d["kind"], title=d["title"], status=d["status"],
        unit=d["unit"] or "元", body=d["body"] or "", posting_start=d["posting_start"], posting_end=d["posting_end"],
        posting_days=d["posting_days"], posting_working_days=bool(d["posting_working_days"]),
        supersedes=d["supersedes_id"], is_correction=bool(d["is_correction"]), content=dict(d["content"] or {}),
        columns=columns, rows=rows, row_count=len(rows) or d["row_count"] or 0,
        # a public record's 合计 as sealed (checked against its rows by `cunwu check`); a draft's are
        # computed by the notice from its rows
        totals=K.sealed_totals(d["status"], d["totals"]))
    settings = PrintSettings() if stored_settings is None else PrintSettings.from_json(stored_settings)
    return disclosure_notice(data, village=village, settings=settings, item=item, options=options,
                             today=today or date.today())


__all__ = ["read_document"]
