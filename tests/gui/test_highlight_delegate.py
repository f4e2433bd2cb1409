"""The results' highlighted cells: a name wider than its column ends in "…" as the other cells do."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from ui.highlight_delegate import ELLIPSIS, elided

pytestmark = pytest.mark.gui

NAME = "Kardiologi, Karlskoga"


def test_a_name_that_fits_is_drawn_whole(qapp: QApplication) -> None:
    layout, _line = elided(NAME, QFont(), [(0, 4)], 10_000)
    assert layout.text() == NAME


@pytest.mark.parametrize("spans", [[(0, 4)], [(0, 4), (12, 16)], [(12, 21)]])
def test_a_name_wider_than_its_cell_ends_in_an_ellipsis_within_it(qapp: QApplication,
                                                                   spans: list[tuple[int, int]]) -> None:
    font = QFont()
    _whole, whole_line = elided(NAME, font, spans, 10_000)
    width = whole_line.naturalTextWidth() * 0.7
    layout, line = elided(NAME, font, spans, width)
    assert layout.text().endswith(ELLIPSIS)
    assert NAME.startswith(layout.text()[:-1])
    assert len(layout.text()) > 5  # cut where the room ends, not at the start
    assert line.naturalTextWidth() <= width
    emphasised = [(r.start, r.start + r.length) for r in layout.formats()]
    assert emphasised == [(start, min(end, len(layout.text()) - 1)) for start, end in spans
                          if start < len(layout.text()) - 1]


def test_a_cell_too_narrow_for_a_letter_shows_the_ellipsis_alone(qapp: QApplication) -> None:
    layout, _line = elided(NAME, QFont(), [(0, 4)], 1)
    assert layout.text() == ELLIPSIS
