"""The results model on its own, checked by Qt's model tester."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from directory.model import Entry, EntryKind, PhoneNumber
from directory.number_display import NumberDisplay
from ui.results_model import HIGHLIGHTS_ROLE, NAME, NUMBER, STATUS, ResultRow, ResultsModel

pytestmark = pytest.mark.gui


def rows() -> list[ResultRow]:
    anna = Entry("t", "1", EntryKind.PERSON, "Anna Berg", title="Sjuksköterska", unit_path=("R", "Kardiologi"),
                 numbers=(PhoneNumber("019-602 10 00"),), id=1)
    unit = Entry("t", "2", EntryKind.FUNCTION, "Kardiologi", unit_path=("R", "Kardiologi"), id=2)
    return [ResultRow(anna, {"display_name": ((0, 4),), "number:0": ((0, 3),)}, "Lunch until 13:00"),
            ResultRow(unit)]


def test_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = ResultsModel()
    model.set_rows(rows())
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_columns_roles_and_highlights() -> None:
    model = ResultsModel()
    model.set_rows(rows())
    assert model.index(0, NAME).data() == "Anna Berg"
    assert model.index(0, NAME).data(HIGHLIGHTS_ROLE) == ((0, 4),)
    assert model.index(0, NUMBER).data(HIGHLIGHTS_ROLE) == ((0, 3),)
    assert model.index(0, STATUS).data() == "Lunch until 13:00"
    assert model.index(0, STATUS).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, NAME).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, NUMBER).data() == ""


def test_numbers_are_shown_in_the_organisations_format_with_their_highlights() -> None:
    entry = Entry("t", "3", EntryKind.PERSON, "Per Holm", numbers=(PhoneNumber("+46 19 602 37 57"),), id=3)
    model = ResultsModel()
    model.numbers = NumberDisplay("SE")
    model.set_rows([ResultRow(entry, {"number:0": ((7, 10),)})])
    assert model.index(0, NUMBER).data() == "019-602 37 57"
    assert model.index(0, NUMBER).data(HIGHLIGHTS_ROLE) == ((4, 7),)
    assert entry.numbers[0].raw == "+46 19 602 37 57"  # the stored text stays as written
