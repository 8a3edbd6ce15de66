"""The roster grid (名单): the rows of one roster in memory, checked row by row as the clerk types.

A `GridModel` whose columns are the roster's `RosterColumn`s (headers with their units). Each row
keeps a small cached state — its findings from `models.rules.roster` (parse errors, missing name,
ID number check digit, quantity × rate ≠ amount), its valid ID number and the numbers the totals
need — recomputed only for the rows an edit touched, so a 10,000-row roster stays responsive:
duplicate ID numbers and the totals are one cheap pass over those cached states.

An empty amount with quantity and rate given is shown computed (quantity × rate rounded half-up
to the fen, blue italics) and left empty in the rows: the service computes the same value when it
stores the roster, and the cell keeps following quantity and rate while the clerk types.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from models.rules.kinds import Finding, money_text, quantity_text
from models.rules.money import amount_of
from models.rules.roster import (
    PRESET_LABELS,
    RosterColumn,
    check_parsed_rows,
    column_from,
    duplicate_id_message,
    duplicate_rows,
    number_column_kinds,
    parse_row,
    preset_columns,
    table_columns,
    total_parsed,
    valid_id_of,
)

from .grid_model import GridColumn, GridModel

# Labels of the standard columns and the presets (models.rules.roster), listed for lupdate.
_LABELS_FOR_TRANSLATION = (
    QT_TRANSLATE_NOOP("RosterColumns", "村民小组"),
    QT_TRANSLATE_NOOP("RosterColumns", "姓名"),
    QT_TRANSLATE_NOOP("RosterColumns", "身份证号"),
    QT_TRANSLATE_NOOP("RosterColumns", "家庭人口（人）"),
    QT_TRANSLATE_NOOP("RosterColumns", "数量"),
    QT_TRANSLATE_NOOP("RosterColumns", "标准（元）"),
    QT_TRANSLATE_NOOP("RosterColumns", "金额（元）"),
    QT_TRANSLATE_NOOP("RosterColumns", "备注"),
    QT_TRANSLATE_NOOP("RosterColumns", "银行卡号"),
    QT_TRANSLATE_NOOP("RosterColumns", "开户行"),
    QT_TRANSLATE_NOOP("RosterColumns", "联系电话"),
    QT_TRANSLATE_NOOP("RosterColumns", "家庭住址"),
    QT_TRANSLATE_NOOP("RosterColumns", "面积（亩）"),
    QT_TRANSLATE_NOOP("RosterColumns", "补贴标准（元/亩）"),
    QT_TRANSLATE_NOOP("RosterColumns", "补贴金额（元）"),
    QT_TRANSLATE_NOOP("RosterColumns", "保障人口（人）"),
    QT_TRANSLATE_NOOP("RosterColumns", "保障类别"),
    QT_TRANSLATE_NOOP("RosterColumns", "月保障金（元）"),
    QT_TRANSLATE_NOOP("RosterColumns", "救助事由"),
    QT_TRANSLATE_NOOP("RosterColumns", "救助金额（元）"),
    QT_TRANSLATE_NOOP("RosterColumns", "改造方式"),
    QT_TRANSLATE_NOOP("RosterColumns", "补助金额（元）"),
    QT_TRANSLATE_NOOP("RosterColumns", "残疾类别"),
    QT_TRANSLATE_NOOP("RosterColumns", "残疾等级"),
    QT_TRANSLATE_NOOP("RosterColumns", "补贴类型"),
    QT_TRANSLATE_NOOP("RosterColumns", "补贴金额（元/月）"),
    QT_TRANSLATE_NOOP("RosterColumns", "供养方式"),
    QT_TRANSLATE_NOOP("RosterColumns", "供养金额（元）"),
)

# PRESET_LABELS (models.rules.roster), listed for lupdate.
_PRESET_LABELS_FOR_TRANSLATION = (
    QT_TRANSLATE_NOOP("RosterPresets", "耕地地力保护补贴"),
    QT_TRANSLATE_NOOP("RosterPresets", "低保"),
    QT_TRANSLATE_NOOP("RosterPresets", "临时救助"),
    QT_TRANSLATE_NOOP("RosterPresets", "危房改造"),
    QT_TRANSLATE_NOOP("RosterPresets", "残疾人两项补贴"),
    QT_TRANSLATE_NOOP("RosterPresets", "特困供养"),
    QT_TRANSLATE_NOOP("RosterPresets", "通用名单"),
    QT_TRANSLATE_NOOP("RosterPresets", "资金安排表"),
    QT_TRANSLATE_NOOP("RosterPresets", "奖补资金分配表"),
    QT_TRANSLATE_NOOP("RosterPresets", "分乡镇补贴表"),
)

def preset_label(preset_id: str) -> str:
    return QCoreApplication.translate("RosterPresets", PRESET_LABELS.get(preset_id, preset_id))

_GRID_KIND = {"id_number": "id_number", "int": "int", "quantity": "number", "rate": "number", "money": "money"}
_WIDTH = {"group": 7, "name": 7, "id_number": 19, "household_size": 7, "quantity": 10, "rate": 10,
          "amount": 11, "remark": 14, "bank_card": 20, "bank_branch": 12, "phone": 12, "address": 18}


def column_label(column: RosterColumn) -> str:
    return QCoreApplication.translate("RosterColumns", column.label)


def grid_column(column: RosterColumn) -> GridColumn:
    hint = column.label
    if not column.public:
        hint = QCoreApplication.translate("RosterModel", "%1（内部留存，公示时不打印或打码）").replace("%1", column.label)
    return GridColumn(key=column.key, label=column_label(column), kind=_GRID_KIND.get(column.kind, "text"),
                      width=_WIDTH.get(column.key, 10), hint=hint)


def preset_or_generic(preset_id: str | None) -> list[RosterColumn]:
    try:
        return preset_columns(preset_id)
    except ValueError:
        return preset_columns(None)


def roster_column(key: str, preset_id: str | None) -> RosterColumn:
    """The column for ``key`` as this roster's preset labels it (面积（亩）…), or the standard
    one, or a custom text column headed by its key."""
    return column_from(key, preset_id if preset_id in PRESET_LABELS else None)


def roster_columns(saved: Sequence[Any], preset_id: str | None,
                   rows: Iterable[Mapping[str, Any]] = ()) -> list[RosterColumn]:
    """The columns a roster shows: models.rules.roster.table_columns (the saved columns with their
    labels and units, else the preset's), then any key the rows hold that the list does not name."""
    return table_columns(saved, preset_id if preset_id in PRESET_LABELS else None, rows)


def text_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """Rows from the service or a file as grid text (`text_row`)."""
    return [text_row(r) for r in rows]


def text_row(r: Mapping[str, Any]) -> dict[str, str]:
    """A row from the service or a file as grid text. An amount that equals quantity × rate is left
    blank so the grid shows it computed and keeps it in step with what the clerk changes."""
    row = {k: _cell_text(k, v) for k, v in r.items() if v is not None and v != ""}
    if _amount_follows(r):
        row.pop("amount", None)
    return row


def _amount_follows(r: Mapping[str, Any]) -> bool:
    """The row's amount is quantity × rate (shown computed, not as typed: `text_row`)."""
    q, rate, amount = r.get("quantity"), r.get("rate"), r.get("amount")
    return (isinstance(q, Decimal) and isinstance(rate, Decimal) and isinstance(amount, Decimal)
            and amount_of(q, rate) == amount)


def _filled(v: Any) -> bool:
    """A value from the service or a file that shows as text in its cell (`text_row`)."""
    return v is not None and (v.strip() != "" if isinstance(v, str) else True)


class _SourceText:
    """A row not made into grid text yet, read as if it were (`text_row`), cell by cell: for the passes
    over every row (which text columns hold ID numbers) that should not make 10,000 rows' text."""

    __slots__ = ("source",)

    def __init__(self, source: Mapping[str, Any]):
        self.source = source

    def get(self, key: str, default: Any = None) -> Any:
        v = self.source.get(key)
        if not _filled(v) or key == "amount" and _amount_follows(self.source):
            return default
        return _cell_text(key, v)


def _cell_text(key: str, v: Any) -> str:
    """Stored numbers as a clerk writes them: 18.34 (not 18.3400), amounts with two decimals."""
    if isinstance(v, Decimal):
        if key == "amount" and v == v.quantize(Decimal("0.01")):
            return f"{v:.2f}"
        return quantity_text(v)
    return str(v).strip()


@dataclass
class _RowState:
    """One row parsed and checked once per change (models.rules.roster.parse_row and
    check_parsed_rows): its typed values travel with it, for the totals and the save."""

    blank: bool = True
    findings: dict[str, list[Finding]] = field(default_factory=dict)
    valid_id: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    computed_amount: Decimal | None = None


_BLANK = _RowState()


@dataclass
class PreparedRows:
    """A roster's rows made ready for the grid (`prepare_rows`): which text columns hold ID / card /
    phone numbers, and — when the service's reading came with them — each row's state. The rows'
    text is made when the grid first shows (or reads) a row, from ``sources``: ``rows`` holds a None
    for each (`GridModel._row`)."""

    columns: list[RosterColumn]
    rows: list[dict[str, str] | None]
    number_columns: dict[str, str]
    states: list[_RowState] | None
    # each row as the service gave it (the grid's text was made from it): saved as it is while the
    # row is not edited, so the service knows it for the row it read (see `rows_for_save`)
    sources: list[Mapping[str, Any]] | None = None
    # with the states: the totals and the repeated ID numbers, worked out where the rows were prepared
    totals: dict[str, Any] | None = None
    dups: dict[int, Finding] | None = None


def prepare_rows(columns: Sequence[RosterColumn], rows: Iterable[Mapping[str, Any]],
                 checked: tuple[Sequence[Any], Sequence[Finding]] | None = None) -> PreparedRows:
    """The work of `RosterModel.load` that needs no Qt object, so it may run on a worker thread: the
    rows as grid text and, from ``checked`` (the service's parsed rows and findings, when parsed with
    these columns), each row's state instead of parsing and checking the row again."""
    columns = list(columns)
    rows = list(rows)
    keys = [c.key for c in columns]
    number_columns = number_column_kinds(keys, [_SourceText(r) for r in rows])
    lazy: list[dict[str, str] | None] = [None] * len(rows)
    states = None
    if checked is not None and len(checked[0]) == len(rows) and getattr(checked[0], "columns", None) == columns:
        states = _given_states(keys, rows, checked[0], checked[1])
    if states is None:
        return PreparedRows(columns, lazy, number_columns, states, rows)
    totals = total_parsed((st.values for st in states if not st.blank), columns)
    return PreparedRows(columns, lazy, number_columns, states, rows, totals, duplicate_findings(states))


def _text_keys(keys: Sequence[str]) -> frozenset[str]:
    """The keys models.rules.roster.number_column_kinds looks at, given the grid's keys."""
    return frozenset(k for k in keys if column_from(k).kind == "text")


def duplicate_findings(states: Sequence[_RowState]) -> dict[int, Finding]:
    """Later rows repeating an ID number, by row index (models.rules.roster.duplicate_rows: the first
    one is not flagged, as in the service)."""
    ids = [st.valid_id for st in states]
    return {i: Finding(None, "id_number", "duplicate_id", duplicate_id_message(ids[i] or "", j + 1, i + 1))
            for i, j in duplicate_rows(ids).items()}


def _given_states(keys: list[str], sources: Sequence[Mapping[str, Any]], parsed: Sequence[Mapping[str, Any]],
                  findings: Sequence[Finding]) -> list[_RowState]:
    """Each row's state from the service's reading, read from the rows as the service gave them (not
    from their grid text, which is made only when a row is shown): its findings are the service's for
    that row (row n of the record is grid row n - 1), but for repeated ID numbers, which the model
    works out over the whole grid after every change (`_recheck_duplicates`). The typed values are
    the service's parsed row as it is (parsed with these columns; keys the grid has no column for
    are blank in it, as the columns name every key a row fills: `roster_columns`)."""
    by_row: dict[int, dict[str, list[Finding]]] = {}
    for f in findings:
        if f.row is not None and 0 < f.row <= len(sources) and f.rule != "duplicate_id":
            by_row.setdefault(f.row - 1, {}).setdefault(f.field, []).append(
                Finding(None, f.field, f.rule, f.message, f.severity))
    states: list[_RowState] = []
    for i, (source, values) in enumerate(zip(sources, parsed, strict=True)):
        if not any(_filled(source.get(k)) for k in keys):
            states.append(_BLANK)
            continue
        found = by_row.get(i, {})
        st = _RowState(blank=False, findings=found, values=values)
        st.valid_id = valid_id_of(values, [f for fs in found.values() for f in fs]) if found \
            else valid_id_of(values, ())
        amount = values.get("amount")
        if isinstance(amount, Decimal) and (not _filled(source.get("amount")) or _amount_follows(source)):
            st.computed_amount = amount
        states.append(st)
    return states


class _ColumnsCommand(QUndoCommand):
    """A new column set: cells of the columns it drops leave the rows; undo brings both back."""

    def __init__(self, model: RosterModel, columns: Sequence[RosterColumn], text: str):
        super().__init__(text)
        self.model = model
        self.new = list(columns)
        self.old = list(model.roster_columns)
        self.old_rows: list[dict[str, Any]] = []

    def redo(self) -> None:
        self.old_rows = self.model._all_rows()
        dropped = {c.key for c in self.old} - {c.key for c in self.new}
        self.model._reset_columns(self.new, [{k: v for k, v in r.items() if k not in dropped}
                                             for r in self.old_rows])

    def undo(self) -> None:
        self.model._reset_columns(self.old, self.old_rows)


class RosterModel(GridModel):
    """Roster rows as text, each row checked when it changes; totals on demand."""

    totals_changed = Signal()

    def __init__(self, columns: Sequence[RosterColumn], undo_stack: QUndoStack | None = None, parent=None, *,
                 public: frozenset[str] = frozenset()):
        super().__init__([grid_column(c) for c in columns], undo_stack, parent)
        self.roster_columns = list(columns)
        self._check_keys = [c.key for c in self.roster_columns]
        self._by_key = {c.key: c for c in self.roster_columns}
        self._text_keys = _text_keys(self._check_keys)
        self._state: list[_RowState] = []
        self._sources: list[Mapping[str, Any] | None] = []  # PreparedRows.sources, None once a row is edited
        self._dups: dict[int, Finding] = {}
        self.public = public  # the office's phone numbers: not reported as a villager's
        # text columns that mostly hold ID / card / phone numbers (a property of the whole roster,
        # so worked out over all rows, then given to each row's check)
        self.number_columns: dict[str, str] = {}

    # --- columns ----------------------------------------------------------------------------
    def change_columns(self, columns: Sequence[RosterColumn], text: str = "") -> bool:
        """Show ``columns`` (in this order) as one undo step; the cells of columns left out are
        removed from the rows, the others keep their values. False when nothing changed."""
        if self._read_only or list(columns) == list(self.roster_columns):
            return False
        self.undo_stack.push(_ColumnsCommand(
            self, columns, text or QCoreApplication.translate("RosterModel", "列设置")))
        return True

    def _take_columns(self, columns: Sequence[RosterColumn]) -> None:
        """The column set and what is derived from it (inside a model reset)."""
        self.roster_columns = list(columns)
        self._check_keys = [c.key for c in self.roster_columns]
        self._by_key = {c.key: c for c in self.roster_columns}
        self._text_keys = _text_keys(self._check_keys)
        self._columns = [grid_column(c) for c in columns]
        self._col_index = {c.key: n for n, c in enumerate(self._columns)}

    def show_columns(self, columns: Sequence[RosterColumn]) -> None:
        """Show ``columns`` before the rows are loaded (not a change: no undo step, no signal but the reset)."""
        self.beginResetModel()
        self._take_columns(columns)
        self.endResetModel()

    def filled_counts(self) -> dict[str, int]:
        """How many rows have something in each column (for the warning before dropping one)."""
        counts: dict[str, int] = {}
        for r in self._all_rows():
            for k, v in r.items():
                if v:
                    counts[k] = counts.get(k, 0) + 1
        return counts

    def _reset_columns(self, columns: Sequence[RosterColumn], rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._take_columns(columns)
        self._rows = rows
        self._cell_findings = {}
        self._rows_reset()
        self.endResetModel()
        self._after_change()
        self.reveal.emit(0, 0)

    # --- reading ----------------------------------------------------------------------------
    def load(self, rows: Iterable[Mapping[str, Any]], checked: tuple[Sequence[Any], Sequence[Finding]] | None = None
             ) -> None:
        """Rows as the service returns them (Decimal, int, text); not undoable.

        ``checked``: the service's own reading of these rows — each row as parsed (``parsed_rows``)
        and the record's findings — taken as the rows' states instead of parsing and checking every
        row a second time. Used when it was made with this grid's columns; otherwise the rows are
        checked here."""
        self.load_prepared(prepare_rows(self.roster_columns, rows, checked))

    def load_prepared(self, prepared: PreparedRows) -> None:
        """Rows made ready by `prepare_rows` (on any thread); not undoable."""
        self._prepared = prepared
        try:
            self._reset(prepared.rows)
        finally:
            self._prepared = None

    _prepared: PreparedRows | None = None

    def rows_for_save(self) -> tuple[list[dict[str, Any]], list[int]]:
        """The filled rows for `DisclosureService.set_rows` (blank cells as None, keys the grid
        does not show kept) and, for each, its row index in the grid.

        A row not edited since the service gave it goes back as the service gave it (its values, not
        their text): the service has parsed exactly those cells when it read them and stored them at
        that place, so it neither parses nor writes that row again (models.services.roster_memory)."""
        out, where = [], []
        sources = self._sources
        for i, st in enumerate(self._state):
            if st.blank:
                continue
            source = sources[i]
            if source is not None:
                out.append(source)
            else:
                row: dict[str, Any] = {k: None for k in self._check_keys}
                row.update({k: (v or None) for k, v in self._row(i).items()})
                out.append(row)
            where.append(i)
        return out, where

    def totals(self) -> dict[str, Any]:
        """The table's totals over the filled rows (models.rules.roster.total_parsed over the rows
        as parsed when they last changed): rows, amount, and every summed column in its unit."""
        if self._totals is None:  # once per change: the totals bar, the findings and the save all ask
            self._totals = total_parsed((st.values for st in self._state if not st.blank), self.roster_columns)
        return dict(self._totals)

    _totals: dict[str, Any] | None = None
    _number_columns_known = False

    def row_findings(self) -> list[Finding]:
        """Every finding of the filled rows, row by row in column order (rows 1-based)."""
        out: list[Finding] = []
        order = {k: n for n, k in enumerate(self._check_keys)}
        dups = self._dups
        for i, st in enumerate(self._state):
            if st.blank or not st.findings and i not in dups:
                continue
            items = sorted(st.findings.items(), key=lambda kv: order.get(kv[0], 99))
            for _key, found in items:
                out.extend(Finding(i + 1, f.field, f.rule, f.message, f.severity) for f in found)
            dup = self._dups.get(i)
            if dup is not None:
                out.append(Finding(i + 1, dup.field, dup.rule, dup.message, dup.severity))
        return out

    def error_count(self) -> int:
        return sum(1 for f in self.row_findings() if f.is_error)

    # --- GridModel hooks ----------------------------------------------------------------------
    def _apply(self, changes: Sequence[tuple[int, str, str]]) -> None:
        # cells of no text column cannot change which text columns hold ID numbers: no pass over every row
        if not any(k in self._text_keys for _r, k, _v in changes):
            self._number_columns_known = True
        super()._apply(changes)

    def findings_at(self, row: int, key: str) -> list[Finding]:
        st = self._state[row]
        found = st.findings.get(key)
        if key == "id_number" and row in self._dups:
            return [*(found or []), self._dups[row]]
        extra = self._cell_findings.get((row, key))
        if extra:
            return [*(found or []), *extra]
        return found or []

    def computed(self, row: int, key: str) -> str | None:
        if key == "amount":
            c = self._state[row].computed_amount
            return money_text(c) if c is not None else None
        return None

    def computed_tip(self, row: int, key: str) -> str:
        c = self._state[row].computed_amount
        if key != "amount" or c is None:
            return ""
        return (QCoreApplication.translate("RosterModel", "自动计算：%1 × %2 = %3（四舍五入到分）")
                .replace("%1", self.text(row, "quantity")).replace("%2", self.text(row, "rate"))
                .replace("%3", money_text(c)))

    def _cells_changed(self, rows: list[int]) -> None:
        self._totals = None
        for r in rows:
            self._state[r] = self._compute(r)
            self._sources[r] = None  # saved from its text from now on

    def _rows_inserted(self, at: int, count: int) -> None:
        self._totals = None
        self._state[at:at] = [self._compute(i) for i in range(at, at + count)]
        self._sources[at:at] = [None] * count

    def _rows_removed(self, at: int, count: int) -> None:
        self._totals = None
        del self._state[at:at + count]
        del self._sources[at:at + count]

    def _rows_reset(self) -> None:
        self._totals = None
        ready = self._prepared
        sources = ready.sources if ready is not None else None
        self._sources = list(sources) if sources is not None and len(sources) == len(self._rows) \
            else [None] * len(self._rows)
        if ready is not None and ready.columns == self.roster_columns:
            self.number_columns = ready.number_columns
            self._number_columns_known = True  # worked out by prepare_rows: not again after this reset
        else:
            ready = None
            self.number_columns = number_column_kinds(self._check_keys, self._rows_text())
        given = ready.states if ready is not None else None
        self._state = given if given is not None else [self._compute(i) for i in range(len(self._rows))]
        self._dups = {}
        # prepared with the states (on a worker, for a large roster): taken by the _after_change that follows
        self._ready = (ready.totals, ready.dups) if given is not None and ready.totals is not None else None

    _ready: tuple[dict[str, Any], dict[int, Finding] | None] | None = None

    def _after_change(self) -> None:
        ready, self._ready = self._ready, None
        self._totals = ready[0] if ready is not None else None
        self._recheck_number_columns()
        if ready is not None and ready[1] is not None:
            self._dups = ready[1]  # right after a reset: no cell to repaint
        else:
            self._recheck_duplicates()
        self.totals_changed.emit()
        super()._after_change()

    def _recheck_number_columns(self) -> None:
        """A column that has just become (or stopped being) mostly ID numbers changes how every row
        is checked: recheck them all, which is rare."""
        if self._number_columns_known:
            self._number_columns_known = False
            return
        kinds = number_column_kinds(self._check_keys, self._rows_text())
        if kinds == self.number_columns:
            return
        self.number_columns = kinds
        self._state = [self._compute(i) for i in range(len(self._rows))]
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1))

    # --- rows made lazily --------------------------------------------------------------------
    def _make_row(self, row: int) -> dict[str, Any]:
        """A row's text, made from the row as the service gave it when the grid first needs it."""
        source = self._sources[row]
        return text_row(source) if source is not None else {}

    def _rows_text(self) -> list[Mapping[str, Any]]:
        """Every row as text for a pass over all of them, without making the text of rows not made yet."""
        sources = self._sources
        return [r if r is not None else _SourceText(sources[i]) for i, r in enumerate(self._rows)]

    # --- checking -----------------------------------------------------------------------------
    def _compute(self, i: int) -> _RowState:
        row = self._row(i)
        if not any(row.get(k) for k in self._check_keys):
            return _BLANK
        raw = {k: (row.get(k) or None) for k in self._check_keys}
        parsed = parse_row(raw, row=i + 1, columns=self._by_key)
        found = check_parsed_rows([parsed], self.roster_columns, [i + 1], number_columns=self.number_columns,
                                  public=self.public, duplicates=False)
        by_key: dict[str, list[Finding]] = {}
        for f in found:
            by_key.setdefault(f.field, []).append(Finding(None, f.field, f.rule, f.message, f.severity))
        values = parsed[0]
        st = _RowState(blank=False, findings=by_key, values=values)
        st.valid_id = valid_id_of(values, found)
        amount = values.get("amount")
        if raw.get("amount") is None and isinstance(amount, Decimal):
            st.computed_amount = amount
        return st

    def _recheck_duplicates(self) -> None:
        """Later rows repeating an ID number (the first one is not flagged, as in the service)."""
        dups = duplicate_findings(self._state)
        old = self._dups
        self._dups = dups
        col = self.column_of("id_number")
        if col < 0:
            return
        changed = [r for r in set(old) ^ set(dups) | {r for r in set(old) & set(dups) if old[r] != dups[r]}
                   if r < len(self._rows)]
        if changed:
            self.dataChanged.emit(self.index(min(changed), col), self.index(max(changed), col))
