"""The interface font: a Chinese font from the system, the shipped one when the system has none.

Chinese is the source language, so the interface must never fall back to a Latin-only font and draw
empty boxes. Rare characters (生僻字) in villagers' names are covered by the shipped Ext-A/B font,
added as a substitution behind the chosen family.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from models.paths import resources_dir

log = logging.getLogger("cunwu.desktop")

# In order of preference: the platforms' own UI fonts first, then common Linux CJK fonts.
PREFERRED_FAMILIES = (
    "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC",
    "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
    "Droid Sans Fallback", "SimHei", "SimSun",
)
SHIPPED_MAIN = "cunwu-hei.ttf"
SHIPPED_RARE = "cunwu-ming-ext.ttf"
MIN_POINT_SIZE = 10


@cache  # one registration per process (the application font database lives as long as the app)
def _add_shipped(filename: str) -> str | None:
    path = resources_dir() / "fonts" / filename
    if not path.exists():
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


def chinese_family() -> str | None:
    """A family that covers Simplified Chinese, by preference; the shipped font if there is none."""
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    for family in PREFERRED_FAMILIES:
        if family in chinese:
            return family
    if chinese:
        return chinese[0]
    shipped = _add_shipped(SHIPPED_MAIN)
    if shipped:
        log.info("no Chinese system font found; using the shipped %s", shipped)
    return shipped


def install_fonts(app: QApplication) -> QFont:
    font = QFont(app.font())
    family = chinese_family()
    if family:
        font.setFamilies([family, *[f for f in font.families() if f != family]])
    if font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
    rare = _add_shipped(SHIPPED_RARE)
    if family and rare:
        QFont.insertSubstitution(family, rare)
    app.setFont(font)
    return font
