"""Catalog exchange with Excel/WPS: real xlsx files written, read back and compared by content."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from sqlalchemy import func, select

from models.cli import main
from models.entities import AuditEvent
from models.errors import ValidationError
from models.exchange.catalog_xlsx import (
    SHEET_NAME,
    export_catalog_xlsx,
    import_catalog_xlsx,
    read_catalog_xlsx,
    split_names,
)
from models.rules import catalog_terms as terms
from models.rules.timing import TimingRule
from models.services.catalog import CatalogService, ItemData
from models.services.context import Actor, ServiceContext
from models.services.setup import initialize

BOARD = "社区/村公示栏(电子屏)"


# --- helpers -------------------------------------------------------------------------------------

def _add_sample_catalog(ctx) -> list[ItemData]:
    """Items of every timing kind, with channels, domains, 五公开, a roster preset and a retired item."""
    svc = CatalogService(ctx)
    items = [
        ItemData(code="CW-01", category="财务", group="财务收支", name="村级财务收支情况",
                 content="收入、支出明细\n及票据号", basis="《村民委员会组织法》第三十条",
                 timing=TimingRule("monthly", day=10), channels=("两微一端", BOARD, "村务微信群"),
                 five_public=("执行", "结果"), domain="财政预决算"),
        ItemData(code="CW-02", category="财务", group="财务收支", name="集体资产资源发包",
                 timing=TimingRule("monthly"), channels=(BOARD,), posting_days=10),
        ItemData(code="CW-03", category="财务", group="财务收支", name="债权债务",
                 timing=TimingRule("quarterly", day=20), channels=("发布会/听证会", "入户/现场", BOARD)),
        ItemData(code="CW-04", category="财务", group="财务计划", name="年度财务预算",
                 timing=TimingRule("yearly", month=4, day=8), channels=("公开查阅点", BOARD),
                 five_public=("决策",)),
        ItemData(code="CW-05", category="财务", group="财务计划", name="上年度决算",
                 timing=TimingRule("yearly", month=1, day=31, year_offset=1), channels=(BOARD,)),
        ItemData(code="CW-06", category="财务", group="财务计划", name="村干部报酬",
                 timing=TimingRule("yearly", year_offset=1), channels=(BOARD, "村民会议")),
        ItemData(code="CW-07", category="村务", group="惠农补贴", name="耕地地力保护补贴",
                 timing=TimingRule("within_days", days=10, working=True), channels=(BOARD, "精准推送"),
                 audience="特定群众", domain="涉农补贴", default_kind="roster", roster_preset="补贴",
                 posting_days=5, posting_working_days=True, five_public=("服务", "结果")),
        ItemData(code="CW-08", category="村务", group="社会救助", name="低保对象",
                 timing=TimingRule("within_days", days=7), channels=(BOARD, "组员微信群"),
                 audience="特定群众", mode="依申请", level="乡级", domain="社会救助", default_kind="roster"),
        ItemData(code="CW-09", category="村务", group="村务决策", name="四议两公开决议",
                 timing=TimingRule("immediate"), channels=("广播电视", BOARD, "村应急广播"),
                 default_kind="decision", five_public=("决策", "管理")),
        ItemData(code="CW-10", category="村务", group="工程项目", name="工程项目招投标及预决算",
                 timing=TimingRule("per_stage", days=5, working=True), channels=("政府网站", BOARD),
                 default_kind="project", level="县级", domain="重大建设项目"),
        ItemData(code="CW-11", category="村务", group="工程项目", name="一事一议筹资筹劳",
                 timing=TimingRule("per_stage", days=10), channels=(BOARD,), default_kind="yishi"),
        # wording the parser cannot read: export adds the 时限规则 column for it
        ItemData(code="DW-01", category="党务", group="党组织建设", name="党费收缴",
                 timing=TimingRule("quarterly", day=15), timing_text="按上级党委要求",
                 channels=(BOARD, "其他"), publisher="村党支部", posting_days=0),
        ItemData(code="DW-02", category="党务", group="党组织建设", name="发展党员（旧）",
                 timing=TimingRule("immediate"), channels=("纸质媒体",), publisher="村党支部"),
    ]
    for item in items:
        svc.add(item)
    svc.retire("DW-02")
    return items


def _new_village(path: Path, name: str = "测试村"):
    db = initialize(path, mode="village", code="410322100201", name=name, township="城关镇",
                    operator="王文书", template_id=None)
    return db, ServiceContext(db, Actor("王文书"))


def _sheet_content(path: Path, *, from_row: int = 1):
    """Cell values and merged ranges of the catalog sheet, from `from_row` down."""
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_NAME]
    values = [row for row in ws.iter_rows(min_row=from_row, values_only=True)]
    merged = sorted(str(r) for r in ws.merged_cells.ranges if r.min_row >= from_row)
    return values, merged


def _catalog_json(ctx):
    return [i.to_json() for i in CatalogService(ctx).list_items(include_retired=True)]


def _audit_count(db) -> int:
    with db.read_session() as s:
        return s.execute(select(func.count(AuditEvent.id))).scalar_one()


# A county's plain 标准目录: columns keyed by their lowest header (the sub-header under a group).
STD_COLS = [
    ("序号", None), ("公开事项", "一级事项"), ("公开事项", "二级事项"), ("公开内容（要素）", None),
    ("公开依据", None), ("公开时限", None), ("公开主体", None), ("公开渠道和载体", None),
    ("公开对象", "全社会"), ("公开对象", "特定群众"), ("公开方式", "主动"), ("公开方式", "依申请"),
    ("公开层级", "县级"), ("公开层级", "乡级"), ("公开层级", "村级"),
]
CODE_COL = ("编号", None)


def _std_row(seq, name, timing="每月10日前公开上月情况", group="财务公开", **cells) -> dict:
    row = {"序号": str(seq), "一级事项": group, "二级事项": name, "公开内容（要素）": "收支明细",
           "公开依据": "《村民委员会组织法》第三十条", "公开时限": timing, "公开主体": "村民委员会",
           "公开渠道和载体": f"{BOARD}、村务微信群", "全社会": "√", "主动": "√", "村级": "√"}
    row.update(cells)
    return row


def _write_sheet(path: Path, cols, rows, *, title="城关镇村级公开事项标准目录", merges=(), notes=None,
                 sheet="Sheet1") -> Path:
    """A two-row-header sheet as WPS users build it: title row, merged group headers, data from row 4."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.cell(1, 1, title)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(cols))
    c = 1
    while c <= len(cols):
        top, sub = cols[c - 1]
        if sub is None:
            ws.cell(2, c, top)
            ws.merge_cells(start_row=2, start_column=c, end_row=3, end_column=c)
            c += 1
            continue
        end = c
        while end < len(cols) and cols[end][0] == top and cols[end][1] is not None:
            end += 1
        ws.cell(2, c, top)
        if end > c:
            ws.merge_cells(start_row=2, start_column=c, end_row=2, end_column=end)
        for k in range(c, end + 1):
            ws.cell(3, k, cols[k - 1][1])
        c = end + 1
    for r, row in enumerate(rows, start=4):
        for k, (top, sub) in enumerate(cols, start=1):
            value = row.get(sub or top)
            if value is not None:
                ws.cell(r, k, value)
    for rng in merges:
        ws.merge_cells(rng)
    if notes:
        r = 4 + len(rows) + 1
        ws.cell(r, 1, notes)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(cols))
    wb.save(path)
    return path


