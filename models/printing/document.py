"""The neutral model of a printed notice: what it says, not how it is laid out.

Builders (``notices.py``) turn records into a :class:`NoticeDocument`; the renderer (``render.py``)
lays any document out on paper. Everything here is plain text already formatted for print (money
with separators, dates in Chinese, masked values): the renderer never looks at Decimal or date.

Widths given on a :class:`Column` are in millimetres; the renderer works out everything else.
"""

from __future__ import annotations

import zlib
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
_ROW_SEP = "\x1e"  # joins a block's rows (likewise)
_BLOCK = 256  # rows a block


def _holds_separator(joined: str, width: int) -> bool:
    """Whether a row of ``width`` cells, joined, holds a separator inside a cell (kept as its list)."""
    return joined.count(_SEP) != width - 1 or _ROW_SEP in joined


def _text(block: bytes) -> str:
    """A packed block's rows, joined, as text."""
    return zlib.decompress(block).decode()


def _blocks_of(start: int, stop: int) -> range:
    """The blocks holding rows ``start`` to ``stop``."""
    return range(start // _BLOCK, (stop - 1) // _BLOCK + 1 if stop > start else 0)


class PackedRows(Sequence[list[str]]):
    """A large table's rows kept in compressed blocks: each row its cells joined by a separator, a
    block :data:`_BLOCK` rows of them in UTF-8, zlib-compressed (100,000 rows of eight cells: some
    2 MB, where one UTF-8 string a row took 10, ``str`` 15 and lists of strings 57), given back as a
    list of cells when read. Reading goes through the blocks in order (measuring, checking, drawing):
    the block last opened is kept open. A row whose cells hold a separator, or a character UTF-8
    cannot hold (a lone surrogate), is kept as its list beside the blocks. Read-only.

    ``masked``: the office's public numbers the rows were masked with, row by row, before they were
    packed (the notice builder's note: ``models.printing.notices.mask_document`` then has nothing to
    go over again); ``None``: not masked here."""

    __slots__ = ("_blocks", "_odd", "_count", "_open", "_open_cells", "_width", "_widths", "_chars", "masked")

    def __init__(self, rows: Iterable[Sequence[str]] = (), *, masked: frozenset[str] | None = None) -> None:
        self._blocks: list[bytes] = []
        self._odd: dict[int, list[str]] = {}  # row → its cells, where the block holds ""
        self._count = 0
        # the rows' cell counts: the first row's, and any other met (so no pass is needed to know them)
        self._width: int | None = None
        self._widths: set[int] = set()
        self._open: tuple[int, list[str]] = (-1, [])  # the block last opened: its rows, joined
        self._open_cells: tuple[int, list[str]] = (-1, [])  # the block last opened by `flat`: its cells
        # every character of the blocks' texts (the separators too), gathered as each block is packed
        self._chars: set[str] = set()
        self.masked = masked
        block: list[Sequence[str]] = []
        for row in rows:
            block.append(row)
            if len(block) == _BLOCK:
                self._pack(block)
                block = []
        if block:
            self._pack(block)

    def _pack(self, rows: list[Sequence[str]]) -> None:
        """``rows`` (a block's worth at most) counted and compressed as the next block. The block's
        separators are counted once: only when a cell holds one are its rows looked at one by one."""
        widths = set(map(len, rows))
        if widths != {self._width}:
            self._count_widths(widths)
        joined = [_SEP.join(row) for row in rows]
        text = _ROW_SEP.join(joined)
        if (text.count(_SEP) != sum(map(len, rows)) - len(rows)
                or text.count(_ROW_SEP) != len(rows) - 1):  # a separator in a cell
            first = self._count
            for k, row in enumerate(rows):
                if _holds_separator(joined[k], len(row)):
                    self._odd[first + k] = list(row)
                    joined[k] = ""
            text = None  # (joined again)
        self._count += len(rows)
        self._close_block(joined, text)

    def _count_widths(self, widths: Iterable[int]) -> None:
        """Rows of these cell counts met."""
        for width in widths:
            if self._width is None:
                self._width = width
            elif width != self._width:
                self._widths.add(width)

    def _joined(self, row: Sequence[str]) -> str:
        """``row``'s cells joined, or "" with the row kept as its list (counted as the next row)."""
        joined = _SEP.join(row)
        self._count_widths((len(row),))
        if _holds_separator(joined, len(row)):
            self._odd[self._count] = list(row)
            joined = ""
        self._count += 1
        return joined

    def _close_block(self, joined: list[str], text: str | None = None) -> None:
        """The last ``len(joined)`` rows counted, compressed as the next block (``text``: ``joined``
        joined, when at hand); its characters gathered."""
        if text is None:
            text = _ROW_SEP.join(joined)
        try:
            data = text.encode()
        except UnicodeEncodeError:  # a lone surrogate: its row kept as its list
            first = self._count - len(joined)
            for k, row in enumerate(joined):
                try:
                    row.encode()
                except UnicodeEncodeError:
                    self._odd[first + k] = row.split(_SEP)
                    joined[k] = ""
            text = _ROW_SEP.join(joined)
            data = text.encode()
        self._chars.update(text)
        self._blocks.append(zlib.compress(data, 1))

    def _block(self, b: int) -> list[str]:
        """Block ``b``'s rows, joined."""
        at, rows = self._open
        if at != b:
            rows = _text(self._blocks[b]).split(_ROW_SEP)
            self._open = (b, rows)
        return rows

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, k):  # type: ignore[override]
        if isinstance(k, slice):
            start, stop, step = k.indices(self._count)
            if step != 1:
                return [self[r] for r in range(start, stop, step)]
            out: list[list[str]] = []
            for b in _blocks_of(start, stop):
                first = b * _BLOCK
                out.extend([joined.split(_SEP) for joined in self._block(b)[max(start, first) - first:stop - first]])
            for r, row in self._odd.items():
                if start <= r < stop:
                    out[r - start] = list(row)
            return out
        if k < 0:
            k += self._count
        if not 0 <= k < self._count:
            raise IndexError("PackedRows index out of range")
        if self._odd and k in self._odd:
            return list(self._odd[k])
        return self._block(k // _BLOCK)[k % _BLOCK].split(_SEP)

    def flat(self, start: int, stop: int, width: int) -> list[str] | None:
        """The cells of rows ``start`` to ``stop``, row after row in one list (``width`` cells a row):
        each block split once, not row by row — for a reader that goes through many rows (measuring
        a column, drawing a page). ``None`` when a row does not have ``width`` cells, or a row of a
        block read is kept as its list (read those rows as rows)."""
        start, stop = max(0, start), min(stop, self._count)
        blocks = _blocks_of(start, stop)
        if not self.cell_counts_are(width) or (self._odd and any(
                blocks.start * _BLOCK <= r < blocks.stop * _BLOCK for r in self._odd)):
            return None
        cells: list[str] = []
        for b in blocks:
            first = b * _BLOCK
            at, block = self._open_cells
            if at != b:  # (a page's rows end inside a block the next page starts in)
                block = _text(self._blocks[b]).replace(_ROW_SEP, _SEP).split(_SEP)
                self._open_cells = (b, block)
            lo, hi = (max(start, first) - first) * width, (min(stop, first + _BLOCK) - first) * width
            cells.extend(block if lo == 0 and hi >= len(block) else block[lo:hi])
        return cells

    def __iter__(self) -> Iterator[list[str]]:
        odd = self._odd
        r = 0
        for block in self._blocks:
            for joined in _text(block).split(_ROW_SEP):
                yield list(odd[r]) if odd and r in odd else joined.split(_SEP)
                r += 1

    def map(self, change: Callable[[list[str]], Sequence[str]]) -> PackedRows:
        """The rows through ``change``. A row it gives back as it was (the same object) stays as it
        was; a block none of whose rows changed is shared, not compressed again."""
        out = PackedRows()
        out._width, out._widths = self._width, set(self._widths)  # a row given back as it was keeps its count
        odd = self._odd
        r = 0
        for block in self._blocks:
            kept: list[str] = []
            same = True
            text = _text(block)
            for joined in text.split(_ROW_SEP):
                if odd and r in odd:
                    row = list(odd[r])
                    changed = change(row)
                    if changed is row:  # kept as its list, as here
                        out._odd[out._count] = row
                        kept.append("")
                        out._count += 1
                    else:
                        kept.append(out._joined(changed))
                        same = False
                else:
                    row = joined.split(_SEP)
                    changed = change(row)
                    if changed is row:
                        kept.append(joined)
                        out._count += 1
                    else:
                        kept.append(out._joined(changed))
                        same = False
                r += 1
            if same:
                out._blocks.append(block)
                out._chars.update(text)
            else:
                out._close_block(kept)
        return out

    def cell_counts_are(self, width: int) -> bool:
        """Whether every row has ``width`` cells (as counted when the rows were packed)."""
        return not self._widths and self._width in (None, width)

    def chars(self) -> set[str]:
        """Every character of every cell: the blocks' (gathered as they were packed) without the
        packing's separators, and the rows kept as their lists (a separator inside a cell is a
        character of it)."""
        chars = set(self._chars)
        chars.discard(_SEP)
        chars.discard(_ROW_SEP)
        for row in self._odd.values():
            chars.update("".join(row))
        return chars


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
