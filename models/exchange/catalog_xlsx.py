"""The disclosure catalog as an Excel/WPS workbook in the national standard-catalog layout (国办发〔2019〕54号).

Export writes one sheet, “公开事项清单”:

- row 1: the title “<名称>村务公开事项清单”, merged across the table;
- rows 2–3: two header rows. A group header (公开事项, 公开渠道和载体, 公开对象, 公开方式, 公开层级, 五公开)
  is merged across its sub-columns, whose names stand in row 3; every other header is merged down
  over both rows;
- row 4 on: one item per row, retired items included (停用 = 是); 类别 and 一级事项 are merged down over
  each run of items of one group, as county catalogs print them.

Columns, in order::

    序号 | 编号 | 类别 | 公开事项: 一级事项, 二级事项 | 公开内容（要素） | 公开依据 | 公开时限 | 公开主体 |
    公开渠道和载体: one narrow column per channel of catalog_terms.ALL_CHANNELS (■ ticked, □ not) |
    公开对象: 全社会, 特定群众 (√) | 公开方式: 主动, 依申请 (√) | 公开层级: 县级, 乡级, 村级 (√) | 领域 |
    五公开: 决策, 执行, 管理, 服务, 结果 (√) | 公示天数 | 记录类型 | 停用 [| 时限规则]

公示天数 is a number, or “N个工作日” when the posting period counts working days; 记录类型 is the kind's
Chinese label, with the roster preset in brackets when there is one (“名单（低保）”). 时限规则 is added
only when some item's 公开时限 wording does not read back as its stored rule: it then holds, for those
items only, a wording that does (or the rule as JSON), and import takes the rule from it.

Import reads the same layout and the plain 标准目录 a county hands out: a title row may stand above the
header, headers may be one row or two (merged or not), 编号/类别/领域/五公开/公示天数/记录类型/停用 may be
missing, a group of ticks may instead be one text column (“政府网站、社区/村公示栏(电子屏)”), blank and
merged 类别/一级事项 cells fill down, blank rows and trailing notes (说明/备注/注：) are skipped. Without
an 编号 column the code is derived from 序号 as “ML-<序号>” and the result says so. A column the file
lacks keeps an existing item's value (a county list must not reset the village's 公示天数 or un-retire
items); new items get the defaults. The whole file is validated before anything is written, and every
problem is reported with its file, sheet, Excel row and column.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..errors import Problem, ValidationError
from ..output_files import check_output_path, write_output
from ..rules import catalog_terms as terms
from ..rules.limits import InputLimits
from ..rules.timing import TimingError, TimingRule, parse_timing_text
from ..services.catalog import CatalogService, ItemData, MergeResult, item_problems
from ..services.context import ServiceContext
from ..services.setup import installation
from .cell_text import write_text_cell
from .sheet_formats import read_sheets
from .sheet_guard import SheetError, fill_merged_down
from .xlsx_layout import lay_out_for_print

SHEET_NAME = "公开事项清单"
TITLE_SUFFIX = "村务公开事项清单"
HEADER_ROWS = (2, 3)
FIRST_DATA_ROW = 4
DERIVED_CODE_PREFIX = "ML-"
MAX_ROWS = 20_000  # a catalog has hundreds of rows; anything near this is the wrong file

CHANNEL_TICK, CHANNEL_BLANK = "■", "□"
TICK = "√"
RETIRED_MARK = "是"

_YES = {"■", "√", "✓", "✔", "☑", "是", "1", "Y", "y"}
_NO = {"", "□", "☐", "否", "0", "N", "n"}
_NOTES = re.compile(r"^(说明|备注|填表说明|注[:：]|注\d)")
_LIST_SEPARATORS = re.compile(r"[、,;；/|]+")
_FULLWIDTH = str.maketrans({"（": "(", "）": ")", "／": "/", "，": ",", "：": ":", "；": ";"})


# --- shared vocabulary of the layout -------------------------------------------------------------

def _text(value: Any) -> str:
    """A cell as text: numbers stored as numbers read like the digits typed (7.0 → “7”)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    # Only padding is trimmed: a leading tab or line break is part of the text (an export writes
    # "\t=1+1" as text and must read it back as such), trailing whitespace is not.
    return str(value).strip(" \u3000\u00a0").rstrip()


