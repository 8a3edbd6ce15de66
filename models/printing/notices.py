"""Builders: records → :class:`NoticeDocument`, one per kind of notice the board carries.

Pure functions over the services' plain results (``DisclosureData``, ``ItemData``,
``FeedbackData``, ``InstallationData``) and the footer settings; no database here (``jobs.py``
fetches). Everything printed is formatted here: money with thousands separators in the unit its
header names, dates in Chinese, personal data de-identified unless ``unmasked``.

Rosters print their PUBLIC columns only, masked by each column's rule (身份证号 first 6 + last 4,
bank card last 4, phone 3 + 4, addresses left out); a text column that mostly holds such numbers is
masked as that kind of column whatever its header. Then every text of every default notice — title,
subtitles, paragraphs, every table's headers, cells and totals — passes through one last step,
:func:`mask_document`, which masks the ID, bank card and phone numbers hidden in free text (a 备注, a
body, a finance 摘要, a villager's question quoted in an answer) with the same masks. The footer is the
office's own (监督电话, 受理单位, 落款) and stays as set, and so do the office's numbers wherever they
appear. Attached tables (附件) are masked like the body. A table too large to hold as lists (kept
packed, `PackedRows`) has its rows put through that step's rule for table rows as they are packed,
and the step does not unpack it again.

The footer block: the installation's footer settings with the record's own ``footer`` put over them
(`PrintSettings.with_override`), defaults and signature lines by install mode and kind
(`models.rules.footer`), one ``附件`` line per attached table; the attached tables themselves print
after the notice (:class:`~models.printing.document.Annex`). ``unmasked=True`` is the internal copy: every column and text in full, and the renderer stamps
"内部资料 不得张贴" across every page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

from ..rules import kinds as K
from ..rules.footer import (
    FOOTER_KEY,
    attached_entries,
    default_accepting_unit,
    issuing_body,
    signature_lines,
)
from ..rules.masking import mask_value
from ..rules.money import ZERO, format_amount_cn, parse_decimal
from ..rules.personal_numbers import CANDIDATE, mask_personal_numbers, value_number_kind
from ..rules.roster import (
    NUMBER_KINDS,
    PRESET_LABELS,
    STANDARD_COLUMNS,
    NumberColumnTallies,
    RosterColumn,
    count_word,
    effective_columns,
    roster_totals,
    table_columns,
)
from .document import (
    PACK_ROWS,
    WATERMARK_INTERNAL,
    Annex,
    Block,
    Column,
    Footer,
    NoticeDocument,
    PackedRows,
    Para,
    PrintOptions,
    Signature,
    Table,
    date_cn,
)
from .settings import DEFAULT_OBJECTION_NOTE, PrintSettings

__all__ = [
    "CATALOG_COLUMNS",
    "HANDOUT_SIGNATURE_LABEL",
    "attached_titles",
    "catalog_notice",
    "disclosure_notice",
    "feedback_answer_notice",
    "mask_document",
    "roster_table",
]

CORRECTION_KICKER = "更正公告"
_CN_NUMBERS = "一二三四五六七八九十"

# --- formatting ----------------------------------------------------------------------------------


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return parse_decimal(value, field="")
    except ValueError:
        return None


def money(value: Any, unit: str = "元") -> str:
    """``205,620.19``; amounts in 万元 keep up to 6 decimals (to the fen). Unreadable values are
    printed as given, blanks as ""."""
    number = _decimal(value)
    if number is None:
        return "" if value is None else str(value)
    return format_amount_cn(number, unit)


def quantity(value: Any) -> str:
    number = _decimal(value)
    if number is None:
        return "" if value is None else str(value)
    return K.quantity_text(number)


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return K.parse_date(value)
    except (TypeError, ValueError):
        return None


def day_text(value: Any) -> str:
    """``2026年7月18日`` for a date or ISO text; other text as given."""
    parsed = _day(value)
    if parsed is not None:
        return date_cn(parsed)
    return "" if value is None else str(value)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _paragraphs(text: str | None, style: str = "body") -> list[Para]:
    return [Para(line.strip(), style) for line in (text or "").splitlines() if line.strip()]  # type: ignore[arg-type]


def _numbered(n: int) -> str:
    return _CN_NUMBERS[n - 1] if 1 <= n <= len(_CN_NUMBERS) else str(n)


# --- what every disclosure notice shares ------------------------------------------------------------


def _village_line(village: Any) -> str:
    return f"{_text(getattr(village, 'township', ''))}{_text(getattr(village, 'name', ''))}"


def _mode(village: Any) -> str:
    return getattr(village, "mode", None) or "village"


def _issuer(village: Any, settings: PrintSettings) -> str:
    return settings.issuer or issuing_body(_mode(village), _text(getattr(village, "name", "")))


def _accepting_unit(village: Any, settings: PrintSettings) -> str:
    return settings.accepting_unit or default_accepting_unit(_mode(village), _text(getattr(village, "name", "")))


def _signatures(kind: str, village: Any) -> tuple[Signature, ...]:
    return tuple(Signature(role) for role in signature_lines(kind, _mode(village)))


def record_settings(data: Any, settings: PrintSettings) -> PrintSettings:
    """The footer settings one record prints with: its own ``footer`` over the installation's."""
    content = getattr(data, "content", None) or {}
    return settings.with_override(content.get(FOOTER_KEY) if isinstance(content, Mapping) else None)