# --- export --------------------------------------------------------------------------------------

def test_export_writes_the_standard_layout(empty_village, tmp_path):
    db, ctx = empty_village
    items = _add_sample_catalog(ctx)
    out = tmp_path / "目录.xlsx"

    assert export_catalog_xlsx(ctx, out) == len(items)

    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [SHEET_NAME]
    ws = wb[SHEET_NAME]
    assert ws["A1"].value == "测试村村务公开事项清单"
    top = [c.value for c in ws[2]]
    sub = [c.value for c in ws[3]]
    singles = ["序号", "编号", "类别"]
    assert top[:4] == [*singles, "公开事项"] and sub[3:5] == ["一级事项", "二级事项"]
    assert top[5:9] == ["公开内容（要素）", "公开依据", "公开时限", "公开主体"]
    n = len(terms.ALL_CHANNELS)
    assert top[9] == "公开渠道和载体" and tuple(sub[9:9 + n]) == terms.ALL_CHANNELS
    rest = 9 + n
    assert top[rest] == "公开对象" and sub[rest:rest + 2] == ["全社会", "特定群众"]
    assert top[rest + 2] == "公开方式" and sub[rest + 2:rest + 4] == ["主动", "依申请"]
    assert top[rest + 4] == "公开层级" and sub[rest + 4:rest + 7] == ["县级", "乡级", "村级"]
    assert top[rest + 7] == "领域"
    assert top[rest + 8] == "五公开" and sub[rest + 8:rest + 13] == list(terms.FIVE_PUBLIC)
    assert top[rest + 13:] == ["公示天数", "记录类型", "停用", "时限规则"]

    merged = {str(r) for r in ws.merged_cells.ranges}
    L = get_column_letter
    assert {"A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:F3", "H2:H3", f"J2:{L(9 + n)}2",
            f"{L(rest + 1)}2:{L(rest + 2)}2", f"{L(rest + 5)}2:{L(rest + 7)}2",
            f"{L(rest + 8)}2:{L(rest + 8)}3", f"{L(rest + 9)}2:{L(rest + 13)}2"} <= merged
    # 类别 and 一级事项 merged down a group's rows: 财务收支 is rows 4–6
    assert {"C4:C6", "D4:D6"} <= merged
    assert ws.freeze_panes == "F4"
    assert ws.print_title_rows == "$2:$3"
    assert ws.page_setup.orientation == "landscape"
    assert ws["B4"].border.left.style == "thin" and ws["F4"].alignment.wrap_text

    rows = {r[1]: r for r in ws.iter_rows(min_row=4, values_only=True)}
    first = rows["CW-01"]
    assert first[0] == 1 and first[3] == "财务收支" and first[4] == "村级财务收支情况"
    assert first[7] == "每月10日前公开上月情况"
    ticks = dict(zip(terms.ALL_CHANNELS, first[9:9 + n], strict=True))
    assert ticks["两微一端"] == ticks[BOARD] == ticks["村务微信群"] == "■"
    assert ticks["政府网站"] == "□"
    assert first[rest:rest + 7] == ("√", None, "√", None, None, None, "√")
    assert first[rest + 7] == "财政预决算"
    assert first[rest + 8:rest + 13] == (None, "√", None, None, "√")
    assert first[rest + 13:] == (7, "一般公告", None, None)
    assert rows["CW-07"][rest + 13:rest + 15] == ("5个工作日", "名单（补贴）")
    assert rows["DW-02"][rest + 15] == "是"  # retired items are exported
    assert rows["DW-01"][7] == "按上级党委要求"
    assert rows["DW-01"][rest + 16] == "每季度第一个月15日前公开上季度情况"


