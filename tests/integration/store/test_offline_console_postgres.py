"""The console on a shared PostgreSQL whose server is stopped and started again (a real private server): it
says plainly that it is offline (a banner, told to screen readers), keeps searching and showing referrals and
notes as last read, refuses changes with a clear message instead of keeping them for later, and once the
server is back it listens again, reads again and shows what another console changed meanwhile."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.lookup.live_updates import start_live_updates
from app.lookup.note_flow import NoteFlow
from directory.model import Entry, EntryKind, Note, PhoneNumber, Referral
from directory.store import AnnotationRepository, DirectoryRepository, Store
from directory.store.audit import Actor, ReferralLog
from tests.helpers.lookup import home_paths, start
from tests.helpers.postgres import PostgresCluster, create_database, postgres_cluster
from ui.referral_dialog import ReferralDialog
from ui.results_model import NAME, STATUS

pytestmark = [pytest.mark.integration, pytest.mark.gui]
EVA = Actor("Eva Lund", "pc-2")


@pytest.fixture(autouse=True)
def _loop(event_loop_qt: asyncio.AbstractEventLoop) -> asyncio.AbstractEventLoop:
    return event_loop_qt


@pytest.fixture
def cluster() -> Iterator[PostgresCluster]:
    with postgres_cluster() as started:
        yield started


def _status(window: object) -> str:
    model = window.model  # type: ignore[attr-defined]
    return str(model.index(0, STATUS).data() or "") if model.rowCount() else ""


def test_offline_read_only_then_back_with_what_changed_meanwhile(
        qtbot: QtBot, tmp_path: Path, cluster: PostgresCluster) -> None:
    url = create_database(cluster.url, "offline_console")
    other = Store.open(url, "Region A")  # another console of the organisation
    directory = DirectoryRepository(other)
    directory.replace_source("t", [Entry(source="t", external_id="1", kind=EntryKind.PERSON,
                                         display_name="Per Holm", numbers=(PhoneNumber("019-602 10 00"),))])
    per = directory.find_id("t", "1")
    assert per is not None
    now = datetime.now(UTC)
    ReferralLog(other).set(Referral(per, "lunch", "Lunch"), EVA, now)
    AnnotationRepository(other).add_note(Note(per, "Prefers e-mail", "Eva Lund", now))
    paths = home_paths(tmp_path)
    paths.user_config.parent.mkdir(parents=True, exist_ok=True)
    paths.user_config.write_text(f'[store]\nurl = "{url}"\norganisation = "Region A"\n', encoding="utf-8")
    try:
        with start(qtbot, tmp_path, demo=False) as running:
            window, console = running.window, running.console
            heard: list[str] = []
            window.banner.shown.connect(heard.append)  # what the announcer is given
            live = start_live_updates(console, refresh_callbacks=lambda: None, notice=window.show_notice,
                                      parent=window)
            assert live is not None
            notes = NoteFlow(window, console)
            try:
                qtbot.waitUntil(live.listener.listening.is_set, timeout=10_000)
                qtbot.keyClicks(window.search_field, "per")
                qtbot.waitUntil(lambda: _status(window).startswith("Lunch"), timeout=10_000)
                qtbot.waitUntil(lambda: "Prefers e-mail" in window.detail._notes.text(), timeout=10_000)

                cluster.stop()
                qtbot.waitUntil(lambda: console.offline.offline, timeout=30_000)
                assert window.banner.isVisible()
                assert window.banner.label.text().startswith("The shared store cannot be reached (")
                assert any("changes are refused until it is back" in text for text in heard)
                # reads served from the last copy: search is local, referrals and notes as last read
                window.search_field.clear()
                qtbot.keyClicks(window.search_field, "holm")
                qtbot.waitUntil(lambda: window.model.rowCount() == 1
                                and window.model.index(0, NAME).data() == "Per Holm", timeout=10_000)
                assert _status(window).startswith("Lunch")
                console.detail.show(per)
                qtbot.wait(300)
                assert "Prefers e-mail" in window.detail._notes.text()
                # a change is refused plainly, before a dialog would collect it
                qtbot.keyClick(window.search_field, Qt.Key.Key_F4)
                qtbot.waitUntil(lambda: "Referrals cannot be changed now" in window.statusBar().currentMessage(),
                                timeout=5000)
                assert window.findChild(ReferralDialog) is None
                notes.open_for_selected()  # Ctrl+E: a note is not changed either
                qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith(
                    "Not saved: the shared store cannot be reached."), timeout=5000)
                assert not notes.dialog.isVisible()

                cluster.start()
                ReferralLog(other).set(Referral(per, "meeting", "Meeting"), EVA, datetime.now(UTC))  # meanwhile
                qtbot.waitUntil(lambda: not console.offline.offline, timeout=30_000)
                qtbot.waitUntil(lambda: _status(window).startswith("Meeting"), timeout=10_000)  # caught up
                assert not window.banner.isVisible()
                qtbot.waitUntil(live.listener.listening.is_set, timeout=10_000)
                qtbot.keyClick(window.search_field, Qt.Key.Key_F4)  # and changes can be made again
                qtbot.waitUntil(lambda: window.findChild(ReferralDialog) is not None, timeout=5000)
            finally:
                live.stop()  # before the server is removed: its listener would hear it go
    finally:
        other.dispose()
