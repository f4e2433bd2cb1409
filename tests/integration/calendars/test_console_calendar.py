"""Calendar state in the window: a meeting in a real Radicale shows in the results and the detail pane."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.config.loader import load_config
from app.config.paths import Paths
from app.lookup.console import Console
from app.services import Services
from app.tasks import TaskRunner
from directory.calendars import CalDavSettings
from directory.model import Entry, EntryKind
from tests.helpers.radicale import fill_calendar, ics_event, radicale_server
from ui.main_window import MainWindow
from ui.results_model import STATUS

pytestmark = [pytest.mark.integration, pytest.mark.gui]


def test_a_meeting_shows_in_results_and_detail(qtbot: QtBot, tmp_path: Path, event_loop_qt: object) -> None:
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    with radicale_server(tmp_path / "radicale") as url:
        fill_calendar(url, "anna", [ics_event("m", now - timedelta(minutes=10), now + timedelta(minutes=50),
                                              "Budget")])
        fill_calendar(url, "bo", [ics_event("l", now - timedelta(minutes=5), now + timedelta(minutes=40),
                                            "LUN: med Bosse")])
        paths = Paths(tmp_path / "etc.toml", tmp_path / "user.toml", tmp_path / "data", tmp_path / "log")
        config = load_config(paths)
        services = Services.open(config, paths, demo=False)
        services.directory.replace_source("t", [
            Entry("t", "1", EntryKind.PERSON, "Anna Berg", email="anna@skola.example")])
        services.close()
        source = CalDavSettings(name="skola", domains=["skola.example"], url=url)
        window = MainWindow()
        qtbot.addWidget(window)
        tasks = TaskRunner()
        console = Console(window, tasks, partial(Services.open, config, paths), demo=False,
                          calendar_sources=[source])
        try:
            window.show()
            with qtbot.waitSignal(console.load_finished, timeout=30_000):
                console.start()
            assert console.calendars is not None
            window.search_field.insert("anna")
            qtbot.waitUntil(lambda: window.model.rowCount() == 1
                            and window.model.index(0, STATUS).data().startswith("in a meeting until"),
                            timeout=15_000)
            qtbot.waitUntil(lambda: window.detail._calendar.text().startswith("Today: "), timeout=5000)
            assert "Budget" not in window.detail._calendar.text()  # the source does not share subjects
            assert "updated" in window.detail._calendar.text()  # and how old it is
            assert window.calendar_label.text() == "Calendars: 1 source(s)"
            other = Services.open(config, paths, demo=False)  # Bo joins the directory after start (a sync)
            other.directory.upsert_entries("t", [Entry("t", "2", EntryKind.PERSON, "Bo Ek",
                                                       email="bo@skola.example")])
            other.close()
            console.refresh_now()
            window.search_field.clear()
            window.search_field.insert("bo ek")  # a subject code reads as that referral, not the subject
            qtbot.waitUntil(lambda: window.model.rowCount() == 1
                            and window.model.index(0, STATUS).data().startswith("Lunch until"), timeout=15_000)
        finally:
            console.close()
            tasks.shutdown()