def test_export_without_odd_wording_has_no_rule_column(empty_village, tmp_path):
    _db, ctx = empty_village
    CatalogService(ctx).add(ItemData(code="A-1", group="财务", name="收支", timing=TimingRule("monthly", day=5)))
    out = tmp_path / "a.xlsx"
    export_catalog_xlsx(ctx, out)
    ws = openpyxl.load_workbook(out)[SHEET_NAME]
    assert [c.value for c in ws[2]][-3:] == ["公示天数", "记录类型", "停用"]


# --- round trip ----------------------------------------------------------------------------------

def test_round_trip_into_an_empty_database(empty_village, tmp_path):
    db, ctx = empty_village
    _add_sample_catalog(ctx)
    first = tmp_path / "first.xlsx"
    export_catalog_xlsx(ctx, first)

    db2, ctx2 = _new_village(tmp_path / "second.sqlite3")
    try:
        result = import_catalog_xlsx(ctx2, first)
        assert len(result.added) == 13 and not result.updated and not result.unchanged
        assert result.notes == []
        second = tmp_path / "second.xlsx"
        export_catalog_xlsx(ctx2, second)

        assert _sheet_content(second) == _sheet_content(first)
        assert _catalog_json(ctx2) == _catalog_json(ctx)
        with db2.read_session() as s:
            event = s.execute(select(AuditEvent).where(AuditEvent.action == "catalog.import")).scalar_one()
        assert event.detail["source"] == "first.xlsx" and len(event.detail["added"]) == 13

        # importing the same file again changes nothing
        again = import_catalog_xlsx(ctx2, first)
        assert again.added == [] and again.updated == [] and len(again.unchanged) == 13
    finally:
        db2.dispose()


