"""The whole console with its phone, configured from TOML, registering to Kamailio and dialling a peer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.calls.desk_wiring import dial_string
from app.services import Services
from directory.model import Entry, EntryKind, PhoneNumber
from softphone.desk.records import Stage
from tests.helpers.console import phone_config, running_console
from tests.helpers.kamailio import Kamailio
from tests.helpers.sip_peer import SipPeer
from ui.desk_model import DeskList
from ui.desk_panel import DeskPanels
from ui.phone_panel import PhonePanel

pytestmark = [pytest.mark.integration, pytest.mark.gui, pytest.mark.slow]


def test_dial_string_keeps_only_what_a_pbx_dials() -> None:
    assert dial_string("019-602 10 00") == "0196021000"
    assert dial_string("+47 22 11 33 44") == "+4722113344"
    assert dial_string("*21#") == "*21#"


def test_console_registers_and_dials_from_search_and_directory(
        kamailio: Kamailio, make_peer: Callable[..., SipPeer], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    config, paths = phone_config(tmp_path, kamailio.hostport, monkeypatch)
    assert config.problems == []
    peer = make_peer("2101", auto_answer=True)
    qtbot.waitUntil(lambda: peer.find("reg", code=200) is not None, timeout=5000)
    entries = [Entry("t", "1", EntryKind.PERSON, "Peer Person", numbers=(PhoneNumber("21 01"),))]
    with running_console(qtbot, config, paths, entries) as running:
        window, console = running.window, running.console
        panel = window.findChild(PhonePanel)
        assert panel is not None
        qtbot.waitUntil(lambda: panel.indicator.text() == "Phone ready", timeout=5000)

        window.search_field.insert("2101")
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: peer.find("call_state", state="CONFIRMED") is not None, timeout=5000)
        qtbot.mouseClick(panel.hangup_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.card.call is None, timeout=5000)

        mark = peer.mark()
        window.search_field.clear()
        window.search_field.insert("peer person")
        qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)  # not a number: the entry is used and dialled
        qtbot.waitUntil(lambda: peer.find("call_state", mark, state="CONFIRMED") is not None, timeout=5000)
        qtbot.mouseClick(panel.hangup_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.card.call is None, timeout=5000)

        # A caller waits in the desk's queue, named from the directory; F2 answers, F12 hangs up.
        desk = window.findChild(DeskPanels)
        assert desk is not None
        caller = make_peer("2199")
        qtbot.waitUntil(lambda: caller.find("reg", code=200) is not None, timeout=5000)
        other = Services.open(config, paths, demo=False)
        other.directory.upsert_entries("t", [Entry("t", "2", EntryKind.PERSON, "Cilla Caller",
                                                   numbers=(PhoneNumber("2199"),))])
        other.close()
        console.refresh_now()
        qtbot.waitUntil(lambda: console.name_for_number("2199") == "Cilla Caller", timeout=5000)
        caller.send("call", uri="sip:1000@127.0.0.1")
        waiting = desk.models[DeskList.WAITING]
        qtbot.waitUntil(lambda: waiting.rowCount() == 1, timeout=5000)
        assert "Cilla Caller" in [waiting.index(0, c).data() for c in range(waiting.columnCount())]
        window.activateWindow()
        desk.actions["answer_next"].trigger()
        qtbot.waitUntil(lambda: caller.find("call_state", state="CONFIRMED") is not None, timeout=5000)
        qtbot.waitUntil(lambda: panel.card.call is not None and panel.card.call.stage is Stage.ACTIVE, timeout=5000)
        assert panel.card.name.text() == "Cilla Caller"  # the caller card names them from the directory
        desk.actions["hang_up"].trigger()
        qtbot.waitUntil(lambda: caller.find("call_state", state="DISCONNECTED") is not None, timeout=5000)
