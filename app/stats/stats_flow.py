"""Between the supervisor view and the store: reports and today's figures are read on the database worker
(never on the GUI thread), stale answers dropped, exports written off the GUI thread too.

The live strip's waiting callers come from the desk (a callable the wiring passes, read on the GUI thread
where the desk lives), today's answered and service level from the store, refreshed every minute and
after each logged call.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCharts import QChart
from PySide6.QtCore import QCoreApplication, QObject, QTimer

from app.stats.reports import SupervisorReports, supervisor_reports, today
from app.tasks import TaskRunner
from directory.stats.definitions import StatsRules
from directory.stats.periods import PeriodError
from directory.stats.report import Report
from directory.stats.table import Cell, percent_columns, rows, write_csv
from directory.store.database import Store
from softphone.desk.records import CallLogged, DeskEvent
from ui.stats_charts import hourly_chart, service_chart
from ui.stats_text import definitions, headers, total_label
from ui.stats_view import StatsView

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
LIVE_REFRESH_MS = 60_000
Waiting = Callable[[], list[float]]  # the seconds each caller waiting now has waited


class StatsFlow(QObject):
    def __init__(self, view: StatsView, tasks: TaskRunner, store: Callable[[], Store | None], *,
                 zone: ZoneInfo, rules: StatsRules, waiting: Waiting | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view, self.tasks, self._store, self.zone, self.rules = view, tasks, store, zone, rules
        self.waiting = waiting
        self._asked = 0
        self._title = ""  # the shown report's period, above an exported table
        self._answered_today: int | None = None
        self._level_today: float | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(LIVE_REFRESH_MS)
        self._timer.timeout.connect(self.refresh_today)
        view.report_requested.connect(self.show_report)
        view.export_requested.connect(self.export)

    def start(self) -> None:
        """Once the store is open: today's figures now and every minute, and today's report."""
        self._timer.start()
        self.refresh_today()
        day = datetime.now(UTC).astimezone(self.zone).date()
        self.view.set_period(day, day, "hour")
        self.view.request_report()

    def __call__(self, event: DeskEvent) -> None:
        """A desk listener, added after the call-log writer: the worker writes first, then we read."""
        if isinstance(event, CallLogged):
            self.refresh_today()

    # --- the live strip ------------------------------------------------------------------------------
    def tick(self, _now: float = 0.0) -> None:
        """The desk's clock ticked: redraw the waiting callers (cheap, on the GUI thread)."""
        waits = self.waiting() if self.waiting is not None else None
        self.view.show_live(None if waits is None else len(waits), max(waits) if waits else None,
                            self._answered_today, self._level_today, self.rules.service_levels_s[0])

    def refresh_today(self) -> None:
        store = self._store()
        if store is not None:
            self.tasks.spawn(self._today(store), "statistics today")

    async def _today(self, store: Store) -> None:
        now = datetime.now(UTC)
        figures = await self.tasks.in_database(
            lambda: today(store, zone=self.zone, now=now, rules=self.rules))
        self._answered_today = figures.answered
        self._level_today = figures.service_level[self.rules.service_levels_s[0]]
        self.tick()

    # --- reports ---------------------------------------------------------------------------------------
    def show_report(self, first: date, last: date, by: str) -> None:
        store = self._store()
        if store is None:
            return
        self._asked += 1
        self.view.set_period(first, last, by)
        self.tasks.spawn(self._report(store, first, last, by, self._asked), "statistics report")

    async def _report(self, store: Store, first: date, last: date, by: str, asked: int) -> None:
        now = datetime.now(UTC)
        try:
            reports = await self.tasks.in_database(lambda: supervisor_reports(
                store, first, last, by, zone=self.zone, now=now, rules=self.rules))
        except PeriodError as error:
            if asked == self._asked:
                self.view.show_message(period_problem(first, last, str(error)))
            return
        if asked == self._asked:  # a newer request is on its way
            self._show(reports)

    def _show(self, reports: SupervisorReports) -> None:
        table = reports.table
        self._title = translate("StatsFlow", "Calls %1 to %2").replace("%1", f"{table.start:%Y-%m-%d %H:%M}").replace(
            "%2", f"{table.end:%Y-%m-%d %H:%M}")
        self.view.show_table(headers(table.by, self.rules), rows(table, self.rules, total_label()),
                             percent_columns(self.rules))
        self.view.show_charts(_over_time_chart(reports.over_time), _service_chart(reports.per_service, self.rules))
        self.view.show_message(notice(table))

    # --- export ----------------------------------------------------------------------------------------
    def export(self, path: str, kind: str) -> None:
        """The table as shown (translated headers), with the definitions in Excel; written off the GUI thread."""
        model = self.view.model
        if model.rowCount() == 0:
            return
        self.tasks.spawn(self._export(Path(path), kind, model.headers, model.rows), "statistics export")

    async def _export(self, path: Path, kind: str, names: list[str], table: list[list[Cell]]) -> None:
        title = self._title
        try:
            if kind == "csv":
                await self.tasks.in_network(write_csv, path, names, table)
            else:
                from directory.stats.xlsx import write_xlsx  # noqa: PLC0415 - openpyxl only when exporting

                texts = definitions()
                await self.tasks.in_network(lambda: write_xlsx(
                    path, names, table, title=title, definitions=texts,
                    percent_columns=percent_columns(self.rules),
                    sheet_names=(translate("StatsFlow", "Figures"), translate("StatsFlow", "Definitions"))))
        except OSError as error:
            self.view.show_message(translate("StatsFlow", "Could not write %1: %2").replace("%1", str(path))
                                   .replace("%2", error.strerror or str(error)))
            return
        self.view.show_message(translate("StatsFlow", "Exported to %1").replace("%1", str(path)))


def period_problem(first: date, last: date, detail: str) -> str:
    if first > last:
        return translate("StatsFlow", "The first day is after the last day: choose a period that runs forward.")
    log.warning("statistics not shown: %s", detail)
    return translate("StatsFlow", "These figures cannot be shown: %1").replace("%1", detail)


def notice(report: Report) -> str:
    if report.total.offered == 0:
        return translate("StatsFlow", "No incoming calls were logged in this period.")
    if report.empty_days:
        return translate("StatsFlow", "Days without any call logged (the console may have been closed): %1").replace(
            "%1", ", ".join(report.empty_days[:7]) + (" …" if len(report.empty_days) > 7 else ""))
    return ""


def _short(label: str, by: str) -> str:
    return label[11:13] if by == "hour" and len(label) >= 13 else label  # "2026-11-23 08:00" -> "08"


def _over_time_chart(report: Report) -> QChart:
    labels = [_short(r.label, report.by) for r in report.rows]
    answered = [r.figures.answered for r in report.rows]
    abandoned = [r.figures.abandoned for r in report.rows]
    other = [r.figures.offered - r.figures.answered - r.figures.abandoned for r in report.rows]
    return hourly_chart(labels, answered, abandoned, other)


def _service_chart(report: Report, rules: StatsRules) -> QChart:
    threshold = rules.service_levels_s[0]
    return service_chart([r.label for r in report.rows], [r.figures.offered for r in report.rows],
                         [r.figures.answered_within[threshold] for r in report.rows], threshold)

