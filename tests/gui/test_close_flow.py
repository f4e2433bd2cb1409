"""The close guard's timing, with the desk over the fake switchboard phone: a hand-back that never
completes is ended, and the window closes only once the desk is empty."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from app.calls.close_flow import HAND_BACK_TIMEOUT_S, CloseFlow
from app.calls.desk_bridge import DeskBridge
from softphone.desk.desk import OperatorDesk
from softphone.desk.settings import DeskSettings
from tests.helpers.fake_switchboard_phone import FakeSwitchboardPhone
from tests.unit.softphone.desk.conftest import Clock
from ui.close_dialog import CloseChoice, CloseDialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def _window_with_calls(qtbot: QtBot, choice: CloseChoice, calls: bool = True) -> tuple[
        MainWindow, FakeSwitchboardPhone, Clock, list[int]]:
    phone, clock = FakeSwitchboardPhone(), Clock()
    pump = QTimer(interval=20)  # the real phone is pumped by its bridge
    pump.timeout.connect(phone.pump)
    desk = OperatorDesk(phone, DeskSettings(), clock=clock)
    window = MainWindow()
    qtbot.addWidget(window)
    asked: list[int] = []

    def ask(_window: MainWindow, calls: int, _target: str, then: Callable[[CloseChoice], object]) -> None:
        asked.append(calls)
        then(choice)
    CloseFlow(window, DeskBridge(phone, desk, window), "2002", ask=ask, clock=clock)
    window.show()
    pump.setParent(window)
    pump.start()
    if not calls:
        return window, phone, clock, asked
    talking = phone.ring("", "+4670002", "")
    phone.ring("", "+4670001", "")
    phone.pump()
    desk.answer(talking)
    phone.pump()
    return window, phone, clock, asked


def test_a_hand_back_that_does_not_complete_is_ended_then_the_window_closes(qtbot: QtBot) -> None:
    window, phone, clock, asked = _window_with_calls(qtbot, CloseChoice.HAND_BACK)
    assert window.close() is False
    assert asked == [2]
    phone.pump()
    assert len(phone.calls) == 1  # the waiting caller went back as busy; the transfer is under way
    assert window.close() is False  # closing again while handing back neither asks nor closes
    assert asked == [2]
    qtbot.wait(300)
    assert window.isVisible()
    clock.advance(HAND_BACK_TIMEOUT_S + 1)  # the transferee never reports back
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    assert not phone.calls


def test_with_no_calls_the_window_closes_without_asking(qtbot: QtBot) -> None:
    window, _phone, _clock, asked = _window_with_calls(qtbot, CloseChoice.STAY, calls=False)
    assert window.close() is True
    assert asked == []


def test_staying_keeps_the_window_and_the_calls(qtbot: QtBot) -> None:
    window, phone, _clock, asked = _window_with_calls(qtbot, CloseChoice.STAY)
    assert window.close() is False
    qtbot.wait(200)
    assert window.isVisible()
    assert len(phone.calls) == 2
    assert asked == [2]


def test_the_close_question_opens_without_a_nested_event_loop(qtbot: QtBot) -> None:
    """`close()` returns at once with the real question open; the phone keeps being pumped behind it."""
    phone, clock = FakeSwitchboardPhone(), Clock()
    desk = OperatorDesk(phone, DeskSettings(), clock=clock)
    window = MainWindow()
    qtbot.addWidget(window)
    bridge = DeskBridge(phone, desk, window)
    CloseFlow(window, bridge, "2002", clock=clock)
    window.show()
    bridge.start()
    phone.ring("", "+4670001", "")
    qtbot.waitUntil(lambda: len(desk.calls) == 1)
    assert window.close() is False  # returned: no exec() inside
    dialog = window.findChild(CloseDialog, "closeWithCallsDialog")
    assert dialog is not None
    assert dialog.isVisible()
    pumps = phone.pumps
    qtbot.waitUntil(lambda: phone.pumps > pumps + 5)  # the phone runs while the operator decides
    dialog.stay_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.isVisible()
    assert len(desk.calls) == 1
    bridge.stop()