def attached_titles(data: Any, attached: Mapping[int, Any] | None = None) -> list[str]:
    """The 附件 titles a record lists, in order: each entry's own title, else the attached record's."""
    attached = attached or {}
    out = []
    for entry in attached_entries(getattr(data, "content", None) or {}):
        title = entry["title"]
        if not title and entry["record"] in attached:
            title = _text(attached[entry["record"]][0].title)
        out.append(title or f"公开记录第 {entry['record']} 号")
    return out


def _footer(data: Any, village: Any, settings: PrintSettings, item: Any, today: date | None,
            attachments: Sequence[str] = ()) -> Footer:
    posting_note = ""
    if data.posting_start is None:
        days = getattr(item, "posting_days", None)
        if days:
            unit = "个工作日" if getattr(item, "posting_working_days", False) else "天"
            posting_note = f"公示期：自张贴之日起不少于 {days} {unit}。"
    return Footer(
        posting_start=data.posting_start,
        posting_end=data.posting_end,
        posting_days=data.posting_days,
        posting_working_days=bool(data.posting_working_days),
        posting_note=posting_note,
        objection=settings.objection_note or DEFAULT_OBJECTION_NOTE,
        phones=tuple(settings.phones),
        accepting_unit=_accepting_unit(village, settings),
        address=settings.address,
        email=settings.email,
        attachments=tuple(attachments),
        signatures=_signatures(data.kind, village),
        issuer=_issuer(village, settings),
        issue_date=data.posting_start or today,
    )


def _source(data: Any) -> str:
    return f"公开记录 {data.id}《{data.title}》"


def _strip_correction(title: str) -> str:
    return re.sub(r"^更正[：:]\s*", "", title or "")


# --- rosters ---------------------------------------------------------------------------------------

_RIGHT_KINDS = NUMBER_KINDS
_ONE_LINE_KINDS = ("id_number", "int", "quantity", "rate", "money", "bank_card", "phone", "name", "date")
_ONE_LINE_KEYS = ("name",)  # a name is never broken over two lines, however long the others are


def roster_columns(saved: Sequence[Any], preset: str | None, *, unmasked: bool) -> list[RosterColumn]:
    """The columns a table prints: the record's columns in their order (the clerk may reorder,
    rename and re-unit them in the editor), the preset's when the record has none
    (models.rules.roster.table_columns). Public ones only unless ``unmasked``."""
    try:
        columns = table_columns(saved, preset)
    except ValueError:
        columns = table_columns(saved, None)
    return [c for c in columns if unmasked or c.public]


#: Distinct numbers a quantity column's look remembers across a large table's batches (3,000 areas
#: down 100,000 rows are looked at once, not once a batch; a column of all-different numbers costs
#: no more than a few hundred kB).
_SEEN_NUMBERS = 5_000


def _column_places(rows: Sequence[Mapping[str, Any]], key: str) -> int:
    """Decimals to print a quantity column with: as many as its most precise value (at most 4),
    so a column of areas lines up (26.51 / 27.70 / 11.20)."""
    return _places([row.get(key) for row in rows])


def _places(values: list[Any], seen: set[Any] | None = None) -> int:
    """The most decimals (at most 4) any of ``values`` needs, trailing zeros not counted; each
    distinct number looked at once (areas and rates repeat down a column). ``seen``: numbers an
    earlier part of the column already counted (skipped; the new ones are added, up to a few
    thousand)."""
    try:
        distinct: Iterable[Any] = set(values)  # equal numbers need the same decimals (1.5 and 1.50)
    except TypeError:  # a list or a mapping in a custom column
        distinct = values
    else:
        if seen is not None:
            distinct -= seen
            if len(seen) < _SEEN_NUMBERS:
                seen |= distinct
    steps = [Decimal(1).scaleb(-p) for p in range(5)]  # 1, 0.1, … 0.0001
    places = 0
    for value in distinct:
        number = value if isinstance(value, Decimal) else _decimal(value)
        if number is None or not number.is_finite():
            continue
        # trailing zeros do not count (26.5100 has two)
        while places < 4 and number != number.quantize(steps[places]):
            places += 1
        if places == 4:
            return 4
    return places