def _norm(value: Any) -> str:
    """A header or name as compared: no whitespace, half-width brackets and slashes."""
    return re.sub(r"\s+", "", _text(value)).translate(_FULLWIDTH)


# field key -> (header as written, accepted spellings)
_SINGLE: dict[str, tuple[str, tuple[str, ...]]] = {
    "seq": ("序号", ("序号",)),
    "code": ("编号", ("编号", "事项编号", "编码", "事项编码")),
    "category": ("类别", ("类别", "事项类别")),
    "group": ("一级事项", ("一级事项",)),
    "name": ("二级事项", ("二级事项",)),
    "content": ("公开内容（要素）", ("公开内容(要素)", "公开内容")),
    "basis": ("公开依据", ("公开依据",)),
    "timing": ("公开时限", ("公开时限",)),
    "publisher": ("公开主体", ("公开主体",)),
    "domain": ("领域", ("领域", "所属领域", "试点领域")),
    "posting_days": ("公示天数", ("公示天数", "公示期", "公示期(天)", "公示天数(天)")),
    "kind": ("记录类型", ("记录类型",)),
    "retired": ("停用", ("停用", "是否停用")),
    "rule": ("时限规则", ("时限规则",)),
}
# tick groups: field key -> (header as written, accepted spellings, options)
_GROUPS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "channels": ("公开渠道和载体", ("公开渠道和载体", "公开渠道及载体", "公开渠道", "公开载体"), terms.ALL_CHANNELS),
    "audience": ("公开对象", ("公开对象",), terms.AUDIENCES),
    "mode": ("公开方式", ("公开方式",), terms.MODES),
    "level": ("公开层级", ("公开层级",), terms.LEVELS),
    "five_public": ("五公开", ("五公开",), terms.FIVE_PUBLIC),
}
_ITEM_TOP = "公开事项"  # the standard's merged header over 一级事项 and 二级事项
_SINGLE_CHOICE = ("audience", "mode", "level")
_REQUIRED = ("group", "name", "content", "basis", "timing", "publisher", "channels", "audience", "mode", "level")
# Optional columns and the ItemData fields an existing item keeps when the file lacks them.
_KEPT_WHEN_ABSENT = {
    "category": ("category",),
    "domain": ("domain",),
    "five_public": ("five_public",),
    "posting_days": ("posting_days", "posting_working_days"),
    "kind": ("default_kind", "roster_preset"),
    "retired": ("active",),
}
_SINGLE_BY_SPELLING = {_norm(s): key for key, (_, spellings) in _SINGLE.items() for s in spellings}
_GROUP_BY_SPELLING = {_norm(s): key for key, (_, spellings, _) in _GROUPS.items() for s in spellings}
_HEADER_ANCHORS = {"序号", _ITEM_TOP, "一级事项", "二级事项"}

# Short names clerks write for the standard channels (matched after the full names).
_CHANNEL_ALIASES = {
    "社区/村公示栏": "社区/村公示栏(电子屏)",
    "村公示栏": "社区/村公示栏(电子屏)",
    "村务公开栏": "社区/村公示栏(电子屏)",
    "公示栏": "社区/村公示栏(电子屏)",
    "公开栏": "社区/村公示栏(电子屏)",
    "发布会": "发布会/听证会",
    "听证会": "发布会/听证会",
}


def _options_index(key: str) -> dict[str, str]:
    options = _GROUPS[key][2]
    index = {_norm(o): o for o in options}
    if key == "channels":
        index.update({_norm(a): full for a, full in _CHANNEL_ALIASES.items()})
    return index


def _label(key: str) -> str:
    return _SINGLE[key][0] if key in _SINGLE else _GROUPS[key][0]


def _canonical(values: Sequence[str], order: Sequence[str]) -> tuple[str, ...]:
    """Known values in the standard's order (as tick columns give them), unknown ones after."""
    seen = list(dict.fromkeys(values))
    return tuple(sorted(seen, key=lambda v: (order.index(v) if v in order else len(order), seen.index(v))))


# --- export --------------------------------------------------------------------------------------

def _reads_back(item: ItemData) -> bool:
    try:
        return parse_timing_text(item.timing_text).to_dict() == item.timing.to_dict()
    except TimingError:
        return False


