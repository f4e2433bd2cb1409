"""A console started while its shared PostgreSQL server is stopped (a real private server): it still starts,
searches this PC's snapshot, shows referrals, notices and favourites from the copy it kept at its last
start, says so (with the copy's time), refuses changes, and once the server is back opens the store as a
start would and shows what another console changed meanwhile. A damaged copy is ignored; callers who gave
up while the store could not be reached are kept on this PC and written once, even after a restart."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.calls.callback_flow import CallbackFlow
from app.config.loader import load_config
from app.lookup.console import Console
from app.lookup.favourites_flow import FavouritesFlow
from app.notices.flow import NoticeFlow
from app.services import Services
from app.tasks import TaskRunner
from directory.model import Entry, EntryKind, Note, PhoneNumber, Referral
from directory.store import AnnotationRepository, DirectoryRepository, Store
from directory.store.audit import Actor, ReferralLog
from directory.store.callbacks import CallbackRepository
from directory.store.favourites import FavouritesRepository
from directory.store.last_copy import LastCopy
from directory.store.notices import NoticeRepository
from tests.gui.test_desk_panels import Rig
from tests.helpers.lookup import home_paths
from tests.helpers.postgres import PostgresCluster, create_database, postgres_cluster
from ui.main_window import MainWindow
from ui.referral_dialog import ReferralDialog
from ui.results_model import NAME, STATUS

pytestmark = [pytest.mark.integration, pytest.mark.gui]
EVA = Actor("Eva Lund", "pc-2")
ORGANISATION = "Region A"


@pytest.fixture(autouse=True)
def _loop(event_loop_qt: asyncio.AbstractEventLoop) -> asyncio.AbstractEventLoop:
    return event_loop_qt


@pytest.fixture
def cluster() -> Iterator[PostgresCluster]:
    with postgres_cluster() as started:
        yield started


class Started:
    """One start of the console (its window, lookup side, notice board and favourites), as the app wires it."""

    def __init__(self, qtbot: QtBot, tmp_path: Path) -> None:
        self.paths = home_paths(tmp_path)
        self.window = MainWindow()
        qtbot.addWidget(self.window)
        self.tasks = TaskRunner()
        self.console = Console(self.window, self.tasks, partial(Services.open, load_config(self.paths), self.paths),
                               demo=False)
        self.notices = NoticeFlow(self.window, self.console, "Anna")
        self.favourites = FavouritesFlow(self.window, self.console, "Anna", self.paths.data_dir / "favourites.json")
        self.heard: list[str] = []
        self.window.banner.shown.connect(self.heard.append)  # what the announcer is given
        self.window.show()

    def status(self) -> str:
        model = self.window.model
        return str(model.index(0, STATUS).data() or "") if model.rowCount() else ""

    def copy(self) -> LastCopy:
        services = self.console.services
        assert services is not None
        assert services.last_copy is not None
        return services.last_copy


@contextmanager
def opened(qtbot: QtBot, tmp_path: Path) -> Iterator[Started]:
    console = Started(qtbot, tmp_path)
    try:
        with qtbot.waitSignal(console.console.load_finished, timeout=30_000):
            console.console.start()
        yield console
    finally:
        console.console.close()
        console.tasks.shutdown()


def _organisation(tmp_path: Path, url: str) -> tuple[Store, int]:
    """Per Holm, out to lunch, and a notice, set by another console of the organisation."""
    other = Store.open(url, ORGANISATION)
    directory = DirectoryRepository(other)
    directory.replace_source("t", [Entry(source="t", external_id="1", kind=EntryKind.PERSON,
                                         display_name="Per Holm", numbers=(PhoneNumber("019-602 10 00"),))])
    per = directory.find_id("t", "1")
    assert per is not None
    now = datetime.now(UTC)
    ReferralLog(other).set(Referral(per, "lunch", "Lunch"), EVA, now)
    NoticeRepository(other).post("Akuten: long waits, refer to 1177", "Eva", now, now + timedelta(hours=2))
    AnnotationRepository(other).add_note(Note(per, "Prefers e-mail", "Eva Lund", now))
    FavouritesRepository(other, "Anna").add(per)
    paths = home_paths(tmp_path)
    paths.user_config.parent.mkdir(parents=True, exist_ok=True)
    paths.user_config.write_text(f'[store]\nurl = "{url}"\norganisation = "{ORGANISATION}"\n', encoding="utf-8")
    return other, per


def test_started_while_the_server_is_stopped_works_from_the_copy_then_opens_the_store(
        qtbot: QtBot, tmp_path: Path, cluster: PostgresCluster) -> None:
    other, per = _organisation(tmp_path, create_database(cluster.url, "offline_start"))
    try:
        with opened(qtbot, tmp_path) as first:  # a day's work: what it reads is kept on this PC
            qtbot.waitUntil(lambda: "long waits" in first.notices.bar.text.text(), timeout=10_000)
            qtbot.waitUntil(lambda: [f.entry_id for f in first.favourites.board.favourites] == [per], timeout=10_000)
            qtbot.keyClicks(first.window.search_field, "holm")
            qtbot.waitUntil(lambda: first.window.current_entry_id() == per, timeout=10_000)
            qtbot.waitUntil(lambda: "Prefers e-mail" in first.window.detail._notes.text(), timeout=10_000)
            copy = first.copy()
            qtbot.waitUntil(lambda: bool(copy.contents.notices and copy.contents.referrals
                                         and copy.contents.favourites and copy.contents.notes), timeout=10_000)
            assert copy.path.parent.parent == first.paths.data_dir
            assert copy.path.stat().st_mode & 0o777 == 0o600  # it names callers and colleagues
        cluster.stop()

        with opened(qtbot, tmp_path) as again:
            window, console = again.window, again.console
            assert console.offline.offline
            assert console.loading.awaiting_store
            console.loading.stop()  # the look every few seconds: driven by hand below, so "meanwhile" is certain
            read_at = copy.contents.read_at
            assert read_at is not None
            assert window.banner.isVisible()
            text = window.banner.label.text()
            assert text.startswith("The shared store cannot be reached (")
            assert f"Working from this PC's copy of {read_at.astimezone():%H:%M}" in text
            assert any("changes are refused until it is back" in said for said in again.heard)
            assert window.source_label.text() == "Directory as last read on this PC"
            qtbot.keyClicks(window.search_field, "holm")  # search from the snapshot, the referral from the copy
            qtbot.waitUntil(lambda: window.model.rowCount() == 1
                            and window.model.index(0, NAME).data() == "Per Holm", timeout=10_000)
            assert again.status().startswith("Lunch")
            console.detail.show(per)  # never read on this start: the notes and the referral from the copy
            qtbot.waitUntil(lambda: "lunch" in window.detail._read_out.text().lower(), timeout=10_000)
            assert "Prefers e-mail" in window.detail._notes.text()
            qtbot.waitUntil(lambda: "long waits" in again.notices.bar.text.text(), timeout=10_000)
            qtbot.waitUntil(lambda: [f.entry_id for f in again.favourites.board.favourites] == [per],
                            timeout=10_000)
            qtbot.keyClick(window.search_field, Qt.Key.Key_F4)  # a change is refused plainly
            qtbot.waitUntil(lambda: "Referrals cannot be changed now" in window.statusBar().currentMessage(),
                            timeout=5000)
            assert window.findChild(ReferralDialog) is None
            again.favourites.toggle(per)
            assert window.statusBar().currentMessage().startswith("Not saved: the shared store cannot be reached.")
            assert [f.entry_id for f in again.favourites.board.favourites] == [per]

            cluster.start()
            ReferralLog(other).set(Referral(per, "meeting", "Meeting"), EVA, datetime.now(UTC))  # meanwhile
            with qtbot.waitSignal(console.directory_loaded, timeout=30_000):
                console.refresh_now()  # what the look does
            qtbot.waitUntil(lambda: not console.offline.offline, timeout=10_000)
            assert not console.loading.awaiting_store
            qtbot.waitUntil(lambda: again.status().startswith("Meeting"), timeout=10_000)  # caught up
            assert not window.banner.isVisible()
            assert window.source_label.text() != "Directory as last read on this PC"
            qtbot.keyClick(window.search_field, Qt.Key.Key_F4)  # and changes can be made again
            qtbot.waitUntil(lambda: window.findChild(ReferralDialog) is not None, timeout=5000)
    finally:
        other.dispose()


def test_a_damaged_copy_is_ignored_and_the_store_is_tried_until_it_answers(
        qtbot: QtBot, tmp_path: Path, cluster: PostgresCluster, caplog: pytest.LogCaptureFixture) -> None:
    other, per = _organisation(tmp_path, create_database(cluster.url, "offline_damaged"))
    try:
        with opened(qtbot, tmp_path) as first:
            copy = first.copy()
            qtbot.waitUntil(lambda: bool(copy.contents.referrals), timeout=10_000)
        cluster.stop()
        copy.path.write_text(json.dumps({"format": 1, "store": copy.store, "read_at": "yesterday"}), encoding="utf-8")

        with caplog.at_level(logging.WARNING, logger="directory.store.last_copy"), opened(qtbot, tmp_path) as again:
            assert any("ignored: damaged" in r.getMessage() for r in caplog.records)
            window, console = again.window, again.console
            assert console.offline.offline
            assert "this PC has no copy of its referrals" in window.banner.label.text()
            qtbot.keyClicks(window.search_field, "holm")  # search still answers, with no referral to show
            qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
            assert not again.status().startswith("Lunch")

            cluster.start()  # the console's own look, every few seconds, finds it
            qtbot.waitUntil(lambda: not console.offline.offline, timeout=30_000)
            qtbot.waitUntil(lambda: again.status().startswith("Lunch"), timeout=10_000)
            assert not window.banner.isVisible()
            qtbot.waitUntil(lambda: bool(again.copy().contents.referrals), timeout=10_000)  # and a sound copy again
            assert json.loads(copy.path.read_text(encoding="utf-8"))["referrals"][0]["entry_id"] == per
    finally:
        other.dispose()


class Desk:
    """A console's call-back list over a store it cannot reach (as the offline start makes it) or can."""

    def __init__(self, qtbot: QtBot, url: str, copy_path: Path, name: str, *, reachable: bool) -> None:
        self.rig = Rig(qtbot)
        self.store = Store.open(url, ORGANISATION) if reachable else Store(url, ORGANISATION)
        if not reachable:
            self.store.mark_unreachable("connection refused")
        self.copy = LastCopy(copy_path, name)
        self.repository = CallbackRepository(self.store, console="pc-1")
        self.tasks = TaskRunner()
        self.flow = CallbackFlow(self.rig.panels, self.rig.bridge, self.tasks, "anna")
        self.flow.attach(self.repository, self.copy)

    def names(self) -> list[str]:
        model = self.rig.panels.callback_model
        return [model.index(r, 0).data() for r in range(model.rowCount())]

    def close(self) -> None:
        self.rig.qtbot.waitUntil(lambda: self.tasks.pending == 0, timeout=10_000)
        self.flow.detach()
        self.rig.bridge.stop()
        self.tasks.shutdown()
        self.store.dispose()