def _cell_formatter(column: RosterColumn, unmasked: bool, places: int = 2) -> Callable[[Any], str]:
    kind = column.kind
    if column.mask and not unmasked:
        rule = column.mask
        if STANDARD_COLUMNS.get(column.key) is None or STANDARD_COLUMNS[column.key].mask is None:
            # A text column treated as an ID / card / phone column for what it holds: its numbers
            # are masked as the column's kind, other text ("不详") stays (free-text masking follows).
            return lambda v: "" if v is None or v == "" else (
                mask_value(rule, v) if value_number_kind(v) else str(v).strip())
        return lambda v: "" if v is None or v == "" else mask_value(rule, v)
    if kind == "money":
        return lambda v: "" if v is None or v == "" else money(v, column.unit)
    if kind in ("quantity", "rate"):
        def fixed(v: Any) -> str:
            number = _decimal(v)
            if number is None:
                return "" if v is None else str(v)
            return f"{number:,.{places}f}"
        return fixed
    if kind == "signature":  # a blank box for a hand-written signature or thumbprint
        return lambda v: ""
    return lambda v: "" if v is None else str(v).strip()


def _total_cell(column: RosterColumn, value: Any, places: int) -> str:
    """A summed column's total, in the column's unit as its cells are printed."""
    if value is None:
        return ""
    if column.kind == "money":
        return money(value, column.unit)
    if column.kind == "int":
        return str(value)
    return f"{_decimal(value):,.{places}f}"


HANDOUT_SIGNATURE_LABEL = "受益户签字（手印）"
_SIGNATURE_KIND = "signature"  # a column type of the table model: blank on paper, hand-out copy only


def handout_columns(columns: Sequence[RosterColumn], handout: bool) -> list[RosterColumn]:
    """The columns one copy prints: a signature column (the table's own, else a blank
    受益户签字（手印）) only on the hand-out copy, never on the board copy."""
    kept = [c for c in columns if c.kind != _SIGNATURE_KIND]
    if not handout:
        return kept
    own = [c for c in columns if c.kind == _SIGNATURE_KIND]
    return kept + (own or [RosterColumn("handout_signature", HANDOUT_SIGNATURE_LABEL, _SIGNATURE_KIND)])  # type: ignore[arg-type]


def roster_table(rows: Sequence[Mapping[str, Any]], columns: Sequence[RosterColumn], *,
                 totals: Mapping[str, Any] | None = None, unmasked: bool = False,
                 count_word: str = "户", places: Mapping[str, int] | None = None,
                 public: frozenset[str] | None = None) -> Table:
    """A table as printed: 序号 first, the given columns headed by label and unit ("金额（万元）"),
    a 合计 row counting the rows in ``count_word`` (户 / 人 / 项 / 个) and totalling each summed
    column in its unit (a column that is not summed — mixed products — has no total). A ``signature`` column prints blank, wide enough to sign in.
    ``places``: the quantity columns' decimal places (:func:`_column_places`), when already worked out.
    ``public``: for a notice :func:`mask_document` will mask (with these public numbers), a large
    table's rows are masked by its rule as they are packed, so it need not unpack them to do it."""
    if places is None:
        places = {c.key: _column_places(rows, c.key) for c in columns if c.kind in ("quantity", "rate")}
    formatters = [(c.key, (lambda _v: "") if c.kind == _SIGNATURE_KIND else
                   _cell_formatter(c, unmasked, places.get(c.key, 2))) for c in columns]
    cells = ([str(n), *[fmt(row.get(key)) for key, fmt in formatters]] for n, row in enumerate(rows, start=1))
    body: Sequence[Sequence[str]]
    if len(rows) <= PACK_ROWS:
        body = list(cells)
    elif public is not None and not unmasked:
        body = PackedRows(map(_row_mask(public), cells), masked=public)
    else:
        body = PackedRows(cells)
    printed = [Column("序号", "center", wrap=False)]
    for c in columns:
        align = "right" if c.kind in _RIGHT_KINDS else ("center" if c.kind == "id_number" else "left")
        max_width = 45 if c.key == "remark" else None
        one_line = c.kind in _ONE_LINE_KINDS or c.key in _ONE_LINE_KEYS
        min_width = 28 if c.kind == "signature" else None
        printed.append(Column(c.label, align, wrap=not one_line, max_width=max_width, min_width=min_width))
    totals = totals if totals is not None else roster_totals(rows, columns)
    total_cells = ["合计"] + [""] * len(columns)
    # the count goes under the first text column (姓名, 项目名称, 乡镇 …)
    count_at = next((i for i, c in enumerate(columns) if c.key == "name"), None)
    if count_at is None:
        count_at = next((i for i, c in enumerate(columns) if c.kind in ("text", "name")), None)
    if count_at is not None:
        total_cells[count_at + 1] = f"共 {len(rows)} {count_word}"
    for i, c in enumerate(columns):
        if c.summed and c.kind in NUMBER_KINDS and i != count_at:
            total_cells[i + 1] = _total_cell(c, totals.get(c.key), places.get(c.key, 2))
    signing = any(c.kind == _SIGNATURE_KIND for c in columns)
    return Table(printed, body, totals_row=total_cells, name="名单", min_row_height=12 if signing else None)