def rule_wording(rule: TimingRule) -> str:
    """A wording of the rule that `parse_timing_text` reads back as the same rule (JSON as a last resort)."""
    text = rule.describe()
    try:
        if parse_timing_text(text).to_dict() == rule.to_dict():
            return text
    except TimingError:
        pass
    return json.dumps(rule.to_dict(), ensure_ascii=False)


def _posting_cell(item: ItemData) -> int | str:
    return f"{item.posting_days}个工作日" if item.posting_working_days else item.posting_days


def _kind_cell(item: ItemData) -> str:
    label = terms.KIND_LABELS.get(item.default_kind, item.default_kind)
    return f"{label}（{item.roster_preset}）" if item.roster_preset else label


# A tick column holds one ■ or √; its name in the header row wraps a character a line.
TICK_WIDTH = 3.2
MIN_TEXT_WIDTH = 4.0


@dataclass(frozen=True)
class _Col:
    top: str
    sub: str | None
    width: float  # the widest the column grows; narrower when its content is (xlsx_layout)
    value: Callable[[int, ItemData], Any]
    text: bool = False  # long text: left-aligned and wrapped
    validation: str | None = None  # list for a data-validation drop-down


def _tick_col(top: str, option: str, attr: str) -> _Col:
    def value(_n: int, item: ItemData) -> str | None:
        current = getattr(item, attr)
        ticked = option in current if isinstance(current, tuple) else current == option
        return TICK if ticked else None

    return _Col(top, option, TICK_WIDTH, value, validation=f'"{TICK}"')


def _export_columns(with_rule: bool) -> list[_Col]:
    cols = [
        _Col("序号", None, 5, lambda n, i: n),
        _Col("编号", None, 10, lambda n, i: i.code),
        _Col("类别", None, 6, lambda n, i: i.category),
        _Col(_ITEM_TOP, "一级事项", 10, lambda n, i: i.group, text=True),
        _Col(_ITEM_TOP, "二级事项", 14, lambda n, i: i.name, text=True),
        _Col("公开内容（要素）", None, 26, lambda n, i: i.content or None, text=True),
        _Col("公开依据", None, 22, lambda n, i: i.basis or None, text=True),
        _Col("公开时限", None, 14, lambda n, i: i.timing_text or i.timing.describe(), text=True),
        _Col("公开主体", None, 9, lambda n, i: i.publisher, text=True),
    ]
    for ch in terms.ALL_CHANNELS:
        cols.append(_Col("公开渠道和载体", ch, TICK_WIDTH,
                         lambda n, i, ch=ch: CHANNEL_TICK if ch in i.channels else CHANNEL_BLANK,
                         validation=f'"{CHANNEL_TICK},{CHANNEL_BLANK}"'))
    for key, attr in (("audience", "audience"), ("mode", "mode"), ("level", "level")):
        cols += [_tick_col(_label(key), o, attr) for o in _GROUPS[key][2]]
    cols.append(_Col("领域", None, 8, lambda n, i: i.domain or None, text=True))
    cols += [_tick_col("五公开", fp, "five_public") for fp in terms.FIVE_PUBLIC]
    cols += [
        _Col("公示天数", None, 6, lambda n, i: _posting_cell(i), text=True),
        _Col("记录类型", None, 9, lambda n, i: _kind_cell(i), text=True),
        _Col("停用", None, 4, lambda n, i: None if i.active else RETIRED_MARK, validation=f'"{RETIRED_MARK},否"'),
    ]
    if with_rule:
        cols.append(_Col("时限规则", None, 18,
                         lambda n, i: None if _reads_back(i) else rule_wording(i.timing), text=True))
    return cols


