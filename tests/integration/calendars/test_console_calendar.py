"""Calendar state in the window: a meeting in a real Radicale shows in the results and the detail pane; the
calendars start after the first result and route from the store's mailbox rows, never every entry loaded."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.config.loader import load_config
from app.config.paths import Paths
from app.lookup.console import Console
from app.services import Services
from app.tasks import TaskRunner
from directory.calendars import CalDavSettings
from directory.model import Entry, EntryKind, MailboxRow
from directory.store import DirectoryRepository
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


def test_the_first_result_waits_for_no_calendar_and_no_entry_is_loaded_for_them(
        qtbot: QtBot, tmp_path: Path, event_loop_qt: object, monkeypatch: pytest.MonkeyPatch) -> None:
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    loaded: list[tuple[int, ...] | None] = []  # the ids of every load_entries, None for all of them
    read: list[bool] = []  # mailbox_rows' keywords flag, per read
    load_entries, mailbox_rows = DirectoryRepository.load_entries, DirectoryRepository.mailbox_rows

    def spy_load(self: DirectoryRepository, ids: Any = None) -> list[Entry]:
        loaded.append(None if ids is None else tuple(ids))
        return load_entries(self, ids)

    def spy_rows(self: DirectoryRepository, *, keywords: bool = False) -> Iterator[MailboxRow]:
        read.append(keywords)
        return mailbox_rows(self, keywords=keywords)

    with radicale_server(tmp_path / "radicale") as url:
        fill_calendar(url, "anna", [ics_event("m", now - timedelta(minutes=10), now + timedelta(minutes=50), "x")])
        fill_calendar(url, "bo", [ics_event("l", now - timedelta(minutes=5), now + timedelta(minutes=40), "LUN: ute")])
        paths = Paths(tmp_path / "etc.toml", tmp_path / "user.toml", tmp_path / "data", tmp_path / "log")
        config = load_config(paths)
        services = Services.open(config, paths, demo=False)
        services.directory.replace_source("t", [
            Entry("t", "1", EntryKind.PERSON, "Anna Berg", email="anna@skola.example"),
            Entry("t", "2", EntryKind.PERSON, "Per Holm", email="per@skola.example")])
        services.search_index.rebuild()  # the snapshot an earlier start wrote: this start builds no index
        services.close()
        monkeypatch.setattr(DirectoryRepository, "load_entries", spy_load)
        monkeypatch.setattr(DirectoryRepository, "mailbox_rows", spy_rows)
        window = MainWindow()
        qtbot.addWidget(window)
        tasks = TaskRunner()
        console = Console(window, tasks, partial(Services.open, config, paths), demo=False,
                          calendar_sources=[CalDavSettings(name="skola", domains=["skola.example"], url=url)])
        at_first_result: list[object] = []
        console.directory_loaded.connect(lambda: at_first_result.append(console.calendars))
        try:
            window.show()
            window.search_field.insert("anna")  # typed while the directory loads: the first result answers it
            with qtbot.waitSignal(console.load_finished, timeout=30_000):
                console.start()
            assert at_first_result == [None]  # the calendars start only after the first result
            qtbot.waitUntil(lambda: window.model.rowCount() == 1
                            and window.model.index(0, STATUS).data().startswith("in a meeting until"),
                            timeout=15_000)
            # Routed from the mailbox rows, never every entry loaded (the entries changed in the last seconds,
            # read again by the refresh for the index, may be: they were written just now)
            assert None not in loaded
            assert read == [False]  # e-mail routing: not even the keywords were read

            other = Services.open(config, paths, demo=False)  # Bo joins, Per leaves (a sync)
            other.directory.replace_source("t", [
                Entry("t", "1", EntryKind.PERSON, "Anna Berg", email="anna@skola.example"),
                Entry("t", "3", EntryKind.PERSON, "Bo Ek", email="bo@skola.example")])
            bo = other.directory.find_id("t", "3")
            other.close()
            console.refresh_now()
            window.search_field.clear()
            window.search_field.insert("bo ek")
            qtbot.waitUntil(lambda: window.model.rowCount() == 1
                            and window.model.index(0, STATUS).data().startswith("Lunch until"), timeout=15_000)
            assert None not in loaded  # only what changed, for the index, and Bo routed from that
            assert bo in (loaded[-1] or ())
            assert read == [False]
            calendars = console.calendars
            assert calendars is not None
            assert [m.address for m in calendars.sources.mailboxes("skola")] == ["anna@skola.example",
                                                                                 "bo@skola.example"]
        finally:
            console.close()
            tasks.shutdown()
