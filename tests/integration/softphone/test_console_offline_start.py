"""The whole console (window, wiring, phone on Kamailio) started while its shared PostgreSQL server is stopped:
the phone works, a caller is named from this PC's search snapshot, and a caller who gives up is kept on this
PC's copy, listed, and written to the store once, by the next start after the server is back, with the
call for the call log."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from directory.model import Entry, EntryKind, PhoneNumber
from directory.store import Store
from directory.store.callbacks import CallbackRepository
from directory.store.calllog import CallLogRepository
from directory.store.last_copy import LastCopy
from tests.helpers.console import phone_config, running_console, started_console
from tests.helpers.kamailio import Kamailio
from tests.helpers.postgres import create_database, postgres_cluster
from tests.helpers.sip_peer import SipPeer
from ui.desk_model import DeskList
from ui.desk_panel import DeskPanels
from ui.phone_panel import PhonePanel

pytestmark = [pytest.mark.integration, pytest.mark.gui, pytest.mark.slow]
ORGANISATION = "Region A"


def _callbacks(panels: DeskPanels) -> list[tuple[int, str]]:
    return [(e.id, e.name) for e in panels.callback_model.entries()]


def test_started_while_the_store_is_down_the_phone_works_and_a_caller_who_gave_up_is_written_once_later(
        kamailio: Kamailio, make_peer: Callable[..., SipPeer], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    caller = make_peer("2199")
    qtbot.waitUntil(lambda: caller.find("reg", code=200) is not None, timeout=5000)
    entries = [Entry("t", "1", EntryKind.PERSON, "Cilla Caller", numbers=(PhoneNumber("2199"),))]
    with postgres_cluster() as cluster:
        url = create_database(cluster.url, "offline_phone")
        config, paths = phone_config(tmp_path, kamailio.hostport, monkeypatch,
                                     extra=f'[store]\nurl = "{url}"\norganisation = "{ORGANISATION}"\n')
        with running_console(qtbot, config, paths, entries) as running:  # an earlier day: snapshot and copy kept
            services = running.console.services
            assert services is not None
            copy = services.last_copy
            assert copy is not None
            qtbot.waitUntil(lambda: copy.contents.read_at is not None, timeout=10_000)
        cluster.stop()

        with started_console(qtbot, config, paths) as running:
            window, console = running.window, running.console
            assert console.offline.offline
            assert "Working from this PC's copy of" in window.banner.label.text()
            phone, panels = window.findChild(PhonePanel), window.findChild(DeskPanels)
            assert phone is not None
            assert panels is not None
            qtbot.waitUntil(lambda: phone.indicator.text() == "Phone ready", timeout=8000)
            caller.send("call", uri="sip:1000@127.0.0.1")
            waiting = panels.models[DeskList.WAITING]
            qtbot.waitUntil(lambda: waiting.rowCount() == 1, timeout=8000)
            assert "Cilla Caller" in [waiting.index(0, c).data() for c in range(waiting.columnCount())]
            caller.send("hangup")  # gives up: on the list, kept on this PC, refused by the store for now
            qtbot.waitUntil(lambda: [name for _, name in _callbacks(panels)] == ["Cilla Caller"], timeout=8000)
            assert _callbacks(panels)[0][0] < 0  # not in the store
            qtbot.waitUntil(lambda: len(LastCopy(copy.path, copy.store).contents.pending) == 1, timeout=8000)
            qtbot.waitUntil(lambda: [c.number for c in LastCopy(copy.path, copy.store).contents.pending_calls]
                            == ["2199"], timeout=8000)  # and the call, for the call log
        # closed while the store is still away

        cluster.start()
        with running_console(qtbot, config, paths, entries) as running:
            back = running.window.findChild(DeskPanels)
            assert back is not None
            qtbot.waitUntil(lambda: [(i > 0, name) for i, name in _callbacks(back)] == [(True, "Cilla Caller")],
                            timeout=10_000)
            qtbot.waitUntil(lambda: LastCopy(copy.path, copy.store).contents.pending == [], timeout=10_000)
            qtbot.waitUntil(lambda: LastCopy(copy.path, copy.store).contents.pending_calls == [], timeout=10_000)
        with running_console(qtbot, config, paths, entries):  # a later start writes it no more
            pass
        store = Store.open(url, ORGANISATION)
        try:
            assert [(c.number, c.name) for c in CallbackRepository(store).open()] == [("2199", "Cilla Caller")]
            assert [(c.number, c.outcome) for c in CallLogRepository(store).search()] == [("2199", "abandoned")]
        finally:
            store.dispose()
