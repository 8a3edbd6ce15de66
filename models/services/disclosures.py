"""Disclosures (公开记录): drafting, checking, review, posting, expiry, correction and archive.

Which step is allowed in which status, and the refusal when it is not, is the workflow table
(models.rules.workflow); every step here asks it (`_step`) before changing anything.

- A record is edited only while the table says so (draft or returned). Submission is refused while
  any finding (models.rules.kinds) has severity ``error``.
- The reviewer (监委会) must be someone other than the drafter, compared by normalised name
  (models.rules.accounts.same_person: look-alike characters and case count as the same person).
  Once accounts exist the reviewer is the signed-in account itself; a reviewer name passed in must
  be that account's name.
- Posting needs an approved record; the posting window counts both ends, in calendar days or, when
  the catalog item says so, in working days of the installation's calendar; fewer days than the
  item's minimum are refused.
- Posted, expired and archived records are public records and read-only; a mistake is fixed by
  `correct`, which drafts a correction notice (更正) that supersedes the original once posted.
- "expired" is also computed on read: a posted record whose window has ended shows as expired
  before `expire_due` has written it.

Every change is one `ctx.write` (audit event) and, for status changes, one `StatusChange` row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, insert, literal, or_, select, update
from sqlalchemy.orm import Session

from ..entities import Attachment, CatalogItem, Disclosure, RosterRow, StatusChange
from ..errors import NotFound, PermissionDenied, Problem, StateError, ValidationError
from ..rules import kinds as K
from ..rules import roster as R
from ..rules import text as T
from ..rules import workflow as W
from ..rules.accounts import normalize_user_name, same_person, user_name_problem
from ..rules.catalog_terms import KINDS
from ..rules.field_labels import record_field_label, row_field_label
from ..rules.footer import ATTACHED_KEY, FOOTER_KEY, TABLE_KINDS, attached_entries, attached_problems
from ..rules.limits import (
    MAX_BODY_CHARS,
    date_problem,
    posting_days_problem,
    text_problem,
)
from ..rules.periods import PeriodError, parse_period
from ..rules.search import search_key
from ..rules.workdays import WorkdayCalendar
from . import roster_memory as RM
from .catalog import register_record_counter
from .context import ServiceContext, note_transition
from .import_mappings import store_mapping
from .settings import footer_override_problems
from .versions import check_version, stamp

CORRECTION_PREFIX = "更正："

_UNSET: Any = object()


class SubmitRefused(StateError):
    """Submission refused because of findings with severity error; `.findings` lists them all."""

    def __init__(self, message: str, findings: list[K.Finding]):
        super().__init__(message)
        self.findings = findings


# --- plain results ----------------------------------------------------------------------------

@dataclass(frozen=True)
class HistoryEntry:
    status: str
    by: str
    at: datetime
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "by": self.by, "at": self.at.isoformat(timespec="seconds"),
                "note": self.note}


def _money_json(v: Any) -> Any:
    return K.money_text(v) if isinstance(v, Decimal) else v


def _qty_json(v: Any) -> Any:
    return K.quantity_text(v) if isinstance(v, Decimal) else v


def row_to_json(row: Mapping[str, Any]) -> dict[str, Any]:
    """A roster row with money as '0.00' and quantities as plain decimal strings."""
    out: dict[str, Any] = {}
    for k, v in row.items():
        if k == "amount":
            out[k] = _money_json(v)
        elif isinstance(v, Decimal):
            out[k] = _qty_json(v)
        else:
            out[k] = v
    return out


class _Labels:
    """Chinese names of a record's status and kind, for the list row and the full record alike."""

    __slots__ = ()
    status: str
    kind: str

    @property
    def status_label(self) -> str:
        return W.label(self.status)

    @property
    def kind_label(self) -> str:
        return K.kind_label(self.kind)


class _Record(_Labels):
    """What the summary and the whole record both answer: may it be edited, and what the workflow
    table needs to know about it."""

    __slots__ = ()
    id: int
    return_reason: str | None
    superseded_by: int | None
    pending_correction: int | None
    posting_start: date | None
    posting_end: date | None

    @property
    def editable(self) -> bool:
        return W.editable(self.status)

    @property
    def read_only(self) -> bool:
        """A public record (posted, expired or archived): shown, never edited."""
        return W.is_public(self.status)

    @property
    def facts(self) -> W.RecordFacts:
        """What the workflow table asks about this record (the GUI asks it as the service does)."""
        return W.RecordFacts(self.id, self.status, superseded_by=self.superseded_by,
                             pending_correction=self.pending_correction, posting_start=self.posting_start,
                             posting_end=self.posting_end)

    @property
    def open_return_reason(self) -> str | None:
        """The reviewer's reason while the record is back with the drafter to fix (editable again);
        once resubmitted it is history, kept in `return_reason` and the status history."""
        return self.return_reason if self.return_reason and self.editable else None


@dataclass
class _RecordFields(_Record):
    """The fields a record's summary and the whole record share, declared once: each has the same name
    and meaning in both (`DisclosureData` is built from a `DisclosureSummary`)."""

    id: int
    item_code: str
    item_name: str
    period: str
    period_label: str
    period_start: date
    period_end: date
    event_date: date | None
    kind: str
    title: str
    status: str
    stored_status: str
    drafter: str
    reviewer: str | None
    review_opinion: str | None
    reviewed_on: date | None
    return_reason: str | None
    unit: str
    row_count: int
    totals: dict[str, Any]
    posting_start: date | None
    posting_end: date | None
    posting_days: int | None
    posting_working_days: bool
    supersedes: int | None
    superseded_by: int | None
    is_correction: bool
    history: list[HistoryEntry] = field(default_factory=list)
    attachments: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None
    pending_correction: int | None = None  # a correction of this record not yet posted
    version: int = 1  # what an editor or a step passes back as expected_version (models.services.versions)
    updated_by: str | None = None


@dataclass
class DisclosureSummary(_RecordFields):
    """A record without its rows and without running its checks: what the record list's detail pane
    shows at once while the full record (`DisclosureData`) loads. `totals` are the ones stored at the
    last save (Decimal); `history` and the attachment count are read, not computed. Every field here
    has the same name and meaning in `DisclosureData`, which is built from it."""


@dataclass
class DisclosureData(_RecordFields):
    """One record as the GUI and CLI see it: the summary's fields and the record's text, content, rows
    and the findings of its checks. Money in `rows`/`totals` is Decimal; `content` is the stored JSON
    (money as strings). `status` is the effective status (posted → expired once the window has passed);
    `stored_status` is what the database holds."""

    body: str = ""
    content: dict[str, Any] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    findings: list[K.Finding] = field(default_factory=list)
    # False when read with `get(..., checked=False)`: `findings` were not computed (printing never
    # reads them; a posted record's were settled when it was submitted).
    checked: bool = True
    # A roster's rows as its checks parsed them (models.rules.roster.ParsedRows), in the order of
    # `rows`: the editor's grid takes them with `findings` instead of parsing and checking again.
    parsed_rows: Any = field(default=None, repr=False, compare=False)

    @property
    def has_errors(self) -> bool:
        if not self.checked:
            raise ValueError("record read without its checks: findings unknown")
        return K.has_errors(self.findings)

    def to_json(self) -> dict[str, Any]:
        """The `cunwu disclosure show --json` document (cli.md), plus a few extra keys."""
        return {
            "id": self.id,
            "item": self.item_code,
            "period": self.period,
            "kind": self.kind,
            "title": self.title,
            "status": self.status,
            "drafter": self.drafter,
            "reviewer": self.reviewer,
            "rows": [row_to_json(r) for r in self.rows],
            "totals": K.totals_json(self.totals),
            "content": self.content,
            "posting": {
                "start": self.posting_start.isoformat() if self.posting_start else None,
                "end": self.posting_end.isoformat() if self.posting_end else None,
                "days": self.posting_days,
                "working_days": self.posting_working_days,
            },
            "supersedes": self.supersedes,
            "superseded_by": self.superseded_by,
            "findings": [f.to_json() for f in self.findings],
            "history": [h.to_json() for h in self.history],
            # extras
            "item_name": self.item_name,
            "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(),
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "body": self.body,
            "unit": self.unit,
            "columns": list(self.columns),
            "row_count": self.row_count,
            "review_opinion": self.review_opinion,
            "reviewed_on": self.reviewed_on.isoformat() if self.reviewed_on else None,
            "return_reason": self.return_reason,
            "is_correction": self.is_correction,
            "attachments": self.attachments,
        }