def _roster_table(data: Any, item: Any, public: frozenset[str] | None, handout: bool = False) -> Table:
    """The record's table; ``public``: the public numbers its notice is masked with (``None``: the
    unmasked copy)."""
    unmasked = public is None
    preset = getattr(item, "roster_preset", None)
    columns = roster_columns(data.columns, preset, unmasked=unmasked)
    if not columns:
        columns = roster_columns([], "generic", unmasked=unmasked)
    kinds = places = None
    by_column = getattr(data.rows, "columns", None)
    if by_column is not None:  # a large table read in batches (models.printing.direct): one look for both
        kinds, places = _look_in_batches(columns, by_column)
    columns = handout_columns(effective_columns(columns, data.rows, kinds=kinds), handout)
    summed = table_columns(data.columns, preset if preset in PRESET_LABELS else None)
    totals = _record_totals(data, summed)
    if totals is None:
        totals = roster_totals(data.rows, summed)
    return roster_table(data.rows, columns, totals=totals, unmasked=unmasked, count_word=count_word(preset),
                        places=places, public=public)


def _look_in_batches(columns: Sequence[RosterColumn], by_column: Callable[..., Iterable[Mapping[str, list[Any]]]]
                     ) -> tuple[dict[str, str], dict[str, int]]:
    """What the columns need from every row — the text columns holding personal numbers
    (`number_column_kinds`) and the quantity columns' decimal places (`_column_places`, the most any
    batch needs) — from one pass over the rows in batches, column by column (``by_column(keys)``:
    only those columns read, each batch's values of a column as one list)."""
    tallies = NumberColumnTallies(columns)
    places = {c.key: 0 for c in columns if c.kind in ("quantity", "rate")}
    seen: dict[str, set[Any]] = {key: set() for key in places}
    for batch in by_column(set(tallies.tallies) | set(places)):
        tallies.add_columns(batch)
        for key, most in places.items():
            if most < 4:
                places[key] = max(most, _places(batch[key], seen[key]))
    return tallies.kinds(), places


def _record_totals(data: Any, columns: Sequence[RosterColumn]) -> Mapping[str, Any] | None:
    """The record's own totals when they cover this table — the services' (computed from these rows
    by the one rule, `roster_totals`, on reading) or a posted record's stored, sealed 合计 (checked
    against its rows by `cunwu check`) — so a 10,000-row table is not parsed again to print them:
    the row count matches and every summed column has its entry. Else ``None``."""
    totals = getattr(data, "totals", None)
    if not isinstance(totals, Mapping) or totals.get("rows") != len(data.rows):
        return None
    if any(c.summed and c.kind in NUMBER_KINDS and c.key not in totals for c in columns):
        return None
    return totals


def _roster_blocks(data: Any, item: Any, public: frozenset[str] | None, handout: bool = False) -> list[Block]:
    word = count_word(getattr(item, "roster_preset", None))
    blocks: list[Block] = _paragraphs(data.body) or [
        Para(f"现将{data.period_label}{data.item_name}{'名单' if word in ('户', '人') else ''}公示如下"
             f"（共 {len(data.rows)} {word}）：")]
    blocks.append(_roster_table(data, item, public, handout))
    return blocks


def _annexes(data: Any, attached: Mapping[int, Any], public: frozenset[str] | None) -> list[Annex]:
    """The attached tables that print after the notice, in the order the record lists them
    (``public``: as for :func:`_roster_table`)."""
    entries = attached_entries(getattr(data, "content", None) or {})
    titles = attached_titles(data, attached)
    labels = ["附件"] if len(entries) == 1 else [f"附件{n}" for n in range(1, len(entries) + 1)]
    out = []
    for entry, title, label in zip(entries, titles, labels, strict=True):
        if entry["record"] is None or entry["record"] not in attached:
            continue  # a paper attachment: listed in the footer only
        table_data, table_item = attached[entry["record"]]
        table = replace(_roster_table(table_data, table_item, public), name=title)
        out.append(Annex(title, [*_paragraphs(getattr(table_data, "body", "")), table], label))
    return out


# --- finance ----------------------------------------------------------------------------------------