def test_shipped_template_round_trips(village, tmp_path):
    _db, ctx = village
    if not CatalogService(ctx).count():
        pytest.skip("no village template shipped")
    first = tmp_path / "template.xlsx"
    export_catalog_xlsx(ctx, first)
    db2, ctx2 = _new_village(tmp_path / "copy.sqlite3")
    try:
        import_catalog_xlsx(ctx2, first)
        second = tmp_path / "copy.xlsx"
        export_catalog_xlsx(ctx2, second)
        assert _sheet_content(second) == _sheet_content(first)

        def unordered(items):  # tick columns carry which channels, not in what order
            return [{**i, "channels": sorted(i["channels"]), "five_public": sorted(i["five_public"])}
                    for i in items]

        assert unordered(_catalog_json(ctx2)) == unordered(_catalog_json(ctx))
    finally:
        db2.dispose()


def test_tick_order_is_the_standard_order(empty_village, tmp_path):
    db, ctx = empty_village
    svc = CatalogService(ctx)
    svc.add(ItemData(code="A-1", group="财务", name="收支", channels=("村务微信群", BOARD, "政府网站"),
                     five_public=("结果", "决策")))
    path = tmp_path / "order.xlsx"
    export_catalog_xlsx(ctx, path)

    # ticks are stored in the standard's order, so re-importing the export is not a change …
    assert svc.get("A-1").channels == ("政府网站", BOARD, "村务微信群")
    assert import_catalog_xlsx(ctx, path).unchanged == ["A-1"]
    # … and a fresh database gets the same order
    db2, ctx2 = _new_village(tmp_path / "order.sqlite3")
    try:
        import_catalog_xlsx(ctx2, path)
        item = CatalogService(ctx2).get("A-1")
        assert item.channels == ("政府网站", BOARD, "村务微信群") and item.five_public == ("决策", "结果")
    finally:
        db2.dispose()


def test_import_updates_by_code_and_adds_new_codes(empty_village, tmp_path):
    db, ctx = empty_village
    _add_sample_catalog(ctx)
    path = tmp_path / "edit.xlsx"
    export_catalog_xlsx(ctx, path)
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET_NAME]
    headers = {c.value: c.column for c in ws[2] if c.value}
    ws.cell(4, headers["公开时限"], "每月15日前公开上月情况")  # CW-01
    new_row = ws.max_row + 1
    for c in range(1, ws.max_column + 1):
        ws.cell(new_row, c, ws.cell(new_row - 1, c).value)
    ws.cell(new_row, 2, "DW-03")
    ws.cell(new_row, 3, "党务")
    ws.cell(new_row, 4, "党组织建设")
    ws.cell(new_row, 5, "主题党日")
    ws.cell(new_row, headers["停用"]).value = None
    ws.cell(new_row, headers["时限规则"]).value = None
    ws.cell(new_row, headers["公开时限"], "随时公开")
    wb.save(path)

    result = import_catalog_xlsx(ctx, path)

    assert result.added == ["DW-03"] and result.updated == ["CW-01"]
    svc = CatalogService(ctx)
    assert svc.get("CW-01").timing == TimingRule("monthly", day=15)
    assert svc.get("CW-01").timing_text == "每月15日前公开上月情况"
    assert svc.get("DW-03").timing.kind == "immediate" and svc.get("DW-03").active


