"""The desk's list models show numbers the organisation's way and dialled numbers by service name."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from directory.number_display import NumberDisplay
from softphone.desk.records import DeskCall, PriorityClass, Stage
from ui.desk_model import DeskList, DeskListModel
from ui.waiting_title import WaitingTitle

pytestmark = pytest.mark.gui


def waiting(number: str, dialled: str, name: str = "") -> DeskCall:
    return DeskCall(1, number, name, dialled, PriorityClass.NORMAL, Stage.WAITING, 0.0, datetime.now(UTC))


def test_waiting_rows_show_the_service_dialled_and_the_number_formatted() -> None:
    model = DeskListModel(DeskList.WAITING)
    model.numbers = NumberDisplay("SE", {"0196024000": "Växeln"})
    model.reset([waiting("+46701234567", "+46196024000")])
    cells = {column: model.index(0, i).data() for i, column in enumerate(model.columns)}
    assert cells["caller"] == "070-123 45 67"  # no name: the number, as every number is shown
    assert cells["number"] == "070-123 45 67"
    assert cells["dialled"] == "Växeln"


def test_a_dialled_number_with_no_service_name_is_shown_formatted() -> None:
    model = DeskListModel(DeskList.WAITING)
    model.reset([waiting("+4722113344", "+46196021000", "Kari")])
    cells = {column: model.index(0, i).data() for i, column in enumerate(model.columns)}
    assert (cells["caller"], cells["number"], cells["dialled"]) == ("Kari", "+47 22 11 33 44", "019-602 10 00")


def test_the_waiting_docks_title_counts_callers_and_names_the_longest_wait(qtbot: QtBot) -> None:
    model = DeskListModel(DeskList.WAITING)
    dock = QDockWidget("Waiting calls")
    qtbot.addWidget(dock)
    WaitingTitle(dock, model, "Waiting calls", dock)
    assert dock.windowTitle() == "Waiting calls"
    first = waiting("+46701234567", "+46196024000")
    second = replace(first, call_id=2, offered_at=30.0)
    model.reset([first, second])
    model.set_now(102.0)
    assert dock.windowTitle() == "Waiting calls (2) · longest 1:42"
    model.reset([])
    assert dock.windowTitle() == "Waiting calls"