def _finance_blocks(data: Any) -> list[Block]:
    content = data.content or {}
    rows = K.content_items(content.get("rows"))
    opening = _decimal(content.get("opening"))
    totals = K.finance_totals(content)
    closing = _decimal(content.get("closing"))
    if closing is None:
        closing = totals.get("closing")
    order = {name: i for i, name in enumerate(K.FINANCE_CLASSES)}
    grouped: dict[str, list[tuple[int, Mapping[str, Any]]]] = {}
    for n, row in enumerate(rows, start=1):
        cls = _text(row.get("class"))
        grouped.setdefault(cls if cls in order else "其他", []).append((n, row))
    table_rows: list[list[str]] = []
    kinds: list[str] = []
    serial = 0
    for number, cls in enumerate(sorted(grouped, key=lambda c: order[c]), start=1):
        table_rows.append([f"{_numbered(number)}、{cls}", "", "", "", "", ""])
        kinds.append("section")
        income_sum = expense_sum = ZERO
        for _, row in grouped[cls]:
            serial += 1
            day = _day(row.get("date"))
            income = _decimal(row.get("income"))
            expense = _decimal(row.get("expense"))
            income_sum += income or ZERO
            expense_sum += expense or ZERO
            table_rows.append([
                str(serial), f"{day.month}月{day.day}日" if day else _text(row.get("date")),
                _text(row.get("voucher")), _text(row.get("summary")),
                money(income) if income is not None else "", money(expense) if expense is not None else "",
            ])
            kinds.append("data")
        table_rows.append(["", "", "", f"{cls}小计", money(income_sum) if income_sum else "",
                           money(expense_sum) if expense_sum else ""])
        kinds.append("subtotal")
    table = Table(
        [Column("序号", "center", wrap=False), Column("日期", "center", wrap=False),
         Column("凭证号", "center", wrap=False), Column("摘要"),
         Column("收入（元）", "right", wrap=False), Column("支出（元）", "right", wrap=False)],
        table_rows,
        totals_row=["合计", "", "", f"共 {len(rows)} 笔", money(totals["income"]), money(totals["expense"])],
        caption="收支明细", row_kinds=kinds, name="收支明细",
    )
    blocks: list[Block] = _paragraphs(data.body)
    blocks.append(Para(f"期初余额：{money(opening) if opening is not None else '—'} 元", "field"))
    blocks.append(table)
    blocks.append(Para(
        f"本期收入合计 {money(totals['income'])} 元，支出合计 {money(totals['expense'])} 元；"
        f"期初余额 {money(opening) if opening is not None else '—'} 元，"
        f"期末余额 {money(closing) if closing is not None else '—'} 元。", "field"))
    return blocks


# --- projects, 一事一议 ------------------------------------------------------------------------------


def _funding_table(lines: Any, unit: str, *, what: str = "资金来源",
                   caption: str | None = None) -> Table:
    """A funding list (sources or uses) as printed on real funding notices: 序号, the line's name, a
    文号 column when any line has one, the amount in the plan's unit, and a 合计 row: the sum of the
    lines (a printed total equals its rows; the checks hold the stated total equal to it)."""
    items = K.content_items(lines)
    with_doc = any(_text(s.get("doc_no")) for s in items)
    columns = [Column("序号", "center", wrap=False), Column(what)]
    if with_doc:
        columns.append(Column("文号"))
    columns.append(Column(f"金额（{unit}）", "right", wrap=False))
    rows = [[str(n), _text(s.get("name")), *([_text(s.get("doc_no"))] if with_doc else []), money(s.get("amount"), unit)]
            for n, s in enumerate(items, start=1)]
    computed = sum((_decimal(s.get("amount")) or ZERO for s in items), ZERO)
    totals = ["合计", "", *([""] if with_doc else []), money(computed, unit)]
    return Table(columns, rows, totals_row=totals, caption=caption or what, name=what)


def _project_blocks(data: Any) -> list[Block]:
    c = data.content or {}
    unit = _text(c.get("unit")) or "元"
    funding = K.is_funding_plan(c)
    blocks: list[Block] = _paragraphs(data.body)
    stated = "资金总额" if funding else "总投资"
    fields = [
        ("资金名称" if funding else "项目名称", _text(c.get("name"))),
        ("建设地点", _text(c.get("location"))),
        ("建设内容", _text(c.get("content"))),
        (stated, f"{money(c.get('budget'), unit)} {unit}" if c.get("budget") not in (None, "") else ""),
        ("施工单位", _text(c.get("contractor"))),
        ("招标方式", _text(c.get("bidding"))),
        ("开工日期", day_text(c.get("start"))),
        ("竣工日期", day_text(c.get("end"))),
    ]
    blocks += [Para(f"{label}：{value}", "field") for label, value in fields if value]
    if funding:
        # 资金安排公示: numbered sections, sources by level with their 文号, then the uses
        blocks.append(_funding_table(c.get("sources"), unit, caption="一、资金来源"))
        blocks.append(_funding_table(c.get("uses"), unit, what="资金用途", caption="二、资金用途"))
    else:
        blocks.append(_funding_table(c.get("sources"), unit))
    stages = K.content_items(c.get("stages"))
    if stages:
        blocks.append(Table(
            [Column("序号", "center", wrap=False), Column("阶段"), Column("日期", "center", wrap=False),
             Column("进展情况")],
            [[str(n), _text(s.get("name")), day_text(s.get("date")), _text(s.get("result"))]
             for n, s in enumerate(stages, start=1)],
            caption="实施进度", name="实施进度"))
    return blocks


def _raise_period(start: Any, end: Any) -> str:
    """筹资筹劳时间: ``2026年3月1日至2026年3月31日``, or the one day given."""
    first, last = day_text(start), day_text(end)
    if first and last:
        return f"{first}至{last}"
    return first or last


