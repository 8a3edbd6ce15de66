"""The neutral model of a printed notice: what it says, not how it is laid out.

Builders (``notices.py``) turn records into a :class:`NoticeDocument`; the renderer (``render.py``)
lays any document out on paper. Everything here is plain text already formatted for print (money
with separators, dates in Chinese, masked values): the renderer never looks at Decimal or date.

Widths given on a :class:`Column` are in millimetres; the renderer works out everything else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

Align = Literal["left", "center", "right"]
Paper = Literal["A4", "A3"]
RowKind = Literal["data", "section", "subtotal"]

WATERMARK_INTERNAL = "内部资料 不得张贴"


@dataclass(frozen=True)
class Column:
    """One table column. ``label`` carries the unit (``金额（元）``) so every page's header shows it.

    ``wrap=False`` marks cells that must stay on one line (numbers, ID numbers, dates): the column
    gets its full natural width before wrapping columns share what is left. ``min_width`` and
    ``max_width`` (mm) bound the fitted width.
    """

    label: str
    align: Align = "left"
    min_width: float | None = None
    max_width: float | None = None
    wrap: bool = True


@dataclass(frozen=True)
class Table:
    """Rows of plain strings under a header repeated on every page, with an optional totals row.

    ``caption`` (e.g. ``收支明细``) prints above the table; ``row_label`` names a row in error
    messages (``第 {n} 行``, n counted from 1).

    ``row_kinds`` (optional, one per row) marks ``section`` rows — their first cell is a heading
    spanning the table (``一、各项收入``), the other cells are ignored — and ``subtotal`` rows,
    printed bold; everything else is ``data``.
    """

    columns: Sequence[Column]
    rows: Sequence[Sequence[str]]
    totals_row: Sequence[str] | None = None
    caption: str | None = None
    row_label: str = "第 {n} 行"
    row_kinds: Sequence[RowKind] | None = None
    name: str = ""  # what error messages call the table (default: the caption, else 表格)

    def __post_init__(self) -> None:
        width = len(self.columns)
        if width == 0:
            raise ValueError("a table needs at least one column")
        if self.totals_row is not None and len(self.totals_row) != width:
            raise ValueError(f"totals row has {len(self.totals_row)} cells for {width} columns")
        if self.row_kinds is not None and len(self.row_kinds) != len(self.rows):
            raise ValueError(f"{len(self.row_kinds)} row kinds for {len(self.rows)} rows")


@dataclass(frozen=True)
class Para:
    """A paragraph of running text.

    ``style``: ``body`` (indented two characters, the Chinese convention), ``plain`` (no indent),
    ``heading`` (a section heading), ``field`` (``label：value`` lines of a form), ``center``
    (a centred line, e.g. 特此公告), ``right`` (a right-aligned line).
    """

    text: str
    style: Literal["body", "plain", "heading", "field", "center", "right"] = "body"


Block = Para | Table


@dataclass(frozen=True)
class Signature:
    """A signature line: ``村务监督委员会（签字）：________``."""

    role: str
    action: str = "签字"


@dataclass(frozen=True)
class Footer:
    """The block that closes a notice, kept together on one page.

    Posting dates are printed as ``公示时间：2026年7月18日至2026年7月24日（共 7 天）``.
    """

    posting_start: date | None = None
    posting_end: date | None = None
    posting_days: int | None = None
    posting_working_days: bool = False  # "（共 7 个工作日）"
    phones: Sequence[str] = ()  # 监督电话, one entry each: "村务监督委员会 张三 138…"
    accepting_unit: str = ""  # 受理单位
    notes: Sequence[str] = ()  # e.g. "如有异议，请于公示期内向受理单位反映。"
    signatures: Sequence[Signature] = ()
    issuer: str = ""  # 落款: "××村民委员会"
    issue_date: date | None = None
    seal: bool = True  # leave the seal area beside the issuer


@dataclass(frozen=True)
class PrintOptions:
    """How to print: paper, orientation, large print for a board read from 1–2 m, watermark."""

    paper: Paper = "A4"
    landscape: bool = False
    large: bool = False
    watermark: str | None = None  # diagonal text across every page (``WATERMARK_INTERNAL``)

    def __post_init__(self) -> None:
        if self.paper not in ("A4", "A3"):
            raise ValueError(f"paper must be A4 or A3, not {self.paper!r}")


@dataclass(frozen=True)
class NoticeDocument:
    """One notice: title, subtitle lines, body blocks (paragraphs and tables), footer, options.

    ``source`` names the record in error messages (``公开记录 12《…》``). ``kicker`` is a short
    line printed above the title, e.g. ``更正公告``.
    """

    title: str
    subtitles: Sequence[str] = ()
    blocks: Sequence[Block] = ()
    footer: Footer | None = None
    options: PrintOptions = field(default_factory=PrintOptions)
    source: str = ""
    kicker: str | None = None
    #: Printed small at the foot of every page: the audit chain's head when it was printed
    #: ("审计链 第 128 条 3f9a2c1d0e4b"), so paper on the board witnesses the history so far.
    stamp: str = ""

    def with_options(self, **changes) -> NoticeDocument:
        """The same document printed differently (``paper=``, ``landscape=``, ``large=`` …)."""
        return replace(self, options=replace(self.options, **changes))

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]


def date_cn(day: date | None) -> str:
    """``2026年7月18日`` (empty for None)."""
    if day is None:
        return ""
    return f"{day.year}年{day.month}月{day.day}日"


def posting_line(footer: Footer) -> str:
    """``2026年7月18日至2026年7月24日（共 7 天）`` — both ends counted, as real notices do."""
    if footer.posting_start is None and footer.posting_end is None:
        return ""
    days = footer.posting_days
    if days is None and footer.posting_start and footer.posting_end:
        days = (footer.posting_end - footer.posting_start).days + 1
    text = f"{date_cn(footer.posting_start)}至{date_cn(footer.posting_end)}"
    if days:
        text += f"（共 {days} 个工作日）" if footer.posting_working_days else f"（共 {days} 天）"
    return text
