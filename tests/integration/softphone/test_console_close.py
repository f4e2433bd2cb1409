"""Closing the real window with calls up, through Kamailio: it asks, then hands the calls back or ends them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from softphone.desk.records import Stage
from tests.helpers.console import RunningConsole, phone_config, running_console
from tests.helpers.kamailio import Kamailio
from tests.helpers.sip_peer import SipPeer
from ui.close_dialog import CloseDialog
from ui.desk_model import DeskList
from ui.desk_panel import DeskPanels
from ui.phone_panel import PhonePanel

pytestmark = [pytest.mark.integration, pytest.mark.gui, pytest.mark.slow]


def _click_in_dialog(button: Callable[[CloseDialog], QPushButton | None], seen: list[str | None]) -> None:
    """Answer the close question as the operator would, once it is on screen; `seen` gets the hand-back
    button's text (None without one), read before the click deletes the dialog."""
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CloseDialog):
            QTimer.singleShot(50, answer)
            return
        seen.append(dialog.hand_back_button.text() if dialog.hand_back_button is not None else None)
        target = button(dialog)
        assert target is not None
        target.click()
    QTimer.singleShot(50, answer)


def _answered_caller(qtbot: QtBot, running: RunningConsole, caller: SipPeer) -> None:
    desk = running.window.findChild(DeskPanels)
    assert desk is not None
    qtbot.waitUntil(lambda: caller.find("reg", code=200) is not None, timeout=5000)
    caller.send("call", uri="sip:1000@127.0.0.1")
    qtbot.waitUntil(lambda: desk.models[DeskList.WAITING].rowCount() == 1, timeout=5000)
    desk.actions["answer_next"].trigger()
    qtbot.waitUntil(lambda: caller.find("call_state", state="CONFIRMED") is not None, timeout=5000)


def _ready(qtbot: QtBot, running: RunningConsole) -> DeskPanels:
    panel = running.window.findChild(PhonePanel)
    assert panel is not None
    qtbot.waitUntil(lambda: panel.indicator.text() == "Phone ready", timeout=5000)
    desk = running.window.findChild(DeskPanels)
    assert desk is not None
    return desk


def test_closing_with_calls_up_hands_them_back(
        kamailio: Kamailio, make_peer: Callable[..., SipPeer], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    config, paths = phone_config(tmp_path, kamailio.hostport, monkeypatch, '[desk]\nhand_back_to = "2302"\n')
    colleague = make_peer("2302", auto_answer=True)
    talking, waiting = make_peer("2301"), make_peer("2303")
    with running_console(qtbot, config, paths, []) as running:
        desk = _ready(qtbot, running)
        qtbot.waitUntil(lambda: colleague.find("reg", code=200) is not None, timeout=5000)
        _answered_caller(qtbot, running, talking)
        qtbot.waitUntil(lambda: waiting.find("reg", code=200) is not None, timeout=5000)
        waiting.send("call", uri="sip:1000@127.0.0.1")
        qtbot.waitUntil(lambda: desk.models[DeskList.WAITING].rowCount() == 1, timeout=5000)

        seen: list[str | None] = []
        _click_in_dialog(lambda dialog: dialog.hand_back_button, seen)
        assert running.window.close() is False  # refused until the calls are handed back
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)  # the question opens without a nested event loop
        assert "2302" in (seen[0] or "")

        qtbot.waitUntil(lambda: waiting.find("call_state", state="DISCONNECTED", code=486) is not None,
                        timeout=5000)  # back to the exchange, which offers it to the next operator
        qtbot.waitUntil(lambda: colleague.find("call_state", state="CONFIRMED") is not None, timeout=10_000)
        qtbot.waitUntil(lambda: not running.window.isVisible(), timeout=10_000)
        assert talking.find("transfer_request") is not None  # the connected caller was transferred


def test_closing_asks_and_stays_or_ends_the_calls(
        kamailio: Kamailio, make_peer: Callable[..., SipPeer], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    config, paths = phone_config(tmp_path, kamailio.hostport, monkeypatch)  # no hand_back_to configured
    caller = make_peer("2311")
    with running_console(qtbot, config, paths, []) as running:
        _ready(qtbot, running)
        _answered_caller(qtbot, running, caller)

        seen: list[str | None] = []
        _click_in_dialog(lambda dialog: dialog.stay_button, seen)
        assert running.window.close() is False
        qtbot.waitUntil(lambda: bool(seen), timeout=5000)
        assert seen[0] is None  # nowhere to hand back to: end or stay
        qtbot.waitUntil(lambda: not isinstance(QApplication.activeModalWidget(), CloseDialog), timeout=5000)
        qtbot.wait(300)
        assert running.window.isVisible()
        phone = running.window.findChild(PhonePanel)
        assert phone is not None
        card = phone.card
        assert card.call is not None
        assert card.call.stage is Stage.ACTIVE
        assert caller.find("call_state", state="DISCONNECTED") is None

        _click_in_dialog(lambda dialog: dialog.end_button, seen)
        running.window.close()
        qtbot.waitUntil(lambda: caller.find("call_state", state="DISCONNECTED") is not None, timeout=5000)
        qtbot.waitUntil(lambda: not running.window.isVisible(), timeout=10_000)