def _yishi_blocks(data: Any) -> list[Block]:
    c = data.content or {}
    unit = _text(c.get("unit")) or "元"
    blocks: list[Block] = _paragraphs(data.body)
    fields = [
        ("议事项目", _text(c.get("project"))),
        ("建设性质", _text(c.get("nature"))),
        ("建设规模", _text(c.get("scale"))),
        ("筹资筹劳总额", f"{money(c.get('total'), unit)} {unit}" if c.get("total") not in (None, "") else ""),
        ("筹资筹劳时间", _raise_period(c.get("raise_start"), c.get("raise_end"))),
    ]
    blocks += [Para(f"{label}：{value}", "field") for label, value in fields if value]
    blocks.append(_funding_table(c.get("sources"), unit))
    standard = []
    per_person = _decimal(c.get("per_person"))
    if per_person:  # optional: a plan without a money contribution prints none (never "0.00 元")
        standard.append(f"每人筹资 {money(per_person)} 元")
    terms = K.labour_terms(c)
    if terms is None and _decimal(c.get("labour_days")):
        standard.append(f"每人投劳 {quantity(c.get('labour_days'))} 个工日")
    if standard:
        blocks.append(Para("筹资筹劳标准：" + "，".join(standard) + "。", "field"))
    if terms is not None:
        persons, days, rate = terms
        blocks.append(Para(
            f"筹劳：{persons} 人 × {quantity(days)} 天 × {money(rate)} 元/人·天 = "
            f"投劳折资 {money(K.labour_money(persons, days, rate))} 元。", "field"))
    members = K.finance_group_members(c.get("finance_group"))
    if members:
        blocks.append(Para(f"理财小组成员：{'、'.join(members)}", "field"))
    exemptions = K.content_items(c.get("exemptions"))
    if exemptions:
        blocks.append(Table(
            [Column("序号", "center", wrap=False), Column("减免对象"), Column("减免理由")],
            [[str(n), _text(e.get("name")), _text(e.get("reason"))] for n, e in enumerate(exemptions, start=1)],
            caption="减免对象", name="减免对象"))
    return blocks


# --- 四议两公开 --------------------------------------------------------------------------------------


def _decision_blocks(data: Any) -> list[Block]:
    c = data.content or {}
    meetings = K.content_items(c.get("meetings"))
    failed_rows = {f.row for f in K.check_decision(c) if f.rule in ("quorum", "majority") and f.row}
    combined = c.get("combined_first_two") is True or _text(c.get("combined_first_two")).lower() in ("true", "1")

    def count(value: Any) -> str:
        return "" if value is None or value == "" else str(value)

    # A meeting counted by households prints 户: the header then leaves the unit to each cell.
    by_households = any(K.meeting_counted(m) == "households" for m in meetings)

    def attend(value: Any, who: str) -> str:
        text = count(value)
        return f"{text} {who}" if text and by_households else text

    rows: list[list[str]] = []
    seen: set[int] = set()
    by_stage: dict[int, list[tuple[int, Mapping[str, Any]]]] = {}
    for n, m in enumerate(meetings, start=1):
        try:
            stage = int(str(m.get("stage")))
        except ValueError:
            continue
        by_stage.setdefault(stage, []).append((n, m))
    decided: tuple[int, Mapping[str, Any]] | None = None
    for stage in sorted(K.DECISION_STAGES):
        name = K.DECISION_STAGES[stage][0]
        held = by_stage.get(stage, [])
        if not held:
            note = "与第一步合并召开" if combined and stage in (1, 2) and (by_stage.get(1) or by_stage.get(2)) else "尚未进行"
            rows.append([str(stage), name, "", "", "", "", "", "", "", "—", note])
            continue
        for n, m in held:
            seen.add(n)
            kind = _text(m.get("kind"))
            if kind in K.VOTING_MEETINGS:
                result = "未通过" if n in failed_rows else "通过"
                if stage == 4:
                    decided = (n, m)
            elif kind == "notice":
                result = "已公开"
            else:
                result = "—"
            who = K.attendance_unit(m)
            rows.append([str(stage), name, K.MEETING_KINDS.get(kind, kind), day_text(m.get("date")),
                         attend(m.get("due"), who), attend(m.get("present"), who), count(m.get("for")),
                         count(m.get("against")), count(m.get("abstain")), result, _text(m.get("content"))])
    blocks: list[Block] = _paragraphs(data.body)
    if _text(c.get("matter")):
        blocks.append(Para(f"决策事项：{_text(c.get('matter'))}", "field"))
    if combined:
        blocks.append(Para("村党组织书记、村委会主任“一肩挑”，第一、二步合并召开会议。", "field"))
    # The count columns hold two or three digits under two-word headers: the headers keep their
    # words whole ("同意" / "（票）"), never one character a line.
    blocks.append(Table(
        [Column("步骤", "center", wrap=False, header_lines=1), Column("程序"), Column("会议"),
         Column("日期", "center", wrap=False),
         Column("应到" if by_households else "应到（人）", "right", wrap=False, header_lines=2),
         Column("实到" if by_households else "实到（人）", "right", wrap=False, header_lines=2),
         Column("同意（票）", "right", wrap=False, header_lines=2),
         Column("反对（票）", "right", wrap=False, header_lines=2),
         Column("弃权（票）", "right", wrap=False, header_lines=2), Column("结果", "center"), Column("主要内容")],
        rows, caption="“四议两公开”程序", name="四议两公开程序"))
    if decided is not None:
        n, m = decided
        outcome = "决议未通过" if n in failed_rows else "决议通过"
        who = K.attendance_unit(m)
        blocks.append(Para(
            f"表决结果：经{K.MEETING_KINDS.get(_text(m.get('kind')), '')}表决，应到 {count(m.get('due'))} {who}，"
            f"实到 {count(m.get('present'))} {who}，同意 {count(m.get('for')) or 0} 票，"
            f"反对 {count(m.get('against')) or 0} 票，弃权 {count(m.get('abstain')) or 0} 票，{outcome}。", "field"))
    else:
        blocks.append(Para("表决结果：尚未经村民会议或村民代表会议表决。", "field"))
    return blocks


