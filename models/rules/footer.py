"""The print footer: its 监督电话 lines, its defaults per install mode, and who signs which notice.

**监督电话 lines** — one parser between the two forms they take.

The settings contract (`cunwu settings set footer.phones …`) writes a phone as ``{"label", "number"}``
(`[{"label": "全国监督电话", "number": "12317"}]`); the footer stores and prints each as one line,
``"全国监督电话 12317"``, which is also how a clerk types it in 打印设置. `phone_entry` reads a line into
the pair, `phone_line` writes the pair as a line; `phone_problem` is the one rule both paths check;
`phone_print` is how a notice prints it, one labelled line each (全国监督电话：12317).

**The footer block's order** is `FOOTER_ORDER` (公示时间 first, as real notices put it); the printer
lays the lines out in that order and nowhere else decides it.

**Defaults per install mode** — a village notice is issued by 村民委员会 and objections go to 村务监督委员会;
a township (街道) notice is issued by 人民政府 (办事处) and objections go to its 纪委 (纪工委).
`issuing_body` / `default_accepting_unit` give them; a setting (``footer.issuer`` / ``footer.unit``) or a
record's own ``footer`` replaces them.

**Signatures** — `SIGNATURE_LINES` is the one table (install mode × kind → the bodies that sign): a
village notice carries 村民委员会 and 村务监督委员会 lines, finance and 一事一议 notices 民主理财小组 too; a
township notice none (the issuing body and the date only). `signature_lines` refuses a kind the table
lacks — no silent fallback; a test walks every kind.

**A record's own footer** (content key ``footer``) holds the ``footer.*`` settings keys without the prefix
(`OVERRIDE_KEYS`); a non-empty value beats the setting for that notice only.

**Attached tables** (content key ``attached_tables``) — ``[{"record": 12, "title": "2026年XX项目安排表"}]``:
each entry names another disclosure record of a table kind (`TABLE_KINDS`) whose rows print after the
notice under ``title`` (default: that record's title), continuing its page numbers, and is listed as a
``附件N：title`` line of the footer. An entry with a title and no record lists a paper attachment
(附件 line only).
"""

from __future__ import annotations

import re
from typing import Any

MAX_PHONES = 10
MAX_PHONE_LINE = 100
MAX_FOOTER_TEXT = 200
MAX_ATTACHED = 10

# A number: digits with inner hyphens or spaces, an optional leading +, an optional 转 extension.
_NUMBER = r"\+?\d[\d\- ]*\d(?:\s*转\s*\d+)?"
_LINE = re.compile(rf"^(?P<label>.*?)[\s:：]*(?P<number>{_NUMBER})$")
_NUMBER_ONLY = re.compile(rf"^{_NUMBER}$")


def phone_entry(line: str) -> dict[str, str]:
    """``"镇纪委 0379-67891234"`` → ``{"label": "镇纪委", "number": "0379-67891234"}``. A line with no
    number at its end keeps all its text as the label and an empty number (`phone_problem` refuses it)."""
    text = (line or "").strip()
    m = _LINE.match(text)
    if m is None or len(re.sub(r"\D", "", m.group("number"))) < 3:
        return {"label": text, "number": ""}
    return {"label": m.group("label").strip(), "number": m.group("number").strip()}


def phone_line(entry: dict[str, Any]) -> str:
    """``{"label": "全国监督电话", "number": "12317"}`` → ``"全国监督电话 12317"``."""
    label = str(entry.get("label") or "").strip()
    number = str(entry.get("number") or "").strip()
    return f"{label} {number}".strip()


