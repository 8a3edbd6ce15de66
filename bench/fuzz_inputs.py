"""Seeds and mutators for the mutation fuzzer (bench/fuzz.py, issue 11 part 8).

Seeds are real, valid inputs the app takes — a roster as xlsx (openpyxl's shared strings and a writer's
inline strings) and as csv (UTF-8 and GBK), a catalog xlsx as the app exports it, the JSON content
files of the four structured kinds, and settings values. A case is one seed with one to three
mutations stacked, built from ``random.Random(f"{seed}:{index}")`` alone, so any case can be rebuilt
from its number. Mutations are structural (zip members dropped, duplicated, stored, renamed; XML
bytes flipped, cut, repeated; entity and nesting bombs), per value (huge, NaN, Infinity, 1e308,
negative, control and bidi characters, formulas, 5,000-digit numbers, deep JSON nesting) and on the
file as a whole (truncation, bit flips, a wrong suffix, another encoding).
"""

from __future__ import annotations

import io
import json
import random
import re
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

# --- hostile values -----------------------------------------------------------------------------

HOSTILE_TEXT = [
    "", " ", "\x00", "张\x1b[2J三", "\u202e反转名", "王\u200b五", "李\n四", "赵\r钱", "\t=1+1",
    "=HYPERLINK(\"http://example.invalid\",\"点我\")", "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1)",
    "A" * 40_000, "名" * 300_000, "9" * 5000, "1e308", "-1e308", "1e309", "NaN", "Infinity", "-Infinity",
    "-0", "1e-400", "0x10", "１２３", "1,234.50", "12345678901234567.89", "1e20", "-100", "0", "0.005",
    "2026-02-30", "0001-01-01", "9999-12-31", "1899-12-31", "\ufeff姓名", "𠀀𠀁", "\ud7ff", "\uffff",
    "11010519491231002X", "110105194912310021", "１１０１０５１９４９１２３１００２Ｘ", "合计", "姓名",
    "null", "true", "<b>粗</b>", "&amp;", "]]>", "%s%s%n", "${jndi:x}", "../../etc/passwd",
]
HOSTILE_NUMBERS = [
    "1e308", "-1e308", "1e309", "-1e309", "NaN", "nan", "Infinity", "-Infinity", "inf", "1e-400",
    "9" * 5000, "1." + "5" * 5000, "-5", "0", "-0", "3.14159265358979323846264338327950288",
    "12345678901234567.89", "99999999999999999999", "1e20", "", "abc", "1,000", "0x1F", "4.9e-324",
    "1.7976931348623157e308", "2958466", "-1", "60", "0.5",
]
JSON_TOKENS = [
    "1e308", "-1e308", "1e999999", "-1e999999", "Infinity", "-Infinity", "NaN", "9" * 5000,
    "1." + "5" * 5000, "-0", "0.1e-999", "123456789012345678901234567890", "-1", "0", "null", "true",
    "false", "{}", "[]", '""', '"\\u0000"', '"\\ud800"', '"\\u202e名"', '"张\\u001b[2J三"',
    '"' + "x" * 300_000 + '"', '"2026-13-45"', '"9999-12-31"', '"0001-01-01"', '"12345678901234567.89"',
    '"1e20"', '"=HYPERLINK(1)"', "[" * 1000 + "]" * 1000, '{"a":' * 500 + "1" + "}" * 500,
    "[" * 40 + "]" * 40, "1.5", '"三百"', '["a", 1]', '{"name": 5}', "12", "400", "-400",
]
XML_SNIPPETS = [
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
    b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', b"&e;", b"&d;", b"<x>" * 5000,
    b"<row>" * 200, b'<row r="1048577">', b'<c r="XFD1048576"><v>1</v></c>', b"\x00", b"\xff\xfe",
    b"<?xml version='1.0' encoding='GBK'?>", b"]]>", b"<![CDATA[", b"&#0;", b"&#x110000;", b"&#xD800;",
    b'<dimension ref="A1:XFD1048576"/>', b'<dimension ref="A1:C999999999"/>',
]
CELL_XML = [
    '<c r="{r}" t="s"><v>99999</v></c>', '<c r="{r}" t="s"><v>-1</v></c>', '<c r="{r}" t="s"><v>x</v></c>',
    '<c r="{r}" t="b"><v>2</v></c>', '<c r="{r}" t="e"><v>#DIV/0!</v></c>', '<c r="{r}" t="d"><v>9999-99-99</v></c>',
    '<c r="{r}" t="d"><v>2026-01-01T00:00:00</v></c>', '<c r="{r}" t="str"><f>1/0</f><v>#DIV/0!</v></c>',
    '<c r="{r}"><f>HYPERLINK("x")</f></c>', '<c r="{r}" t="zz"><v>1</v></c>', '<c r="ZZZZ99999999"><v>1</v></c>',
    '<c r="A0"><v>1</v></c>', '<c r="{r}" s="99999"><v>45000</v></c>', '<c r="{r}" s="-1"><v>1</v></c>',
    '<c r="{r}" t="inlineStr"><is><t>{text}</t></is></c>', '<c r="{r}"><v>{num}</v></c>',
    '<c r="{r}" t="n"><v>{num}</v></c>', '<c r="{r}" t="inlineStr"><is><r><t>{text}</t></r></is></c>',
]

