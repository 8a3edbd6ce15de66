"""The neutral model of a printed notice: what it says, not how it is laid out.

Builders (``notices.py``) turn records into a :class:`NoticeDocument`; the renderer (``render.py``)
lays any document out on paper. Everything here is plain text already formatted for print (money
with separators, dates in Chinese, masked values): the renderer never looks at Decimal or date.

Widths given on a :class:`Column` are in millimetres; the renderer works out everything else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
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
    ``max_width`` (mm) bound the fitted width. ``header_lines``: the most lines the header may take
    however narrow the table gets (a narrow count column headed "同意（票）" keeps "同意" whole on
    its line instead of one character a line); by default a header wraps as the width allows.
    """

    label: str
    align: Align = "left"
    min_width: float | None = None
    max_width: float | None = None
    wrap: bool = True
    header_lines: int | None = None


#: Above this many rows a table's cells are kept packed (:class:`PackedRows`).
PACK_ROWS = 20_000
_SEP = "\x1f"  # joins a packed row's cells (a row holding it anywhere is kept as its list)


class PackedRows(Sequence[list[str]]):
    """A large table's rows, each kept as one UTF-8 string of its cells (100,000 rows of eight cells:
    some 8 MB, where ``str`` took 15 — a row with one Chinese character is two bytes a character as
    ``str``, mostly digits in UTF-8 — and lists of strings 57), given back as a list of cells when
    read. Read-only."""

    __slots__ = ("_rows",)

    def __init__(self, rows: Iterable[Sequence[str]] = ()) -> None:
        self._rows: list[bytes | list[str]] = [_pack(row) for row in rows]

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, k):  # type: ignore[override]
        if isinstance(k, slice):
            return [_unpack(v) for v in self._rows[k]]
        return _unpack(self._rows[k])

    def __iter__(self) -> Iterator[list[str]]:
        for v in self._rows:
            yield _unpack(v)

    def map(self, change: Callable[[list[str]], Sequence[str]],
            unchanged: Callable[[str], bool] | None = None) -> PackedRows:
        """The rows through ``change``; a row it gives back as it was (the same object) stays packed as it
        was, and so does a packed row for which ``unchanged`` (given the cells joined by a separator that
        no rule looks for) says that ``change`` would not change it."""
        out = PackedRows()
        rows = out._rows
        for v in self._rows:
            if v.__class__ is bytes:
                joined = v.decode()  # type: ignore[union-attr]
                if unchanged is not None and unchanged(joined):
                    rows.append(v)
                    continue
                row = joined.split(_SEP)
            else:
                row = list(v)
            changed = change(row)
            rows.append(v if changed is row else _pack(changed))
        return out

    def cell_counts_are(self, width: int) -> bool:
        """Whether every row has ``width`` cells."""
        seps = width - 1
        return all(v.count(_SEP_BYTE) == seps if v.__class__ is bytes else len(v) == width for v in self._rows)

    def chars(self) -> set[str]:
        """Every character of every cell."""
        packed = [v for v in self._rows if v.__class__ is bytes]
        chars: set[str] = set()
        for start in range(0, len(packed), 5_000):
            chars.update(b"".join(packed[start:start + 5_000]).decode())  # type: ignore[arg-type]
        chars.discard(_SEP)
        for v in self._rows:
            if v.__class__ is not bytes:
                chars.update("".join(v))
        return chars


_SEP_BYTE = _SEP.encode()


def _pack(row: Sequence[str]) -> bytes | list[str]:
    joined = _SEP.join(row)
    if joined.count(_SEP) != len(row) - 1:
        return list(row)
    try:
        return joined.encode()
    except UnicodeEncodeError:  # a lone surrogate: kept as it came, as its list
        return list(row)


def _unpack(v: bytes | list[str]) -> list[str]:
    return v.decode().split(_SEP) if v.__class__ is bytes else list(v)  # type: ignore[union-attr]


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
    min_row_height: float | None = None  # mm: data rows at least this tall (room to sign on a hand-out sheet)

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


FooterLineKind = Literal["posting", "objection", "note", "phone", "unit", "address", "email", "attachment"]