def catalog_workbook(items: Sequence[ItemData], title: str) -> Workbook:
    """The workbook `export_catalog_xlsx` saves (items in the order given)."""
    cols = _export_columns(with_rule=not all(_reads_back(i) for i in items))
    ncol = len(cols)
    last_row = FIRST_DATA_ROW + len(items) - 1

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body_font = Font(name="宋体", size=10)
    header_font = Font(name="黑体", size=10)
    header_fill = PatternFill("solid", fgColor="F2F2F2")
    centered = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)

    write_text_cell(ws.cell(1, 1), title).font = Font(name="宋体", size=16, bold=True)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 32

    merges: list[tuple[int, int, int, int]] = [(1, 1, 1, ncol)]
    c = 1
    while c <= ncol:
        col = cols[c - 1]
        if col.sub is None:
            ws.cell(2, c, col.top)
            merges.append((2, c, 3, c))
            c += 1
            continue
        end = c
        while end < ncol and cols[end].top == col.top and cols[end].sub is not None:
            end += 1
        ws.cell(2, c, col.top)
        if end > c:
            merges.append((2, c, 2, end))
        for k in range(c, end + 1):
            ws.cell(3, k, cols[k - 1].sub)
        c = end + 1
    for r in HEADER_ROWS:
        for k in range(1, ncol + 1):
            cell = ws.cell(r, k)
            cell.font, cell.fill, cell.border, cell.alignment = header_font, header_fill, border, centered
    if cols[-1].top == "时限规则":
        ws.cell(2, ncol).comment = Comment(
            "本列有内容时，按本列计算公开期限，“公开时限”列只作显示；本列空白时按“公开时限”的文字识别。", "cunwu")

    run_start = FIRST_DATA_ROW
    for n, item in enumerate(items, start=1):
        r = FIRST_DATA_ROW + n - 1
        prev = items[n - 2] if n > 1 else None
        same_group = prev is not None and (prev.category, prev.group) == (item.category, item.group)
        if not same_group:
            if r - 1 > run_start:
                merges += [(run_start, 3, r - 1, 3), (run_start, 4, r - 1, 4)]
            run_start = r
        for k, col in enumerate(cols, start=1):
            cell = ws.cell(r, k)
            if not (same_group and k in (3, 4)):
                write_text_cell(cell, col.value(n, item))
            cell.font, cell.border = body_font, border
            cell.alignment = left if col.text else centered
            if k == 2:
                cell.number_format = "@"  # codes like 001 stay text when edited
    if items and last_row > run_start:
        merges += [(run_start, 3, last_row, 3), (run_start, 4, last_row, 4)]
    for r1, c1, r2, c2 in merges:
        ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)

    if items:
        by_list: dict[str, list[str]] = {}
        for k, col in enumerate(cols, start=1):
            if col.validation:
                letter = get_column_letter(k)
                by_list.setdefault(col.validation, []).append(f"{letter}{FIRST_DATA_ROW}:{letter}{last_row}")
        for formula, ranges in by_list.items():
            dv = DataValidation(type="list", formula1=formula, allow_blank=True)
            for cell_range in ranges:
                dv.add(cell_range)
            ws.add_data_validation(dv)

    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 6)  # headers and 序号…二级事项 stay in view
    # Widths from the items' content up to each column's width, rows as tall as their wrapped
    # text, the header rows on every page, landscape A3 one page wide (models.exchange.xlsx_layout).
    bounds = {k: (min(col.width, TICK_WIDTH if col.width == TICK_WIDTH else MIN_TEXT_WIDTH), col.width)
              for k, col in enumerate(cols, start=1)}
    lay_out_for_print(ws, title_rows=(HEADER_ROWS[0], HEADER_ROWS[-1]), first_data_row=FIRST_DATA_ROW,
                      bounds=bounds)
    return wb


def _save(wb: Workbook, path: Path) -> None:
    """Written whole or not at all, by the one output-file rule (models.output_files)."""
    write_output(path, wb.save)


def export_catalog_xlsx(ctx: ServiceContext, path: str | os.PathLike[str]) -> int:
    """Write every catalog item, retired ones included, to `path`; returns how many were written."""
    check_output_path(path)  # refused before the work, not after
    items = CatalogService(ctx).list_items(include_retired=True)
    title = f"{installation(ctx.db).name}{TITLE_SUFFIX}"
    _save(catalog_workbook(items, title), Path(path))
    return len(items)


# --- import: reading the sheet -------------------------------------------------------------------

@dataclass
class CatalogImportResult(MergeResult):
    """What an import did, plus notes the user should see (derived codes, ignored columns, …)."""

    sheet: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class CatalogSheet:
    """A catalog file read and fully validated, ready to merge."""

    file: str
    sheet: str
    items: list[ItemData]
    rows: list[int]  # Excel row of each item
    present: set[str]  # field keys of the columns the file has
    notes: list[str] = field(default_factory=list)


