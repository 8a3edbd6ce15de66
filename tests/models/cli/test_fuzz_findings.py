"""What the mutation fuzzer (bench/fuzz.py) found, each kept as a test through the command line:
a content list given as a number, and a workbook whose worksheet parts are missing, ended in
"程序内部错误". Now the first is a draft with a named finding that prints and opens, the second a
one-line refusal with nothing written."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile

import pytest
from pypdf import PdfReader

from tests.hostile_files import roster_rows, sheet_xml_parts, write_xlsx


@pytest.fixture
def cli(village, cunwu):
    return lambda *args: cunwu(*args, user="王文书")


def _dump(db_path) -> list[str]:
    con = sqlite3.connect(db_path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


CONTENT = {
    "project": ("CW-19", "2026-07-18", {"name": "村道硬化", "unit": "万元", "budget": "120.5", "sources": 12,
                                        "stages": 3}),
    "finance": ("FW-04", "2026-M11", {"opening": "0", "closing": "0", "rows": 1}),
    "yishi": ("CW-20", "2026-06-01", {"project": "文化广场", "unit": "元", "total": "100", "sources": {"a": 1},
                                      "per_person": "15", "exemptions": 7}),
    "decision": ("CW-06", "2026-05-20", {"matter": "土地发包", "meetings": 5}),
}


@pytest.mark.parametrize("kind", sorted(CONTENT))
def test_a_content_list_given_as_a_number_is_a_finding_and_the_draft_prints(cli, tmp_path, kind):
    item, period, content = CONTENT[kind]
    path = tmp_path / "c.json"
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    code, out, err = cli("disclosure", "new", "--item", item, "--period", period, "--title", "公开", "--kind", kind,
                         "--content-file", str(path), "--json")
    assert code == 0, err
    rid = json.loads(out)["id"]
    code, out, _ = cli("disclosure", "show", str(rid), "--json")
    shown = json.loads(out)
    formats = {f["field"] for f in shown["findings"] if f["rule"] == "format" and f["severity"] == "error"}
    bad_keys = {k for k, v in content.items() if k in ("rows", "sources", "stages", "meetings", "exemptions")}
    assert bad_keys <= formats, shown["findings"]
    assert any("格式不对：应为列表" in f["message"] for f in shown["findings"])
    pdf = tmp_path / "n.pdf"
    code, _, err = cli("print", str(rid), "--out", str(pdf))
    assert code == 0, err
    assert "公开" in "".join(page.extract_text() for page in PdfReader(pdf).pages)


def _without_worksheets(path) -> None:
    """The workbook still lists its sheet, but the sheet's part is gone (as the fuzzer made it)."""
    good = path.read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if not info.filename.startswith("xl/worksheets/"):
                dst.writestr(info, src.read(info.filename))
    path.write_bytes(out.getvalue())


@pytest.mark.parametrize(("command", "shown"), [
    (("disclosure", "new", "--item", "CW-10", "--period", "2026-Q3", "--title", "临时救助", "--kind", "roster",
      "--from"), "没有可读取的工作表"),
    (("catalog", "import"), "没有可读取的工作表"),
])
def test_a_workbook_whose_sheet_parts_are_missing_is_refused_by_name(cli, db_path, tmp_path, command, shown):
    path = write_xlsx(tmp_path / "名单.xlsx", sheet_xml_parts(roster_rows(3)))
    _without_worksheets(path)
    before = _dump(db_path)
    code, _, err = cli(*command, str(path))
    assert code == 1
    assert "名单.xlsx" in err and shown in err and len(err.strip().splitlines()) <= 2
    assert _dump(db_path) == before


def test_a_lone_surrogate_in_a_content_file_is_refused_by_line(cli, db_path, tmp_path):
    """`"unit": "\\ud800"` is valid JSON but no text: it reached the audit hash and failed there."""
    path = tmp_path / "c.json"
    path.write_text('{"name": "村道硬化",\n "unit": "\\ud800", "budget": "1"}', encoding="utf-8")
    before = _dump(db_path)
    code, _, err = cli("disclosure", "new", "--item", "CW-19", "--period", "2026-07-18", "--title", "公开",
                       "--kind", "project", "--content-file", str(path))
    assert code == 1
    assert "内容文件 c.json 第 2 行" in err and "U+D800" in err and "未保存任何内容" in err
    assert _dump(db_path) == before


@pytest.mark.parametrize("args", [
    ("disclosure", "new", "--item", "CW-10", "--period", "2026-Q3", "--title", "名单\udcff\udcfe"),
    ("settings", "set", "footer.unit", "镇\udcff纪委"),
])
def test_undecodable_bytes_in_an_argument_are_a_usage_error(cli, db_path, args):
    """`cunwu settings set footer.unit $'\\xff'` from a GBK terminal: Python hands the bytes over as
    lone surrogates, which no database or hash can take."""
    before = _dump(db_path)
    code, _, err = cli(*args)
    assert code == 2
    assert "用法错误" in err and "\\xff" in err and "U+DCFF" in err
    assert _dump(db_path) == before


@pytest.mark.parametrize("value", ["9" * 5000, "-" + "1" * 4400, "0" * 30 + "15"])
def test_a_setting_given_thousands_of_digits_is_refused_by_name(cli, db_path, value):
    """`settings set feedback.answer_days 999…` (5,000 digits) met Python's own int() limit."""
    before = _dump(db_path)
    code, _, err = cli("settings", "set", "feedback.answer_days", value)
    if value.strip("0") == "15":
        assert code == 0, err  # leading zeros are still a number
        return
    assert code == 1 and "位数过多" in err and len(err) < 300
    assert _dump(db_path) == before