# --- seeds ----------------------------------------------------------------------------------------

ROSTER_HEADER = ("组别", "姓名", "身份证号", "家庭人口", "金额", "备注")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _valid_id(n: int) -> str:
    body = f"41032219{60 + n % 30:02d}0101{n % 1000:03d}"
    total = sum(int(d) * w for d, w in zip(body, _ID_WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


def roster_rows() -> list[tuple]:
    names = ("张三", "李四", "王五", "赵六", "钱七", "孙八")
    return [(f"{1 + i % 3}组", name, _valid_id(i), 1 + i % 5, f"{300 + 25 * i}.50", "" if i % 2 else "新增")
            for i, name in enumerate(names)]


def _roster_xlsx_openpyxl() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append(["2026年第三季度临时救助名单"])
    ws.append(ROSTER_HEADER)
    for row in roster_rows():
        ws.append([row[0], row[1], row[2], row[3], float(row[4]), row[5]])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _roster_xlsx_inline() -> bytes:
    """A writer that uses inline strings and no styles part (as some exporters do)."""
    from tests.hostile_files import sheet_xml_parts, write_xlsx

    rows = [(1, ROSTER_HEADER)] + [(i + 2, (r[0], r[1], r[2], r[3], r[4].encode(), r[5]))
                                   for i, r in enumerate(roster_rows())]
    buf = io.BytesIO()
    write_xlsx(buf, sheet_xml_parts(rows, dimension=f"A1:F{len(rows)}"))  # type: ignore[arg-type]
    return buf.getvalue()


def _roster_csv() -> str:
    out = io.StringIO()
    w = _csv_writer(out)
    w.writerow(ROSTER_HEADER)
    for row in roster_rows():
        w.writerow(row)
    return out.getvalue()


def _csv_writer(out):
    import csv

    return csv.writer(out, lineterminator="\r\n")


CONTENT_SEEDS: dict[str, dict] = {
    "finance": {"opening": "1000.00", "closing": "1250.50", "rows": [
        {"date": "2026-11-03", "voucher": "记-01", "summary": "收到上级转移支付", "class": "各项收入",
         "income": "500.00", "expense": None},
        {"date": "2026-11-12", "voucher": "记-02", "summary": "购买办公用品", "class": "各项支出",
         "income": None, "expense": 249.5}]},
    "project": {"name": "村道硬化", "location": "二组", "content": "硬化 1.2 公里", "unit": "万元", "budget": "120.5",
                "sources": [{"name": "财政奖补", "amount": "100"}, {"name": "村集体投入", "amount": 20.5}],
                "contractor": "某建筑公司", "bidding": "公开招标", "start": "2026-05-01", "end": "2026-09-30",
                "stages": [{"name": "开工", "date": "2026-05-01", "result": "已开工"}]},
    "decision": {"matter": "村集体土地发包", "combined_first_two": False, "meetings": [
        {"stage": 1, "kind": "party_branch", "date": "2026-05-01", "due": 5, "present": 5, "for": 5,
         "content": "提议"},
        {"stage": 2, "kind": "two_committees", "date": "2026-05-03", "due": 9, "present": 9, "for": 9,
         "content": "商议"},
        {"stage": 3, "kind": "party_members", "date": "2026-05-10", "due": 30, "present": 28, "for": 27,
         "against": 1, "abstain": 0, "content": "审议"},
        {"stage": 5, "kind": "villagers", "date": "2026-05-20", "due": 400, "present": 260, "for": 240,
         "against": 10, "abstain": 10, "content": "决议", "counted": "adults"}]},
    "yishi": {"project": "修建文化广场", "unit": "元", "total": "50000",
              "sources": [{"name": "村民筹资", "amount": "10000"}, {"name": "投劳折资", "amount": "5000"},
                          {"name": "财政奖补", "amount": "35000"}],
              "per_person": "15", "labour_days": "2", "exemptions": [{"name": "五保户", "reason": "五保供养"}]},
}
# The catalog item and period each structured kind is filed under (items of the small seed catalog).
CONTENT_TARGETS = {"finance": ("FW-04", "2026-M11"), "project": ("CW-19", "2026-07-18"),
                   "decision": ("CW-06", "2026-05-20"), "yishi": ("CW-20", "2026-06-01")}
CATALOG_CODES = ("CW-06", "CW-10", "CW-19", "CW-20", "FW-04", "DW-03")
ROSTER_TARGET = ("CW-10", "2026-Q3")
SETTING_SEEDS = {
    "footer.phones": json.dumps([{"label": "全国监督电话", "number": "12317"},
                                 {"label": "镇纪委", "number": "0379-67512345"}], ensure_ascii=False),
    "schedule.since": "2025-01", "feedback.answer_days": "15", "footer.unit": "平乐镇纪委",
    "footer.address": "平乐镇政府大院", "footer.email": "jw@example.invalid", "footer.issuer": "平乐村村民委员会",
    "footer.objection": "如有异议，请于公示期内向村务监督委员会反映。",
}


@dataclass
class Seeds:
    """The valid inputs every case starts from, bytes in memory."""

    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # name -> (suffix, bytes)

    @classmethod
    def build(cls, catalog_xlsx: bytes) -> Seeds:
        s = cls()
        s.files["roster_xlsx"] = (".xlsx", _roster_xlsx_openpyxl())
        s.files["roster_xlsx_inline"] = (".xlsx", _roster_xlsx_inline())
        s.files["roster_csv"] = (".csv", _roster_csv().encode("utf-8"))
        s.files["roster_csv_gbk"] = (".csv", _roster_csv().encode("gbk"))
        s.files["catalog_xlsx"] = (".xlsx", catalog_xlsx)
        for kind, content in CONTENT_SEEDS.items():
            s.files[f"content_{kind}"] = (".json", json.dumps(content, ensure_ascii=False, indent=1).encode())
        return s


def small_catalog(full_export: bytes) -> bytes:
    """The app's own catalog export cut to the few items the cases file records under."""
    wb = openpyxl.load_workbook(io.BytesIO(full_export))
    ws = wb.worksheets[0]
    header_row = next(r for r in range(1, 10) if any(ws.cell(r, c).value == "编号" for c in range(1, 10)))
    code_col = next(c for c in range(1, ws.max_column + 1) if ws.cell(header_row, c).value == "编号")
    for rng in [m for m in ws.merged_cells.ranges if m.min_row > header_row + 1]:
        value = ws.cell(rng.min_row, rng.min_col).value  # a group merged down its items: each row keeps it
        ws.unmerge_cells(str(rng))
        for row in ws.iter_rows(min_row=rng.min_row, max_row=rng.max_row, min_col=rng.min_col, max_col=rng.max_col):
            for cell in row:
                cell.value = value
    for r in range(ws.max_row, header_row + 1, -1):  # the header is two rows (merged groups above)
        if ws.cell(r, code_col).value not in CATALOG_CODES:
            ws.delete_rows(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --- a case ---------------------------------------------------------------------------------------

@dataclass
class Case:
    index: int
    target: str  # roster | catalog | content | settings
    seed: str
    mutations: list[str]
    suffix: str = ""
    data: bytes | None = None  # the input file's bytes (None for settings)
    argv_tail: list[str] = field(default_factory=list)  # after the global options; FILE stands for the file

    def argv(self, file: Path | None) -> list[str]:
        return [str(file) if a == "{FILE}" else a for a in self.argv_tail]


def make_case(seeds: Seeds, seed: int, index: int) -> Case:
    rng = random.Random(f"{seed}:{index}")
    roll = rng.random()
    if roll < 0.35:
        name = rng.choice(["roster_xlsx", "roster_xlsx_inline", "roster_csv", "roster_csv_gbk"])
        target = "roster"
    elif roll < 0.55:
        name, target = "catalog_xlsx", "catalog"
    elif roll < 0.9:
        name, target = rng.choice([f"content_{k}" for k in CONTENT_SEEDS]), "content"
    else:
        return _settings_case(rng, index)
    suffix, data = seeds.files[name]
    case = Case(index=index, target=target, seed=name, mutations=[], suffix=suffix)
    for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
        if suffix == ".xlsx" and data[:2] == b"PK" and rng.random() < 0.8:
            data, what = _mutate_xlsx(rng, data)
        elif suffix == ".csv":
            data, what = _mutate_csv(rng, data)
        elif suffix == ".json":
            data, what = _mutate_json(rng, data)
        else:
            data, what = _mutate_bytes(rng, data)
        case.mutations.append(what)
    if rng.random() < 0.05:
        new = rng.choice([".ods", ".xls", ".csv", ".xlsx", ".json", ".txt", "", ".XLSX", ".xlsm"])
        case.mutations.append(f"suffix {suffix or '-'}→{new or '-'}")
        suffix = new
    case.suffix, case.data = suffix, data
    if target == "roster":
        item, period = ROSTER_TARGET
        case.argv_tail = ["disclosure", "new", "--item", item, "--period", period, "--title", "临时救助名单",
                          "--kind", "roster", "--from", "{FILE}"]
        if rng.random() < 0.1:
            spec = rng.choice(["name=姓名,id_number=身份证号,amount=金额", "amount=金额,amount=备注", "name=",
                               "=姓名", "nosuch=姓名", "name=不存在的列", "name=姓名,,", "x" * 5000,
                               "name=姓\u202e名", "custom1=备注", "remark=姓名,name=姓名"])
            case.argv_tail += ["--map", spec]
            case.mutations.append(f"map {spec[:40]!r}")
    elif target == "catalog":
        case.argv_tail = ["catalog", "import", "{FILE}"]
    else:
        kind = name.removeprefix("content_")
        item, period = CONTENT_TARGETS[kind]
        case.argv_tail = ["disclosure", "new", "--item", item, "--period", period, "--title", "公开",
                          "--kind", kind, "--content-file", "{FILE}", "--json"]
    return case


def _settings_case(rng: random.Random, index: int) -> Case:
    key = rng.choice(list(SETTING_SEEDS))
    value = SETTING_SEEDS[key]
    if key == "footer.phones" and rng.random() < 0.7:
        data, what = _mutate_json(rng, value.encode())
        value = data.decode("utf-8", "replace")
    else:
        value = rng.choice(HOSTILE_TEXT + HOSTILE_NUMBERS)
        what = f"value {value[:30]!r}"
    value = value.replace("\x00", "")  # an argv string cannot hold NUL
    return Case(index=index, target="settings", seed=key, mutations=[what],
                argv_tail=["settings", "set", key, value])


# --- xlsx -----------------------------------------------------------------------------------------

def _read_zip(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return [(info, zf.read(info.filename)) for info in zf.infolist()]
    except Exception:  # noqa: BLE001 - an earlier mutation broke the zip: mutate its bytes instead
        return None


def _write_zip(members: list[tuple[zipfile.ZipInfo | str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w", method) as zf:
        warnings.simplefilter("ignore")  # a duplicated member is the point
        for info, body in members:
            name = info.filename if isinstance(info, zipfile.ZipInfo) else info
            zf.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), body, compress_type=method)
    return buf.getvalue()


def _sheet_index(members: list[tuple[zipfile.ZipInfo, bytes]]) -> int | None:
    for i, (info, _) in enumerate(members):
        if info.filename.startswith("xl/worksheets/sheet") and info.filename.endswith(".xml"):
            return i
    return None


def _mutate_xlsx(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    members = _read_zip(data)
    if members is None:
        return _mutate_bytes(rng, data)
    op = rng.choice(["cell", "cell", "cell", "cell", "xml", "xml", "member_drop", "member_dup", "stored",
                     "strings", "dimension", "rows", "whole"])
    si = _sheet_index(members)
    if op == "cell" and si is not None:
        info, body = members[si]
        cells = list(re.finditer(rb'<c r="([A-Z]+[0-9]+)"[^>]*?(?:/>|>.*?</c>)', body, re.S))
        if cells:
            m = rng.choice(cells)
            template = rng.choice(CELL_XML)
            text = rng.choice(HOSTILE_TEXT)
            text = "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)  # XML 1.0 can't hold the rest
            text = text.replace("&", "&amp;").replace("<", "&lt;")
            new = template.format(r=m.group(1).decode(), text=text, num=rng.choice(HOSTILE_NUMBERS)).encode()
            members[si] = (info, body[:m.start()] + new + body[m.end():])
            return _write_zip(members), f"cell {m.group(1).decode()} ← {new[:60]!r}"
    if op == "strings":
        for i, (info, body) in enumerate(members):
            if info.filename == "xl/sharedStrings.xml":
                strings = list(re.finditer(rb"<t[^>]*>(.*?)</t>", body, re.S))
                if strings:
                    m = rng.choice(strings)
                    text = rng.choice(HOSTILE_TEXT)
                    text = "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)
                    text = text.replace("&", "&amp;").replace("<", "&lt;").encode()
                    members[i] = (info, body[:m.start(1)] + text + body[m.end(1):])
                    return _write_zip(members), f"shared string ← {text[:40]!r}"
        op = "xml"
    if op == "dimension" and si is not None:
        info, body = members[si]
        ref = rng.choice(["A1:XFD1048576", "A1:C9000000", "A1", "", "ZZZ", "A1:A0", "B2:A1", "A1:XFD30001"])
        body, n = re.subn(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>'.encode(), body)
        if n:
            members[si] = (info, body)
            return _write_zip(members), f"dimension {ref!r}"
        op = "xml"
    if op == "rows" and si is not None:
        info, body = members[si]
        rows = list(re.finditer(rb"<row[^>]*>.*?</row>", body, re.S))
        if rows:
            m = rng.choice(rows)
            times = rng.choice([0, 2, 50, 3000])
            members[si] = (info, body[:m.start()] + m.group(0) * times + body[m.end():])
            return _write_zip(members), f"row ×{times}"
        op = "xml"
    if op == "member_drop":
        i = rng.randrange(len(members))
        name = members[i][0].filename
        del members[i]
        return _write_zip(members), f"drop {name}"
    if op == "member_dup":
        i = rng.randrange(len(members))
        info, body = members[i]
        other = members[rng.randrange(len(members))][1]
        members.append((info, other))
        return _write_zip(members), f"duplicate {info.filename}"
    if op == "stored":
        return _write_zip(members, zipfile.ZIP_STORED), "stored (no compression)"
    if op == "whole":
        return _mutate_bytes(rng, data)
    i = si if (si is not None and rng.random() < 0.6) else rng.randrange(len(members))
    info, body = members[i]
    body, what = _mutate_bytes(rng, body, snippets=XML_SNIPPETS)
    members[i] = (info, body)
    return _write_zip(members), f"{info.filename}: {what}"


# --- csv ------------------------------------------------------------------------------------------

def _mutate_csv(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    op = rng.choice(["cell", "cell", "cell", "encoding", "shape", "bytes"])
    encoding = "gbk" if _is_gbk(data) else "utf-8"
    text = data.decode(encoding, "replace")
    if op == "cell":
        lines = text.split("\r\n")
        r = rng.randrange(len(lines))
        cells = lines[r].split(",")
        c = rng.randrange(len(cells))
        value = rng.choice(HOSTILE_TEXT + HOSTILE_NUMBERS)
        quoted = rng.random() < 0.5
        cells[c] = '"' + value.replace('"', '""') + '"' if quoted else value
        lines[r] = ",".join(cells)
        out = "\r\n".join(lines)
        return out.encode(encoding, "replace"), f"cell r{r + 1}c{c + 1} ← {value[:30]!r}"
    if op == "encoding":
        enc = rng.choice(["utf-16", "utf-16-be", "utf-8-sig", "gb18030", "big5", "latin-1", "utf-32"])
        try:
            return text.encode(enc), f"encoded {enc}"
        except UnicodeEncodeError:
            return text.encode(enc, "replace"), f"encoded {enc} (replaced)"
    if op == "shape":
        lines = text.split("\r\n")
        how = rng.choice(["semicolons", "tabs", "extra_cols", "short", "unbalanced_quote", "cr_only", "lf_only",
                          "no_header", "dup_header", "blank_lines", "long_line", "many_rows", "nul"])
        if how == "semicolons":
            lines = [line.replace(",", ";") for line in lines]
        elif how == "tabs":
            lines = [line.replace(",", "\t") for line in lines]
        elif how == "extra_cols":
            lines = [line + ",x" * rng.choice([1, 50, 20000]) for line in lines]
        elif how == "short":
            lines = [line.split(",")[0] for line in lines]
        elif how == "unbalanced_quote":
            r = rng.randrange(len(lines))
            lines[r] = '"' + lines[r]
        elif how == "cr_only":
            return "\r".join(lines).encode(encoding, "replace"), "shape cr_only"
        elif how == "lf_only":
            return "\n".join(lines).encode(encoding, "replace"), "shape lf_only"
        elif how == "no_header":
            lines = lines[1:]
        elif how == "dup_header":
            lines = [lines[0]] + lines
        elif how == "blank_lines":
            lines = [x for line in lines for x in (line, "", ",,,")]
        elif how == "long_line":
            lines.insert(rng.randrange(len(lines)), "长" * rng.choice([10_000, 2_000_000]))
        elif how == "many_rows":
            lines = lines[:1] + lines[1:2] * rng.choice([500, 5000])
        elif how == "nul":
            lines = [line.replace(",", ",\x00", 1) for line in lines]
        return "\r\n".join(lines).encode(encoding, "replace"), f"shape {how}"
    return _mutate_bytes(rng, data)


def _is_gbk(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return False
    except UnicodeDecodeError:
        return True


# --- json -----------------------------------------------------------------------------------------

_MARK = "\u2063FUZZ\u2063"


def _paths(obj, prefix=()) -> list[tuple]:
    out = [prefix]
    if isinstance(obj, dict):
        for k, v in obj.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out += _paths(v, (*prefix, i))
    return out


def _set(obj, path: tuple, value):
    if not path:
        return value
    parent = obj
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    return obj


def _mutate_json(rng: random.Random, data: bytes) -> tuple[bytes, str]:
    try:
        obj = json.loads(data)
    except Exception:  # noqa: BLE001 - an earlier mutation broke it: mutate bytes
        return _mutate_bytes(rng, data, snippets=[t.encode() for t in JSON_TOKENS[:12]])
    op = rng.choice(["token", "token", "token", "token", "drop", "add", "dup_key", "swap", "bytes", "encoding"])
    paths = _paths(obj)
    if op == "token":
        path = rng.choice(paths)
        token = rng.choice(JSON_TOKENS)
        obj = _set(obj, path, _MARK)
        text = json.dumps(obj, ensure_ascii=False).replace(json.dumps(_MARK, ensure_ascii=False), token, 1)
        return text.encode("utf-8", "backslashreplace"), f"{'/'.join(map(str, path)) or '<root>'} ← {token[:30]}"
    if op == "drop":
        path = rng.choice([p for p in paths if p] or [()])
        if path:
            parent = obj
            for key in path[:-1]:
                parent = parent[key]
            del parent[path[-1]]
        return _json_bytes(obj), f"drop {'/'.join(map(str, path))}"
    if op == "add":
        dicts = [p for p in paths if isinstance(_get(obj, p), dict)]
        if dicts:
            path = rng.choice(dicts)
            _get(obj, path)[rng.choice(["unknown", "rows", "footer", "meetings", "名", "id"])] = rng.choice(
                [1, "x", [], {}, None, {"phones": "x"}, [{"name": 1}]])
            return _json_bytes(obj), f"add key at {'/'.join(map(str, path))}"
    if op == "dup_key":
        text = json.dumps(obj, ensure_ascii=False)
        if text.startswith("{") and len(text) > 2:
            return ('{"opening": "1", ' + text[1:]).encode("utf-8", "backslashreplace"), "duplicate key"
    if op == "swap":
        path = rng.choice(paths)
        value = _get(obj, path)
        new = [value] if not isinstance(value, list) else {"x": value}
        obj = _set(obj, path, new)
        return _json_bytes(obj), f"wrap {'/'.join(map(str, path)) or '<root>'}"
    if op == "encoding":
        enc = rng.choice(["utf-16", "gbk", "utf-8-sig", "latin-1", "utf-32"])
        return json.dumps(obj, ensure_ascii=False).encode(enc, "replace"), f"encoded {enc}"
    return _mutate_bytes(rng, data, snippets=[t.encode() for t in JSON_TOKENS[:12]])


def _json_bytes(obj) -> bytes:
    """``obj`` as UTF-8 JSON; one holding a lone surrogate (from an earlier "\\ud800" token) keeps it as
    an escape, the only way JSON can carry it."""
    return json.dumps(obj, ensure_ascii=False).encode("utf-8", "backslashreplace")


def _get(obj, path: tuple):
    for key in path:
        obj = obj[key]
    return obj


# --- bytes ----------------------------------------------------------------------------------------

def _mutate_bytes(rng: random.Random, data: bytes, snippets: list[bytes] | None = None) -> tuple[bytes, str]:
    if not data:
        return b"\x00", "empty→NUL"
    op = rng.choice(["flip", "flip", "truncate", "delete", "repeat", "insert", "zero"])
    n = len(data)
    at = rng.randrange(n)
    if op == "flip":
        k = rng.choice([1, 1, 2, 8, 64])
        b = bytearray(data)
        for _ in range(k):
            i = rng.randrange(n)
            b[i] ^= 1 << rng.randrange(8)
        return bytes(b), f"flip {k} bit(s)"
    if op == "truncate":
        return data[:at], f"truncate at {at}/{n}"
    if op == "delete":
        length = rng.randint(1, max(1, n // 10))
        return data[:at] + data[at + length:], f"delete {length} at {at}"
    if op == "repeat":
        length = rng.randint(1, min(n - at, 400))
        times = rng.choice([2, 10, 1000])
        return data[:at] + data[at:at + length] * times + data[at + length:], f"repeat {length}×{times} at {at}"
    if op == "zero":
        length = rng.randint(1, min(n - at, 64))
        return data[:at] + b"\x00" * length + data[at + length:], f"zero {length} at {at}"
    snippet = rng.choice(snippets or [b"\x00", b"\xff\xfe", b"\xe4\xb8", b'"', b"\r\n", b"PK\x03\x04"])
    return data[:at] + snippet + data[at:], f"insert {snippet[:20]!r} at {at}"


MUTATORS: dict[str, Callable] = {"xlsx": _mutate_xlsx, "csv": _mutate_csv, "json": _mutate_json,
                                 "bytes": _mutate_bytes}
