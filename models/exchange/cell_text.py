"""Text cells that a spreadsheet must not read as formulas (CSV/formula injection).

Excel, WPS and LibreOffice treat a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a formula
(``=HYPERLINK(…)`` opens a link, ``=cmd|' /C calc'!A0`` runs a program after one click), and some
strip a leading tab or carriage return first. Every text value the app writes into a workbook goes
through ``write_text_cell``: a value with such a start is stored as a string cell with Excel's
quote-prefix style (shown as typed, never evaluated), and the value itself is left unchanged, so the
app's own import reads back exactly what was exported.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import Cell

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def starts_like_formula(value: str) -> bool:
    return value.startswith(FORMULA_LEADS)


def write_text_cell(cell: Cell, value: Any) -> Cell:
    """Set ``cell`` to ``value``; a string that a spreadsheet would evaluate is kept as text."""
    cell.value = value
    if isinstance(value, str) and starts_like_formula(value):
        cell.data_type = "s"  # openpyxl made it "f" (a formula) on assignment
        cell.quotePrefix = True  # and the spreadsheet keeps it text when the cell is edited
    return cell


__all__ = ["FORMULA_LEADS", "starts_like_formula", "write_text_cell"]
