"""Paints a cell's plain text with the matched spans emphasised: never rich text, whatever the data holds.

Text wider than its cell ends in "…" as Qt's own cells do (the cut falls where the emphasised, wider text
leaves room), so a highlighted name is never cut off mid-letter at the cell's edge.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.results_model import HIGHLIGHTS_ROLE

ELLIPSIS = "…"
MARGIN = 2  # pixels between the cell's text rectangle and the text, on each side


def emphasised(spans: Sequence[tuple[int, int]], length: int) -> list[QTextLayout.FormatRange]:
    """The spans within a text of `length` characters, bold and underlined."""
    emphasis = QTextCharFormat()
    emphasis.setFontWeight(QFont.Weight.Bold)
    emphasis.setFontUnderline(True)
    ranges = []
    for start, end in spans:
        if 0 <= start < end <= length:
            fmt = QTextLayout.FormatRange()
            fmt.start, fmt.length, fmt.format = start, end - start, emphasis
            ranges.append(fmt)
    return ranges


def laid_out(text: str, font: QFont, spans: Sequence[tuple[int, int]]) -> tuple[QTextLayout, QTextLine]:
    """`text` on one line with its spans emphasised."""
    layout = QTextLayout(text, font)
    text_option = QTextOption()
    text_option.setWrapMode(QTextOption.WrapMode.NoWrap)
    layout.setTextOption(text_option)
    layout.setFormats(emphasised(spans, len(text)))
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1_000_000)
    layout.endLayout()
    return layout, line


def elided(text: str, font: QFont, spans: Sequence[tuple[int, int]],
           width: float) -> tuple[QTextLayout, QTextLine]:
    """`text` laid out within `width` pixels: whole if it fits, else cut where the ellipsis fits after it."""
    layout, line = laid_out(text, font, spans)
    if line.naturalTextWidth() <= width:
        return layout, line
    bold = QFont(font)
    bold.setBold(True)  # the ellipsis may follow an emphasised letter: leave it the wider room
    room = width - QFontMetricsF(bold).horizontalAdvance(ELLIPSIS)
    cut = line.xToCursor(max(room, 0.0))
    while cut > 0 and cast(tuple[float, int], line.cursorToX(cut))[0] > room:  # PySide6 types it as object
        cut = layout.previousCursorPosition(cut)
    kept = text[:cut].rstrip()
    return laid_out(kept + ELLIPSIS, font, [(start, min(end, len(kept))) for start, end in spans])


class HighlightDelegate(QStyledItemDelegate):
    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        lamp = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(lamp, QPixmap):  # a status lamp keeps its colours on a selected row (Qt's tint washed it out)
            icon = QIcon(lamp)
            icon.addPixmap(lamp, QIcon.Mode.Selected)
            option.icon = icon

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        spans = index.data(HIGHLIGHTS_ROLE) or ()
        if not spans:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        layout, line = elided(text, opt.font, spans, rect.width() - 2 * MARGIN)
        painter.save()
        painter.setClipRect(rect)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        y = rect.top() + (rect.height() - line.height()) / 2
        layout.draw(painter, QPointF(rect.left() + MARGIN, y))
        painter.restore()