@dataclass
class _Layout:
    header_row: int  # Excel row of the (first) header row
    data_start: int  # index into rows of the first data row
    single: dict[str, int] = field(default_factory=dict)  # field -> column index
    ticks: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)  # field -> (col, option, header)
    texts: dict[str, int] = field(default_factory=dict)  # tick group given as one text column
    ignored: list[str] = field(default_factory=list)

    def has(self, key: str) -> bool:
        return key in self.single or key in self.ticks or key in self.texts


def _refuse(file: str, message: str, *, sheet: str | None = None, row: int | None = None,
            fld: str | None = None, rule: str = "file") -> ValidationError:
    return ValidationError([Problem(message, file=file, sheet=sheet, row=row, field=fld, rule=rule)],
                           summary="目录文件有误，未导入任何事项")


def _find_header(rows: list[tuple]) -> int | None:
    for i, row in enumerate(rows[:30]):
        if any(_norm(v) in _HEADER_ANCHORS for v in row):
            return i
    return None


def _read_layout(rows: list[tuple], h: int, file: str, sheet: str) -> tuple[_Layout, list[Problem]]:
    top = [_norm(v) for v in rows[h]]
    nxt = [_norm(v) for v in rows[h + 1]] if h + 1 < len(rows) else []
    width = max(len(top), len(nxt))
    top += [""] * (width - len(top))
    nxt += [""] * (width - len(nxt))
    header_row = h + 1
    problems: list[Problem] = []

    def sub_like(c: int) -> bool:
        if not nxt[c]:
            return False
        if nxt[c] in ("一级事项", "二级事项"):
            return True
        if not top[c]:
            return True  # under a header merged (or just written) across several columns
        key = _GROUP_BY_SPELLING.get(top[c])
        return key is not None and nxt[c] in _options_index(key)

    # A second header row has sub-headers and nothing under the single-column headers (a data row
    # of a one-row header would have its 二级事项, 公开时限, … filled).
    two_rows = any(sub_like(c) for c in range(width)) and all(
        not nxt[c] or nxt[c] == top[c] for c in range(width) if top[c] in _SINGLE_BY_SPELLING)
    layout = _Layout(header_row=header_row, data_start=h + (2 if two_rows else 1))
    where = {"file": file, "sheet": sheet, "row": header_row}
    placed: dict[tuple[str, str], int] = {}

    def place(key: str, option: str, c: int, header: str) -> bool:
        if (key, option) in placed:
            first = placed[(key, option)]
            problems.append(Problem(
                f"“{header}”列重复（第 {get_column_letter(first + 1)} 列和第 {get_column_letter(c + 1)} 列）",
                field=header, rule="duplicate_column", **where))
            return False
        placed[(key, option)] = c
        return True

    last_top = ""
    for c in range(width):
        t, s = top[c], (nxt[c] if two_rows else "")
        if t:
            last_top = t
        elif s:
            # a blank top belongs to the group header merged over it; else the sub-row names the column
            t = last_top if last_top == _ITEM_TOP or last_top in _GROUP_BY_SPELLING else s
        if s == t:
            s = ""  # a single header merged (or repeated) down over both rows
        if not t and not s:
            continue
        if s and t == _ITEM_TOP or not s and t in ("一级事项", "二级事项"):
            key = _SINGLE_BY_SPELLING.get(s or t)
            if key in ("group", "name"):
                if place(key, "", c, _label(key)):
                    layout.single[key] = c
            else:
                layout.ignored.append(f"{t}/{s}")
        elif t in _GROUP_BY_SPELLING:
            key = _GROUP_BY_SPELLING[t]
            label = _label(key)
            if not s:
                if place(key, "", c, label):
                    layout.texts[key] = c
                continue
            option = _options_index(key).get(s)
            if option is None:
                rule = "channel" if key == "channels" else "column"
                what = "公开渠道" if key == "channels" else "选项"
                problems.append(Problem(f"“{label}”下的“{s}”不是已知的{what}（应为 {'、'.join(_GROUPS[key][2])} 之一）",
                                        field=label, rule=rule, **{**where, "row": header_row + 1}))
            elif place(key, option, c, f"{label}/{s}"):
                layout.ticks.setdefault(key, []).append((c, option, s))
        elif t == _ITEM_TOP:
            if place("name", "", c, _ITEM_TOP):
                layout.single["name"] = c  # a one-level 公开事项 column names the item
        elif t in _SINGLE_BY_SPELLING:
            key = _SINGLE_BY_SPELLING[t]
            if place(key, "", c, _label(key)):
                layout.single[key] = c
        else:
            layout.ignored.append(f"{t}/{s}" if s else t)
    for key in set(layout.ticks) & set(layout.texts):
        problems.append(Problem(f"“{_label(key)}”既有勾选列又有文字列，只能用一种", field=_label(key),
                                rule="duplicate_column", **where))
    for key in _REQUIRED:
        if not layout.has(key):
            problems.append(Problem(f"缺少“{_label(key)}”列", field=_label(key), rule="missing_column", **where))
    if not layout.has("code") and not layout.has("seq"):
        problems.append(Problem("缺少“编号”列（没有编号时须有“序号”列，用来生成编号）", field="编号",
                                rule="missing_column", **where))
    return layout, problems