# --- the public builders ---------------------------------------------------------------------------


#: kind → the blocks of its notice (data, catalog item, print options, the public numbers
#: `mask_document` will mask the notice with — ``None`` for the unmasked copy). Every kind of
#: ``catalog_terms.KINDS`` has one; a kind without is refused, never printed as a plain notice.
PRINTERS: dict[str, Callable[[Any, Any, PrintOptions, frozenset[str] | None], list[Block]]] = {
    "notice": lambda data, item, options, public: _paragraphs(data.body),
    "roster": lambda data, item, options, public: _roster_blocks(data, item, public, options.handout),
    "finance": lambda data, item, options, public: _finance_blocks(data),
    "project": lambda data, item, options, public: _project_blocks(data),
    "yishi": lambda data, item, options, public: _yishi_blocks(data),
    "decision": lambda data, item, options, public: _decision_blocks(data),
}


def disclosure_notice(data: Any, *, village: Any, settings: PrintSettings | None = None, item: Any = None,
                      options: PrintOptions | None = None, unmasked: bool = False, superseded: Any = None,
                      today: date | None = None, attached: Mapping[int, Any] | None = None) -> NoticeDocument:
    """The notice for one disclosure record (``DisclosureData``) of any kind.

    ``village``: ``InstallationData`` (mode, name, township); ``item``: the catalog ``ItemData``
    (roster preset, posting days); ``superseded``: the record a correction replaces, when it is one;
    ``today``: the issue date of a record not yet posted; ``attached``: the records its
    ``attached_tables`` name, ``{id: (DisclosureData, ItemData)}`` — printed after it as 附件.
    """
    settings = record_settings(data, settings or PrintSettings())
    options = options or PrintOptions()
    if unmasked and options.watermark is None:
        options = replace(options, watermark=WATERMARK_INTERNAL)
    attached = attached or {}
    printer = PRINTERS.get(data.kind)
    if printer is None:
        raise ValueError(f"没有“{data.kind}”类记录的打印格式")
    public = None if unmasked else frozenset(settings.public_numbers)
    blocks = printer(data, item, options, public)
    kicker = None
    title = data.title
    if data.is_correction:
        kicker = CORRECTION_KICKER
        title = _strip_correction(data.title)
        if superseded is not None:
            when = f"于{date_cn(superseded.posting_start)}" if superseded.posting_start else ""
            named = f"{when}张贴公示的《{superseded.title}》（公开记录第 {superseded.id} 号）"
        else:
            named = f"公开记录第 {data.supersedes} 号" if data.supersedes else "原公告"
        blocks.insert(0, Para(f"本村{named}内容有误，现予更正。原公告作废，以本公告为准。更正后的内容如下："))
    subtitles = [_village_line(village),
                 f"公开事项：{data.item_name}　　期间：{data.period_label}　　编号：{data.id}"]
    doc = NoticeDocument(title=title, subtitles=subtitles, blocks=blocks,
                         footer=_footer(data, village, settings, item, today, attached_titles(data, attached)),
                         annexes=_annexes(data, attached, public), options=options,
                         source=_source(data), kicker=kicker)
    return doc if public is None else mask_document(doc, public)


CATALOG_COLUMNS: tuple[tuple[str, str, Callable[[Any], str]], ...] = (
    ("一级事项", "left", lambda i: i.group),
    ("二级事项", "left", lambda i: i.name),
    ("公开内容", "left", lambda i: i.content),
    ("公开依据", "left", lambda i: i.basis),
    ("公开时限", "left", lambda i: i.timing_text),
    ("公开主体", "left", lambda i: i.publisher),
    ("公开渠道", "left", lambda i: "、".join(i.channels)),
    ("公开对象", "center", lambda i: i.audience),
    ("公开方式", "center", lambda i: i.mode),
    ("公开层级", "center", lambda i: i.level),
)