# --- a county's plain 标准目录 --------------------------------------------------------------------

def test_import_plain_standard_catalog(empty_village, tmp_path):
    db, ctx = empty_village
    rows = [
        _std_row(1, "村级财务收支", group="财务公开"),
        _std_row(2, "债权债务", timing="每季度第一个月20日前", group=None,
                 **{"公开渠道和载体": "社区/村公示栏（电子屏）；入户/现场\n村务微信群", "全社会": "✓", "主动": "✔"}),
        {},  # a blank row
        _std_row(4, "低保对象", timing="信息形成之日起10个工作日内", group="社会救助",
                 **{"全社会": "□", "特定群众": "■", "主动": None, "依申请": 1, "村级": "Y"}),
        _std_row(5, "工程项目", timing="项目每个阶段结束后", group=None,
                 **{"公开渠道和载体": "发布会/听证会、政府网站", "村级": None, "乡级": "是", "全社会": "√"}),
    ]
    path = _write_sheet(tmp_path / "标准目录.xlsx", STD_COLS, rows,
                        merges=["B4:B5", "B7:B8"], notes="说明：1. 公开渠道可多选；2. 本目录每年修订。")

    result = import_catalog_xlsx(ctx, path)

    assert result.added == ["ML-1", "ML-2", "ML-4", "ML-5"]
    assert any("ML-序号" in n for n in result.notes)
    assert any("“公示天数”" in n and "保留原值" in n for n in result.notes)
    items = {i.code: i for i in CatalogService(ctx).list_items()}
    assert items["ML-2"].group == "财务公开"  # filled down from the merged cell
    assert items["ML-2"].channels == ("入户/现场", BOARD, "村务微信群")
    assert items["ML-2"].timing == TimingRule("quarterly", day=20)
    assert items["ML-4"].audience == "特定群众" and items["ML-4"].mode == "依申请"
    assert items["ML-4"].timing == TimingRule("within_days", days=10, working=True)
    assert items["ML-5"].group == "社会救助" and items["ML-5"].level == "乡级"
    assert items["ML-5"].channels == ("政府网站", "发布会/听证会")
    assert items["ML-5"].timing.kind == "per_stage"
    assert all(i.category == "村务" and i.posting_days == 7 and i.active for i in items.values())


def test_import_one_row_header_with_text_columns_and_numbers(empty_village, tmp_path):
    _db, ctx = empty_village
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["编号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体",
               "公开渠道和载体", "公开对象", "公开方式", "公开层级", "五公开", "公示天数", "备注"])
    ws.append([101, "财务", "收支", "", "", "每月10日前", "村委会", "公示栏/村务微信群", "全社会", "主动",
               "村级", "执行、结果", "15", "无"])
    ws.append([102.0, "财务", "预算", "", "", "每年4月8日前公开本年度情况", "村委会", "政府网站", "全社会",
               "主动", "村级", "", 5, ""])
    path = tmp_path / "one-row.xlsx"
    wb.save(path)

    result = import_catalog_xlsx(ctx, path)

    assert result.added == ["101", "102"]
    assert any("“备注”" in n for n in result.notes)
    first = CatalogService(ctx).get("101")
    assert first.channels == (BOARD, "村务微信群") and first.five_public == ("执行", "结果")
    assert first.posting_days == 15 and first.publisher == "村委会"