def _tick(value: Any) -> bool | None:
    """True / False for a tick mark or its absence; None when the cell holds something else."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return True if value == 1 else False if value == 0 else None
    s = str(value).strip()
    if s in _YES:
        return True
    if s in _NO:
        return False
    return None


def split_names(text: str, index: dict[str, str]) -> tuple[list[str], list[str]]:
    """Names listed in one cell (separated by 、，,；; / or new lines): (known, unknown).

    Known names are matched whole first, longest first, since some contain a slash themselves
    (“发布会/听证会”, “社区/村公示栏(电子屏)”)."""
    s = re.sub(r"[\r\n]+", "、", text or "")
    s = re.sub(r"\s+", "", s).translate(_FULLWIDTH)
    found: list[str] = []
    for key in sorted(index, key=len, reverse=True):
        while key and key in s:
            found.append(index[key])
            s = s.replace(key, "、", 1)
    unknown = [p for p in _LIST_SEPARATORS.split(s) if p]
    return found, unknown


_POSTING = re.compile(r"(\d+)(个工作日|工作日|个日历日|日历日|日|天)?")
_KIND_BY_NAME = {**{label: kind for kind, label in terms.KIND_LABELS.items()}, **{k: k for k in terms.KINDS}}


class _RowReader:
    """Turns one data row into an ItemData plus the problems found on the way."""

    def __init__(self, layout: _Layout, file: str, sheet: str):
        self.layout = layout
        self.file = file
        self.sheet = sheet
        self.last_group = ""
        self.last_category = ""

    def read(self, values: tuple, row: int) -> tuple[ItemData, list[Problem]]:
        lay = self.layout
        problems: list[Problem] = []
        where = {"file": self.file, "sheet": self.sheet, "row": row}

        def bad(fld: str, message: str, rule: str) -> None:
            problems.append(Problem(message, field=fld, rule=rule, **where))

        def raw(c: int | None) -> Any:
            return values[c] if c is not None and c < len(values) else None

        def text(key: str) -> str:
            return _text(raw(lay.single.get(key)))

        # 类别 and 一级事项 are merged (or left blank) down a group's rows: fill them down.
        group = text("group") or self.last_group
        category = text("category") or self.last_category or "村务"
        self.last_group, self.last_category = group, category

        if lay.has("code"):
            code = text("code")
        else:
            seq = text("seq")
            code = f"{DERIVED_CODE_PREFIX}{seq}" if seq else ""
            if not seq:
                bad("序号", "文件没有“编号”列，须填写序号（编号按“ML-序号”生成）", "required")

        rule: TimingRule | None = None
        timing_text = text("timing")
        rule_text = text("rule")
        if rule_text:
            try:
                rule = (TimingRule.from_dict(json.loads(rule_text)) if rule_text.startswith("{")
                        else parse_timing_text(rule_text))
            except (TimingError, ValueError) as exc:
                bad("时限规则", str(exc) if isinstance(exc, TimingError) else f"无法识别的时限规则“{rule_text}”",
                    "timing")
        else:
            try:
                rule = parse_timing_text(timing_text)
            except TimingError as exc:
                bad("公开时限", str(exc), "timing")

        def choices(key: str) -> list[str]:
            label = _label(key)
            if key in lay.texts:
                cell = _text(raw(lay.texts[key]))
                if key in _SINGLE_CHOICE:
                    return [cell] if cell else []
                found, unknown = split_names(cell, _options_index(key))
                return found + unknown  # unknown names are reported by item_problems
            out = []
            for c, option, header in lay.ticks.get(key, []):
                mark = _tick(raw(c))
                if mark is None:
                    bad(label, f"“{header}”格中的“{_text(raw(c))}”不是勾选标记（勾选用 √ 或 ■，未勾选用 □ 或留空）",
                        "tick")
                elif mark:
                    out.append(option)
            return out

        channels = _canonical(choices("channels"), terms.ALL_CHANNELS)
        five_public = _canonical(choices("five_public"), terms.FIVE_PUBLIC)
        single: dict[str, str] = {}
        for key in _SINGLE_CHOICE:
            picked = choices(key)
            options = _GROUPS[key][2]
            if len(picked) == 1:
                single[key] = picked[0]
                continue
            single[key] = options[0]  # placeholder; the row is refused below
            if not any(p.field == _label(key) for p in problems):
                if picked:
                    bad(_label(key), f"勾选了{'、'.join(picked)}，只能勾选一项", key)
                elif key in lay.texts:
                    bad(_label(key), f"未填写：应为{'或'.join(options)}", key)
                else:
                    bad(_label(key), f"未勾选：应在{'、'.join(options)}中勾选一项", key)

        posting_days, working = 7, False
        pd_raw = raw(lay.single.get("posting_days"))
        if _text(pd_raw):
            m = None if isinstance(pd_raw, bool) else _POSTING.fullmatch(re.sub(r"\s+", "", _text(pd_raw)))
            if m:
                posting_days, working = int(m.group(1)), (m.group(2) or "").endswith("工作日")
            else:
                bad("公示天数", f"公示天数“{_text(pd_raw)}”应为天数，如 7 或“5个工作日”", "posting_days")

        kind, preset = "notice", None
        kind_text = text("kind")
        if kind_text:
            m = re.fullmatch(r"(.+?)\s*[（(](.*)[）)]", kind_text)
            name, preset = (m.group(1).strip(), m.group(2).strip() or None) if m else (kind_text, None)
            kind = _KIND_BY_NAME.get(name, name)  # an unknown kind is reported by item_problems

        active = True
        if lay.has("retired"):
            mark = _tick(raw(lay.single["retired"]))
            if mark is None:
                bad("停用", f"“停用”应填“是”或留空，实为“{text('retired')}”", "retired")
            else:
                active = not mark

        item = ItemData(
            code=code, group=group, name=text("name"), category=category,
            content=text("content"), basis=text("basis"),
            timing=rule or TimingRule("immediate"), timing_text=timing_text,
            publisher=text("publisher"),
            channels=channels, audience=single["audience"], mode=single["mode"], level=single["level"],
            domain=text("domain") or None, five_public=five_public,
            posting_days=posting_days, posting_working_days=working,
            default_kind=kind, roster_preset=preset, active=active,
        )
        # item_problems repeats nothing already said about a column (e.g. the placeholder timing).
        said = {p.field for p in problems} | ({"编号"} if not lay.has("code") and not code else set())
        problems += [p for p in item_problems(item, row=row, file=self.file, sheet=self.sheet)
                     if p.field not in said]
        if not lay.has("code"):  # derived codes: point at the column the user can change
            problems = [replace(p, field="序号") if p.field == "编号" else p for p in problems]
        return item, problems


def _load_rows(path: Path, file: str) -> tuple[str, list[tuple]]:
    """(sheet name, rows as value tuples) of the sheet holding the catalog — from an xlsx, xls or ods
    file, within the size, row and cell limits of every import (models.exchange.sheet_formats) — with
    each value merged down over several data rows (公开主体, 公开依据, 类别 …) in every row it spans.
    Refuses unreadable files."""
    if not path.is_file():
        raise _refuse(file, f"找不到文件：{path}")
    try:
        grids = read_sheets(path, None, InputLimits(max_rows=MAX_ROWS))
        grids.sort(key=lambda g: g.name != SHEET_NAME)  # stable: the export's own sheet first
        for grid in grids:
            h = _find_header(grid.rows)
            if h is not None:
                # Rows from the one after the first header row: a header merged down over both
                # header rows stays blank below, which the two-row header reader expects.
                return grid.name, fill_merged_down(grid.rows, grid.merges, h + 2, file=file, sheet=grid.name)
    except SheetError as exc:
        raise _refuse(file, exc.message, sheet=exc.sheet, row=exc.row, fld=exc.column, rule=exc.rule) from None
    sheets = "、".join(f"“{g.name}”" for g in grids) or "（无）"
    raise _refuse(file, f"找不到公开事项清单的表头（含“序号”或“公开事项”的行）；工作表：{sheets}")


def read_catalog_xlsx(path: str | os.PathLike[str]) -> CatalogSheet:
    """Read and fully validate a catalog workbook; raises ValidationError listing every problem."""
    path = Path(path)
    file = path.name
    sheet, rows = _load_rows(path, file)
    h = _find_header(rows)
    assert h is not None
    layout, problems = _read_layout(rows, h, file, sheet)
    if problems:
        raise ValidationError(problems, summary="目录文件的表头有误，未导入任何事项")

    reader = _RowReader(layout, file, sheet)
    items: list[ItemData] = []
    item_rows: list[int] = []
    first_row_of: dict[str, int] = {}
    in_notes = False
    seq_col = layout.single.get("seq")
    code_field = "编号" if layout.has("code") else "序号"
    for i in range(layout.data_start, len(rows)):
        values, row = rows[i], i + 1
        filled = [c for c, v in enumerate(values) if _text(v)]
        if not filled:
            continue
        if _NOTES.match(_text(values[filled[0]])):
            in_notes = True
            continue
        if in_notes and len(filled) <= 1:
            continue  # further lines of the notes
        if all(c == seq_col for c in filled):
            continue  # a numbered but empty row, or a section heading in the 序号 column
        item, row_problems = reader.read(values, row)
        problems += row_problems
        if item.code:
            if item.code in first_row_of:
                problems.append(Problem(f"编号“{item.code}”与第 {first_row_of[item.code]} 行重复",
                                        file=file, sheet=sheet, row=row, field=code_field, rule="unique"))
            else:
                first_row_of[item.code] = row
        items.append(item)
        item_rows.append(row)
    if problems:
        raise ValidationError(problems, summary=f"目录文件有 {len(problems)} 处错误，未导入任何事项")
    if not items:
        raise _refuse(file, "表中没有任何事项", sheet=sheet, rule="empty")

    notes: list[str] = []
    if not layout.has("code"):
        notes.append(f"文件没有“编号”列：编号按序号生成为“{DERIVED_CODE_PREFIX}序号”（如 {items[0].code}）")
    absent = [_label(k) for k in _KEPT_WHEN_ABSENT if not layout.has(k)]
    if absent:
        notes.append(f"文件没有{'、'.join(f'“{a}”' for a in absent)}列：已有事项保留原值，新事项取默认值")
    if layout.ignored:
        notes.append(f"未识别的列已忽略：{'、'.join(f'“{c}”' for c in layout.ignored)}")
    present = {k for k in (*_SINGLE, *_GROUPS) if layout.has(k)}
    return CatalogSheet(file=file, sheet=sheet, items=items, rows=item_rows, present=present, notes=notes)


def _keep_existing(item: ItemData, old: ItemData, kept: list[str]) -> ItemData:
    """The file's item, with what the file cannot say taken from the stored one."""
    changes = {a: getattr(old, a) for a in kept}
    # Tick columns carry a set, not an order: keep the stored order when the set is the same, so
    # re-importing an export does not report the item as changed.
    for attr in ("channels", "five_public"):
        if attr not in changes and set(getattr(item, attr)) == set(getattr(old, attr)):
            changes[attr] = getattr(old, attr)
    return replace(item, **changes) if changes else item


def import_catalog_xlsx(ctx: ServiceContext, path: str | os.PathLike[str]) -> CatalogImportResult:
    """Merge a catalog workbook by item code (add new codes, update existing ones); all or nothing."""
    sheet = read_catalog_xlsx(path)
    service = CatalogService(ctx)
    existing = {i.code: i for i in service.list_items(include_retired=True)}
    kept = [attr for k in _KEPT_WHEN_ABSENT if k not in sheet.present for attr in _KEPT_WHEN_ABSENT[k]]
    items = [_keep_existing(i, existing[i.code], kept) if i.code in existing else i for i in sheet.items]
    merged = service.merge(items, action="catalog.import", source=sheet.file, update_existing=True)
    return CatalogImportResult(added=merged.added, updated=merged.updated, unchanged=merged.unchanged,
                               sheet=sheet.sheet, notes=sheet.notes)