def phone_problem(entry: Any, position: int) -> str | None:
    """Why the ``position``-th phone (1-based) cannot be printed, or None."""
    if not isinstance(entry, dict) or set(entry) - {"label", "number"}:
        return f"第 {position} 条监督电话应写作 {{\"label\":\"名称\",\"number\":\"号码\"}}"
    label, number = entry.get("label", ""), entry.get("number", "")
    if not isinstance(label, str) or not isinstance(number, str):
        return f"第 {position} 条监督电话的名称和号码应为文字"
    if not number.strip():
        return f"第 {position} 条监督电话“{label.strip()[:20]}”缺少号码"
    if not _NUMBER_ONLY.match(number.strip()) or len(re.sub(r"\D", "", number)) < 3:
        return f"第 {position} 条监督电话的号码“{number.strip()[:30]}”不是电话号码（只能有数字、“-”和分机“转”）"
    if len(phone_line(entry)) > MAX_PHONE_LINE:
        return f"第 {position} 条监督电话超过 {MAX_PHONE_LINE} 个字"
    return None


def phones_problems(entries: list[Any]) -> list[str]:
    """Every reason a list of phones cannot be saved (empty: it can)."""
    out: list[str] = []
    if len(entries) > MAX_PHONES:
        out.append(f"监督电话最多 {MAX_PHONES} 条，实为 {len(entries)} 条")
    out += [p for n, e in enumerate(entries, start=1) if (p := phone_problem(e, n))]
    return out


def phone_print(line: str) -> str:
    """How a 监督电话 line prints: ``全国监督电话：12317``; a label that does not say what it is
    (``镇纪委 0379-…``) is printed as ``监督电话（镇纪委）：0379-…``."""
    entry = phone_entry(line)
    label, number = entry["label"], entry["number"]
    if not number:
        return f"监督电话：{label}"
    if not label:
        return f"监督电话：{number}"
    if "电话" in label or "热线" in label:
        return f"{label}：{number}"
    return f"监督电话（{label}）：{number}"


# --- the block's order ---------------------------------------------------------------------------

#: The typed lines of a footer block, in the order they print.
FOOTER_ORDER = ("posting", "objection", "note", "phone", "unit", "address", "email", "attachment")

# --- defaults per install mode ---------------------------------------------------------------------

MODES = ("village", "township")
VILLAGE_COMMITTEE = "村民委员会"
SUPERVISION_COMMITTEE = "村务监督委员会"
FINANCE_GROUP = "民主理财小组"


def _mode(mode: str | None) -> str:
    if mode not in MODES:
        raise ValueError(f"安装方式“{mode}”应为 {'或'.join(MODES)}")
    return mode  # type: ignore[return-value]


def issuing_body(mode: str | None, name: str) -> str:
    """Who issues a notice by default: ``测试村村民委员会``; ``城关镇人民政府`` / ``东城街道办事处``."""
    name = (name or "").strip()
    if _mode(mode) == "village":
        return f"{name}{VILLAGE_COMMITTEE}"
    return f"{name}办事处" if name.endswith("街道") else f"{name}人民政府"


def default_accepting_unit(mode: str | None, name: str) -> str:
    """Who receives objections by default: ``测试村村务监督委员会``; ``城关镇纪委`` / ``东城街道纪工委``."""
    name = (name or "").strip()
    if _mode(mode) == "village":
        return f"{name}{SUPERVISION_COMMITTEE}"
    return f"{name}纪工委" if name.endswith("街道") else f"{name}纪委"


# --- signatures: install mode × kind --------------------------------------------------------------

_VILLAGE = (VILLAGE_COMMITTEE, SUPERVISION_COMMITTEE)
_VILLAGE_FINANCE = (*_VILLAGE, FINANCE_GROUP)

#: (install mode, kind) → the bodies whose signature lines a notice of that kind carries, in order.
#: A new kind adds its two rows here (tests/models/rules/test_footer.py fails until it does).
SIGNATURE_LINES: dict[tuple[str, str], tuple[str, ...]] = {
    ("village", "notice"): _VILLAGE,
    ("village", "finance"): _VILLAGE_FINANCE,
    ("village", "roster"): _VILLAGE,
    ("village", "project"): _VILLAGE,
    ("village", "decision"): _VILLAGE,
    ("village", "yishi"): _VILLAGE_FINANCE,
    ("township", "notice"): (),
    ("township", "finance"): (),
    ("township", "roster"): (),
    ("township", "project"): (),
    ("township", "decision"): (),
    ("township", "yishi"): (),
}