@dataclass(frozen=True, slots=True)
class DisclosureListRow(_Labels):
    """One line of the disclosure list: only what the list shows, fetched as plain columns."""

    id: int
    item_code: str
    item_name: str
    period: str
    kind: str
    title: str
    status: str
    drafter: str
    reviewer: str | None
    posting_start: date | None
    posting_end: date | None
    row_count: int
    amount: Decimal | None
    is_correction: bool
    supersedes: int | None
    superseded_by: int | None
    updated_at: datetime | None = None  # not fetched by list(): the list doesn't show it


    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "item": self.item_code,
            "item_name": self.item_name,
            "period": self.period,
            "kind": self.kind,
            "title": self.title,
            "status": self.status,
            "drafter": self.drafter,
            "reviewer": self.reviewer,
            "posting": {"start": self.posting_start.isoformat() if self.posting_start else None,
                        "end": self.posting_end.isoformat() if self.posting_end else None},
            "rows": self.row_count,
            "amount": K.money_text(self.amount) if self.amount is not None else None,
            "is_correction": self.is_correction,
            "supersedes": self.supersedes,
            "superseded_by": self.superseded_by,
        }


# --- helpers ----------------------------------------------------------------------------------

class DisclosureRows(Sequence):
    """The list's rows as fetched, each turned into a `DisclosureListRow` on first access."""

    __slots__ = ("_raw", "_built", "_today")

    def __init__(self, raw: Sequence, today: date):
        self._raw = raw
        self._built: list[DisclosureListRow | None] = [None] * len(raw)
        self._today = today

    def __len__(self) -> int:
        return len(self._raw)

    def _build(self, i: int) -> DisclosureListRow:
        row = self._built[i]
        if row is None:
            (id_, code, name, per, knd, title, st, drafter, reviewer, ps, pe, rc, amount, corr, sup,
             sup_by) = self._raw[i]
            try:
                amount_d = Decimal(amount) if amount else None
            except ArithmeticError:
                amount_d = None
            row = DisclosureListRow(id_, code, name, per, knd, title, effective_status(st, pe, self._today),
                                    drafter, reviewer, ps, pe, rc or 0, amount_d, bool(corr), sup, sup_by)
            self._built[i] = row
        return row

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._build(i) for i in range(*index.indices(len(self._raw)))]
        if index < 0:
            index += len(self._raw)
        if not 0 <= index < len(self._raw):
            raise IndexError(index)
        return self._build(index)

    def __iter__(self):
        for i in range(len(self._raw)):
            yield self._build(i)

    def __eq__(self, other) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    def __repr__(self) -> str:
        return f"DisclosureRows({len(self)} rows)"


@lru_cache(maxsize=1)
def _superseding_subquery():
    """(original id → id of the posted correction that supersedes it), built once: constructing it
    per call through an ORM alias costs more than running the query on a 5,000-record village."""
    later = Disclosure.__table__.alias("later")
    return (select(later.c.supersedes_id.label("orig"), func.max(later.c.id).label("by_id"))
            .where(later.c.supersedes_id.is_not(None), later.c.status.in_(W.PUBLIC_STATUSES))
            .group_by(later.c.supersedes_id).subquery("superseding"))


effective_status = W.effective_status


