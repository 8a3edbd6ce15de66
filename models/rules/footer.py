"""The print footer's 监督电话 lines: one parser between the two forms they take.

The settings contract (`cunwu settings set footer.phones …`) writes a phone as ``{"label", "number"}``
(`[{"label": "全国监督电话", "number": "12317"}]`); the footer stores and prints each as one line,
``"全国监督电话 12317"``, which is also how a clerk types it in 打印设置. `phone_entry` reads a line into
the pair, `phone_line` writes the pair as a line; `phone_problem` is the one rule both paths check.
"""

from __future__ import annotations

import re
from typing import Any

MAX_PHONES = 10
MAX_PHONE_LINE = 100
MAX_FOOTER_TEXT = 200

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