@dataclass(frozen=True)
class FooterLine:
    """One typed line of a footer block: ``kind`` (one of ``models.rules.footer.FOOTER_ORDER``) and the
    text printed (``全国监督电话：12317``). ``indent``: set as a paragraph (the objection sentence)."""

    kind: FooterLineKind
    text: str
    indent: bool = False


@dataclass(frozen=True)
class Footer:
    """The block that closes a notice, kept together on one page.

    Its lines print in the order of ``models.rules.footer.FOOTER_ORDER`` (:meth:`block`): 公示时间 (or,
    before posting, ``posting_note``), the objection sentence, other notes, one labelled line per
    监督电话, 受理单位, 通讯地址, 邮箱, one ``附件N：…`` line per attachment; then the signature lines, and
    the issuer and date where the seal goes. Posting dates are printed as
    ``公示时间：2026年7月18日至2026年7月24日（共 7 天）``.
    """

    posting_start: date | None = None
    posting_end: date | None = None
    posting_days: int | None = None
    posting_working_days: bool = False  # "（共 7 个工作日）"
    posting_note: str = ""  # before posting: "公示期：自张贴之日起不少于 7 天。"
    objection: str = ""  # "公示期间，如有异议，请向受理单位反映。…"
    phones: Sequence[str] = ()  # 监督电话 lines as stored: "全国监督电话 12317"
    accepting_unit: str = ""  # 受理单位
    address: str = ""  # 通讯地址
    email: str = ""  # 邮箱
    attachments: Sequence[str] = ()  # the attached tables' titles, in order
    notes: Sequence[str] = ()  # other sentences, after the objection
    signatures: Sequence[Signature] = ()
    issuer: str = ""  # 落款: "××村民委员会"
    issue_date: date | None = None
    seal: bool = True  # leave the seal area beside the issuer

    def block(self) -> list[FooterLine]:
        """The footer's text lines, typed, in the printed order."""
        from ..rules.footer import FOOTER_ORDER, phone_print

        by_kind: dict[str, list[FooterLine]] = {k: [] for k in FOOTER_ORDER}
        posting = posting_line(self)
        if posting:
            by_kind["posting"].append(FooterLine("posting", "公示时间：" + posting))
        elif self.posting_note:
            by_kind["posting"].append(FooterLine("posting", self.posting_note))
        if self.objection:
            by_kind["objection"].append(FooterLine("objection", self.objection, indent=True))
        by_kind["note"] += [FooterLine("note", n, indent=True) for n in self.notes if n]
        by_kind["phone"] += [FooterLine("phone", phone_print(p)) for p in self.phones if p]
        if self.accepting_unit:
            by_kind["unit"].append(FooterLine("unit", "受理单位：" + self.accepting_unit))
        if self.address:
            by_kind["address"].append(FooterLine("address", "通讯地址：" + self.address))
        if self.email:
            by_kind["email"].append(FooterLine("email", "邮箱：" + self.email))
        titles = [t for t in self.attachments if t]
        for n, title in enumerate(titles, start=1):
            label = f"附件{n}" if len(titles) > 1 else "附件"
            by_kind["attachment"].append(FooterLine("attachment", f"{label}：{title}"))
        return [line for kind in FOOTER_ORDER for line in by_kind[kind]]


@dataclass(frozen=True)
class Annex:
    """A table attached to a notice (附件), printed after it on a new page under its own title and
    counted in the notice's page numbers. ``label``: ``附件`` or ``附件2``."""

    title: str
    blocks: Sequence[Block] = ()
    label: str = "附件"


@dataclass(frozen=True)
class PrintOptions:
    """How to print: paper, orientation, large print for a board read from 1–2 m, watermark."""

    paper: Paper = "A4"
    landscape: bool = False
    large: bool = False
    watermark: str | None = None  # diagonal text across every page (``WATERMARK_INTERNAL``)
    #: The hand-out copy (发放签字表): rosters get a blank 受益户签字（手印） column. Never on the board copy.
    handout: bool = False

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
    annexes: Sequence[Annex] = ()  # attached tables, printed after the footer
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
        """The body's tables, then the attached ones."""
        return [b for b in (*self.blocks, *(b for a in self.annexes for b in a.blocks)) if isinstance(b, Table)]


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