def test_absent_columns_keep_the_villages_values(empty_village, tmp_path):
    _db, ctx = empty_village
    svc = CatalogService(ctx)
    svc.add(ItemData(code="X-1", category="财务", group="财务公开", name="收支", posting_days=15,
                     default_kind="finance", domain="财政预决算", five_public=("结果",)))
    svc.retire("X-1")
    row = _std_row(1, "村级财务收支（修订）", 编号="X-1")
    path = _write_sheet(tmp_path / "county.xlsx", [STD_COLS[0], CODE_COL, *STD_COLS[1:]], [row])

    result = import_catalog_xlsx(ctx, path)

    assert result.updated == ["X-1"]
    item = svc.get("X-1")
    assert item.name == "村级财务收支（修订）"
    assert (item.category, item.posting_days, item.default_kind, item.domain, item.five_public, item.active) == (
        "财务", 15, "finance", "财政预决算", ("结果",), False)


def test_split_names_knows_names_with_slashes():
    index = {n: n for n in terms.ALL_CHANNELS}
    assert split_names("入户/现场/村民会议、发布会/听证会", index) == (
        ["发布会/听证会", "入户/现场", "村民会议"], [])
    assert split_names("政府网站,村口大喇叭", index) == (["政府网站"], ["村口大喇叭"])


# --- bad files -----------------------------------------------------------------------------------

def _bad_missing_column(tmp_path):
    cols = [c for c in STD_COLS if c[0] != "公开时限"]
    return _write_sheet(tmp_path / "bad.xlsx", cols, [_std_row(1, "甲"), _std_row(2, "乙")])


def _bad_timing(tmp_path):
    return _write_sheet(tmp_path / "bad.xlsx", STD_COLS, [_std_row(1, "甲"), _std_row(2, "乙", timing="看情况")])


def _bad_duplicate_code(tmp_path):
    cols = [STD_COLS[0], CODE_COL, *STD_COLS[1:]]
    rows = [_std_row(1, "甲", 编号="C-1"), _std_row(2, "乙", 编号="C-2"), _std_row(3, "丙", 编号="C-1")]
    return _write_sheet(tmp_path / "bad.xlsx", cols, rows)


def _bad_channel(tmp_path):
    rows = [_std_row(1, "甲"), _std_row(2, "乙", **{"公开渠道和载体": f"{BOARD}、村口大喇叭"})]
    return _write_sheet(tmp_path / "bad.xlsx", STD_COLS, rows)


def _bad_audience(tmp_path):
    rows = [_std_row(1, "甲"), _std_row(2, "乙", 特定群众="√")]
    return _write_sheet(tmp_path / "bad.xlsx", STD_COLS, rows)


@pytest.mark.parametrize(("build", "row", "column", "rule", "words"), [
    (_bad_missing_column, 2, "公开时限", "missing_column", "缺少“公开时限”列"),
    (_bad_timing, 5, "公开时限", "timing", "看情况"),
    (_bad_duplicate_code, 6, "编号", "unique", "与第 4 行重复"),
    (_bad_channel, 5, "公开渠道和载体", "channel", "村口大喇叭"),
    (_bad_audience, 5, "公开对象", "audience", "只能勾选一项"),
], ids=["missing-column", "timing", "duplicate-code", "channel", "two-audiences"])
def test_bad_files_are_refused_and_nothing_is_written(empty_village, tmp_path, build, row, column, rule, words):
    db, ctx = empty_village
    _add_sample_catalog(ctx)
    before, events = _catalog_json(ctx), _audit_count(db)
    path = build(tmp_path)

    with pytest.raises(ValidationError) as caught:
        import_catalog_xlsx(ctx, path)

    err = caught.value
    assert len(err.problems) == 1, str(err)
    problem = err.problems[0]
    assert (problem.file, problem.sheet, problem.row, problem.field, problem.rule) == (
        "bad.xlsx", "Sheet1", row, column, rule)
    assert words in problem.message
    text = str(err)
    assert f"工作表“Sheet1”，第 {row} 行，“{column}”列" in text and "未导入" in text
    assert _catalog_json(ctx) == before and _audit_count(db) == events


