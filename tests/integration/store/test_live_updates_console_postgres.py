"""The window's side of live updates on a real PostgreSQL: a call-back step or referral written by
console A reaches console B's LiveUpdates on the GUI thread and refreshes what it names; when B's listener
connection is terminated, B says so, listens again and reads again what it shows."""

from __future__ import annotations

import asyncio
import itertools
import threading
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from app.lookup.live_updates import LiveUpdates
from directory.model import Entry, EntryKind, Referral
from directory.store import DirectoryRepository, Store
from directory.store.audit import Actor, ReferralLog
from directory.store.callbacks import CallbackRepository, NewCallback
from tests.helpers.postgres import create_database

pytestmark = [pytest.mark.integration, pytest.mark.gui]
NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
_counter = itertools.count()


@pytest.fixture(autouse=True)
def _loop(event_loop_qt: asyncio.AbstractEventLoop) -> asyncio.AbstractEventLoop:
    return event_loop_qt


def test_console_b_refreshes_what_console_a_changed_also_after_its_listener_is_dropped(
        qtbot: QtBot, postgres: str) -> None:
    url = create_database(postgres, f"live_console{next(_counter)}")
    a = Store.open(url, "Region A")
    gui_thread = threading.current_thread()
    refreshed: list[tuple[str, bool]] = []
    notices: list[str] = []

    def on_gui(what: str) -> None:
        refreshed.append((what, threading.current_thread() is gui_thread))

    live = LiveUpdates(url, "Region A", refresh_referrals=lambda: on_gui("referrals"),
                       refresh_callbacks=lambda: on_gui("callbacks"), notice=notices.append)
    connected: list[bool] = []
    live.connection_changed.connect(connected.append)
    live.start()
    try:
        qtbot.waitUntil(lambda: connected == [True], timeout=10_000)
        CallbackRepository(a).add(NewCallback("+4670222", "Per", "+4631000", NOW), "anna")
        qtbot.waitUntil(lambda: refreshed == [("callbacks", True)], timeout=10_000)  # on the GUI thread
        directory = DirectoryRepository(a)
        directory.replace_source("t", [Entry(source="t", external_id="1", kind=EntryKind.PERSON, display_name="P")])
        ReferralLog(a).set(Referral(directory.find_id("t", "1") or 0, "lunch"), Actor("anna"), NOW)
        qtbot.waitUntil(lambda: refreshed[-1] == ("referrals", True), timeout=10_000)

        refreshed.clear()
        with a.engine.connect() as connection:
            connection.exec_driver_sql(f"SELECT pg_terminate_backend({live.listener.backend_pid})")
        qtbot.waitUntil(lambda: connected[-2:] == [False, True], timeout=30_000)
        assert notices[0].startswith("Live updates from the shared store are interrupted")
        assert notices[-1] == "Live updates are back"
        assert sorted(refreshed) == [("callbacks", True), ("referrals", True)]  # read again: nothing missed
    finally:
        live.stop()
        a.dispose()
