"""Measuring and breaking text for the notice renderer.

The renderer measures every cell once. Most cells hold only characters of the main font, which
ReportLab measures and encodes in C (rl-accel); cells with rare characters, tabs or line breaks
("special" cells) go through the fonts module's fallback runs. :class:`TextMeasure` tells them
apart with one set lookup per cell, after looking at each distinct character of the document once.

:func:`break_lines` is a small CJK line breaker for titles, table headers and totals, which are
drawn line by line in synthetic bold; running text and wrapping cells use ReportLab's Paragraph
with ``wordWrap='CJK'``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import rl_imports  # noqa: F401 - first: ReportLab without what notices never use

# isort: split
from reportlab.pdfbase.pdfmetrics import stringWidth

from . import fonts
from .fonts import FONT_MAIN

# Characters a line must not start with (避头) and must not end with (避尾).
_NO_LINE_START = set("，。、；：！？）》」』】〕〉”’,.;:!?)]}%…—·～/")
_NO_LINE_END = set("（《「『【〔〈“‘([{")
# A line may be this much (in ems) wider than its box: it runs into the cell's padding, unseen,
# rather than leave one character alone on a second line.
_OVERHANG = 0.03
# Latin words and numbers (with their separators) stay whole when they fit on a line.
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,:%/+\-]*|.", re.DOTALL)


class TextMeasure:
    """Widths of strings in the main font with fallback runs, fast for ordinary text."""

    def __init__(self, font: str = FONT_MAIN) -> None:
        self.font = font
        self._special_chars: set[str] = set()
        self._known_chars: set[str] = set()
        self._slow_cache: dict[tuple[str, float], float] = {}
        #: PDF encodings of strings, per ReportLab document (used by the renderer's text writer).
        self.encodings: dict[int, dict] = {}

    def learn(self, chars: Iterable[str]) -> None:
        """Look at characters once: which ones need fallback runs (or are not plain spaces)."""
        fresh = set(chars) - self._known_chars
        for ch in fresh:
            if fonts.split_runs(ch, self.font) != [(self.font, ch)]:
                self._special_chars.add(ch)
        self._known_chars |= fresh

    @property
    def special_chars(self) -> set[str]:
        """Characters that need fallback runs (or are not plain spaces), as seen so far."""
        return self._special_chars

    @property
    def any_special(self) -> bool:
        """Whether any character seen so far needs fallback runs."""
        return bool(self._special_chars)

    def is_special(self, text: str) -> bool:
        """Whether ``text`` needs fallback runs to be drawn (call :meth:`learn` with its chars first)."""
        return bool(self._special_chars) and not self._special_chars.isdisjoint(text)

    def width(self, text: str, size: float) -> float:
        if not self.is_special(text):
            return stringWidth(text, self.font, size)
        key = (text, size)
        cached = self._slow_cache.get(key)
        if cached is None:
            cached = self._slow_cache[key] = fonts.string_width(text, size, self.font)
        return cached


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def break_lines(text: str, max_width: float, size: float, measure: TextMeasure) -> list[str]:
    """Break ``text`` into lines no wider than ``max_width`` (CJK rules: any character may start a
    line except closing punctuation; numbers and Latin words are kept whole when they fit).

    Explicit line breaks are kept. A line always holds at least one character, so a character
    wider than ``max_width`` sticks out rather than looping.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_break_paragraph(paragraph.strip(), max_width, size, measure))
    return lines or [""]


def _break_paragraph(text: str, max_width: float, size: float, measure: TextMeasure) -> list[str]:
    if not text:
        return [""]
    if measure.width(text, size) <= max_width:
        return [text]
    tokens: list[str] = []
    for token in _tokens(text):
        if len(token) > 1 and measure.width(token, size) > max_width:
            tokens.extend(token)  # a number longer than a line: break it anywhere
        else:
            tokens.append(token)
    lines: list[str] = []
    current: list[str] = []
    current_width = 0.0
    for token in tokens:
        token_width = measure.width(token, size)
        if current and current_width + token_width > max_width:
            carry: list[str] = []
            # Closing punctuation may not start the next line: take the previous token along.
            if token[0] in _NO_LINE_START and len(current) > 1:
                carry.append(current.pop())
            # Opening punctuation may not end this line.
            while len(current) > 1 and current[-1][-1] in _NO_LINE_END:
                carry.insert(0, current.pop())
            if token[0] in _NO_LINE_START and all(t[-1] in _NO_LINE_END for t in current):
                # Too narrow to move anything: hang the punctuation at the end of this line.
                current.extend(carry)
                current.append(token)
                current_width += token_width + sum(measure.width(t, size) for t in carry)
                continue
            lines.append("".join(current).rstrip())
            current = carry
            current_width = sum(measure.width(t, size) for t in current)
            if not current and token == " ":
                continue
        current.append(token)
        current_width += token_width
    if current:
        lines.append("".join(current).rstrip())
    return lines


def balanced_lines(text: str, max_width: float, size: float, measure: TextMeasure) -> list[str]:
    """Like :func:`break_lines`, with the lines made as even as the same line count allows
    ("家庭" / "人口" rather than "家庭人" / "口"): for titles and table headers."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        greedy = _break_paragraph(paragraph.strip(), max_width, size, measure)
        count = len(greedy)
        if count < 2:
            lines.extend(greedy)
            continue
        low = measure.width(paragraph.strip(), size) / count
        high = max_width
        best = greedy
        for _ in range(12):
            middle = (low + high) / 2
            trial = _break_paragraph(paragraph.strip(), middle, size, measure)
            if len(trial) <= count:
                best, high = trial, middle
            else:
                low = middle
        lines.extend(best)
    return lines or [""]


def header_lines(label: str, max_width: float, size: float, measure: TextMeasure, *,
                 balanced: bool = True) -> list[str]:
    """A column header in lines: the unit in parentheses on a line of its own when the label does
    not fit on one ("金额" / "（元）"), each part balanced. ``balanced=False`` gives the same number
    of lines, greedily broken (balancing never changes the count): for measuring, which only counts."""
    if measure.width(label, size) <= max_width + _OVERHANG * size:
        return [label]
    lines = balanced_lines if balanced else break_lines
    for mark in ("（", "("):
        head, found, unit = label.partition(mark)
        if found and head:
            return lines(head, max_width, size, measure) + lines(found + unit, max_width, size, measure)
    return lines(label, max_width, size, measure)
