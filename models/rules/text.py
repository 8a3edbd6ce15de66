"""What text the app stores: names and codes one clean line, free text without hidden controls.

Text arrives typed, pasted from WeChat or web pages, or imported from spreadsheets, and ends up on
paper on the village board. Characters the reader cannot see must not change what is printed or
searched: a terminal escape in a name printed "张[2J三", a right-to-left override can make a posted
amount read backwards, a zero-width space makes two equal names differ.

Names and codes (a person, a 村民小组, a catalog item's code and name, a record's title, the village,
a reviewer): NFC-normalised, surrounding spaces trimmed, and refused when they hold any control
character (line breaks and tabs included: a name is one line), a bidi control (U+202A–202E,
U+2066–2069) or a zero-width character (U+200B–200D, U+2060, U+FEFF). The message names the field and
the character as U+XXXX, so the clerk can find what they cannot see.

Free text (remarks, bodies, contents, opinions, answers) — the decision, per kind of character:

- line breaks normalised: CR LF, CR, U+2028 and U+2029 become one "\\n" (so text compares, counts and
  prints alike however it was typed or pasted);
- zero-width characters stripped: they are invisible, come in with pasted text, and removing them
  changes nothing a reader sees;
- bidi controls refused: they reorder what is displayed, so the printed notice could read differently
  from what was reviewed — silently removing them could change the meaning too, so the clerk decides;
- other control characters refused (tab kept: it is ordinary in pasted tables);
- NFC-normalised, like names.

Length caps are not here: they are the field bounds in the one place that declares them
(``models.rules.limits`` where present); this module only decides which characters may be stored.
"""

from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS = frozenset(map(chr, (*range(0x202A, 0x202F), *range(0x2066, 0x206A))))
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")
_ZERO_WIDTH_RE = re.compile(f"[{''.join(sorted(ZERO_WIDTH))}]")


def code_point(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def _what(ch: str) -> str:
    if ch in BIDI_CONTROLS:
        return "文字方向控制符"
    if ch in ZERO_WIDTH:
        return "零宽字符"
    if ch in "\n\r\u2028\u2029\x85":
        return "换行"
    if ch == "\t":
        return "制表符"
    return "控制字符"


# Searched with one compiled pattern each (C speed: a 10-million-character text is scanned in
# milliseconds, not seconds). Cc is exactly U+0000–001F and U+007F–009F.
_CONTROLS = "\x00-\x1f\x7f-\x9f"
_BIDI = "\u202a-\u202e\u2066-\u2069"
_NAME_REFUSED = re.compile(f"[{_CONTROLS}{_BIDI}{''.join(sorted(ZERO_WIDTH))}\u2028\u2029]")
_FREE_REFUSED = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")  # tab and line feed allowed


def _refusal(label: str, ch: str, hint: str) -> str:
    return f"{label}含有不可见的{_what(ch)} {code_point(ch)}，{hint}"


def normalize_name(value: str) -> str:
    """A name or code as stored: NFC, surrounding spaces (and only spaces) trimmed."""
    return unicodedata.normalize("NFC", value).strip(" \u3000\u00a0")


def name_problem(value: str, label: str) -> str | None:
    """Why ``value`` cannot be stored as a name or code (the first offending character), or None."""
    found = _NAME_REFUSED.search(value)
    return _refusal(label, found.group(), "名称和编号只能是一行可见文字，请删除后重新输入") if found else None


def normalize_free_text(value: str) -> str:
    """Free text as stored: NFC, one kind of line break, zero-width characters removed."""
    text = _ZERO_WIDTH_RE.sub("", _LINE_BREAKS.sub("\n", value))
    return unicodedata.normalize("NFC", text)


def free_text_problem(value: str, label: str) -> str | None:
    """Why normalised free text cannot be stored (a bidi or control character), or None."""
    found = _FREE_REFUSED.search(value)
    return _refusal(label, found.group(), "它会改变文字的显示或打印，请删除后重新输入") if found else None


# A lone surrogate (U+D800–DFFF) is not a character at all and has no UTF-8 form: it is what a
# "\\ud800" escape in JSON or undecodable bytes in a command-line argument become in Python, and
# storing it fails deep inside (the audit hash, SQLite). Refused where such text enters, by name.
_SURROGATE = re.compile("[\ud800-\udfff]")


def invalid_text_problem(value: str, label: str) -> str | None:
    """Why ``value`` cannot be text at all (a lone surrogate), or None."""
    found = _SURROGATE.search(value)
    if not found:
        return None
    return f"{label}含有无效的字符 {code_point(found.group())}（不是有效的 UTF-8 文字），请改正后重试"


__all__ = ["BIDI_CONTROLS", "ZERO_WIDTH", "code_point", "free_text_problem", "invalid_text_problem",
           "name_problem", "normalize_free_text", "normalize_name"]
