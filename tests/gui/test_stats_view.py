"""The supervisor view under pytest-qt: a morning's calls read on the database worker into the table and
charts, the live strip, a bad period, export to CSV and Excel, Swedish words, and a screenshot."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import QCategoryAxis, QStackedBarSeries
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.stats.stats_flow import StatsFlow
from app.tasks import TaskRunner
from directory.stats.definitions import DEFINITIONS, StatsRules
from directory.store import Store, sqlite_url
from directory.store.calllog import CallLogRepository
from tests.unit.directory.stats.test_report import hand_set
from ui.stats_model import VALUE_ROLE
from ui.stats_text import definitions
from ui.stats_view import StatsView

pytestmark = pytest.mark.gui
ZONE = ZoneInfo("Europe/Stockholm")
MONDAY = date(2026, 11, 23)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    CallLogRepository(s).add(hand_set())
    yield s
    s.dispose()


@pytest.fixture
def running(qtbot: QtBot, store: Store) -> Iterator[tuple[StatsView, StatsFlow]]:
    view = StatsView()
    qtbot.addWidget(view)
    tasks = TaskRunner()
    flow = StatsFlow(view, tasks, lambda: store, zone=ZONE, rules=StatsRules(), waiting=lambda: [12.0, 75.0])
    try:
        yield view, flow
    finally:
        tasks.shutdown()


def _column(view: StatsView, header: str) -> list[object]:
    column = view.model.headers.index(header)
    return [view.model.index(row, column).data(VALUE_ROLE) for row in range(view.model.rowCount())]


def test_a_morning_by_hour_shows_in_the_table_and_charts(qtbot: QtBot, running: tuple[StatsView, StatsFlow],
                                                          qtmodeltester: ModelTester) -> None:
    view, flow = running
    flow.show_report(MONDAY, MONDAY, "hour")
    qtbot.waitUntil(lambda: view.model.rowCount() == 25, timeout=5000)  # 24 hours and the total
    qtmodeltester.check(view.model)
    offered = _column(view, "Offered")
    assert offered[8:11] == [4, 2, 0]
    assert offered[-1] == 6
    assert view.model.index(24, 0).data() == "Total"
    level = view.model.headers.index("Service level 20 s")
    assert view.model.index(8, level).data() == "66.7 %"
    assert view.model.index(10, level).data() == "–"
    chart = view.period_chart.chart()
    assert chart.title() == "Calls per period"
    series = chart.series()[0]
    assert isinstance(series, QStackedBarSeries)
    assert [s.label() for s in series.barSets()] == ["Answered", "Abandoned", "Other"]
    assert series.barSets()[0].at(8) == 3.0
    services = view.service_chart.chart().axes(Qt.Orientation.Horizontal)[0]
    assert isinstance(services, QCategoryAxis)
    assert services.categoriesLabels() == ["019-602 10 00", "019-602 20 00"]


def test_the_live_strip_shows_waiting_callers_and_today(running: tuple[StatsView, StatsFlow]) -> None:
    view, flow = running
    flow.tick()
    assert view.strip["waiting"].text() == "Waiting now: 2"
    assert view.strip["longest"].text() == "Longest wait: 1:15"
    assert view.strip["answered"].text() == "Answered today: –"  # not read yet


def test_a_period_that_runs_backwards_is_explained(qtbot: QtBot, running: tuple[StatsView, StatsFlow]) -> None:
    view, flow = running
    flow.show_report(MONDAY, MONDAY - timedelta(days=1), "day")
    qtbot.waitUntil(lambda: "first day is after the last day" in view.message.text(), timeout=5000)
    assert view.model.rowCount() == 0


def test_exports_write_the_view_as_shown(qtbot: QtBot, running: tuple[StatsView, StatsFlow], tmp_path: Path) -> None:
    view, flow = running
    flow.show_report(MONDAY, MONDAY, "service")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=5000)
    flow.export(str(tmp_path / "view.csv"), "csv")
    qtbot.waitUntil(lambda: view.message.text().startswith("Exported to"), timeout=5000)
    with (tmp_path / "view.csv").open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    assert table[0][:2] == ["Service", "Offered"]
    assert [line[:2] for line in table[1:]] == [["019-602 10 00", "5"], ["019-602 20 00", "1"], ["Total", "6"]]
    flow.export(str(tmp_path / "view.xlsx"), "xlsx")
    qtbot.waitUntil(lambda: (tmp_path / "view.xlsx").exists() and "view.xlsx" in view.message.text(), timeout=5000)
    book = load_workbook(tmp_path / "view.xlsx")
    assert book["Figures"]["A1"].value == "Calls 2026-11-23 00:00 to 2026-11-24 00:00"
    assert book["Figures"]["B5"].value == 6
    assert book["Definitions"].max_row == len(DEFINITIONS)


def test_definitions_in_the_window_are_the_readme_table() -> None:
    assert definitions() == list(DEFINITIONS)


def test_swedish_words(qtbot: QtBot, translated: object, running: tuple[StatsView, StatsFlow]) -> None:
    translated("sv")  # type: ignore[operator]
    view = StatsView()
    qtbot.addWidget(view)
    view.show_live(3, 42.0, 17, 0.8, 20)
    assert view.strip["waiting"].text() == "Väntar nu: 3"
    assert definitions()[0][0] == "Erbjudna"


def test_screenshot(qtbot: QtBot, running: tuple[StatsView, StatsFlow], tmp_path: Path) -> None:
    view, flow = running
    view.resize(1100, 640)
    view.show()
    flow.tick()
    flow.show_report(MONDAY, MONDAY, "hour")
    qtbot.waitUntil(lambda: view.model.rowCount() == 25, timeout=5000)
    view.tabs.setCurrentIndex(1)
    shot = tmp_path / "stats_view.png"
    assert view.grab().save(str(shot))
    assert shot.stat().st_size > 10_000  # a drawn chart, not an empty widget