def catalog_notice(items: Sequence[Any], *, village: Any, settings: PrintSettings | None = None,
                   options: PrintOptions | None = None, today: date | None = None) -> NoticeDocument:
    """The village's catalog in the national standard-catalog layout (国办发〔2019〕54号), landscape."""
    settings = settings or PrintSettings()
    options = options or PrintOptions(landscape=True)
    rows = [[str(n), *[_text(get(item)) for _, _, get in CATALOG_COLUMNS]] for n, item in enumerate(items, start=1)]
    columns = [Column("序号", "center", wrap=False)] + [
        Column(label, align, max_width=70 if label in ("公开内容", "公开依据") else None)  # type: ignore[arg-type]
        for label, align, _ in CATALOG_COLUMNS]
    notes = []
    consulted, adopted = getattr(village, "consulted_on", None), getattr(village, "adopted_on", None)
    if consulted or adopted:
        parts = []
        if consulted:
            parts.append(f"{date_cn(consulted)}经乡镇会商")
        if adopted:
            by = _text(getattr(village, "adopted_by", "")) or "村级"
            parts.append(f"{date_cn(adopted)}经{by}认可")
        notes.append("本目录" + "，".join(parts) + "。")
    footer = Footer(notes=tuple(notes), issuer=_issuer(village, settings), issue_date=today)
    return mask_document(NoticeDocument(
        title=f"{_text(getattr(village, 'name', ''))}村务公开事项目录",
        subtitles=[f"{_village_line(village)}　　标准目录　　共 {len(items)} 项"],
        blocks=[Table(columns, rows, name="目录")], footer=footer, options=options, source="公开事项目录"),
        settings.public_numbers)


def feedback_answer_notice(feedback: Any, *, village: Any, settings: PrintSettings | None = None,
                           options: PrintOptions | None = None) -> NoticeDocument:
    """异议答复: the committee's answer to a villager's question about a posted notice.

    The villager who asked is not named (有村民): the answer is public, the asker need not be.
    Raises ValueError when the question has no answer yet.
    """
    if not getattr(feedback, "answer_text", None):
        raise ValueError(f"群众意见 {feedback.id} 尚未答复，不能打印答复公告")
    settings = settings or PrintSettings()
    title = feedback.disclosure_title
    blocks: list[Block] = [
        Para(f"{date_cn(feedback.received_on)}，有村民对本村公示的《{title}》提出意见：“{feedback.text.strip()}”"),
        Para("经村民委员会会同村务监督委员会核实，现答复如下：" if _mode(village) == "village" else "经核实，现答复如下："),
        *_paragraphs(feedback.answer_text),
        Para("如对本答复仍有疑问，可向受理单位反映。", "body"),
        Para("特此答复。", "body"),
    ]
    footer = Footer(phones=tuple(settings.phones), accepting_unit=_accepting_unit(village, settings),
                    signatures=_signatures("notice", village), issuer=_issuer(village, settings),
                    issue_date=feedback.answered_on)
    return mask_document(NoticeDocument(
        title=f"关于群众对《{title}》所提意见的答复", subtitles=[_village_line(village)], blocks=blocks,
        footer=footer, options=options or PrintOptions(), source=f"群众意见 {feedback.id}"),
        settings.public_numbers)


def _row_mask(public: frozenset[str]) -> Callable[[Sequence[str]], Sequence[str]]:
    """A table row with the personal numbers in its cells masked (`mask_personal_numbers`, ``public``
    kept): the row itself when there is nothing to mask. The one rule for a table's cells, whether
    :func:`mask_document` applies it or a large table's rows go through it as they are packed."""
    search = CANDIDATE.search

    def cells(row: Sequence[str]) -> Sequence[str]:
        # most cells are names, amounts and masked IDs: the pre-filter (may_hold_number, inlined:
        # 10,000 rows × 10 cells) alone answers for them
        out = [mask_personal_numbers(cell, public=public) if len(cell) >= 10 and search(cell) else cell
               for cell in row]
        return row if out == row else out  # a row with nothing to mask is not copied (100,000 rows)
    return cells


def mask_document(doc: NoticeDocument, public: Iterable[str] = ()) -> NoticeDocument:
    """``doc`` with the personal numbers in every text masked (``models.rules.personal_numbers``):
    the last step before layout of every default (posted) notice. ``public``: the office's own
    numbers, which stay. The footer is the office's and is left as it is."""
    pub = frozenset(public)

    def m(text: str) -> str:
        return mask_personal_numbers(text, public=pub)

    cells = _row_mask(pub)

    def masked(source: Sequence[Block]) -> list[Block]:
        blocks: list[Block] = []
        for block in source:
            if isinstance(block, Para):
                blocks.append(replace(block, text=m(block.text)))
                continue
            blocks.append(replace(
                block, columns=[replace(c, label=m(c.label)) for c in block.columns],
                # a packed row with nothing to mask stays as it was packed (``cells`` gives it back);
                # rows masked so as they were packed (`roster_table`) are not gone over again
                rows=((block.rows if block.rows.masked == pub else block.rows.map(cells))
                      if isinstance(block.rows, PackedRows) else [cells(row) for row in block.rows]),
                totals_row=cells(block.totals_row) if block.totals_row is not None else None,
                caption=m(block.caption) if block.caption else block.caption))
        return blocks

    annexes = [replace(a, title=m(a.title), blocks=masked(a.blocks)) for a in doc.annexes]
    return replace(doc, title=m(doc.title), subtitles=[m(s) for s in doc.subtitles], blocks=masked(doc.blocks),
                   annexes=annexes, source=m(doc.source), kicker=m(doc.kicker) if doc.kicker else doc.kicker)
