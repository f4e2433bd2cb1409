"""The desk's list models show numbers the organisation's way and dialled numbers by service name."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from directory.number_display import NumberDisplay
from softphone.desk.records import DeskCall, PriorityClass, Stage
from ui.desk_model import DeskList, DeskListModel

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
