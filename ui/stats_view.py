"""The supervisor view: a live strip (waiting now, longest wait, answered and service level today), a
period to choose, the figures as a table and as charts, the definitions, and export to CSV or Excel.

It computes nothing: it asks (signals) and shows what the app hands back.

Signals:
- ``report_requested(date, date, str)``: first and last day (both included) and the grouping.
- ``export_requested(str, str)``: a file path and "csv" or "xlsx".
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from directory.stats.report import BY_CHOICES
from directory.stats.table import Cell
from ui.phone_panel import format_duration
from ui.stats_model import StatsTableModel
from ui.stats_text import definitions, grouping_names


class StatsView(QWidget):
    report_requested = Signal(object, object, str)
    export_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stats_view")
        self.model = StatsTableModel(self)
        self.strip = {name: QLabel(self) for name in ("waiting", "longest", "answered", "level")}
        self.start_edit, self.end_edit = QDateEdit(self), QDateEdit(self)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
        self.start_edit.setAccessibleName(self.tr("From date"))
        self.end_edit.setAccessibleName(self.tr("To date (not included)"))
        self.grouping = QComboBox(self)
        for key in BY_CHOICES:
            self.grouping.addItem(grouping_names()[key], key)
        self.show_button = QPushButton(self.tr("Show"), self)
        self.csv_button, self.xlsx_button = QPushButton(self.tr("Export CSV…"), self), QPushButton(
            self.tr("Export Excel…"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.period_chart, self.service_chart = QChartView(self), QChartView(self)
        for view in (self.period_chart, self.service_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(220)
        self.definitions = QTextBrowser(self)
        self.definitions.setHtml(_definitions_html())
        self._layout()
        self.show_button.clicked.connect(self.request_report)
        self.csv_button.clicked.connect(lambda: self._ask_file("csv"))
        self.xlsx_button.clicked.connect(lambda: self._ask_file("xlsx"))
        self.show_live(None, None, None, None, 20)

    def _layout(self) -> None:
        strip = QFrame(self)
        strip.setFrameShape(QFrame.Shape.StyledPanel)
        # Two by two and in two rows of controls, so the view reads whole in the call column (half the window).
        strip_grid = QGridLayout(strip)
        for i, label in enumerate(self.strip.values()):
            label.setStyleSheet("font-size: 15px; font-weight: 600;")
            strip_grid.addWidget(label, i // 2, i % 2)
        period = QHBoxLayout()
        for widget in (QLabel(self.tr("From"), self), self.start_edit, QLabel(self.tr("To"), self), self.end_edit,
                       QLabel(self.tr("By"), self), self.grouping, self.show_button):
            period.addWidget(widget)
        period.addStretch(1)
        exports = QHBoxLayout()
        exports.addStretch(1)
        exports.addWidget(self.csv_button)
        exports.addWidget(self.xlsx_button)
        controls = QVBoxLayout()
        controls.addLayout(period)
        controls.addLayout(exports)
        charts = QSplitter(self)
        charts.addWidget(self.period_chart)
        charts.addWidget(self.service_chart)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, self.tr("Figures"))
        self.tabs.addTab(charts, self.tr("Charts"))
        self.tabs.addTab(self.definitions, self.tr("Definitions"))
        layout = QVBoxLayout(self)
        layout.addWidget(strip)
        layout.addLayout(controls)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

    # --- what the view asks ------------------------------------------------------------------------
    def request_report(self) -> None:
        start, end = self.start_edit.date().toPython(), self.end_edit.date().toPython()
        assert isinstance(start, date)
        assert isinstance(end, date)
        self.report_requested.emit(start, end, str(self.grouping.currentData()))

    def set_period(self, start: date, end: date, by: str) -> None:
        self.start_edit.setDate(QDate(start.year, start.month, start.day))
        self.end_edit.setDate(QDate(end.year, end.month, end.day))
        self.grouping.setCurrentIndex(max(0, self.grouping.findData(by)))

    def _ask_file(self, kind: str) -> None:
        # open(), not exec(): no nested event loop while the phone is pumped on this thread.
        dialog = QFileDialog(self, self.tr("Export the figures"), f"switchboard-stats.{kind}",
                             self.tr("CSV files (*.csv)") if kind == "csv" else self.tr("Excel workbooks (*.xlsx)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(kind)
        dialog.fileSelected.connect(lambda path: self.export_requested.emit(path, kind))
        dialog.open()

    # --- what the app tells the view ---------------------------------------------------------------
    def show_live(self, waiting: int | None, longest_s: float | None, answered: int | None,
                  level: float | None, threshold_s: int) -> None:
        """The strip; None shows "–" (no phone for the waiting callers, or today's figures not read yet)."""
        def text(value: object) -> str:
            return "–" if value is None else str(value)

        self.strip["waiting"].setText(self.tr("Waiting now: %1").replace("%1", text(waiting)))
        self.strip["longest"].setText(self.tr("Longest wait: %1").replace(
            "%1", "–" if longest_s is None else format_duration(longest_s)))
        self.strip["answered"].setText(self.tr("Answered today: %1").replace("%1", text(answered)))
        self.strip["level"].setText(self.tr("Service level today (%1 s): %2").replace("%1", str(threshold_s))
                                    .replace("%2", "–" if level is None else f"{level * 100:.0f} %"))

    def show_table(self, headers: list[str], rows: list[list[Cell]], percent_columns: list[int]) -> None:
        self.model.set_table(headers, rows, percent_columns)
        self.table.resizeColumnsToContents()

    def show_charts(self, period: QChart, service: QChart) -> None:
        for view, chart in ((self.period_chart, period), (self.service_chart, service)):
            old = view.chart()
            view.setChart(chart)
            if old is not None:
                old.deleteLater()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


def _definitions_html() -> str:
    rows = "".join(f"<tr><td><b>{html.escape(term)}</b></td><td>{html.escape(text)}</td></tr>"
                   for term, text in definitions())
    return f"<table cellpadding='4'>{rows}</table>"
