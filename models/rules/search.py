"""Search keys that let a clerk find Chinese text by the characters, full pinyin or initials.

`cwgk` finds 村务公开, `cunwu` finds it too, and so does `公开`. Keys are computed once per text and
may be stored beside a row (a `search_key` column) so list filters stay plain `LIKE` queries.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=20000)
def pinyin_keys(text: str) -> str:
    """'村务公开' -> 'cunwugongkai cwgk' (lower case, heteronyms by pypinyin's default reading)."""
    if not text:
        return ""
    # Imported here: pypinyin's phrase dictionary costs ≈0.1 s to load, which start-up should not pay.
    from pypinyin import Style, lazy_pinyin

    # Punctuation is dropped from the pinyin forms: a clerk types "zdshbzdb" for 最低生活保障（低保）
    # and "cw01" for CW-01, never the brackets or the hyphen.
    full = _letters("".join(lazy_pinyin(text, errors="default")))
    initials = _letters("".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")))
    return f"{full} {initials}"


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def search_key(*parts: str | None) -> str:
    """One lower-cased string holding the texts and their pinyin forms, for substring matching."""
    texts = [p for p in parts if p]
    joined = " ".join(texts)
    return f"{joined.lower()} {' '.join(pinyin_keys(t) for t in texts)}".strip()


def normalize_query(query: str) -> str:
    return "".join(query.lower().split())


def matches(query: str, *parts: str | None) -> bool:
    """True when every whitespace-separated term of the query occurs in the text or its pinyin."""
    terms = query.lower().split()
    if not terms:
        return True
    key = search_key(*parts)
    squashed = key.replace(" ", "")
    return all(term in key or term in squashed for term in terms)
