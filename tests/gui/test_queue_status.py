"""The exchange queue's status-bar line: the button follows the exchange's word, not the click."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.queue_status import QueueStatus

pytestmark = pytest.mark.gui


def test_the_button_shows_what_the_exchange_says_and_a_click_only_asks(qtbot: QtBot) -> None:
    status = QueueStatus()
    qtbot.addWidget(status)
    assert (status.button.text(), status.label.text()) == ("Paused", "Operators in: 0")

    status.show_operators(("1000", "1001"), "1000")
    assert status.button.isChecked()
    assert (status.button.text(), status.label.text()) == ("Available", "Operators in: 2")
    assert status.label.toolTip() == "1000, 1001"

    with qtbot.waitSignal(status.availability_requested) as asked:
        qtbot.mouseClick(status.button, Qt.MouseButton.LeftButton)
    assert asked.args == [False]  # pause, please
    assert status.button.isChecked()  # still signed in until the exchange says otherwise
    status.show_operators(("1001",), "1000")
    assert (status.button.isChecked(), status.button.text()) == (False, "Paused")
    with qtbot.waitSignal(status.availability_requested) as asked:
        qtbot.mouseClick(status.button, Qt.MouseButton.LeftButton)
    assert asked.args == [True]

    status.show_connected(False)
    assert not status.button.isEnabled()
