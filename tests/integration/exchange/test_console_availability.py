"""The real window on the exchange's queue: the status bar says whether this console takes callers and how
many operators are in, as the exchange reports it; the operator pauses (signed out: the exchange offers
nothing here, F2 is refused in plain words) and takes callers again, and a colleague's console sees it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from softphone.exchange.model import OperatorsChanged
from tests.helpers.exchange import Exchange
from tests.integration.exchange.conftest import QueueView, wait_for
from tests.integration.exchange.window import queue_window
from ui.desk_model import DeskList
from ui.queue_status import QueueStatus

pytestmark = [pytest.mark.integration, pytest.mark.gui, pytest.mark.slow]


def test_the_operator_pauses_and_takes_callers_again_from_the_window(
        make_exchange: Callable[..., Exchange], watch: Callable[..., QueueView], qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, event_loop_qt: object) -> None:
    exchange = make_exchange()
    colleague = watch(exchange.client("1001"))
    with queue_window(exchange, qtbot, tmp_path, monkeypatch) as desk:
        status = desk.window.findChild(QueueStatus)
        assert status is not None
        desk.wait(lambda: status.button.text() == "Available" and status.label.text() == "Operators in: 1")
        exchange.client("1001").sign_in()  # a colleague comes in: this window counts them
        desk.wait(lambda: status.label.text() == "Operators in: 2")

        qtbot.mouseClick(status.button, Qt.MouseButton.LeftButton)  # pause
        desk.wait(lambda: status.button.text() == "Paused" and status.label.text() == "Operators in: 1")
        wait_for(lambda: OperatorsChanged(("1001",)) in colleague.of(OperatorsChanged))
        exchange.callers(1)
        desk.wait(lambda: desk.rows(DeskList.WAITING) == 1)  # still shown, not offered here
        desk.key("F2")
        bar = desk.window.statusBar()
        desk.wait(lambda: bar.currentMessage() == "Sign in to the queue to take callers.")
        assert desk.rows(DeskList.WAITING) == 1

        qtbot.mouseClick(status.button, Qt.MouseButton.LeftButton)  # take callers again
        desk.wait(lambda: status.button.text() == "Available" and status.label.text() == "Operators in: 2")
        assert "1000" in exchange.client("1001").snapshot().operators
