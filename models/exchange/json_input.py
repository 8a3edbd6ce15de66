"""Reading a JSON document someone wrote by hand or by script (a disclosure's content file).

``json.loads`` as it comes turns ``1e308`` into a float that loses the fen, ``Infinity`` and ``NaN``
into values no amount may take, a 5,000-digit number into an error Python raises on its own
(``int`` refuses more than 4,300 digits), ``1e999999`` into a Decimal that takes a minute to
print, and 100,000 nested brackets into a RecursionError. Here numbers become ``Decimal`` (or
``int``) only after their text is checked against models.rules.limits, the constants are refused,
the nesting and the file's size are capped, and every refusal is one Chinese line naming the file
and the line.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import ValidationError
from ..rules.limits import MAX_EXPONENT, MAX_NUMBER_CHARS
from ..rules.text import invalid_text_problem

MAX_JSON_BYTES = 8 * 1024 * 1024
MAX_JSON_DEPTH = 32  # the deepest content (a decision's meetings) is 3 levels


class _Refused(ValueError):
    def __init__(self, message: str, token: str | None = None):
        super().__init__(message)
        self.message, self.token = message, token


def _number_text(text: str) -> None:
    mantissa, _, exponent = text.lower().partition("e")
    digits = sum(c.isdigit() for c in mantissa)
    if len(text) > MAX_NUMBER_CHARS or digits > MAX_NUMBER_CHARS or (exponent and abs(int(exponent)) > MAX_EXPONENT):
        raise _Refused(f"数字“{text[:20]}{'…' if len(text) > 20 else ''}”过大或位数过多"
                       f"（不能超过 {MAX_NUMBER_CHARS} 位数字）", text)


def _parse_float(text: str) -> Decimal:
    if len(text) > 4 * MAX_NUMBER_CHARS:  # the exponent's int() must not see a 5,000-digit string
        raise _Refused(f"数字“{text[:20]}…”过大或位数过多（不能超过 {MAX_NUMBER_CHARS} 位数字）", text)
    _number_text(text)
    return Decimal(text)


def _parse_int(text: str) -> int:
    _number_text(text)
    return int(text)


def _parse_constant(name: str) -> Any:
    raise _Refused(f"“{name}”不是有效数字（JSON 中不能写 NaN 或 Infinity）", name)


def _depth(doc: Any) -> int:
    deepest, stack = 0, [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, depth)
            if deepest > MAX_JSON_DEPTH:
                return deepest
            stack.extend((child, depth + 1) for child in (node.values() if isinstance(node, dict) else node))
    return deepest


def _line_of(text: str, token: str | None) -> int | None:
    if not token:
        return None
    at = text.find(token)
    return text.count("\n", 0, at) + 1 if at >= 0 else None


def _refuse(file: str, what: str, message: str, line: int | None = None) -> ValidationError:
    """One line (the summary); ``line`` is kept on the error for callers that point at it."""
    where = f" 第 {line} 行" if line else ""
    error = ValidationError([], summary=f"{what} {file}{where}：{message}，未保存任何内容")
    error.line = line  # type: ignore[attr-defined]
    return error


def loads_document(text: str, *, file: str, what: str = "内容文件") -> dict[str, Any]:
    """The JSON object in ``text``; ``ValidationError`` (one located problem) for anything else."""
    try:
        doc = json.loads(text, parse_float=_parse_float, parse_int=_parse_int, parse_constant=_parse_constant)
    except json.JSONDecodeError as exc:
        raise _refuse(file, what, f"第 {exc.colno} 列 JSON 格式错误（{exc.msg}）", exc.lineno) from None
    except _Refused as exc:
        raise _refuse(file, what, exc.message, _line_of(text, exc.token)) from None
    except RecursionError:
        raise _refuse(file, what, f"括号嵌套过深（不能超过 {MAX_JSON_DEPTH} 层）") from None
    if not isinstance(doc, dict):
        raise _refuse(file, what, "应为一个 JSON 对象（{…}）")
    if _depth(doc) > MAX_JSON_DEPTH:
        raise _refuse(file, what, f"括号嵌套过深（不能超过 {MAX_JSON_DEPTH} 层）")
    for value in _strings(doc):
        problem = invalid_text_problem(value, "")
        if problem:
            bad = next(ch for ch in value if "\ud800" <= ch <= "\udfff")
            line = _line_of(text, f"\\u{ord(bad):04x}") or _line_of(text, f"\\u{ord(bad):04X}")
            raise _refuse(file, what, f"“{value[:20].encode('utf-8', 'replace').decode()}”{problem}", line)
    return doc


def _strings(doc: Any) -> list[str]:
    """Every string in ``doc``, keys included."""
    out, stack = [], [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return out


def read_document(path: str | Path, *, what: str = "内容文件") -> dict[str, Any]:
    """The JSON object in the file at ``path`` (UTF-8 or GBK, at most ``MAX_JSON_BYTES``)."""
    p = Path(path)
    file = p.name
    if not p.is_file():
        raise ValidationError.single(f"找不到{what}：{path}")
    size = p.stat().st_size
    if size > MAX_JSON_BYTES:
        raise _refuse(file, what, f"文件有 {size / 1048576:.0f} MB，超过上限 {MAX_JSON_BYTES // 1048576} MB")
    data = p.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise _refuse(file, what, "既不是 UTF-8 也不是 GBK 编码，无法读取")
    return loads_document(text, file=file, what=what)
