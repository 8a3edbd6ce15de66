"""Survey forms from a csv or xlsx file: one row per paper form (cli.md "Surveys").

Columns: ``respondent`` (问卷编号), optional ``group`` (村民小组), ``Q1`` … ``Qn`` holding option
letters ("B", "ACD"), a number or text, and ``Qn_other`` for the "其他" text; blank = not answered.
The header row is the first non-blank row; Chinese headers 问卷编号 / 编号 and 村民小组 / 小组 are
read as ``respondent`` and ``group``.

The file is read through the guarded readers the roster import uses (sheet_formats / sheet_guard:
xlsx, xls, ods or csv; sizes, rows, cells checked before and while parsing). Any bad row refuses the whole file, and every bad row is
named with its row and question (models.rules.survey.check_form's rules, plus a respondent number
repeated in the file). A column that names a person (姓名, 身份证号 …) is refused: the survey is
anonymous by design.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Problem, ValidationError
from ..rules import survey as R
from ..rules.limits import InputLimits
from .sheet_formats import KIND_WORDS, SPREADSHEET_SUFFIXES, mismatch, read_sheets, sniff
from .sheet_guard import SheetError

_RESPONDENT = {"respondent", "问卷编号", "编号", "答卷编号"}
_GROUP = {"group", "村民小组", "小组", "组别"}
_PERSONAL = {"姓名", "名字", "身份证号", "身份证", "身份证号码", "电话", "手机", "手机号", "联系电话", "name", "id_number",
             "phone"}
_QUESTION = re.compile(r"^[Qq](\d{1,3})(_other)?$")


@dataclass(frozen=True)
class ParsedForm:
    row: int  # the spreadsheet row
    respondent: int
    group: str | None
    answers: dict[str, str]


def _grid(path: Path, limits: InputLimits) -> tuple[str | None, list[tuple[Any, ...]]]:
    """The first worksheet (or the csv) as value rows, by the roster import's own dispatch: the
    content decides the format (xlsx, xls, ods, csv in UTF-8 or GBK), the limits hold for each."""
    from .roster_import import _fail, _read_csv, _refused  # the one csv reader (encodings, limits)

    file = path.name
    if not path.is_file():
        raise _fail("文件不存在", file)
    try:
        kind = sniff(path)
    except OSError as exc:
        raise _fail(f"无法打开：{exc.strerror or exc}", file) from None
    if kind in ("xlsx", "xls", "ods") or path.suffix.lower() in SPREADSHEET_SUFFIXES:
        try:
            grid = read_sheets(path, None, limits, kind=kind)[0]
        except SheetError as exc:
            raise _refused(exc) from None
        return grid.name, grid.rows
    if kind == "text" and path.suffix.lower() in (".csv", ".txt", ""):
        return None, _read_csv(path, limits)[1]
    wrong = mismatch(path, kind)
    if wrong is not None:
        raise _refused(wrong)
    raise _fail(f"不支持的文件类型“{path.suffix}”（内容是{KIND_WORDS.get(kind, KIND_WORDS['unknown'])}）："
                "请使用 .xlsx、.xls、.ods 或 .csv", file, "format")


def _header(text: Any) -> str:
    return re.sub(r"\s+", "", R.cell_text(text)).strip()


def read_forms(path: str | Path, questionnaire: R.Questionnaire, limits: InputLimits | None = None) -> list[ParsedForm]:
    """Every form in the file, or ``ValidationError`` naming every bad row (nothing is half-read)."""
    path = Path(path)
    file = path.name
    sheet, grid = _grid(path, limits or InputLimits())
    n = len(questionnaire.questions)

    def refuse(problems: list[Problem], summary: str) -> ValidationError:
        return ValidationError(problems, summary=summary)

    head_at = next((i for i, cells in enumerate(grid) if any(R.cell_text(c).strip() for c in cells)), None)
    if head_at is None:
        raise refuse([Problem("文件是空的", file=file, sheet=sheet, rule="empty")], f"{file} 是空的，未导入任何内容")
    headers = [_header(h) for h in grid[head_at]]
    header_row = head_at + 1
    problems: list[Problem] = []
    respondent_at = group_at = None
    columns: dict[int, str] = {}  # index → "3" or "3_other"
    for i, h in enumerate(headers):
        if not h:
            continue
        key = h.lower()
        m = _QUESTION.match(h)
        if key in _RESPONDENT or h in _RESPONDENT:
            respondent_at = i
        elif key in _GROUP or h in _GROUP:
            group_at = i
        elif h in _PERSONAL or key in _PERSONAL:
            problems.append(Problem(f"有“{h}”列：问卷是匿名的，不能导入姓名、身份证号或电话，请删除该列",
                                    file=file, sheet=sheet, row=header_row, field=h, rule="personal"))
        elif m:
            no = int(m.group(1))
            q = questionnaire.question(no)
            if q is None:
                problems.append(Problem(f"问卷只有 {n} 道题，没有第 {no} 题（“{h}”列）", file=file, sheet=sheet,
                                        row=header_row, field=h, rule="unknown_question"))
            elif m.group(2) and q.other_option is None:
                problems.append(Problem(f"第 {no} 题没有“其他”选项，不能有“{h}”列", file=file, sheet=sheet,
                                        row=header_row, field=h, rule="other_text"))
            elif (f"{no}_other" if m.group(2) else str(no)) in columns.values():
                problems.append(Problem(f"“{h}”列出现了两次", file=file, sheet=sheet, row=header_row, field=h,
                                        rule="duplicate_column"))
            else:
                columns[i] = f"{no}_other" if m.group(2) else str(no)
        else:
            problems.append(Problem(f"不认识的列“{h}”（应为 respondent、group、Q1…Q{n}、Qn_other）", file=file,
                                    sheet=sheet, row=header_row, field=h, rule="unknown_column"))
    if respondent_at is None:
        problems.append(Problem("缺少问卷编号列（respondent）", file=file, sheet=sheet, row=header_row,
                                rule="respondent"))
    missing = [q.field for q in questionnaire.questions if q.required and q.key not in columns.values()]
    if missing:
        problems.append(Problem(f"缺少必答题的列：{'、'.join(missing)}", file=file, sheet=sheet, row=header_row,
                                rule="required"))
    if problems:
        raise refuse(problems, f"{file} 的表头有误，未导入任何内容")

    forms: list[ParsedForm] = []
    seen: dict[int, int] = {}
    bad_rows: set[int] = set()
    for offset, cells in enumerate(grid[head_at + 1:], start=head_at + 2):
        if not any(R.cell_text(c).strip() for c in cells):
            continue

        def cell(i: int | None, cells: tuple[Any, ...] = cells) -> Any:
            return cells[i] if i is not None and i < len(cells) else None

        row_findings: list[R.FormFinding] = []
        number, f = R.respondent_number(cell(respondent_at))
        if f:
            row_findings.append(f)
        group, f = R.group_name(cell(group_at))
        if f:
            row_findings.append(f)
        raw = {key: cell(i) for i, key in columns.items()}
        checked = R.check_form(questionnaire, raw)
        row_findings += checked.findings
        if number is not None:
            if number in seen:
                row_findings.append(R.FormFinding("respondent", "duplicate_respondent",
                                                  f"问卷编号 {number} 与第 {seen[number]} 行重复"))
            else:
                seen[number] = offset
        for finding in row_findings:
            problems.append(Problem(finding.located() if finding.question is None else finding.message,
                                    file=file, sheet=sheet, row=offset, field=finding.field, rule=finding.rule))
        if row_findings:
            bad_rows.add(offset)
        elif number is not None:
            forms.append(ParsedForm(offset, number, group, checked.answers))
    if problems:
        raise refuse(problems, f"{file} 有 {len(bad_rows)} 行有误，未导入任何内容")
    if not forms:
        raise refuse([Problem("表头下没有任何答卷", file=file, sheet=sheet, rule="empty")],
                     f"{file} 没有答卷，未导入任何内容")
    return forms
