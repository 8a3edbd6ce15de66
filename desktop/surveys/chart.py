"""The chart of one survey question, drawn with QPainter: bars (one per option, zero-vote ones too)
or a pie. It paints what it is given — labels, counts and the percent strings the service computed —
and computes nothing of its own, so the chart can never disagree with the table beside it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

# Colour-blind-safe-ish palette (Okabe–Ito), repeated for long option lists.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#999999")

BAR = "bar"
PIE = "pie"


@dataclass(frozen=True)
class Slice:
    label: str  # "A 知道"
    count: int
    percent: str  # "88.33" as the service gives it


class QuestionChart(QWidget):
    """`set_data(title, slices, style)`; `style` is BAR or PIE."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._title = ""
        self._slices: list[Slice] = []
        self._style = BAR
        self.setMinimumSize(320, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("图表"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(480, 300)

    def set_data(self, title: str, slices: list[Slice], style: str = BAR) -> None:
        self._title = title
        self._slices = list(slices)
        self._style = style if style in (BAR, PIE) else BAR
        self.update()

    def style_name(self) -> str:
        return self._style

    def slices(self) -> list[Slice]:
        return list(self._slices)

    # --- painting -----------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        fm = QFontMetrics(self.font())
        line = fm.height()
        area = QRectF(self.rect()).adjusted(8, 6, -8, -6)
        if self._title:
            painter.setPen(QColor("#222"))
            title_rect = QRectF(area.left(), area.top(), area.width(), line * 1.4)
            painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(self._title, Qt.TextElideMode.ElideRight, int(area.width())))
            area.setTop(title_rect.bottom() + 4)
        if not self._slices:
            painter.setPen(QColor("gray"))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("没有可画的数据"))
            return
        if self._style == PIE:
            self._paint_pie(painter, area, fm)
        else:
            self._paint_bars(painter, area, fm)

    def _value_text(self, s: Slice) -> str:
        return self.tr("%1票 %2%").replace("%1", str(s.count)).replace("%2", s.percent)

    def _paint_bars(self, painter: QPainter, area: QRectF, fm: QFontMetrics) -> None:
        """Horizontal bars: long Chinese option texts stay readable on the left."""
        n = len(self._slices)
        label_w = min(max(fm.horizontalAdvance(s.label) for s in self._slices) + 8, area.width() * 0.42)
        value_w = max(fm.horizontalAdvance(self._value_text(s)) for s in self._slices) + 8
        bar_left = area.left() + label_w
        bar_max = max(10.0, area.width() - label_w - value_w)
        row_h = min(area.height() / n, fm.height() * 2.2)
        top = max(self._slices, key=lambda s: s.count).count or 1
        for i, s in enumerate(self._slices):
            y = area.top() + i * row_h
            painter.setPen(QColor("#222"))
            painter.drawText(QRectF(area.left(), y, label_w - 6, row_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(s.label, Qt.TextElideMode.ElideRight, int(label_w - 6)))
            width = bar_max * s.count / top
            bar = QRectF(bar_left, y + row_h * 0.18, width, row_h * 0.64)
            painter.fillRect(bar, QColor(PALETTE[i % len(PALETTE)]))
            painter.drawText(QRectF(bar_left + width + 4, y, value_w, row_h),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._value_text(s))
        painter.setPen(QPen(QColor("#888"), 1))
        painter.drawLine(int(bar_left), int(area.top()), int(bar_left), int(area.top() + n * row_h))

    def _paint_pie(self, painter: QPainter, area: QRectF, fm: QFontMetrics) -> None:
        total = sum(s.count for s in self._slices)
        legend_w = min(max(fm.horizontalAdvance(f"{s.label}  {self._value_text(s)}") for s in self._slices) + 24,
                       area.width() * 0.55)
        side = max(20.0, min(area.height(), area.width() - legend_w - 12))
        pie = QRectF(area.left(), area.top() + (area.height() - side) / 2, side, side)
        if total == 0:
            painter.setPen(QPen(QColor("#bbb"), 1))
            painter.drawEllipse(pie)
        else:
            start = 90 * 16
            for i, s in enumerate(self._slices):
                span = round(-360 * 16 * s.count / total)
                painter.setPen(QPen(QColor("white"), 1))
                painter.setBrush(QColor(PALETTE[i % len(PALETTE)]))
                painter.drawPie(pie, start, span)
                start += span
        x = pie.right() + 12
        row_h = fm.height() + 6
        y = area.top() + max(0.0, (area.height() - row_h * len(self._slices)) / 2)
        for i, s in enumerate(self._slices):
            painter.fillRect(QRectF(x, y + 3, 12, row_h - 6), QColor(PALETTE[i % len(PALETTE)]))
            painter.setPen(QColor("#222"))
            text = f"{s.label}  {self._value_text(s)}"
            painter.drawText(QRectF(x + 18, y, legend_w, row_h), Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(text, Qt.TextElideMode.ElideRight, int(area.right() - x - 18)))
            y += row_h
