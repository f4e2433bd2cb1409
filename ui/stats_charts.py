"""The supervisor view's charts (Qt Charts): calls per hour as stacked bars (answered, abandoned, other)
and per service as grouped bars (offered, answered within the first service-level threshold).

Qt Charts, not pyqtgraph: a few dozen categorical bars need no fast plotting, Qt Charts draws bar
categories, legends and themes the way the rest of the window looks, comes from the Qt we already pin
(PySide6-Addons at the same version) and needs no numpy.
"""

from __future__ import annotations

import math

from PySide6.QtCharts import QBarSeries, QBarSet, QCategoryAxis, QChart, QStackedBarSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QMargins, Qt

translate = QCoreApplication.translate


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)  # redrawn on every refresh
    return chart


def _axes(chart: QChart, series: QBarSeries | QStackedBarSeries, labels: list[str], top: int) -> None:
    chart.addSeries(series)
    # A category axis elides every label once a bar is narrower than its text (24 hours in half a window);
    # a value axis over the bar positions labels every n-th bar instead and keeps them readable.
    every = max(1, math.ceil(len(labels) / 12))
    bars = QCategoryAxis()
    bars.setRange(-0.5, max(0.5, len(labels) - 0.5))
    bars.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    for index in range(0, len(labels), every):
        bars.append(labels[index], index)
    bars.setGridLineVisible(False)
    chart.addAxis(bars, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(bars)
    values = QValueAxis()
    # Whole calls on whole ticks: 0, 5, 10 ... rather than 1.25, 2.5 printed as 1, 2.
    step = max(1, math.ceil(max(1, top) / 5))
    values.setRange(0, step * math.ceil(max(1, top) / step))
    values.setTickType(QValueAxis.TickType.TicksDynamic)
    values.setTickAnchor(0)
    values.setTickInterval(step)
    values.setLabelFormat("%d")
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(values)


def hourly_chart(labels: list[str], answered: list[int], abandoned: list[int], other: list[int]) -> QChart:
    """One stacked bar per period (label "08" for an hour, "2026-11-23" for a day)."""
    chart = _chart(translate("Stats", "Calls per period"))
    series = QStackedBarSeries()
    for name, values, colour in ((translate("Stats", "Answered"), answered, "#2e7d32"),
                                 (translate("Stats", "Abandoned"), abandoned, "#c62828"),
                                 (translate("Stats", "Other"), other, "#9e9e9e")):
        bars = QBarSet(name)
        bars.setColor(colour)
        bars.append([float(v) for v in values])
        series.append(bars)
    _axes(chart, series, labels, max((a + b + c for a, b, c in zip(answered, abandoned, other, strict=True)),
                                     default=0))
    return chart


def service_chart(labels: list[str], offered: list[int], within: list[int], threshold_s: int) -> QChart:
    chart = _chart(translate("Stats", "Calls per service"))
    series = QBarSeries()
    for name, values, colour in (
            (translate("Stats", "Offered"), offered, "#1565c0"),
            (translate("Stats", "Answered within %1 s").replace("%1", str(threshold_s)), within, "#2e7d32")):
        bars = QBarSet(name)
        bars.setColor(colour)
        bars.append([float(v) for v in values])
        series.append(bars)
    _axes(chart, series, labels, max(offered, default=0))
    return chart
