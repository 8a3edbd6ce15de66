"""Accounts as rules: the roles, how a user name is normalised, what a password must be, how long a
name waits after failed logins.

A user name is the person's identity in separation of duties (the drafter may not approve their own
record), so two names that look the same must *be* the same: names are NFKC-normalised (the Kangxi
radical ⽂ U+2F42 becomes 文, full-width Ｌｉ becomes Li) and characters that print as nothing
(zero-width spaces, joiners, direction marks, variation selectors, Hangul fillers, control
characters) are refused, never silently dropped. Names are compared by `name_key` (normalised and
case-folded), so ``Admin`` and ``admin`` cannot be two accounts either.
"""

from __future__ import annotations

import unicodedata

from ..errors import Problem, ValidationError

# role → Chinese label, in the order a form offers them.
ROLE_LABELS: dict[str, str] = {
    "clerk": "文书",
    "reviewer": "监委会",
    "admin": "村干部",
    "supervisor": "乡镇",
}
ROLES: tuple[str, ...] = tuple(ROLE_LABELS)

NAME_MAX = 50
PASSWORD_MIN = 8
PASSWORD_MAX = 256

# Failed logins: the first FREE_ATTEMPTS wrong passwords cost nothing; from then on each further
# attempt must wait, the wait doubling each time up to the cap.
FREE_ATTEMPTS = 5
FIRST_DELAY_SECONDS = 30
MAX_DELAY_SECONDS = 15 * 60

# Unicode Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt): they render as nothing.
# Most are category Cf and caught by the category test as well; this list also catches the ones
# that are letters or marks (Hangul fillers, variation selectors, the combining grapheme joiner).
_IGNORABLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
# Not default-ignorable but blank on screen all the same.
_BLANK = {0x2800, 0x3000}
# Punctuation a real name carries: 买买提·艾力, Li-Na, li_na, li.na.
_NAME_PUNCTUATION = set("·•-_.'")


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role)


def _invisible(ch: str) -> bool:
    cp = ord(ch)
    if cp in _BLANK or any(lo <= cp <= hi for lo, hi in _IGNORABLE):
        return True
    return unicodedata.category(ch)[0] in ("C", "Z")  # control, format, unassigned, private; spaces


def _describe(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def _script(ch: str) -> str | None:
    """LATIN / CYRILLIC / GREEK for letters of the scripts whose letters pass for each other."""
    if not ch.isalpha():
        return None
    word = unicodedata.name(ch, "").split(" ", 1)[0]
    return word if word in ("LATIN", "CYRILLIC", "GREEK") else None


def user_name_problem(raw: str | None, field: str = "用户名") -> Problem | None:
    """Why ``raw`` cannot be a user name (``None`` when it can)."""
    text = (raw or "").strip()
    if not text:
        return Problem(f"{field}不能为空", field=field, rule="required")
    hidden = [ch for ch in text if _invisible(ch)]
    if hidden:
        codes = "、".join(dict.fromkeys(_describe(ch) for ch in hidden))
        return Problem(f"{field}含有不可见或空白字符（{codes}），请只输入看得见的文字", field=field,
                       rule="invisible_character")
    name = unicodedata.normalize("NFKC", text)
    if any(_invisible(ch) for ch in name):  # NFKC can turn a visible character into a space
        return Problem(f"{field}含有空白字符，请去掉空格", field=field, rule="invisible_character")
    if len(name) > NAME_MAX:
        return Problem(f"{field}最长 {NAME_MAX} 个字", field=field, rule="length")
    odd = [ch for ch in name if not (ch.isalnum() or ch in _NAME_PUNCTUATION
                                     or unicodedata.category(ch).startswith("M"))]
    if odd:
        return Problem(f"{field}不能含有“{''.join(dict.fromkeys(odd))}”，只能用文字、数字和 · - _ . '",
                       field=field, rule="character")
    if unicodedata.category(name[0]).startswith("M"):
        return Problem(f"{field}不能以附加符号开头", field=field, rule="character")
    if not any(ch.isalnum() for ch in name):
        return Problem(f"{field}至少要有一个文字或数字", field=field, rule="character")
    scripts = {s for s in map(_script, name) if s}
    if len(scripts) > 1:
        return Problem(f"{field}混用了拉丁、西里尔或希腊字母（外形相同的字母可冒充他人），请只用一种",
                       field=field, rule="mixed_script")
    return None


def normalize_user_name(raw: str | None, field: str = "用户名") -> str:
    """The name as stored and shown: stripped and NFKC-normalised; refuses invisible characters."""
    problem = user_name_problem(raw, field)
    if problem is not None:
        raise ValidationError([problem], summary=f"{field}有误")
    return unicodedata.normalize("NFKC", (raw or "").strip())


def name_key(name: str) -> str:
    """What two names are compared by: NFKC, case-folded, NFKC again (case folding can denormalise)."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name.strip()).casefold())


def same_person(a: str | None, b: str | None) -> bool:
    """Whether two recorded names name the same person (look-alikes and case count as the same)."""
    if not a or not b:
        return False
    return name_key(a) == name_key(b)


def password_problem(password: str | None, name: str | None = None, field: str = "密码") -> Problem | None:
    pw = password or ""
    if len(pw) < PASSWORD_MIN:
        return Problem(f"{field}至少 {PASSWORD_MIN} 个字符", field=field, rule="password_length")
    if len(pw) > PASSWORD_MAX:
        return Problem(f"{field}最长 {PASSWORD_MAX} 个字符", field=field, rule="password_length")
    if len(set(pw)) < 3:
        return Problem(f"{field}太简单：至少要用 3 个不同的字符", field=field, rule="password_simple")
    if name and name_key(name) in name_key(pw):
        return Problem(f"{field}不能包含用户名", field=field, rule="password_name")
    return None


def lockout_delay(failures: int) -> int:
    """Seconds a name must wait before the next attempt after ``failures`` wrong passwords in a row."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - FREE_ATTEMPTS))