def test_every_problem_is_listed(empty_village, tmp_path):
    db, ctx = empty_village
    rows = [
        _std_row(1, "甲", timing="看情况"),
        _std_row(2, "", 全社会=None),  # no name, no audience
        _std_row(3, "丙", 村级="x"),  # not a tick mark
        _std_row(4, "丁", **{"公开渠道和载体": ""}),
    ]
    path = _write_sheet(tmp_path / "many.xlsx", STD_COLS, rows)
    with pytest.raises(ValidationError) as caught:
        import_catalog_xlsx(ctx, path)
    found = {(p.row, p.field, p.rule) for p in caught.value.problems}
    assert found == {
        (4, "公开时限", "timing"),
        (5, "二级事项", "required"),
        (5, "公开对象", "audience"),
        (6, "公开层级", "tick"),
        (7, "公开渠道和载体", "channel"),
    }
    assert CatalogService(ctx).count() == 0


def test_item_rules_carry_the_row(empty_village, tmp_path):
    _db, ctx = empty_village
    cols = [*STD_COLS, ("领域", None), ("公示天数", None), ("记录类型", None)]
    rows = [_std_row(1, "甲", 领域="外星", 公示天数="七天", 记录类型="传单")]
    path = _write_sheet(tmp_path / "rules.xlsx", cols, rows)
    with pytest.raises(ValidationError) as caught:
        read_catalog_xlsx(path)
    found = {(p.row, p.field, p.rule, p.file, p.sheet) for p in caught.value.problems}
    assert found == {(4, f, r, "rules.xlsx", "Sheet1") for f, r in
                     (("领域", "domain"), ("公示天数", "posting_days"), ("记录类型", "kind"))}


def test_non_xlsx_file_is_refused_cleanly(empty_village, tmp_path):
    db, ctx = empty_village
    _add_sample_catalog(ctx)
    before, events = _catalog_json(ctx), _audit_count(db)
    path = tmp_path / "目录.xlsx"
    path.write_text("序号,公开事项\n1,村级财务\n", encoding="utf-8")  # a .txt renamed .xlsx
    with pytest.raises(ValidationError) as caught:
        import_catalog_xlsx(ctx, path)
    assert "目录.xlsx" in str(caught.value) and "不是有效的 xlsx" in str(caught.value)
    assert _catalog_json(ctx) == before and _audit_count(db) == events

    old = tmp_path / "old.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(ValidationError, match="另存为"):
        import_catalog_xlsx(ctx, old)
    with pytest.raises(ValidationError, match="找不到文件"):
        import_catalog_xlsx(ctx, tmp_path / "nowhere.xlsx")


def test_workbook_without_a_catalog_header_is_refused(empty_village, tmp_path):
    _db, ctx = empty_village
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "金额"])
    path = tmp_path / "roster.xlsx"
    wb.save(path)
    with pytest.raises(ValidationError, match="找不到公开事项清单的表头"):
        import_catalog_xlsx(ctx, path)


# --- command line --------------------------------------------------------------------------------

def test_cli_export_then_import_into_a_fresh_database(empty_village, db_path, tmp_path, capsys):
    _db, ctx = empty_village
    _add_sample_catalog(ctx)
    out = tmp_path / "cli.xlsx"
    assert main(["--db", str(db_path), "catalog", "export", str(out)]) == 0
    assert "13" in capsys.readouterr().out

    p2 = tmp_path / "second.sqlite3"
    assert main(["--db", str(p2), "init", "--mode", "village", "--code", "410322100202", "--name", "二村",
                 "--township", "城关镇", "--template", "none"]) == 0
    capsys.readouterr()
    assert main(["--db", str(p2), "catalog", "import", str(out)]) == 0
    assert "新增 13 项" in capsys.readouterr().out

    again = tmp_path / "again.xlsx"
    assert main(["--db", str(p2), "catalog", "export", str(again)]) == 0
    assert _sheet_content(again, from_row=2) == _sheet_content(out, from_row=2)


