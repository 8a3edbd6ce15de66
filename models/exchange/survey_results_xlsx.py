"""A survey's results as an xlsx workbook: sheet 统计结果 (every question, every option with its
count and both percentages, the base stated, "其他" texts and free-text answers) and sheet 分组交叉
(per 村民小组: each option's count and percent).

Written through the one output-file rule (models.output_files: whole or not at all) and every text
through ``write_text_cell`` (a villager's "=…" answer stays text, never a formula). Free-text
answers are masked as a notice masks them: a workbook leaves the office like paper does.
"""

from __future__ import annotations

import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from ..output_files import check_output_path, write_output
from ..rules.personal_numbers import mask_personal_numbers
from .cell_text import write_text_cell
from .xlsx_layout import lay_out_for_print


def write_results_xlsx(results, path: str | os.PathLike[str]) -> Path:
    """``results``: models.services.surveys.SurveyResults."""
    path = Path(path)
    check_output_path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = "统计结果"
    bold = Font(name="黑体", size=11)
    body = Font(name="宋体", size=10)
    wrap = Alignment(wrap_text=True, vertical="top")
    q = results.questionnaire
    write_text_cell(ws.cell(1, 1), f"{q.title} 统计结果").font = Font(name="宋体", size=14, bold=True)
    note = f"计入统计 {results.respondents} 份"
    if results.waiting:
        note += f"（另有 {results.waiting} 份待第二遍录入或裁定，未计入）"
    write_text_cell(ws.cell(2, 1), note).font = body
    headers = ("题号", "题目 / 选项", "票数", "占答题人数%", "占选择总数%", "说明")
    r = 4
    for c, h in enumerate(headers, start=1):
        write_text_cell(ws.cell(r, c), h).font = bold
    widths = (8, 48, 10, 14, 14, 40)
    for c, w in enumerate(widths, start=1):
        ws.column_dimensions[chr(64 + c)].width = w
    ws.freeze_panes = "A5"
    for t in results.questions:
        r += 1
        ws.cell(r, 1, t.no).font = bold
        write_text_cell(ws.cell(r, 2), t.text).font = bold
        ws.cell(r, 2).alignment = wrap
        write_text_cell(ws.cell(r, 6), f"基数：{t.base_text}").font = body
        for o in t.options:
            r += 1
            write_text_cell(ws.cell(r, 2), f"{o.letter}. {o.label}").font = body
            ws.cell(r, 2).alignment = wrap
            ws.cell(r, 3, o.count).font = body
            write_text_cell(ws.cell(r, 4), o.percent).font = body
            if o.percent_of_selections is not None:
                write_text_cell(ws.cell(r, 5), o.percent_of_selections).font = body
        for text in t.other_texts:
            r += 1
            write_text_cell(ws.cell(r, 2), f"其他：{mask_personal_numbers(text)}").font = body
            ws.cell(r, 2).alignment = wrap
        if t.type == "number" and t.answered:
            r += 1
            write_text_cell(ws.cell(r, 2), f"合计 {t.total}，平均 {t.mean}").font = body
        if t.type == "text":
            for text in t.answers:
                r += 1
                write_text_cell(ws.cell(r, 2), mask_personal_numbers(text)).font = body
                ws.cell(r, 2).alignment = wrap
        r += 1

    if results.by_group:
        gs = wb.create_sheet("分组交叉")
        groups = list(results.by_group)
        write_text_cell(gs.cell(1, 1), "题号").font = bold
        write_text_cell(gs.cell(1, 2), "选项").font = bold
        gs.column_dimensions["A"].width = 8
        gs.column_dimensions["B"].width = 40
        for k, g in enumerate(groups):
            col = 3 + 2 * k
            write_text_cell(gs.cell(1, col), f"{g}（票）").font = bold
            write_text_cell(gs.cell(1, col + 1), f"{g}（%）").font = bold
            gs.column_dimensions[gs.cell(1, col).column_letter].width = 12
            gs.column_dimensions[gs.cell(1, col + 1).column_letter].width = 12
        gs.freeze_panes = "C2"
        row = 1
        for i, t in enumerate(results.questions):
            if not t.options:
                continue
            row += 1
            gs.cell(row, 1, t.no).font = bold
            write_text_cell(gs.cell(row, 2), t.text).font = bold
            for k, g in enumerate(groups):
                gt = results.by_group[g][i]
                write_text_cell(gs.cell(row, 3 + 2 * k), f"答题 {gt.answered} 人").font = body
            for j, o in enumerate(t.options):
                row += 1
                write_text_cell(gs.cell(row, 2), f"{o.letter}. {o.label}").font = body
                for k, g in enumerate(groups):
                    go = results.by_group[g][i].options[j]
                    gs.cell(row, 3 + 2 * k, go.count).font = body
                    write_text_cell(gs.cell(row, 4 + 2 * k), go.percent).font = body
    # Printable as it is: rows as tall as their wrapped text, the header row on every page, one page
    # wide (models.exchange.xlsx_layout). 统计结果 has six columns: A4 portrait; the cross-tab grows
    # two columns a 村民小组: landscape, A3 once it is wider than an A4 page holds legibly.
    lay_out_for_print(ws, title_rows=(4, 4), first_data_row=5, paper=ws.PAPERSIZE_A4, landscape=False,
                      bounds={1: (5, 8), 2: (24, 48), 3: (8, 10), 4: (10, 14), 5: (10, 14), 6: (12, 40)})
    if results.by_group:
        wide = len(results.by_group) > 6
        lay_out_for_print(gs, title_rows=(1, 1), first_data_row=2,
                          paper=gs.PAPERSIZE_A3 if wide else gs.PAPERSIZE_A4, landscape=True,
                          bounds={1: (5, 8), 2: (20, 40)}, default_bounds=(8, 12))
    write_output(path, wb.save)
    return path
