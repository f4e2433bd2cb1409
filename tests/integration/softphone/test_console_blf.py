"""Busy lamps in the window: two people call each other through Kamailio's presence server and the console's
results show them on the phone, live, next to what else is known about them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.lookup.favourites_flow import FavouritesFlow
from directory.model import Entry, EntryKind, PhoneNumber, Referral
from directory.store.favourites import FavouritesRepository
from tests.helpers.console import phone_config, running_console
from tests.helpers.kamailio_presence import PresenceKamailio
from tests.helpers.processes import wait_until
from tests.helpers.sip_peer import SipPeer
from ui.favourites_model import LAMP_ROLE
from ui.main_window import MainWindow
from ui.results_model import NAME, STATUS

pytestmark = [pytest.mark.integration, pytest.mark.gui, pytest.mark.slow]


@pytest.fixture
def kamailio(tmp_path: Path) -> Iterator[PresenceKamailio]:  # replaces conftest's plain one for make_peer
    server = PresenceKamailio(tmp_path / "kamailio")
    server.start()
    yield server
    server.stop()


def statuses(window: MainWindow) -> dict[str, str]:
    return {window.model.index(r, NAME).data(): window.model.index(r, STATUS).data()
            for r in range(window.model.rowCount())}


def registered_peers(make_peer: Callable[..., SipPeer]) -> tuple[SipPeer, SipPeer]:
    caller, callee = make_peer("1001"), make_peer("1002")
    for peer in (caller, callee):
        wait_until(lambda peer=peer: peer.find("reg", code=200) is not None)  # type: ignore[misc]
    return caller, callee


def test_results_show_live_line_state(kamailio: PresenceKamailio, make_peer: Callable[..., SipPeer],
                                      qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      event_loop_qt: object) -> None:
    config, paths = phone_config(tmp_path, kamailio.hostport, monkeypatch)
    caller, callee = registered_peers(make_peer)
    entries = [Entry("t", "1", EntryKind.PERSON, "Lamp Caller", numbers=(PhoneNumber("10 01"),)),
               Entry("t", "2", EntryKind.PERSON, "Lamp Callee", numbers=(PhoneNumber("1002"),))]
    with running_console(qtbot, config, paths, entries) as running:
        window, console = running.window, running.console
        assert console.services is not None
        assert console.lines is not None
        callee_id = console.services.directory.find_id("t", "2")
        assert callee_id is not None
        console.services.referrals.set(Referral(callee_id, "lunch", "Lunch",
                                                until=datetime.now(UTC) + timedelta(hours=1)))
        console.refresh_now()
        window.search_field.insert("lamp")
        qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=5000)
        qtbot.waitUntil(lambda: len(console.lines.states) == 2, timeout=5000)  # type: ignore[union-attr]
        assert statuses(window)["Lamp Caller"] == ""

        caller.send("call", uri="sip:1002@127.0.0.1")
        qtbot.waitUntil(lambda: statuses(window)["Lamp Callee"].endswith("ringing"), timeout=10_000)
        callee.send("answer")
        qtbot.waitUntil(lambda: statuses(window).get("Lamp Caller") == "On the phone", timeout=10_000)
        qtbot.waitUntil(lambda: statuses(window)["Lamp Callee"].endswith("on the phone"), timeout=10_000)
        assert statuses(window)["Lamp Callee"].startswith("Lunch until")  # the referral, and the live state
        row = next(r for r in range(window.model.rowCount()) if window.model.index(r, NAME).data() == "Lamp Callee")
        window.results.setCurrentIndex(window.model.index(row, NAME))
        qtbot.waitUntil(lambda: "Phone: on the phone" in window.detail._sources.text(), timeout=10_000)
        assert window.detail._sources.text().startswith("Referral: Lunch until")  # each source, with its age
        caller.send("hangup")
        qtbot.waitUntil(lambda: statuses(window)["Lamp Caller"] == "", timeout=10_000)


def test_favourites_keep_their_lamps(kamailio: PresenceKamailio, make_peer: Callable[..., SipPeer],
                                     qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     event_loop_qt: object) -> None:
    config, paths = phone_config(tmp_path, kamailio.hostport, monkeypatch)
    caller, callee = registered_peers(make_peer)
    entries = [Entry("t", "1", EntryKind.PERSON, "Fav Caller", numbers=(PhoneNumber("1001"),)),
               Entry("t", "2", EntryKind.PERSON, "Fav Callee", numbers=(PhoneNumber("1002"),))]
    with running_console(qtbot, config, paths, entries) as running:
        window = running.window
        favourites = FavouritesFlow(window, running.console, "olle", paths.data_dir / "favourites.json")
        favourites.load()  # the console had loaded before the flow was made
        window.search_field.insert("fav callee")
        qtbot.waitUntil(lambda: window.model.rowCount() > 0
                        and window.model.index(0, NAME).data() == "Fav Callee", timeout=5000)
        qtbot.keyClick(window.search_field, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert favourites.model.rowCount() == 1
        services = running.console.services
        assert services is not None
        stored = FavouritesRepository(services.store, "olle")  # kept in the store, for this operator
        qtbot.waitUntil(lambda: stored.entry_ids() == [window.model.row(0).entry.id], timeout=5000)
        window.search_field.clear()  # the favourite stays watched when it is no longer in the results
        caller.send("call", uri="sip:1002@127.0.0.1")
        qtbot.waitUntil(lambda: favourites.model.index(0).data(LAMP_ROLE) == "ringing", timeout=10_000)
        callee.send("answer")
        qtbot.waitUntil(lambda: favourites.model.index(0).data(LAMP_ROLE) == "busy", timeout=10_000)
        assert favourites.model.index(0).data().startswith("Fav Callee")
        caller.send("hangup")
        qtbot.waitUntil(lambda: favourites.model.index(0).data(LAMP_ROLE) == "idle", timeout=10_000)
        window.grab()  # the lamp delegate paints
