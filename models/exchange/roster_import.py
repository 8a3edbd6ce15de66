"""Reading the clerk's own roster spreadsheets (xlsx from Excel/WPS, Excel 97-2003 xls, ods from
LibreOffice/WPS — all through models.exchange.sheet_formats — and csv in UTF-8 or GBK).

Clerks' files are not tidy: a title row above the header ("2026年耕地地力保护补贴发放名单"), a
two-row header ("补贴面积" over "亩"), blank lines, numbers stored as text ("1,234.50"), a 合计 line
and signatures at the bottom. ``read_table`` finds the table inside; ``read_roster`` maps its
columns to roster keys, reads and checks every row, and reports problems located by file, Excel row
number and column header — all of them, never only the first, and never as a traceback.

Speed matters (a county roster has 10,000 rows): xlsx is read with openpyxl in read-only,
values-only mode and each row is one pass over precomputed column indexes.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import Problem, ValidationError
from ..rules.limits import InputLimits, megabytes
from ..rules.money import parse_decimal
from ..rules.roster import (
    STANDARD_COLUMNS,
    RosterColumn,
    check_parsed_rows,
    column_from,
    imported_column,
    override_columns,
    parse_row,
    stated_total_findings,
    total_parsed,
)
from .sheet_formats import KIND_WORDS, SPREADSHEET_SUFFIXES, mismatch, read_sheets, sniff
from .sheet_guard import ROWS_SETTING, Merge, SheetError, column_letter, fill_merged_down

# How far down the header may sit (title rows, 填报单位 lines …).
HEADER_SEARCH_ROWS = 30

# --- header words ------------------------------------------------------------------------------

# Exact names first (after dropping units in brackets and spaces), then words a name contains.
# Order matters in _CONTAINS: "开户行账号" is a card number, not a branch.
_EXACT: dict[str, tuple[str, ...]] = {
    "group": ("组别", "村民小组", "组", "小组", "所在组", "村组", "组名", "所属小组", "村民组"),
    "name": ("姓名", "户主姓名", "户主", "申请人", "申请人姓名", "对象姓名", "救助对象", "补贴对象",
             "享受人姓名", "享受对象", "名字", "户名", "持卡人姓名", "保障对象", "供养对象"),
    "id_number": ("身份证号", "身份证号码", "公民身份号码", "身份证", "证件号码", "证件号", "身份证件号码",
                  "户主身份证号", "户主身份证号码"),
    "household_size": ("家庭人口", "人口数", "家庭人口数", "户人口", "人口", "保障人口", "保障人数",
                       "家庭人数", "户籍人口"),
    "quantity": ("面积", "亩数", "补贴面积", "耕地面积", "种植面积", "计税面积", "承包面积", "确权面积",
                 "数量", "补贴亩数", "合同面积"),
    "rate": ("标准", "补贴标准", "单价", "保障标准", "救助标准", "补助标准", "每亩补贴"),
    "amount": ("金额", "补贴金额", "发放金额", "合计金额", "补助金额", "救助金额", "月保障金", "保障金",
               "保障金额", "应发金额", "实发金额", "补贴资金", "发放资金", "供养金额", "月补贴金额"),
    "bank_card": ("银行卡号", "一卡通账号", "账号", "卡号", "银行账号", "社保卡号", "存折账号", "一卡通号",
                  "惠农卡号", "一卡通卡号", "折卡号"),
    "bank_branch": ("开户行", "开户银行", "开户网点", "开户行名称"),
    "phone": ("联系电话", "手机号", "电话", "手机", "手机号码", "联系方式", "电话号码"),
    "address": ("住址", "家庭住址", "地址", "居住地址", "家庭地址", "户籍地址"),
    "remark": ("备注", "说明"),
}
_CONTAINS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("id_number", ("身份证", "身份号码")),
    ("bank_card", ("卡号", "账号")),
    ("bank_branch", ("开户",)),
    ("phone", ("电话", "手机")),
    ("address", ("住址", "地址")),
    ("name", ("姓名",)),
    ("household_size", ("人口",)),
    ("quantity", ("面积", "亩数")),
    ("rate", ("标准", "单价")),
    ("amount", ("金额", "保障金", "资金")),
    ("group", ("小组",)),
    ("remark", ("备注",)),
)
_IGNORED_HEADERS = frozenset({"序号", "编号", "序", "no", "no.", "签字", "签名", "领取人签字", "签章", "盖章"})

_BRACKETED = re.compile(r"[(\[【][^)\]】]*[)\]】]")
_WS = re.compile(r"\s+")
_UNIT = re.compile(r"[(\[【]?(?:元|万元|亩|人|户|口|个|元/亩|元/人|元/户|元/月|元/人/月|元/人·月|元/年|"
                   r"平方米|㎡|m2|间|头|只|月|年|%|公斤|千克|吨|单位[:：]?\S{1,4})[)\]】]?")
_TOTAL_WORDS = ("合计", "总计", "小计", "共计", "累计")
_ID_LIKE = re.compile(r"[0-9]{15}|[0-9]{17}[0-9Xx]")
_FOOTER_WORDS = ("制表", "填表", "审核人", "审核：", "审核:", "负责人", "经办人", "村委会主任", "监委会",
                 "村委会（", "村委会(", "村民委员会（", "村民委员会(", "（盖章）", "(盖章)", "盖章",
                 "注：", "注:", "说明：", "说明:", "公示期", "联系电话：", "举报电话", "监督电话")


def header_key(text: object) -> str:
    """Comparison form of a header: half-width, no spaces, case-folded (用于匹配，不用于显示)."""
    if text is None:
        return ""
    return _WS.sub("", unicodedata.normalize("NFKC", str(text))).casefold()


def _display(text: object) -> str:
    # Excel headers often carry line breaks ("补贴面积\n（亩）"): drop all whitespace for display.
    return _WS.sub("", str(text)) if text is not None else ""


def _base(key: str) -> str:
    """Header key without bracketed units: "补贴面积(亩)" → "补贴面积"."""
    return _BRACKETED.sub("", key) or key


_EXACT_INDEX: dict[str, str] = {header_key(w): k for k, words in _EXACT.items() for w in words}


def guess_key(header: object) -> str | None:
    """The roster key a header most likely names, or ``None``."""
    hk = header_key(header)
    if not hk:
        return None
    for candidate in (hk, _base(hk)):
        key = _EXACT_INDEX.get(candidate)
        if key:
            return key
    base = _base(hk)
    for key, words in _CONTAINS:
        if any(w in base for w in words):
            return key
    return None


def guess_mapping(headers: Sequence[str]) -> dict[str, str]:
    """``{key: header}`` guessed from common header words; each header is used once, exact names
    win over partial ones ("补贴金额" over "金额说明"), and the first header wins among equals."""
    mapping: dict[str, str] = {}
    used: set[int] = set()
    keys = [header_key(h) for h in headers]
    for i, hk in enumerate(keys):  # pass 1: exact names
        if not hk:
            continue
        key = _EXACT_INDEX.get(hk) or _EXACT_INDEX.get(_base(hk))
        if key and key not in mapping:
            mapping[key] = headers[i]
            used.add(i)
    for i, hk in enumerate(keys):  # pass 2: words contained
        if i in used or not hk:
            continue
        key = guess_key(hk)
        if key and key not in mapping:
            mapping[key] = headers[i]
            used.add(i)
    order = {k: n for n, k in enumerate(STANDARD_COLUMNS)}
    return dict(sorted(mapping.items(), key=lambda kv: order.get(kv[0], 99)))


# --- --map SPEC ----------------------------------------------------------------------------------

_CUSTOM_ASCII_KEY = re.compile(r"x_[0-9]+")


def parse_map_spec(spec: str) -> dict[str, str]:
    """``"name=姓名,id_number=身份证号,amount=金额"`` → ``{key: header}``.

    Keys are roster keys (name, id_number, …), ``x_<n>`` or a custom column's Chinese name.
    Raises ``ValueError`` with a Chinese message for anything else.
    """
    text = unicodedata.normalize("NFKC", spec or "").strip()
    if not text:
        raise ValueError("--map 为空：应写成 name=姓名,id_number=身份证号,amount=金额")
    mapping: dict[str, str] = {}
    seen_headers: dict[str, str] = {}
    for part in re.split(r"[,;]", text):
        part = part.strip()
        if not part:
            continue
        key, eq, header = part.partition("=")
        key, header = key.strip(), header.strip()
        if not eq or not key or not header:
            raise ValueError(f"--map 中“{part}”格式有误：应写成 列名=表头，例如 name=姓名")
        if key.isascii() and key not in STANDARD_COLUMNS and not _CUSTOM_ASCII_KEY.fullmatch(key):
            known = ", ".join(STANDARD_COLUMNS)
            raise ValueError(f"--map 中的列名“{key}”不认识：可用 {known}，或 x_1、x_2 … 表示自定义列")
        if key in mapping:
            raise ValueError(f"--map 中“{key}”出现了两次")
        hk = header_key(header)
        if hk in seen_headers:
            raise ValueError(f"--map 中表头“{header}”同时对应了“{seen_headers[hk]}”和“{key}”")
        seen_headers[hk] = key
        mapping[key] = header
    if not mapping:
        raise ValueError("--map 为空：应写成 name=姓名,id_number=身份证号,amount=金额")
    return mapping


# --- reading a table -----------------------------------------------------------------------------


@dataclass
class RawTable:
    """The table found in a file: display headers, the names each column answers to, data rows
    with their spreadsheet row numbers. Totals and footer lines are already dropped."""

    file: str
    sheet: str | None
    headers: list[str]
    aliases: list[tuple[str, ...]]  # header_key forms each column answers to (joined, upper, lower)
    header_row: int  # spreadsheet row of the (first) header row, 1-based
    header_rows: int  # 1 or 2
    rows: list[tuple[int, tuple[Any, ...]]]  # (spreadsheet row number, cell values)
    skipped_total_row: int | None = None
    total_row_values: tuple[Any, ...] | None = None
    skipped_rows: list[int] = field(default_factory=list)  # subtotal / footer lines
    encoding: str | None = None

    def column_index(self, header: str) -> list[int]:
        """Indexes of the columns answering to ``header`` (exact header first, then aliases)."""
        hk = header_key(header)
        exact = [i for i, h in enumerate(self.headers) if header_key(h) == hk]
        if exact:
            return exact
        hits = [i for i, names in enumerate(self.aliases) if hk in names]
        if hits:
            return hits
        base = _base(hk)
        return [i for i, h in enumerate(self.headers) if _base(header_key(h)) == base]


def _fail(message: str, file: str, rule: str = "file") -> ValidationError:
    return ValidationError([Problem(message, file=file, rule=rule)], summary=f"无法读取 {file}：{message}")


def _refused(exc: SheetError) -> ValidationError:
    problem = Problem(exc.message, file=exc.file, sheet=exc.sheet, row=exc.row, field=exc.column, rule=exc.rule)
    return ValidationError([problem], summary=f"无法读取 {exc.file}：{exc.message}")


def _decode(data: bytes, file: str) -> tuple[str, str]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding), ("gbk" if encoding == "gb18030" else "utf-8")
        except UnicodeDecodeError:
            continue
    raise _fail("文件编码无法识别（应为 UTF-8 或 GBK）", file, "encoding")


def _read_csv(path: Path, limits: InputLimits) -> tuple[str, list[tuple[Any, ...]]]:
    """Rows of a CSV file, each checked against ``limits`` as it is read (the size before reading)."""
    file = path.name
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise _fail(f"文件有 {megabytes(size)}，超过上限 {megabytes(limits.max_file_bytes)}", file, "file_size")
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise _fail("不是文本表格文件（CSV）", file)
    text, encoding = _decode(data, file)
    del data
    sample = text[:4096]
    first = sample.split("\n", 1)[0]
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    rows: list[tuple[Any, ...]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for n, record in enumerate(reader, start=1):
            if n > limits.max_rows:
                raise _fail(f"行数超过导入上限 {limits.max_rows} 行（设置 {ROWS_SETTING}），未导入任何内容", file,
                            "max_rows")
            width = len(record)
            while width and not record[width - 1]:
                width -= 1
            if width > limits.max_columns:
                raise _refused(SheetError(f"有 {width} 列，超过上限 {limits.max_columns} 列", file=file, row=n,
                                          column=column_letter(width), rule="max_columns"))
            for i in range(width):
                if len(record[i]) > limits.max_cell_chars:
                    raise _refused(SheetError(
                        f"单元格有 {len(record[i])} 个字，超过上限 {limits.max_cell_chars} 个字", file=file, row=n,
                        column=column_letter(i + 1), rule="cell_length"))
            rows.append(tuple(record[:width]))
    except csv.Error as exc:
        # csv's own messages are English ("field larger than field limit", "line contains NUL").
        why = "单元格过长" if "field limit" in str(exc) else ("含有空字符（NUL）" if "NUL" in str(exc)
                                                            else "引号不成对或格式有误")
        raise _refused(SheetError(f"CSV 格式有误：{why}", file=file, row=reader.line_num or None,
                                  rule="csv")) from None
    return encoding, rows


def _is_blank(cells: Iterable[Any]) -> bool:
    for c in cells:
        if c is not None and not (isinstance(c, str) and not c.strip()):
            return False
    return True


def _first_text(cells: Sequence[Any]) -> str:
    for c in cells:
        if c is not None:
            t = _WS.sub("", str(c))
            if t:
                return t
    return ""


def _is_number(value: Any) -> bool:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return True
    if isinstance(value, str):
        try:
            parse_decimal(value, field="")
            return True
        except ValueError:
            return False
    return False


def _header_score(cells: Sequence[Any], wanted: set[str]) -> int:
    score = 0
    for c in cells:
        if not isinstance(c, str):
            continue
        hk = header_key(c)
        # Header cells are short names; "联系电话：0379-…" in a preamble line is not one.
        if not hk or len(hk) > 24 or ":" in hk:
            continue
        if hk in wanted or _base(hk) in wanted or guess_key(hk) is not None or hk in _IGNORED_HEADERS:
            score += 1
    return score


def _is_unit(text: str) -> bool:
    return bool(_UNIT.fullmatch(header_key(text)))


def _is_subheader(upper: Sequence[Any], lower: Sequence[Any], wanted: set[str]) -> bool:
    """Whether ``lower`` continues the header in ``upper`` (units under names, or names under a
    spanning group title) rather than being the first data row."""
    filled = [(i, c) for i, c in enumerate(lower) if not _is_blank((c,))]
    if not filled:
        return False
    for i, c in filled:
        if _is_number(c) or not isinstance(c, str):
            return False
        above = upper[i] if i < len(upper) else None
        hk = header_key(c)
        if _is_unit(c) or hk in wanted or guess_key(hk) is not None or hk in _IGNORED_HEADERS:
            continue
        if _is_blank((above,)):  # a name under a horizontally merged title
            continue
        return False
    return True


def _join(upper: Any, lower: Any) -> tuple[str, tuple[str, ...]]:
    u, lo = _display(upper), _display(lower)
    if u and lo:
        if _is_unit(lo):
            shown = u + (lo if lo[0] in "(（[【" else f"（{lo}）")
        else:
            shown = lo
        return shown, tuple(dict.fromkeys(header_key(x) for x in (shown, u, lo, u + lo)))
    shown = u or lo
    return shown, (header_key(shown),)


def _is_total_row(cells: Sequence[Any], name_index: int | None) -> bool:
    candidates = [_first_text(cells)]
    if name_index is not None and name_index < len(cells) and cells[name_index] is not None:
        candidates.append(_WS.sub("", str(cells[name_index])))
    return any(t.startswith(_TOTAL_WORDS) or t.endswith(_TOTAL_WORDS) for t in candidates if t and len(t) <= 12)


def _looks_like_data(cells: Sequence[Any], name_index: int | None) -> bool:
    if name_index is None or name_index >= len(cells) or _is_blank((cells[name_index],)):
        return False
    return any(_is_number(c) or (isinstance(c, str) and _ID_LIKE.fullmatch(c.strip()))
               for i, c in enumerate(cells) if i != name_index and c is not None)


def _is_footer_row(cells: Sequence[Any]) -> bool:
    first = _first_text(cells)
    return bool(first) and first.startswith(_FOOTER_WORDS)


def _find_table(grid: list[tuple[Any, ...]], wanted: set[str]) -> tuple[int, int] | None:
    """(index of the header row, 1 or 2 header rows) or None."""
    nonblank = 0
    for i, cells in enumerate(grid):
        if _is_blank(cells):
            continue
        nonblank += 1
        if nonblank > HEADER_SEARCH_ROWS:
            break
        if _header_score(cells, wanted) >= 2:
            nxt = grid[i + 1] if i + 1 < len(grid) else ()
            return i, 2 if _is_subheader(cells, nxt, wanted) else 1
    return None


def _build(file: str, sheet: str | None, grid: list[tuple[Any, ...]], wanted: set[str],
           encoding: str | None, merges: list[Merge] = ()) -> RawTable | None:
    found = _find_table(grid, wanted)
    if found is None:
        return None
    at, nrows = found
    # A rate or group merged down over several rows applies to each of them: filled before any
    # row is read or checked (header cells merged over the two header rows are left alone).
    grid = fill_merged_down(grid, list(merges), at + nrows + 1, file=file, sheet=sheet)
    upper = grid[at]
    lower = grid[at + 1] if nrows == 2 else ()
    width = max(len(upper), len(lower))
    headers: list[str] = []
    aliases: list[tuple[str, ...]] = []
    for i in range(width):
        u = upper[i] if i < len(upper) else None
        lo = lower[i] if i < len(lower) else None
        shown, names = _join(u, lo)
        headers.append(shown)
        aliases.append(names)
    while headers and not headers[-1]:
        headers.pop()
        aliases.pop()
    width = len(headers)
    name_index = guess_mapping(headers).get("name")
    name_at = headers.index(name_index) if name_index is not None else None

    table = RawTable(file=file, sheet=sheet, headers=headers, aliases=aliases, header_row=at + 1,
                     header_rows=nrows, rows=[], encoding=encoding)
    rows = table.rows
    ended = False  # past a 合计 or signature line
    for n in range(at + nrows, len(grid)):
        cells = grid[n]
        if _is_blank(cells):
            continue
        if len(cells) != width:
            cells = tuple(cells[:width]) + (None,) * (width - len(cells))
        if _is_total_row(cells, name_at):
            if "小计" in _first_text(cells):  # per-group subtotals inside the table
                table.skipped_rows.append(n + 1)
                continue
            table.skipped_total_row = n + 1
            table.total_row_values = cells
            ended = True
            continue
        if _is_footer_row(cells):
            table.skipped_rows.append(n + 1)
            ended = True
            continue
        # What follows a 合计 line is signatures, seals and dates — unless it plainly is a
        # villager's row (the clerk put the total above the last rows).
        if ended and not _looks_like_data(cells, name_at):
            table.skipped_rows.append(n + 1)
            continue
        rows.append((n + 1, cells))
    return table


def read_table(path: str | Path, *, headers: Iterable[str] = (), sheet: str | None = None,
               limits: InputLimits | None = None) -> RawTable:
    """The table inside an xlsx, xls, ods or csv file. ``headers`` are header names the caller expects (a
    mapping's source headers), which help find the header row. Raises ``ValidationError`` (one
    located Problem) when the file cannot be read, holds more than ``limits`` allow (checked
    before it is parsed: models.exchange.sheet_guard) or holds no recognisable table."""
    limits = limits or InputLimits()
    path = Path(path)
    file = path.name
    if not path.is_file():
        raise _fail("文件不存在", file)
    wanted = {header_key(h) for h in headers if h}
    wanted |= {_base(h) for h in list(wanted)}
    suffix = path.suffix.lower()
    try:
        kind = sniff(path)
    except OSError as exc:
        raise _fail(f"无法打开：{exc.strerror or exc}", file) from None
    if kind in ("xlsx", "xls", "ods") or suffix in SPREADSHEET_SUFFIXES:
        try:
            grids = read_sheets(path, sheet, limits, kind=kind)
            for grid in grids:
                table = _build(file, grid.name, grid.rows, wanted, None, grid.merges)
                if table is not None:
                    return table
        except SheetError as exc:
            raise _refused(exc) from None
        raise _fail("没有找到表头行：前几行中没有同时含“姓名”“身份证号”“金额”等列名的行；"
                    "请检查文件，或用列对应（--map）写明表头", file, "header")
    if kind == "text" and suffix in (".csv", ".txt", ""):
        encoding, grid = _read_csv(path, limits)
        table = _build(file, None, grid, wanted, encoding)
        if table is None:
            raise _fail("没有找到表头行：前几行中没有同时含“姓名”“身份证号”“金额”等列名的行；"
                        "请检查文件，或用列对应（--map）写明表头", file, "header")
        return table
    wrong = mismatch(path, kind)
    if wrong is not None:
        raise _refused(wrong)
    if kind != "text":
        raise _refused(SheetError(f"不是表格文件（内容是{KIND_WORDS.get(kind, KIND_WORDS['unknown'])}）："
                                  "请使用 .xlsx、.xls、.ods 或 .csv 文件", file=file, rule="format"))
    raise _fail(f"不支持的文件类型“{path.suffix}”：请使用 .xlsx、.xls、.ods 或 .csv", file, "format")


# --- reading a roster ----------------------------------------------------------------------------


@dataclass
class RosterReadResult:
    """Rows read from a roster file, with everything wrong located in the file.

    ``rows`` use roster keys (plus custom keys); a value that could not be read stays as its text.
    ``row_numbers[i]`` is the spreadsheet row of ``rows[i]``. ``problems`` are errors (nothing
    should be saved while there are any); ``warnings`` are for the clerk to look at.
    """

    file: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    mapping: dict[str, str] = field(default_factory=dict)
    columns: list[str] = field(default_factory=list)  # keys read, in file order
    header_row: int | None = None
    skipped_total_row: int | None = None
    row_numbers: list[int] = field(default_factory=list)
    sheet: str | None = None
    encoding: str | None = None
    #: the figures of the file's own 合计 row, by column key (kept with the record: see
    #: models.rules.roster.stated_total_findings)
    stated_totals: dict[str, str] = field(default_factory=dict)
    #: the columns read, as the record stores them (label and unit from the file's headers)
    table_columns: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def totals(self) -> dict[str, Any]:
        """The rows' totals (the rows are typed already: models.rules.roster.total_parsed)."""
        return total_parsed(self.rows, self.table_columns or None)

    def raise_if_problems(self) -> None:
        if self.problems:
            raise ValidationError(list(self.problems),
                                  summary=f"{self.file} 中有 {len(self.problems)} 处错误，未导入任何内容")