def test_cli_refuses_a_bad_file_naming_the_row(empty_village, db_path, tmp_path, capsys):
    _bad_timing(tmp_path)
    code = main(["--db", str(db_path), "catalog", "import", str(tmp_path / "bad.xlsx")])
    err = capsys.readouterr().err
    assert code == 1
    assert "第 5 行" in err and "“公开时限”列" in err and "看情况" in err
    assert "Traceback" not in err

    (tmp_path / "fake.xlsx").write_text("not a workbook", encoding="utf-8")
    assert main(["--db", str(db_path), "catalog", "import", str(tmp_path / "fake.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "fake.xlsx" in err and "Traceback" not in err


# --- merged cells and the other formats clerks have (.xls, .ods) -------------------------------------

def _as_format(path: Path, fmt: str) -> Path:
    """The same workbook (values and merged ranges) saved as .xls (xlwt) or .ods, or itself."""
    from tests.sheet_files import sheets_of, write_ods, write_xls

    if fmt == "xlsx":
        return path
    target = path.with_suffix(f".{fmt}")
    return (write_xls if fmt == "xls" else write_ods)(target, sheets_of(path))


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods"])
def test_merged_cells_fill_every_row_they_span(tmp_path, fmt):
    # 公开依据 and 公开主体 merged down over three items, as county catalogs print them: the value
    # stands in the first row only; every item it spans gets it (not the default publisher).
    rows = [_std_row(1, "财务收支", 公开依据="《村务公开条例》", 公开主体="村党支部"),
            _std_row(2, "资产发包", 公开依据=None, 公开主体=None),
            _std_row(3, "债权债务", 公开依据=None, 公开主体=None),
            _std_row(4, "村干部报酬")]
    path = _as_format(_write_sheet(tmp_path / "merged.xlsx", STD_COLS, rows, merges=("E4:E6", "G4:G6")), fmt)
    sheet = read_catalog_xlsx(path)
    assert [(i.name, i.basis, i.publisher) for i in sheet.items] == [
        ("财务收支", "《村务公开条例》", "村党支部"), ("资产发包", "《村务公开条例》", "村党支部"),
        ("债权债务", "《村务公开条例》", "村党支部"), ("村干部报酬", "《村民委员会组织法》第三十条", "村民委员会")]
    assert sheet.rows == [4, 5, 6, 7] and sheet.file == path.name


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_export_saved_as_xls_or_ods_imports_whole(empty_village, tmp_path, fmt):
    db, ctx = empty_village
    _add_sample_catalog(ctx)
    first = tmp_path / "目录.xlsx"
    export_catalog_xlsx(ctx, first)
    other = _as_format(first, fmt)
    db2, ctx2 = _new_village(tmp_path / "second.sqlite3")
    try:
        result = import_catalog_xlsx(ctx2, other)
        assert len(result.added) == 13 and result.sheet == SHEET_NAME
        assert _catalog_json(ctx2) == _catalog_json(ctx)
    finally:
        db2.dispose()


def test_a_web_page_saved_as_xls_is_named(empty_village, tmp_path):
    _db, ctx = empty_village
    path = tmp_path / "目录.xls"
    path.write_text("<html><body><table><tr><td>序号</td></tr></table></body></html>", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        import_catalog_xlsx(ctx, path)
    p = caught.value.problems[0]
    assert p.file == "目录.xls" and p.rule == "format" and "网页" in p.message and "另存为 .xlsx" in p.message