def test_callers_who_gave_up_offline_are_kept_on_this_pc_and_written_once_after_a_restart(
        qtbot: QtBot, tmp_path: Path, cluster: PostgresCluster) -> None:
    url = create_database(cluster.url, "offline_callbacks")
    Store.open(url, ORGANISATION).dispose()
    path, name = tmp_path / "last-copy" / "copy.json", f"{url}#{ORGANISATION}"
    cluster.stop()

    offline = Desk(qtbot, url, path, name, reachable=False)
    caller = offline.rig.ring("Anna", "+4670001")
    offline.rig.phone.remote_hangup(caller)
    offline.rig.phone.pump()
    qtbot.waitUntil(lambda: offline.names() == ["Anna"], timeout=10_000)  # shown, from this PC's copy
    qtbot.waitUntil(lambda: bool(offline.rig.notices), timeout=10_000)
    assert "the shared store cannot be reached" in offline.rig.notices[-1]
    offline.close()  # closed while the store is still away: the caller is kept on this PC, not in memory
    assert [p.number for p in LastCopy(path, name).contents.pending] == ["+4670001"]

    cluster.start()
    back = Desk(qtbot, url, path, name, reachable=True)
    qtbot.waitUntil(lambda: not back.copy.contents.pending, timeout=10_000)
    qtbot.waitUntil(lambda: back.names() == ["Anna"] and [e.id > 0 for e in back.rig.panels.callback_model.entries()]
                    == [True], timeout=10_000)
    back.close()
    again = Desk(qtbot, url, path, name, reachable=True)  # a later start writes nothing more
    again.close()
    store = Store.open(url, ORGANISATION)
    try:
        assert [(c.number, c.name) for c in CallbackRepository(store).open()] == [("+4670001", "Anna")]
    finally:
        store.dispose()
    assert LastCopy(path, name).contents.pending == []


def test_a_login_the_server_refuses_is_said_and_not_taken_for_an_outage(
        qtbot: QtBot, tmp_path: Path, cluster: PostgresCluster) -> None:
    url = create_database(cluster.url, "offline_refused").replace("://switchboard@", "://nobody@")
    paths = home_paths(tmp_path)
    paths.user_config.parent.mkdir(parents=True, exist_ok=True)
    paths.user_config.write_text(f'[store]\nurl = "{url}"\norganisation = "{ORGANISATION}"\n', encoding="utf-8")
    start = Started(qtbot, tmp_path)
    try:
        with qtbot.waitSignal(start.console.load_finished, timeout=30_000):
            start.console.start()
        assert not start.console.offline.offline
        assert not start.console.loading.awaiting_store
        text = start.window.banner.label.text()
        assert text.startswith("The directory could not be opened: ")
        assert 'role "nobody" does not exist' in text
    finally:
        start.console.close()
        start.tasks.shutdown()