def _problem(result: RosterReadResult, message: str, *, row: int | None = None, header: str | None = None,
             rule: str) -> Problem:
    return Problem(message, file=result.file, sheet=result.sheet, row=row, field=header, rule=rule)


def _resolve(table: RawTable, mapping: dict[str, str], explicit: set[str],
             result: RosterReadResult) -> dict[str, int]:
    """key → column index; problems for headers that are missing or ambiguous."""
    indexes: dict[str, int] = {}
    taken: dict[int, str] = {}
    for key, header in mapping.items():
        hits = table.column_index(header)
        hits = [i for i in hits if i not in taken]
        if not hits:
            if key in explicit:
                result.problems.append(_problem(
                    result, f"文件中没有“{header}”这一列（列对应 {key}={header}）；表头有："
                    f"{'、'.join(h for h in table.headers if h)}", rule="missing_header"))
            continue
        if len(hits) > 1 and key in explicit:
            shown = "、".join(table.headers[i] for i in hits)
            result.problems.append(_problem(
                result, f"表头“{header}”对应了多列（{shown}），请写出完整表头", rule="ambiguous_header"))
            continue
        indexes[key] = hits[0]
        taken[hits[0]] = key
    return indexes


def read_roster(path: str | Path, mapping: dict[str, str] | None = None, columns: Sequence[str] | None = None,
                *, keep_unmapped: bool = False, sheet: str | None = None,
                limits: InputLimits | None = None, remembered: dict[str, str] | None = None,
                overrides: Any = None) -> RosterReadResult:
    """Read and check a roster file. Never raises for bad input: everything is in ``problems``.

    ``mapping`` ({key: header}, e.g. from ``parse_map_spec`` or a remembered mapping) wins; headers
    it does not name are guessed from common header words. ``columns`` is the roster's column set
    (keys): only those keys are read, and a required one (name, amount unless quantity × rate, …)
    missing from the file is one problem instead of one per row. With ``keep_unmapped`` every
    other named column is kept as a custom column keyed by its header text. ``limits`` bounds the
    file (rows: the ``import.max_rows`` setting, read by the caller; default 100,000).

    ``remembered`` (the mapping confirmed for this catalog item last time) applies to the columns the
    file has: a column it names that this file lacks is guessed or left out like any other — an
    optional one (银行卡号, 备注 …) is simply not read, a required one missing is one problem naming
    the remembered header. ``mapping`` entries win over it.

    ``overrides`` (a content file's ``columns``, see models.rules.roster.override_columns) say a
    column's label, unit or type otherwise than the file's header: the rows are read in the unit
    they give. They are the caller's input, not the file's: a broken one raises ColumnRuleError.
    """
    path = Path(path)
    explicit = dict(mapping or {})
    remembered = {k: v for k, v in (remembered or {}).items() if k not in explicit}
    result = RosterReadResult(file=path.name)
    given = {c.key: c for c in (column_from(c) for c in columns)} if columns is not None else {}
    columns = list(given) if columns is not None else None
    try:
        table = read_table(path, headers=list(explicit.values()) + list(remembered.values()) + list(columns or ()),
                           sheet=sheet, limits=limits)
    except ValidationError as exc:
        result.problems.extend(exc.problems)
        return result
    remembered_absent = {k: h for k, h in remembered.items() if not table.column_index(h)}
    explicit.update({k: h for k, h in remembered.items() if k not in remembered_absent})
    result.sheet, result.encoding = table.sheet, table.encoding
    result.headers, result.header_row = table.headers, table.header_row
    result.skipped_total_row = table.skipped_total_row

    guessed = guess_mapping([h for h in table.headers])
    wanted = list(columns) if columns is not None else None
    for key in wanted or ():
        if key not in STANDARD_COLUMNS and key not in explicit and key not in guessed:
            guessed[key] = key  # custom columns are matched by their header text
    explicit_headers = {header_key(h) for h in explicit.values()}
    merged = dict(explicit)
    for key, header in guessed.items():
        if key not in merged and header_key(header) not in explicit_headers:
            merged[key] = header
    if wanted is not None:
        merged = {k: v for k, v in merged.items() if k in wanted or k in explicit}
    indexes = _resolve(table, merged, set(explicit), result)

    if keep_unmapped:
        used = set(indexes.values())
        for i, h in enumerate(table.headers):
            if i in used or not h or header_key(h) in _IGNORED_HEADERS or h in indexes:
                continue
            indexes[h] = i
    order = sorted(indexes, key=lambda k: indexes[k])
    result.columns = order
    result.mapping = {k: table.headers[indexes[k]] for k in order}

    need = set(wanted) if wanted is not None else set(indexes) | {"name"}
    missing = []
    if "name" in need and "name" not in indexes:
        missing.append("name")
    if "id_number" in (wanted or ()) and "id_number" not in indexes:
        missing.append("id_number")
    if "amount" in (wanted or ()) and "amount" not in indexes and not {"quantity", "rate"} <= indexes.keys():
        missing.append("amount")
    for key in missing:
        if key in explicit:
            continue  # already reported: the header the mapping names is not in the file
        label = STANDARD_COLUMNS[key].label.split("（")[0]
        if key in remembered_absent:
            result.problems.append(_problem(
                result, f"文件中没有“{label}”列（必填）：上次记住的列对应是 {key}={remembered_absent[key]}，"
                f"本文件没有“{remembered_absent[key]}”这一列；表头有：{'、'.join(h for h in table.headers if h)}",
                header=label, rule="missing_column"))
            continue
        result.problems.append(_problem(
            result, f"文件中没有找到“{label}”列；请用列对应指定，例如 {key}=表头名称", rule="missing_column"))
    if result.problems:
        return result
    for key in wanted or ():
        if key not in indexes and key not in STANDARD_COLUMNS:
            result.warnings.append(_problem(result, f"文件中没有“{key}”列，该列留空", rule="missing_column"))

    # One pass per row over precomputed indexes; the checks then run over the typed rows.
    pairs = [(k, indexes[k]) for k in order]
    header_of = {k: table.headers[i] for k, i in pairs}
    # Each column as the file heads it: label and unit from the header ("本次分配金额（万元）"), type
    # and rules from the table's column of that key (its preset's) — the rows are read in that unit.
    table_cols = {k: imported_column(given.get(k) or column_from(k), header_of[k]) for k in order}
    if overrides is not None:  # ... unless the content file says otherwise (cli.md)
        table_cols = {c.key: c for c in override_columns([table_cols[k] for k in order], overrides)}
    result.table_columns = [c.to_json() for c in table_cols.values()]
    rows = result.rows
    numbers = result.row_numbers
    parsed = []
    for excel_row, cells in table.rows:
        item = parse_row({k: cells[i] for k, i in pairs}, row=excel_row, columns=table_cols)
        parsed.append(item)
        rows.append(item[0])
        numbers.append(excel_row)
    if not rows:
        result.problems.append(_problem(result, "表头下面没有数据行", row=table.header_row, rule="empty"))
        return result

    check_columns = list(wanted) if wanted is not None else order
    position = {k: n for n, k in enumerate(order)}
    findings = check_parsed_rows(parsed, [table_cols.get(k) or given.get(k) or column_from(k)
                                          for k in check_columns], numbers)
    findings.sort(key=lambda f: (f.row or 0, position.get(f.field, len(position))))  # stable: file order
    for f in findings:
        p = _problem(result, f.message, row=f.row, header=header_of.get(f.field, f.field), rule=f.rule)
        (result.problems if f.severity == "error" else result.warnings).append(p)

    _check_file_total(table, indexes, result, table_cols)
    return result


def _check_file_total(table: RawTable, indexes: dict[str, int], result: RosterReadResult,
                      columns: Mapping[str, RosterColumn]) -> None:
    """The file's own 合计 line should equal the sum of its rows, for every summed column (money,
    areas, people): its figures are kept (``stated_totals``, stored with the record, where a
    mismatch is an error that refuses submission) and a mismatch is named here at once."""
    cells = table.total_row_values
    if cells is None:
        return
    stated: dict[str, str] = {}
    for key, at in indexes.items():
        column = columns.get(key)
        if column is None or not column.summed or at >= len(cells) or cells[at] in (None, ""):
            continue
        try:
            stated[key] = format(parse_decimal(cells[at], field="合计"), "f")
        except ValueError:
            stated[key] = str(cells[at]).strip()
    result.stated_totals = stated
    summed = [columns[k] for k in stated]
    for f in stated_total_findings(stated, total_parsed(result.rows, list(columns.values())), summed):
        result.warnings.append(_problem(result, f.message, row=table.skipped_total_row,
                                        header=table.headers[indexes[f.field]], rule="file_total"))
