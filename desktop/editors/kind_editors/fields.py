"""Form fields the kind editors share, and how a field shows its findings.

Money and number fields keep what the clerk typed: `value()` is a `Decimal` when the text reads as
one ("1,234.50", "１２３４.５", "1234.50元"), the text itself when it does not — so the live check
names the bad number next to the field instead of the app refusing it or crashing — and None
when blank.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from models.rules.kinds import Finding
from models.rules.money import parse_decimal

_ERROR_STYLE = "background: #fff5f5; border: 1px solid #c62828;"
_WARNING_STYLE = "background: #fffaeb; border: 1px solid #e0a100;"
_BASE_TIP = "cunwuBaseToolTip"


def mark(widget: QWidget, findings: Sequence[Finding]) -> None:
    """Show a field's findings: a red (error) or amber (warning) frame and the messages as tooltip;
    no findings restores the field."""
    base = widget.property(_BASE_TIP)
    if base is None:
        base = widget.toolTip()
        widget.setProperty(_BASE_TIP, base)
    if not findings:
        if widget.property("cunwuMarked"):
            widget.setStyleSheet("")
            widget.setToolTip(base)
            widget.setProperty("cunwuMarked", False)
        return
    error = any(f.is_error for f in findings)
    style = _ERROR_STYLE if error else _WARNING_STYLE
    name = type(widget).__name__
    if isinstance(widget, QAbstractItemView):
        # A whole table (its sum, or no rows at all): a frame only, the cells keep their colours.
        widget.setStyleSheet(f"{name} {{ border: 2px solid {'#c62828' if error else '#e0a100'}; }}")
    elif isinstance(widget, QLineEdit | QPlainTextEdit | QComboBox | QAbstractScrollArea):
        widget.setStyleSheet(f"{name} {{ {style} }}")
    else:
        widget.setStyleSheet(style)
    widget.setToolTip("\n".join(f.message for f in findings))
    widget.setProperty("cunwuMarked", True)


def decimal_or_text(text: str) -> Decimal | str | None:
    text = text.strip()
    if not text:
        return None
    try:
        return parse_decimal(text, field="")
    except ValueError:
        return text


def value_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


class NumberEdit(QLineEdit):
    """A money or quantity field, right-aligned; see the module docstring for `value()`."""

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "0.00"):
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText(placeholder)
        self.setMaxLength(40)

    def value(self) -> Decimal | str | None:
        return decimal_or_text(self.text())

    def set_value(self, value: Any) -> None:
        self.setText(value_text(value))


class DateEdit(QLineEdit):
    """A date typed as 2026-07-18 (also 2026/7/18, 2026.7.18, 2026年7月18日); checks read it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText("2026-07-18")
        self.setMaxLength(20)

    def value(self) -> str | None:
        return self.text().strip() or None

    def set_value(self, value: Any) -> None:
        self.setText(value_text(value))