def _as_date(value: date | str | None, label: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        d: date | None = value.date()
    elif isinstance(value, date):
        d = value
    else:
        d = K.parse_date(str(value))
    if d is None:
        raise ValidationError([Problem(f"{label}“{value}”不是有效日期（应写作 2026-07-18）", field=label,
                                       rule="date")], summary=f"{label}有误")
    out_of_range = date_problem(d, label)
    if out_of_range:
        raise ValidationError([Problem(out_of_range, field=label, rule="date_range")], summary=f"{label}有误")
    return d


def _check_body(body: str | None) -> None:
    """A body longer than any notice is refused before anything is written (it would also take
    minutes to lay out)."""
    too_long = text_problem(body or "", record_field_label("body"), MAX_BODY_CHARS)
    if too_long:
        raise ValidationError([Problem(too_long, field="body", rule="length")], summary=f"{too_long}，未保存")


def _jsonable(v: Any) -> Any:
    if isinstance(v, Decimal):
        return K.quantity_text(v)
    if isinstance(v, datetime | date):
        return v.isoformat()
    if isinstance(v, float):
        return K.quantity_text(Decimal(repr(v)))
    if isinstance(v, Mapping):
        return {str(k): _jsonable(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [_jsonable(x) for x in v]
    return v


def _name(value: str | None, key: str, summary: str = "未保存") -> str:
    """A title or person's name as stored (models.rules.text), or refused naming the field."""
    text = T.normalize_name(value or "")
    unfit = T.name_problem(text, record_field_label(key))
    if unfit:
        raise ValidationError([Problem(unfit, field=key, rule="characters")], summary=summary)
    return text


def _free(value: str | None, key: str, summary: str = "未保存") -> str:
    """Free text as stored (models.rules.text), or refused naming the field."""
    text = T.normalize_free_text(value or "")
    unfit = T.free_text_problem(text, record_field_label(key))
    if unfit:
        raise ValidationError([Problem(unfit, field=key, rule="characters")], summary=summary)
    return text


def _content_text(value: Any, label: str = "内容") -> None:
    """Refuse a bidi or control character anywhere in a record's structured content (its strings
    were normalised by ``K.normalize_content``); the message names the innermost field."""
    if isinstance(value, str):
        unfit = T.free_text_problem(value, label)
        if unfit:
            raise ValidationError([Problem(unfit, field=label, rule="characters")], summary="未保存")
    elif isinstance(value, Mapping):
        for k, v in value.items():
            _content_text(v, row_field_label(str(k)))
    elif isinstance(value, list):
        for v in value:
            _content_text(v, label)


def _check_footer_content(session: Session, content: Mapping[str, Any], record_id: int | None = None) -> None:
    """Refuse a record's own ``footer`` (each value by its ``footer.*`` setting's rule) and its
    ``attached_tables`` unless every attached record exists and is a table (not the record itself)."""
    problems = footer_override_problems(content.get(FOOTER_KEY))
    problems += [Problem(m, field=ATTACHED_KEY, rule=ATTACHED_KEY) for m in attached_problems(content.get(ATTACHED_KEY))]
    if not problems:
        for n, entry in enumerate(attached_entries(content), start=1):
            other = entry["record"]
            if other is None:
                continue
            where = f"{ATTACHED_KEY}[{n}]"
            if other == record_id:
                problems.append(Problem(f"第 {n} 个附件是本记录自己（公开记录 {other}）", field=where, rule=ATTACHED_KEY))
                continue
            row = session.get(Disclosure, other)
            if row is None:
                problems.append(Problem(f"第 {n} 个附件：公开记录 {other} 不存在", field=where, rule=ATTACHED_KEY))
            elif row.kind not in TABLE_KINDS:
                problems.append(Problem(f"第 {n} 个附件：公开记录 {other}《{row.title}》是{K.kind_label(row.kind)}，"
                                        f"附件表应为{'、'.join(K.kind_label(k) for k in TABLE_KINDS)}类记录",
                                        field=where, rule=ATTACHED_KEY))
    if problems:
        raise ValidationError(problems, summary="公告末尾或附件表有误，未保存")


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


#: Parse findings that make a row impossible to store as typed (the value is kept as text by the
#: parser): refused at save, every one named. Other rule breaks (a negative amount, an ID check
#: digit, quantity × rate ≠ amount, duplicates) are findings on the stored record.
_UNSTORABLE = frozenset({"number", "range", "precision", "positive_int", "length", "characters",
                         "id_number", "id_number_as_number"})


def prepare_rows(rows: Iterable[Mapping[str, Any]], columns: Sequence[Any] | None = None
                 ) -> tuple[list[dict[str, Any]], list[Problem]]:
    """`prepare_parsed_rows` without the parse kept."""
    out, problems, _parsed = prepare_parsed_rows(rows, columns)
    return out, problems


def prepare_parsed_rows(rows: Iterable[Mapping[str, Any]], columns: Sequence[Any] | None = None, *,
                        known: RM.RememberedRoster | None = None
                        ) -> tuple[list[dict[str, Any]], list[Problem], R.ParsedRows]:
    """Roster rows as typed dicts, read by the one table parser (models.rules.roster.parse_row:
    Decimal money exact in its column's unit, a positive int household size, normalised ID, card
    and phone numbers, names and free text as stored), and the problems that make a row impossible
    to store, each naming row, field and rule. A missing computed amount is quantity × rate,
    half-up to the fen. ``columns``: the table's columns (types and units; standard ones by default).

    ``known``: the roster as this process last read or wrote it (`roster_memory`): a row whose cells
    are exactly those of a row parsed there takes that parse instead of being parsed again (and,
    when a save prepared it, that row to store). A row whose cells are exactly those stored at its
    place is left as stored: its row to store is None here (`_edit` makes it only when what is
    stored is not what `known` says, `_prepare_left`). The ParsedRows returned carry each row's cells
    key (``keys``), what is known of each row as stored (``stored``: row and its cells key, or None)
    and the columns by key the rows were prepared with (``by_key``)."""
    table = R.table_columns(columns) if columns else list(R.STANDARD_COLUMNS.values())
    cols = {c.key: c for c in table} if columns else None
    out: list[dict[str, Any] | None] = []
    problems: list[Problem] = []
    parsed: list[tuple[dict[str, Any], list[R.RosterFinding]]] = []
    rows = list(rows)
    keys = [RM.cells_key(raw) for raw in rows]
    given = RM.parses_for(known, table, keys)
    at_place = known.stored if known is not None else []
    stored: list[tuple[dict[str, Any], str] | None] = []
    for n, (raw, ready, key) in enumerate(zip(rows, given, keys, strict=True), start=1):
        if ready is not None:
            typed, found, made = ready  # typed: a copy
            if made is not None and made[0] is not None:  # as a save prepared and stored it
                parsed.append((typed, found))
                out.append(made[0])
                stored.append((made[1], made[2]))
                continue
            if n <= len(at_place) and at_place[n - 1] == key:  # the very cells stored at this place
                parsed.append((typed, found))
                if found:
                    problems += _row_problems(found, n, cols)
                out.append(None)
                stored.append((dict(raw), key))
                continue
        else:
            r = {("group" if k == "group_name" else str(k)): v for k, v in raw.items()}
            typed, found = R.parse_row(r, row=n, columns=cols)
        stored.append(None)
        parsed.append((dict(typed), found))
        row, row_problems = _prepared_row(typed, found, n, cols)
        problems += row_problems
        out.append(row)
    # and each row as parsed, for the checks and totals of what is written (it reads back the same)
    result = R.ParsedRows(parsed, table)
    result.keys = keys
    result.stored = stored
    result.by_key = cols
    return out, problems, result  # type: ignore[return-value]


def _row_problems(found: Sequence[R.RosterFinding], n: int, cols: Mapping[str, Any] | None) -> list[Problem]:
    """The parse findings of row ``n`` that make it impossible to store as typed."""
    return [Problem(f.message, row=n, field=f.field, rule=f.rule, label=row_field_label(f.field, cols))
            for f in found if _unstorable(f)]


def _unstorable(f: R.RosterFinding) -> bool:
    if f.severity != "error" or not (f.rule in _UNSTORABLE or f.field == "amount" and f.rule == "range"):
        return False
    return not (f.field == "id_number" and f.rule == "id_number_as_number")  # kept as the digits it has


def _prepared_row(typed: dict[str, Any], found: Sequence[R.RosterFinding], n: int, cols: Mapping[str, Any] | None
                  ) -> tuple[dict[str, Any], list[Problem]]:
    """Row ``n`` to store, from its parse (``typed`` is changed: an unstorable value becomes None),
    and its problems."""
    problems = _row_problems(found, n, cols)
    for f in found:
        if _unstorable(f):
            typed[f.field] = None
    row = {key: typed.get(key) for key in R.CONTRACT_KEYS}
    row["name"] = row["name"] or ""
    for k, v in typed.items():
        if k not in R.CONTRACT_KEYS:
            row[k] = _jsonable(v)
    return row, problems


def _prepare_left(prepared: list[dict[str, Any] | None], parsed: R.ParsedRows) -> None:
    """Make the rows `prepare_parsed_rows` left as stored (None): what is stored is not known to be
    them after all (another version), or every row is needed (a rewrite, columns worked out)."""
    for i, row in enumerate(prepared):
        if row is None:
            typed, found = parsed.parsed[i]
            prepared[i] = _prepared_row(dict(typed), found, i + 1, parsed.by_key)[0]
            parsed.stored[i] = None


def columns_of(rows: Sequence[Mapping[str, Any]], preset: str | None = None) -> list[dict[str, Any]]:
    """The column list a new table stores (label, unit and type with the record): the preset's
    columns in its order that the rows fill, and its row-naming column (a 低保 roster's 保障类别
    before its amount), then the other standard ones in contract order, then custom ones as first seen."""
    used: dict[str, None] = {}
    for r in rows:
        for k, v in r.items():
            if v is not None and v != "":
                used.setdefault(k, None)
    try:
        preset_cols = R.preset_columns(preset) if preset else []
    except ValueError:
        preset_cols = []
    # the preset's row-naming column (姓名, 项目名称 …) is kept even when no row fills it, so its
    # check names the gap; an ID column the rows leave out stays out, as the clerk chose
    first = [c for c in preset_cols if c.key in used or (c.required and c.kind != "id_number" and rows)]
    keys = {c.key for c in first}
    std = [R.column_for(k) for k in R.CONTRACT_KEYS if k in used and k not in keys]
    keys |= {c.key for c in std}
    rest = [R.column_for(k) for k in used if k not in keys]
    return R.columns_json([*first, *std, *rest])


def stored_columns(columns: Sequence[Any] | None, preset: str | None) -> list[dict[str, Any]]:
    """A column list as the record stores it: every column as its dict (older records name keys)."""
    try:
        return R.columns_json(R.table_columns(columns, preset)) if columns else []
    except ValueError as exc:
        raise ValidationError([Problem(str(exc), field="columns", rule="columns")], summary="名单列有误") from None


def _row_values(r: Mapping[str, Any]) -> dict[str, Any]:
    """A prepared row as the roster_row table's columns."""
    return {
        "group_name": r.get("group"),
        "name": r.get("name") or "",
        "id_number": r.get("id_number"),
        "household_size": r.get("household_size"),
        "quantity": r.get("quantity"),
        "rate": r.get("rate"),
        "amount": r.get("amount"),
        "remark": r.get("remark"),
        "extra": {k: v for k, v in r.items() if k not in R.CONTRACT_KEYS},
    }


def _insert_dicts(disclosure_id: int, rows: Sequence[Mapping[str, Any]], start: int = 1) -> list[dict[str, Any]]:
    return [{"disclosure_id": disclosure_id, "position": pos, **_row_values(r)}
            for pos, r in enumerate(rows, start=start)]


#: A save rewrites every row (one DELETE, one bulk INSERT) when more rows than this share changed;
#: fewer are updated in place, row by row.
_REWRITE_SHARE = 0.1


def _rows_to_write(unchanged: Sequence[bool] | None, count: int) -> list[int] | None:
    """The rows to update or add in place (`_write_rows`), or None: rewrite them all."""
    if unchanged is None:
        return None
    todo = [i for i, same in enumerate(unchanged) if not same]
    return todo if len(todo) <= max(50, int(_REWRITE_SHARE * count)) else None


def _write_rows(s: Session, disclosure_id: int, prepared: Sequence[Mapping[str, Any]], stored_count: int,
                todo: Sequence[int] | None) -> None:
    """Store ``prepared`` as the record's rows (positions 1 …). ``todo``: the rows that differ from
    the row stored at their position (`_rows_to_write`; the others are left as they are stored), or
    None: every row is written anew."""
    table = RosterRow.__table__
    if todo is not None:
        update_at = [i for i in todo if i < stored_count]
        if update_at:
            stmt = (update(table)
                    .where(table.c.disclosure_id == bindparam("at_record"), table.c.position == bindparam("at_position"))
                    .values({k: bindparam(f"new_{k}") for k in _row_values({})}))
            s.execute(stmt, [{"at_record": disclosure_id, "at_position": i + 1,
                              **{f"new_{k}": v for k, v in _row_values(prepared[i]).items()}} for i in update_at])
        if len(prepared) > stored_count:
            s.execute(insert(table), _insert_dicts(disclosure_id, prepared[stored_count:], start=stored_count + 1))
        elif len(prepared) < stored_count:
            s.execute(delete(table).where(table.c.disclosure_id == disclosure_id, table.c.position > len(prepared)))
        return
    s.execute(delete(RosterRow).where(RosterRow.disclosure_id == disclosure_id))
    if prepared:  # Core bulk insert: one executemany, no ORM objects or bookkeeping
        s.execute(insert(table), _insert_dicts(disclosure_id, prepared))


def _stored_with_keys(prepared: Sequence[Mapping[str, Any]], known: Sequence[tuple[dict[str, Any], str] | None] | None
                      ) -> tuple[list[dict[str, Any]], list[str]]:
    """Each prepared row as `_load_rows` reads it back once inserted, and its cells key; taken from
    ``known`` where they were made already for the same row (`prepare_parsed_rows`). A row that
    `prepare_parsed_rows` made is already in that shape — the contract keys in their order, the name
    never None, then the other columns — so it reads back as a copy of itself."""
    rows: list[dict[str, Any]] = []
    keys: list[str] = []
    for n, r in enumerate(prepared):
        ready = known[n] if known is not None and n < len(known) else None
        if ready is None:
            row = dict(r)
            rows.append(row)
            keys.append(RM.cells_key(row))
        else:
            rows.append(ready[0])
            keys.append(ready[1])
    return rows, keys


def _load_rows(session: Session, disclosure_id: int) -> list[dict[str, Any]]:
    stmt = (select(RosterRow.group_name, RosterRow.name, RosterRow.id_number, RosterRow.household_size,
                   RosterRow.quantity, RosterRow.rate, RosterRow.amount, RosterRow.remark, RosterRow.extra)
            .where(RosterRow.disclosure_id == disclosure_id).order_by(RosterRow.position))
    out = []
    for g, name, idn, hs, q, rate, amt, remark, extra in session.execute(stmt):
        row = {"group": g, "name": name, "id_number": idn, "household_size": hs,
               "quantity": q, "rate": rate, "amount": amt, "remark": remark}
        if extra:
            row.update(extra)
        out.append(row)
    return out


def _load_calendar(session: Session) -> WorkdayCalendar:
    from .calendar import load_calendar

    return load_calendar(session)


def _count_for_item(session: Session, item_id: int) -> int:
    return session.execute(select(func.count(Disclosure.id)).where(Disclosure.item_id == item_id)).scalar_one()


register_record_counter(_count_for_item)


def _permission(action: str) -> str:
    """The permission a step names to `ServiceContext.require` (the workflow table's)."""
    return W.action(action).permission


# --- the service ------------------------------------------------------------------------------

class DisclosureService:
    """Use cases on disclosure records; one short session per call, plain results."""

    def __init__(self, ctx: ServiceContext, *, clock: Callable[[], date] | None = None):
        self.ctx = ctx
        self._clock = clock or date.today

    def today(self) -> date:
        return self._clock()

    # --- reading ------------------------------------------------------------------------------
    def get(self, disclosure_id: int, *, checked: bool = True) -> DisclosureData:
        """The whole record with its rows. ``checked=False`` leaves out the kind's checks (for a
        roster of 10,000 rows most of the read): for printing, which lays out what is stored and
        never reads findings."""
        with self.ctx.read() as s:
            return self._data(s, self._row(s, disclosure_id), checked=checked)

    def summary(self, disclosure_id: int) -> DisclosureSummary:
        """The record's facts without reading its rows or running its checks (cheap for a roster of
        10,000 rows): for showing a selected record at once while `get` runs elsewhere."""
        with self.ctx.read() as s:
            return self._summary(s, self._row(s, disclosure_id))

    def findings(self, disclosure_id: int) -> list[K.Finding]:
        return self.get(disclosure_id).findings

    def list(self, *, status: str | None = None, item: str | None = None, period: str | None = None,
             kind: str | None = None, query: str = "", limit: int | None = None,
             offset: int = 0) -> DisclosureRows:
        """Newest first. `query` matches title, item and period by characters, pinyin or initials.

        Returns a sequence of `DisclosureListRow` built as they are read (a list view of 5,000 records
        touches only the rows on screen)."""
        today = self.today()
        superseding = _superseding_subquery()
        # Plain Core rows, only the columns the list shows; the amount is read out of the totals
        # JSON by the database (dialect-neutral JSON indexing), so no row's JSON is parsed here.
        amount_col = Disclosure.totals["amount"].as_string()
        stmt = (select(Disclosure.id, CatalogItem.code, CatalogItem.name, Disclosure.period, Disclosure.kind,
                       Disclosure.title, Disclosure.status, Disclosure.drafter, Disclosure.reviewer,
                       Disclosure.posting_start, Disclosure.posting_end, Disclosure.row_count,
                       amount_col, Disclosure.is_correction, Disclosure.supersedes_id,
                       superseding.c.by_id)
                .join(CatalogItem, CatalogItem.id == Disclosure.item_id)
                .outerjoin(superseding, superseding.c.orig == Disclosure.id))
        stmt = self._filters(stmt, status=status, item=item, period=period, kind=kind, query=query, today=today)
        stmt = stmt.order_by(Disclosure.id.desc())
        if offset:
            stmt = stmt.offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.ctx.read() as s:
            rows = s.connection().execute(stmt).all()
        return DisclosureRows(rows, today)

    def count(self, *, status: str | None = None, item: str | None = None, period: str | None = None,
              kind: str | None = None, query: str = "") -> int:
        stmt = select(func.count(Disclosure.id)).join(CatalogItem, CatalogItem.id == Disclosure.item_id)
        stmt = self._filters(stmt, status=status, item=item, period=period, kind=kind, query=query,
                             today=self.today())
        with self.ctx.read() as s:
            return s.execute(stmt).scalar_one()

    def _filters(self, stmt, *, status, item, period, kind, query, today):
        if status:
            if status not in W.STATUS_KEYS:
                raise ValidationError([Problem(f"未知的状态“{status}”（应为 {'、'.join(W.STATUS_KEYS)} 之一）",
                                               field="status", rule="status")], summary="状态有误")
            # W.effective_status in SQL: a posted record past its window counts as expired.
            expiring = {t.source: t.target for t in W.TRANSITIONS if t.action == "expire"}
            if status in expiring:
                stmt = stmt.where(Disclosure.status == status,
                                  or_(Disclosure.posting_end.is_(None), Disclosure.posting_end >= today))
            else:
                sources = [s for s, target in expiring.items() if target == status]
                stmt = stmt.where(or_(Disclosure.status == status,
                                      and_(Disclosure.status.in_(sources), Disclosure.posting_end < today)))
        if item:
            stmt = stmt.where(CatalogItem.code == item)
        if period:
            stmt = stmt.where(Disclosure.period == period.strip().upper())
        if kind:
            stmt = stmt.where(Disclosure.kind == kind)
        for term in (query or "").lower().split():
            like = Disclosure.search_key.like(f"%{_escape_like(term)}%", escape="\\")
            if term.lstrip("#").isdigit():
                like = or_(like, Disclosure.id == int(term.lstrip("#")))
            stmt = stmt.where(like)
        return stmt

    # --- writing: content -------------------------------------------------------------------
    def create(self, item_code: str, period: str, title: str, kind: str | None = None, body: str = "",
               content: Mapping[str, Any] | None = None, rows: Sequence[Mapping[str, Any]] | None = None,
               columns: Sequence[str] | None = None, event_date: date | str | None = None,
               mapping: Mapping[str, str] | None = None) -> DisclosureData:
        """A new draft for a catalog item and period; `kind` defaults to the item's default kind.

        ``mapping`` ({roster key: file header}) is the column mapping the rows were read with,
        remembered for the item in the same transaction as the record."""
        per = self._period(period)
        ev = _as_date(event_date, "事项日期") or (per.start if per.kind == "event" else None)
        title, body = _name(title, "title"), _free(body, "body")
        _check_body(body)
        preset = self._item_preset(item_code) if rows is not None else None
        if columns:
            columns = stored_columns(columns, preset)
        prepared, parsed = self._prepare_rows(rows, columns or R.table_columns(None, preset))
        with self.ctx.write("disclosure.create", target_type="disclosure", permission=_permission("edit")) as w:
            s = w.session
            item = s.execute(select(CatalogItem).where(CatalogItem.code == item_code)).scalar_one_or_none()
            if item is None:
                raise NotFound(f"目录中没有编号为“{item_code}”的事项")
            if not item.active:
                raise StateError(f"事项“{item.name}”（{item.code}）已停用，不能再新建公开记录")
            knd = kind or item.default_kind
            self._check_kind(knd, prepared)
            cols = list(columns) if columns else (columns_of(prepared, item.roster_preset) if prepared else [])
            norm = K.normalize_content(knd, content)
            _content_text(norm)
            _check_footer_content(s, norm)
            d = Disclosure(item_id=item.id, period=per.text, period_start=per.start, period_end=per.end,
                           event_date=ev, kind=knd, title=title, body=body,
                           content=norm, columns=cols, unit=K.content_unit(knd, norm), status=W.INITIAL_STATUS,
                           drafter=self.ctx.actor.name, posting_working_days=item.posting_working_days,
                           is_correction=False, row_count=len(prepared or []), updated_by=self.ctx.actor.name,
                           totals=K.totals_json(K.compute_totals(knd, content=norm, rows=parsed or prepared or [],
                                                                 columns=cols or None)))
            d.search_key = search_key(d.title, item.name, item.code, per.text)
            s.add(d)
            s.flush()  # the id, for the rows (inserted once: version 1 stays 1)
            if prepared:
                s.execute(insert(RosterRow.__table__), _insert_dicts(d.id, prepared))  # Core: no ORM bookkeeping
            s.add(StatusChange(disclosure_id=d.id, status=d.status, by=self.ctx.actor.name, note="起草"))
            w.target_id = str(d.id)
            w.detail = {"item": item.code, "period": per.text, "kind": knd, "title": d.title,
                        "rows": d.row_count, "totals": d.totals}
            if mapping:
                w.detail["mapping"] = store_mapping(s, item.id, dict(mapping))
            new_id = d.id
        return self.get(new_id)

    def update(self, disclosure_id: int, *, title: str = _UNSET, body: str = _UNSET,
               content: Mapping[str, Any] | None = _UNSET, kind: str = _UNSET, period: str = _UNSET,
               event_date: date | str | None = _UNSET, columns: Sequence[str] = _UNSET,
               rows: Sequence[Mapping[str, Any]] = _UNSET, expected_version: int | None = None) -> DisclosureData:
        """Change a draft or returned record; only the fields given change. A roster's `rows`, when
        given, replace its rows in the same transaction (one save, one audit event).

        `expected_version` is the version the caller read (an editor's Ctrl+S): a record changed
        since is refused with `RecordChanged` and nothing is written."""
        return self._edit("disclosure.update", disclosure_id, title=title, body=body, content=content, kind=kind,
                          period=period, event_date=event_date, columns=columns, rows=rows,
                          expected_version=expected_version)

    def set_rows(self, disclosure_id: int, rows: Sequence[Mapping[str, Any]],
                 columns: Sequence[str] | None = None, expected_version: int | None = None) -> DisclosureData:
        """Replace a roster's rows (bulk insert: fast for 10,000 rows). Rows whose numbers cannot be
        read are refused, all of them named; other rule breaks become findings."""
        return self._edit("disclosure.rows.set", disclosure_id, rows=rows, columns=columns,
                          expected_version=expected_version)

    def _edit(self, action: str, disclosure_id: int, *, title: str = _UNSET, body: str = _UNSET,
              content: Mapping[str, Any] | None = _UNSET, kind: str = _UNSET, period: str = _UNSET,
              event_date: date | str | None = _UNSET, columns: Sequence[str] | None = _UNSET,
              rows: Sequence[Mapping[str, Any]] = _UNSET, expected_version: int | None = None) -> DisclosureData:
        per = self._period(period) if period is not _UNSET else None
        ev = _as_date(event_date, "事项日期") if event_date is not _UNSET else _UNSET
        if title is not _UNSET:
            title = _name(title, "title")
        if body is not _UNSET:
            body = _free(body, "body")
        if columns not in (_UNSET, None) or rows is not _UNSET:
            saved, preset = self._record_columns(disclosure_id)
            if columns not in (_UNSET, None):
                columns = stored_columns(columns, preset)
        prepared: list[dict[str, Any]] | None = None
        parsed: R.ParsedRows | None = None
        database = RM.database_key(self.ctx.db)
        known = RM.recall(database, int(disclosure_id))
        if rows is not _UNSET:
            parse_with = columns if columns not in (_UNSET, None) else (saved or R.table_columns(None, preset))
            prepared, parsed = self._prepare_rows(rows, parse_with, known)
            prepared = prepared or []
        written: tuple[int, int | None, list[RM.Prepared]] | None = None  # (record, version, rows as stored)
        totals_of: tuple[Any, dict[str, Any]] | None = None  # the rows' totals and the columns they were made with
        with self.ctx.write(action, target_type="disclosure", target_id=str(disclosure_id),
                            permission=_permission("edit")) as w:
            s = w.session
            d = self._row(s, disclosure_id, lock=True, expected_version=expected_version)
            self._step(s, d, "edit")
            version_read = d.version
            # One UPDATE of the record (one version step) at the end, not one per query below.
            with s.no_autoflush:
                stamp(d, self.ctx.actor.name)
                changed: list[str] = []
                if kind is not _UNSET and kind != d.kind:
                    self._check_kind(kind, [] if kind == "roster" or not d.row_count else [{}])
                    d.kind = kind
                    changed.append("kind")
                if title is not _UNSET and title != d.title:
                    d.title = title
                    changed.append("title")
                if body is not _UNSET:
                    _check_body(body)
                if body is not _UNSET and body != d.body:
                    d.body = body
                    changed.append("body")
                if content is not _UNSET or "kind" in changed:
                    norm = K.normalize_content(d.kind, content if content is not _UNSET else d.content)
                    _content_text(norm)
                    if content is not _UNSET:
                        _check_footer_content(s, norm, d.id)
                    if norm != d.content:
                        d.content = norm
                        changed.append("content")
                    d.unit = K.content_unit(d.kind, d.content)
                if per is not None and per.text != d.period:
                    d.period, d.period_start, d.period_end = per.text, per.start, per.end
                    if per.kind == "event" and ev is _UNSET:
                        d.event_date = per.start
                    changed.append("period")
                if ev is not _UNSET and ev != d.event_date:
                    d.event_date = ev
                    changed.append("event_date")
                if prepared is not None:
                    self._check_kind(d.kind, prepared)
                    # what is stored is what this process last read or wrote (the same version)
                    same_version = RM.unchanged_positions(known, version_read, []) is not None \
                        and len(known.stored) == (d.row_count or 0)
                    if not same_version or columns in (_UNSET, None):
                        _prepare_left(prepared, parsed)
                    stored_rows, stored_keys = _stored_with_keys(prepared, parsed.stored)
                    todo = _rows_to_write(RM.unchanged_positions(known, version_read, stored_keys)
                                          if same_version else None, len(prepared))
                    if todo is None:
                        _prepare_left(prepared, parsed)
                        stored_rows, stored_keys = _stored_with_keys(prepared, parsed.stored)
                    _write_rows(s, d.id, prepared, d.row_count or 0, todo)
                    if columns in (_UNSET, None) and prepared:
                        columns = columns_of(prepared, s.get(CatalogItem, d.item_id).roster_preset)
                    d.row_count = len(prepared)
                    totals_of = (columns or d.columns, K.compute_totals(d.kind, rows=parsed if prepared else prepared,
                                                                        columns=columns or d.columns))
                    d.totals = K.totals_json(totals_of[1])
                    changed.append("rows")
                if columns not in (_UNSET, None) and list(columns) != list(d.columns or []):
                    d.columns = list(columns)
                    changed.append("columns")
                    if d.kind == "roster" and prepared is None:  # relabelled or re-typed: totals follow
                        d.totals = K.totals_json(K.compute_totals(d.kind, rows=_load_rows(s, d.id),
                                                                  columns=d.columns))
                if changed:
                    item = s.get(CatalogItem, d.item_id)
                    d.search_key = search_key(d.title, item.name, item.code, d.period)
                    if d.kind != "roster":
                        d.totals = K.totals_json(K.compute_totals(d.kind, content=d.content))
            w.detail = {"changed": changed}
            if prepared is not None:
                w.detail.update(rows=d.row_count, totals=d.totals, columns=d.columns)
            s.flush()  # the new version, as the caller passes it back next time
            # What was written, as written: new rows are not read back, and are checked from their parse.
            data = self._data(s, d, rows=stored_rows if prepared is not None else None,
                              parsed=parsed if prepared else None, remember=False,
                              totals_of=totals_of if prepared else None)
            if prepared is not None and parsed is not None:
                written = (d.id, d.version, list(zip(prepared, stored_rows, stored_keys, strict=True)))
        # committed: what is stored now is what was written (or, rows untouched, what was read back)
        if written is not None:
            RM.remember(database, written[0], written[1], parsed.columns, parsed.keys, parsed.parsed, written[2])
        elif data.parsed_rows is not None and data.kind == "roster":
            RM.remember(database, data.id, data.version, data.parsed_rows.columns,
                        [RM.cells_key(r) for r in data.rows], data.parsed_rows.parsed)
        return data

    def delete(self, disclosure_id: int, expected_version: int | None = None) -> None:
        """Discard a draft (anything further along stays on record). No step of the workflow leads
        back to draft, so a draft has never been submitted."""
        with self.ctx.write("disclosure.delete", target_type="disclosure", target_id=str(disclosure_id),
                            permission=_permission("delete")) as w:
            s = w.session
            d = self._row(s, disclosure_id, lock=True, expected_version=expected_version)
            self._step(s, d, "delete")
            w.detail = {"item_id": d.item_id, "period": d.period, "title": d.title}
            s.execute(delete(RosterRow).where(RosterRow.disclosure_id == d.id))
            s.execute(delete(StatusChange).where(StatusChange.disclosure_id == d.id))
            s.delete(d)

    # --- writing: workflow --------------------------------------------------------------------
    def submit(self, disclosure_id: int, expected_version: int | None = None) -> DisclosureData:
        """Send a draft (or a returned record) for review; refused while any finding is an error."""
        with self.ctx.write("disclosure.submit", target_type="disclosure", target_id=str(disclosure_id),
                            permission=_permission("submit")) as w:
            s = w.session
            d = self._row(s, disclosure_id, lock=True, expected_version=expected_version)
            status = self._status(d)
            step = self._step(s, d, "submit")
            errors = [f for f in self._findings(s, d) if f.is_error]
            if errors:
                lines = [f"记录 #{d.id} 有 {len(errors)} 处错误，不能{W.step_label('submit')}："] + [f.located() for f in errors]
                raise SubmitRefused("\n".join(lines), errors)
            self._transition(s, d, step)
            w.detail = {"from": status}
        return self.get(disclosure_id)

    def approve(self, disclosure_id: int, reviewer: str | None = None, opinion: str | None = None,
                on: date | str | None = None, expected_version: int | None = None) -> DisclosureData:
        """The supervision committee's approval: reviewer (the signed-in account, not the drafter), opinion, date."""
        reviewer = self._reviewer_name(reviewer)
        opinion = _free(opinion, "opinion", "未审核").strip() or None
        on_date = _as_date(on, "审核日期") or self.today()
        with self.ctx.write("disclosure.approve", target_type="disclosure", target_id=str(disclosure_id),
                            permission=_permission("approve")) as w:
            s = w.session
            d = self._row(s, disclosure_id, lock=True, expected_version=expected_version)
            step = self._step(s, d, "approve")
            self._check_reviewer(d, reviewer)
            errors = [f for f in self._findings(s, d) if f.is_error]
            if errors:
                raise SubmitRefused(f"记录 #{d.id} 有 {len(errors)} 处错误，不能{W.step_label('approve')}，请退回修改", errors)
            d.reviewer, d.review_opinion, d.reviewed_on, d.return_reason = reviewer, opinion or None, on_date, None
            note = f"审核人：{reviewer}" + (f"；意见：{opinion}" if opinion else "")
            self._transition(s, d, step, note=note)
            w.detail = {"reviewer": reviewer, "opinion": opinion, "on": on_date}
        return self.get(disclosure_id)

    def return_(self, disclosure_id: int, reviewer: str | None, reason: str,
                on: date | str | None = None, expected_version: int | None = None) -> DisclosureData:
        """Send a submitted (or approved, not yet posted) record back to the drafter with reasons."""
        reviewer = self._reviewer_name(reviewer)
        reason = _free(reason, "reason", "未退回").strip()
        on_date = _as_date(on, "审核日期") or self.today()
        if not reason:
            raise ValidationError([Problem("退回须写明理由", field="reason", rule="required")], summary="未退回")
        with self.ctx.write("disclosure.return", target_type="disclosure", target_id=str(disclosure_id),
                            permission=_permission("return")) as w:
            s = w.session
            d = self._row(s, disclosure_id, lock=True, expected_version=expected_version)
            status = self._status(d)
            step = self._step(s, d, "return")
            self._check_reviewer(d, reviewer)
            d.reviewer, d.review_opinion, d.reviewed_on, d.return_reason = reviewer, None, on_date, reason
            self._transition(s, d, step, note=f"退回人：{reviewer}；理由：{reason}")
            w.detail = {"reviewer": reviewer, "reason": reason, "from": status}
        return self.get(disclosure_id)

    def post(self, disclosure_id: int, start: date | str | None = None, days: int | None = None,
             expected_version: int | None = None) -> DisclosureData:
        """Put an approved record on the board from `start` (today) for `days` (the item's minimum),
        both ends counted; in working days when the catalog item says so."""
        start_d = _as_date(start, "公示开始日期") or self.today()
        with self.ctx.write("disclosure.post", target_type="disclosure", target_id=str(disclosure_id),
                            permission=_permission("post")) as w:
            s = w.session
            d = self._row(s, disclosure_id, lock=True, expected_version=expected_version)
            step = self._step(s, d, "post")
            item = s.get(CatalogItem, d.item_id)
            minimum = item.posting_days or 0
            working = bool(item.posting_working_days)
            unit = "个工作日" if working else "天"
            n = minimum if days is None else int(days)
            if n < 1:
                n_text = "公示天数至少为 1 天" if days is not None else "事项未规定公示期，请指定公示天数"
                raise ValidationError([Problem(n_text, field="公示天数", rule="posting_days")], summary="未公示")
            if days is not None and posting_days_problem(n):
                raise ValidationError([Problem(posting_days_problem(n) or "", field="公示天数", rule="posting_days")],
                                      summary="未公示")
            if n < minimum:
                raise ValidationError([Problem(
                    f"公示期 {n} {unit}少于事项“{item.name}”规定的最低公示期 {minimum} {unit}",
                    field="公示天数", rule="posting_days_minimum")], summary="公示期不足，未公示")
            note_extra = ""
            if working:
                cal = _load_calendar(s)
                end = cal.add_workdays_inclusive(start_d, n)
                fallback = cal.fallback_notice(start_d, end)
                if fallback:
                    note_extra = f"（{fallback}）"
            else:
                end = WorkdayCalendar.add_days_inclusive(start_d, n)
            d.posting_start, d.posting_end, d.posting_days, d.posting_working_days = start_d, end, n, working
            self._transition(s, d, step,
                             note=f"公示期 {n} {unit}（{start_d.isoformat()} 至 {end.isoformat()}）{note_extra}")
            w.detail = {"start": start_d, "end": end, "days": n, "working_days": working,
                        "supersedes": d.supersedes_id}
        return self.get(disclosure_id)

    def expire_due(self, today: date | None = None) -> list[int]:
        """Mark posted records whose window ended before `today` as expired; returns their ids."""
        today = today or self.today()
        expiring = W.statuses_allowing("expire")  # as stored: the window has ended, the status not yet
        with self.ctx.read() as s:
            due = list(s.execute(select(Disclosure.id).where(
                Disclosure.status.in_(expiring), Disclosure.posting_end < today)).scalars())
        if not due:
            return []
        with self.ctx.write("disclosure.expire", target_type="disclosure", permission=_permission("expire")) as w:
            s = w.session
            rows = s.execute(select(Disclosure).where(Disclosure.id.in_(due),
                                                      Disclosure.status.in_(expiring))).scalars().all()
            for d in rows:
                step = W.transition(d.status, "expire").target
                self._transition(s, d, step, note=f"公示期已于 {d.posting_end.isoformat()} 届满")
            w.detail = {"ids": [d.id for d in rows], "today": today}
            return [d.id for d in rows]

    def archive(self, disclosure_id: int, expected_version: int | None = None) -> DisclosureData:
        """File a record whose posting period has ended (or that a posted correction superseded)."""
        with self.ctx.write("disclosure.archive", target_type="disclosure", target_id=str(disclosure_id),
                            permission=_permission("archive")) as w:
            s = w.session
            d = self._row(s, disclosure_id, lock=True, expected_version=expected_version)
            status = self._status(d)
            step = self._step(s, d, "archive")
            self._transition(s, d, step, note="归档")
            w.detail = {"from": status}
        return self.get(disclosure_id)

    def correct(self, disclosure_id: int, expected_version: int | None = None) -> DisclosureData:
        """Draft a correction notice (更正) of a posted record: content and rows copied; it supersedes
        the original once it is posted."""
        with self.ctx.write("disclosure.correct", target_type="disclosure", permission=_permission("correct")) as w:
            s = w.session
            d = self._row(s, disclosure_id, lock=True, expected_version=expected_version)
            self._step(s, d, "correct")
            item = s.get(CatalogItem, d.item_id)
            title = d.title if d.title.startswith(("更正：", "更正:")) else CORRECTION_PREFIX + d.title
            new = Disclosure(item_id=d.item_id, period=d.period, period_start=d.period_start,
                             period_end=d.period_end, event_date=d.event_date, kind=d.kind, title=title,
                             body=d.body, content=dict(d.content or {}), columns=list(d.columns or []),
                             unit=d.unit, totals=dict(d.totals or {}), status=W.INITIAL_STATUS,
                             drafter=self.ctx.actor.name,
                             posting_working_days=item.posting_working_days, supersedes_id=d.id,
                             is_correction=True, row_count=d.row_count, updated_by=self.ctx.actor.name)
            new.search_key = search_key(title, item.name, item.code, d.period)
            s.add(new)
            s.flush()
            if d.row_count:
                cols = [RosterRow.position, RosterRow.group_name, RosterRow.name, RosterRow.id_number,
                        RosterRow.household_size, RosterRow.quantity, RosterRow.rate, RosterRow.amount,
                        RosterRow.remark, RosterRow.extra]
                src = select(literal(new.id), *cols).where(RosterRow.disclosure_id == d.id)
                s.execute(insert(RosterRow).from_select(
                    ["disclosure_id", *[c.key for c in cols]], src))
            s.add(StatusChange(disclosure_id=new.id, status=new.status, by=self.ctx.actor.name,
                               note=f"更正记录 #{d.id}"))
            w.target_id = str(new.id)
            w.detail = {"supersedes": d.id, "title": title}
            new_id = new.id
        return self.get(new_id)

    # --- internals ----------------------------------------------------------------------------
    def _period(self, text: str):
        try:
            return parse_period(text)
        except PeriodError as exc:
            raise ValidationError([Problem(str(exc), field="period", rule="period")], summary="期间有误") from None

    def _item_preset(self, item_code: str) -> str | None:
        with self.ctx.read() as s:
            return s.execute(select(CatalogItem.roster_preset).where(CatalogItem.code == item_code)).scalar()

    def _record_columns(self, disclosure_id: int) -> tuple[list[Any], str | None]:
        """A record's stored columns and its item's table preset (read before a write parses rows)."""
        with self.ctx.read() as s:
            found = s.execute(select(Disclosure.columns, CatalogItem.roster_preset)
                              .join(CatalogItem, CatalogItem.id == Disclosure.item_id)
                              .where(Disclosure.id == disclosure_id)).first()
        return (list(found[0] or []), found[1]) if found else ([], None)

    @staticmethod
    def _prepare_rows(rows: Sequence[Mapping[str, Any]] | None, columns: Sequence[Any] | None = None,
                      known: RM.RememberedRoster | None = None
                      ) -> tuple[list[dict[str, Any]] | None, R.ParsedRows | None]:
        """The rows to store and, for the checks and totals of what is stored, each row as parsed
        (rows this process has parsed before, cell for cell, are not parsed again: `roster_memory`)."""
        if rows is None:
            return None, None
        prepared, problems, parsed = prepare_parsed_rows(rows, columns, known=known)
        if problems:
            raise ValidationError(problems, summary=f"名单有 {len(problems)} 处无法保存的错误，未保存任何内容")
        return prepared, parsed

    @staticmethod
    def _check_kind(kind: str, rows: Sequence[Any] | None) -> None:
        if kind not in KINDS:
            raise ValidationError([Problem(f"未知的记录类型“{kind}”（应为 {'、'.join(KINDS)} 之一）",
                                           field="kind", rule="kind")], summary="记录类型有误")
        if rows and kind != "roster":
            raise ValidationError([Problem(f"{K.kind_label(kind)}类记录没有名单行；名单请用 roster 类型",
                                           field="kind", rule="kind")], summary="记录类型有误")

    @staticmethod
    def _row(s: Session, disclosure_id: int, *, lock: bool = False,
             expected_version: int | None = None) -> Disclosure:
        d = s.get(Disclosure, int(disclosure_id), with_for_update=lock or None)
        if d is None:
            raise NotFound(f"没有编号为 {disclosure_id} 的公开记录")
        check_version(d, expected_version)
        return d

    def _status(self, d: Disclosure) -> str:
        return effective_status(d.status, d.posting_end, self.today())

    def _facts(self, s: Session, d: Disclosure) -> W.RecordFacts:
        return W.RecordFacts(d.id, self._status(d), superseded_by=self._superseded_by(s, d.id),
                             pending_correction=self._pending_correction(s, d.id),
                             posting_start=d.posting_start, posting_end=d.posting_end)

    def _step(self, s: Session, d: Disclosure, action: str) -> str | None:
        """The status `action` leads to from the record's; StateError with the table's refusal."""
        return W.enforce(action, self._facts(s, d)).target

    def _reviewer_name(self, reviewer: str | None) -> str:
        """Who reviews: the signed-in account (a name given must be that account's), or before
        accounts exist the name given, normalised; invisible characters are refused."""
        actor = self.ctx.actor
        given = _name(reviewer, "reviewer", "审核人有误，未保存")  # the text rule every name follows
        if given:
            problem = user_name_problem(given, "审核人")  # and the account-name rule (look-alikes)
            if problem is not None:
                raise ValidationError([Problem(problem.message, field="reviewer", rule=problem.rule)],
                                      summary="审核人有误，未保存")
            given = normalize_user_name(given, "审核人")
        if actor.authenticated:
            if given and not same_person(given, actor.name):
                raise PermissionDenied(f"审核人“{given}”与登录账户“{actor.name}”不一致：审核人就是登录审核的账户本人，"
                                       "不能代他人审核（规则 reviewer_is_account）")
            return actor.name
        if not given:
            raise ValidationError([Problem("请填写审核人姓名", field="reviewer", rule="required")],
                                  summary="未填写审核人")
        return given

    @staticmethod
    def _check_reviewer(d: Disclosure, reviewer: str) -> None:
        if same_person(reviewer, d.drafter):
            raise PermissionDenied(f"审核人不能是起草人本人（{d.drafter}），请由村务监督委员会成员审核"
                                   "（规则 reviewer_not_drafter）")

    def _transition(self, s: Session, d: Disclosure, status: str | None, note: str | None = None) -> None:
        assert status is not None, "a step that changes the status leads to one"
        d.status = status
        stamp(d, self.ctx.actor.name)
        s.add(StatusChange(disclosure_id=d.id, status=status, by=self.ctx.actor.name, note=note))
        note_transition(s, d.id, status)  # the audit event lists it and seals the content

    @staticmethod
    def _superseded_by(s: Session, disclosure_id: int) -> int | None:
        return s.execute(select(func.max(Disclosure.id)).where(
            Disclosure.supersedes_id == disclosure_id, Disclosure.status.in_(W.PUBLIC_STATUSES))).scalar()

    @staticmethod
    def _pending_correction(s: Session, disclosure_id: int) -> int | None:
        return s.execute(select(func.max(Disclosure.id)).where(
            Disclosure.supersedes_id == disclosure_id, Disclosure.status.not_in(W.PUBLIC_STATUSES))).scalar()

    @staticmethod
    def _attachments(s: Session, disclosure_id: int) -> int:
        return s.execute(select(func.count(Attachment.id)).where(
            Attachment.disclosure_id == disclosure_id)).scalar_one()

    def _findings(self, s: Session, d: Disclosure, rows: list[dict[str, Any]] | None = None) -> list[K.Finding]:
        if d.kind == "roster" and rows is None:
            rows = _load_rows(s, d.id)
        from ..printing.settings import office_numbers

        return K.check_disclosure(d.kind, title=d.title, body=d.body, content=d.content, rows=rows,
                                  columns=self._columns(s, d), period_start=d.period_start, period_end=d.period_end,
                                  attachments=self._attachments(s, d.id) if d.kind == "notice" else 0,
                                  public=office_numbers(s))

    def _summary(self, s: Session, d: Disclosure) -> DisclosureSummary:
        item = s.get(CatalogItem, d.item_id)
        history = [HistoryEntry(st, by, at, note) for st, by, at, note in s.execute(
            select(StatusChange.status, StatusChange.by, StatusChange.at, StatusChange.note)
            .where(StatusChange.disclosure_id == d.id).order_by(StatusChange.id))]
        return DisclosureSummary(
            id=d.id, item_code=item.code, item_name=item.name, period=d.period,
            period_label=parse_period(d.period).label if d.period else "",
            period_start=d.period_start, period_end=d.period_end, event_date=d.event_date, kind=d.kind,
            title=d.title, status=self._status(d), stored_status=d.status,
            drafter=d.drafter, reviewer=d.reviewer, review_opinion=d.review_opinion,
            reviewed_on=d.reviewed_on, return_reason=d.return_reason, unit=d.unit or "元",
            row_count=d.row_count or 0, totals=K.totals_from_json(d.totals), posting_start=d.posting_start,
            posting_end=d.posting_end, posting_days=d.posting_days,
            posting_working_days=bool(d.posting_working_days), supersedes=d.supersedes_id,
            superseded_by=self._superseded_by(s, d.id), is_correction=bool(d.is_correction), history=history,
            attachments=self._attachments(s, d.id), created_at=d.created_at, updated_at=d.updated_at,
            pending_correction=self._pending_correction(s, d.id), version=d.version, updated_by=d.updated_by)

    @staticmethod
    def _columns(s: Session, d: Disclosure) -> list[dict[str, Any]]:
        """A table's columns as dicts (label, unit, type …): the stored ones, or its preset's."""
        if d.kind != "roster":
            return []
        item = s.get(CatalogItem, d.item_id)
        return R.columns_json(R.table_columns(d.columns, item.roster_preset if item else None))

    def _data(self, s: Session, d: Disclosure, *, checked: bool = True, rows: list[dict[str, Any]] | None = None,
              parsed: R.ParsedRows | None = None, remember: bool = True,
              totals_of: tuple[Any, dict[str, Any]] | None = None) -> DisclosureData:
        """The whole record; ``rows`` (and their ``parsed`` copy) when the caller has just written them,
        with ``totals_of``: the totals it worked out of them and the columns it used (taken when those
        are this record's columns). A roster's rows are parsed once here, for its totals and its checks alike."""
        summary = self._summary(s, d)
        facts = {f.name: getattr(summary, f.name) for f in fields(DisclosureSummary)}
        if rows is None:
            rows = _load_rows(s, d.id) if d.row_count or d.kind == "roster" else []
        columns = self._columns(s, d)
        # read for printing (unchecked): a public roster prints its sealed totals, its rows are not parsed
        sealed = K.sealed_totals(d.status, d.totals) if not checked and parsed is None and d.kind == "roster" else None
        if parsed is None and d.kind == "roster" and rows and sealed is None:
            parsed = R.parse_rows(rows, R.table_columns(columns))
            # what this process read for editing (a print's unchecked read is never saved back): a save of
            # these rows parses and writes only those that change
            if remember and checked:
                RM.remember(RM.database_key(self.ctx.db), d.id, d.version, parsed.columns,
                            [RM.cells_key(r) for r in rows], parsed.parsed)
        read = parsed if parsed is not None else rows
        if sealed is not None:
            totals = sealed
        elif totals_of is not None and columns and totals_of[0] \
                and [R.column_from(c) for c in totals_of[0]] == [R.column_from(c) for c in columns]:
            totals = totals_of[1]
        else:
            totals = K.compute_totals(d.kind, content=d.content, rows=read, columns=columns or None)
        facts.update(row_count=len(rows) or facts["row_count"], totals=totals)  # totals from the rows themselves
        return DisclosureData(**facts, body=d.body or "", content=dict(d.content or {}),
                              columns=columns, rows=rows,
                              findings=self._findings(s, d, read) if checked else [], checked=checked,
                              parsed_rows=parsed)


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


__all__ = [
    "DisclosureService", "DisclosureData", "DisclosureSummary", "DisclosureListRow", "HistoryEntry",
    "SubmitRefused", "CORRECTION_PREFIX", "effective_status", "prepare_rows",
    "columns_of", "row_to_json",
]
