"""The small lamp beside a person's status words in the results: a shape per kind of status, so the kind is
told by shape (and the words beside it) as well as colour: an amber diamond for away (a referral or the
calendar), a red square for a line ringing or busy, nothing when there is nothing to tell."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication, QPainter, QPen, QPixmap, QPolygonF


class StatusKind(Enum):
    """What a status line says about reaching the person; decided where the words are made."""

    NONE = "none"
    AWAY = "away"  # a referral, or the calendar says busy or away
    LINE_BUSY = "line_busy"  # the line rings or is in a call: the words end "on the phone"/"ringing"


# Fill per kind for light and dark palettes; the outline is the text's contrast side, so each shape holds on
# the alternate row colour and in high contrast.
_FILLS = {StatusKind.AWAY: (QColor("#c77700"), QColor("#ffb74d")),
          StatusKind.LINE_BUSY: (QColor("#c62828"), QColor("#ef5350"))}
_cache: dict[tuple[StatusKind, bool, int, float], QPixmap] = {}


def lamp_size() -> int:
    """Three quarters of the application font's height, so the lamp follows the operator's text size."""
    return max(10, QFontMetrics(QGuiApplication.font()).height() * 3 // 4)


def status_lamp(kind: StatusKind, dark: bool) -> QPixmap | None:
    """The lamp for `kind` in the current text size, drawn for a dark or light palette; None for NONE."""
    if kind is StatusKind.NONE:
        return None
    screen = QGuiApplication.primaryScreen()
    size, ratio = lamp_size(), screen.devicePixelRatio() if screen is not None else 1.0
    key = (kind, dark, size, ratio)
    if key not in _cache:
        _cache[key] = _painted(kind, dark, size, ratio)
    return _cache[key]


def _painted(kind: StatusKind, dark: bool, size: int, ratio: float) -> QPixmap:
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = _FILLS[kind][1 if dark else 0]
    painter.setBrush(fill)
    painter.setPen(QPen(fill.lighter(160) if dark else fill.darker(160), 1))
    inner = QRectF(0.5, 0.5, size - 1.0, size - 1.0)
    if kind is StatusKind.AWAY:
        centre = inner.center()
        painter.drawPolygon(QPolygonF([QPointF(centre.x(), inner.top()), QPointF(inner.right(), centre.y()),
                                       QPointF(centre.x(), inner.bottom()), QPointF(inner.left(), centre.y())]))
    else:
        painter.drawRect(inner.adjusted(1.0, 1.0, -1.0, -1.0))
    painter.end()
    return pixmap
