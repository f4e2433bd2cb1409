"""The phone dock driving the real engine through the desk and its bridge, against Kamailio and a peer."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.calls.desk_bridge import DeskBridge
from softphone.desk.desk import OperatorDesk
from softphone.desk.settings import DeskSettings
from softphone.engine import Phone
from tests.helpers.kamailio import Kamailio
from tests.helpers.sip_peer import SipPeer
from tests.integration.softphone.conftest import console_settings
from ui.phone_panel import PhonePanel

pytestmark = [pytest.mark.integration, pytest.mark.gui, pytest.mark.slow]


def test_panel_answers_holds_and_hangs_up_a_real_call(kamailio: Kamailio, make_peer: Callable[..., SipPeer],
                                                      qtbot: QtBot) -> None:
    phone = Phone(console_settings(kamailio))
    bridge = DeskBridge(phone, OperatorDesk(phone, DeskSettings(), clock=time.monotonic))
    panel = PhonePanel(bridge)
    qtbot.addWidget(panel)
    bridge.start()
    try:
        qtbot.waitUntil(lambda: panel.indicator.text() == "Phone ready", timeout=5000)
        peer = make_peer("2101")
        qtbot.waitUntil(lambda: peer.find("reg", code=200) is not None, timeout=5000)
        peer.send("call", uri="sip:1000@127.0.0.1")
        qtbot.waitUntil(panel.answer_button.isEnabled, timeout=5000)
        assert panel.caller.text() == "2101"

        qtbot.mouseClick(panel.answer_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: peer.find("call_state", state="CONFIRMED") is not None, timeout=5000)
        qtbot.waitUntil(panel.hold_button.isEnabled, timeout=5000)
        mark = peer.mark()
        qtbot.mouseClick(panel.hold_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.hold_button.text() == "Resume", timeout=5000)
        qtbot.waitUntil(lambda: peer.find("media", mark) is not None, timeout=5000)

        qtbot.mouseClick(panel.hangup_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: peer.find("call_state", state="DISCONNECTED") is not None, timeout=5000)
        qtbot.waitUntil(lambda: panel.card.call is None, timeout=5000)
        assert panel.message.text() == "Call with 2101 ended: hung up"
    finally:
        bridge.stop()
    assert panel.indicator.text().startswith("Phone off")