def signature_lines(kind: str, mode: str | None) -> tuple[str, ...]:
    """The bodies that sign a notice of ``kind`` in an install of ``mode`` (`SIGNATURE_LINES`).
    Raises ValueError for a pair the table lacks."""
    try:
        return SIGNATURE_LINES[(_mode(mode), kind)]
    except KeyError:
        raise ValueError(f"签字栏表中没有“{kind}”类公告（{mode}）的条目") from None


# --- a record's own footer ----------------------------------------------------------------------

#: The keys of a record's ``footer`` override: the ``footer.*`` settings without the prefix (cli.md).
OVERRIDE_KEYS = ("phones", "unit", "address", "email", "issuer", "objection")
FOOTER_KEY = "footer"

#: The `setting` row holding the installation's footer settings (one JSON object: phones, accepting_unit,
#: issuer, …) and the settings registry's footer keys → that object's fields. Here, not in the
#: services, so the printer reads them without the database layer (models.printing.settings).
FOOTER_STORE = "print_footer"
FOOTER_FIELDS = {"footer.unit": "accepting_unit", "footer.address": "address", "footer.email": "email",
                 "footer.issuer": "issuer", "footer.objection": "objection_note"}

# --- attached tables ------------------------------------------------------------------------------

ATTACHED_KEY = "attached_tables"
#: Kinds whose records are tables that can be attached to another notice.
TABLE_KINDS = ("roster",)


def attached_entries(content: Any) -> list[dict[str, Any]]:
    """The ``attached_tables`` entries of a record's content, read tolerantly: ``{"record": int|None,
    "title": str}`` each (bad entries are left out here; `attached_problems` names them)."""
    items = content.get(ATTACHED_KEY) if isinstance(content, dict) else None
    out: list[dict[str, Any]] = []
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        record = item.get("record")
        if isinstance(record, str) and record.strip().isdigit():
            record = int(record.strip())
        if isinstance(record, bool) or not isinstance(record, int | type(None)):
            continue
        title = item.get("title")
        title = title.strip() if isinstance(title, str) else ""
        if record is None and not title:
            continue
        out.append({"record": record, "title": title})
    return out


def attached_problems(value: Any) -> list[str]:
    """Why a record's ``attached_tables`` cannot be stored (shape only; the service checks that each
    named record exists and is a table)."""
    if value is None:
        return []
    if not isinstance(value, list):
        return ['附件表应为列表 [{"record":记录编号,"title":"附件标题"}, …]']
    out: list[str] = []
    if len(value) > MAX_ATTACHED:
        out.append(f"附件最多 {MAX_ATTACHED} 个，实为 {len(value)} 个")
    for n, item in enumerate(value, start=1):
        if not isinstance(item, dict) or set(item) - {"record", "title"}:
            out.append(f'第 {n} 个附件应写作 {{"record":记录编号,"title":"附件标题"}}')
            continue
        record, title = item.get("record"), item.get("title")
        if isinstance(record, str) and record.strip().isdigit():
            record = int(record.strip())
        if record is not None and (isinstance(record, bool) or not isinstance(record, int) or record < 1):
            out.append(f"第 {n} 个附件的记录编号“{record}”应为正整数")
        if title is not None and not isinstance(title, str):
            out.append(f"第 {n} 个附件的标题应为文字")
        elif isinstance(title, str) and len(title.strip()) > MAX_FOOTER_TEXT:
            out.append(f"第 {n} 个附件的标题超过 {MAX_FOOTER_TEXT} 个字")
        if record is None and not (isinstance(title, str) and title.strip()):
            out.append(f"第 {n} 个附件既没有记录编号也没有标题")
    return out
