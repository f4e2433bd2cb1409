"""The detail pane's values: a long e-mail, title or unit is cut with "…" to the pane's width, never widening it,
and the whole value stays in the tooltip, for screen readers and on the clipboard; nothing is read as markup."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from directory.model import Entry, EntryKind, PhoneNumber
from ui.detail_pane import DetailPane
from ui.elided_label import ElidedLabel

pytestmark = pytest.mark.gui

EMAIL = "anna-karin.lindqvist-bergstrom.halsocentralen-norra@regionorebrolan.se"  # 70 characters
TITLE = "Distriktssköterska med särskilt ansvar för diabetesmottagningen och hemsjukvården"
UNITS = ("Region Örebro län", "Hälso- och sjukvårdsförvaltningen", "Primärvården", "Vårdcentralen Norr")


def _value(pane: DetailPane, text: str) -> ElidedLabel:
    (label,) = [label for label in pane.findChildren(ElidedLabel) if label.text() == text]
    return label


@pytest.fixture
def pane(qtbot: QtBot) -> DetailPane:
    widget = DetailPane()
    qtbot.addWidget(widget)
    widget.resize(320, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_long_values_are_cut_with_an_ellipsis_and_kept_whole_elsewhere(pane: DetailPane, qtbot: QtBot) -> None:
    pane.show_entry(Entry("t", "1", EntryKind.PERSON, "Anna-Karin Lindqvist", title=TITLE, unit_path=UNITS,
                          email=EMAIL, numbers=(PhoneNumber("019-602 10 00"),)))
    qtbot.waitUntil(lambda: _value(pane, EMAIL).shown_text().endswith("…"), timeout=1000)
    assert pane.minimumSizeHint().width() <= pane.minimumWidth()  # the address does not widen the pane
    for text in (EMAIL, TITLE, " › ".join(UNITS)):
        label = _value(pane, text)
        assert "…" in label.shown_text()
        assert label.width() <= pane.width()
        assert label.toolTip() == text
        assert label.accessibleName() == text
        assert label.accessibleDescription() == text
        assert label.textFormat() == Qt.TextFormat.PlainText
    unit = _value(pane, " › ".join(UNITS)).shown_text()
    assert unit.startswith("Region")  # cut in the middle: the top and the entry's own unit are kept
    assert unit.endswith("Vårdcentralen Norr")
    short = _value(pane, "019-602 10 00")
    assert short.shown_text() == "019-602 10 00"
    assert short.toolTip() == ""  # nothing cut, nothing to add


def test_copying_a_cut_value_copies_it_whole(pane: DetailPane, qtbot: QtBot) -> None:
    pane.show_entry(Entry("t", "1", EntryKind.PERSON, "Anna", email=EMAIL))
    label = _value(pane, EMAIL)
    qtbot.waitUntil(label.is_cut, timeout=1000)
    label.setFocus()
    qtbot.keyClick(label, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == EMAIL


def test_markup_in_a_value_is_shown_as_it_is(pane: DetailPane, qtbot: QtBot) -> None:
    hostile = "<b>boss</b>@<img src=x>.example"
    pane.show_entry(Entry("t", "1", EntryKind.PERSON, "Anna", email=hostile, title="<i>x</i>"))
    assert _value(pane, hostile).shown_text() == hostile
    assert _value(pane, "<i>x</i>").textFormat() == Qt.TextFormat.PlainText


def test_no_selection_shows_the_hint_whole(pane: DetailPane) -> None:
    pane.show_entry(None)
    assert pane._hint.isVisible()
    assert pane._hint.wordWrap()
    assert not pane._title.isVisible()
