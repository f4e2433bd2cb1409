"""Room in the window: whole tab names, column headers never cut, the screen used, Qt's own buttons in the
operator's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QTabBar, QTableView
from pytestqt.qtbot import QtBot

from ui.column_shares import ColumnShares
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui

_Index = QModelIndex | QPersistentModelIndex


class _Headers(QAbstractTableModel):
    def __init__(self, headers: list[str]) -> None:
        super().__init__()
        self.headers = headers

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        return "x" if role == Qt.ItemDataRole.DisplayRole else None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        if role == Qt.ItemDataRole.DisplayRole and orientation is Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


def test_docked_tabs_read_in_whole(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    titles = ["On hold", "Consultations", "Recalls", "Call back", "Call log", "Favourites", "Statistics"]
    docks = [window.add_panel(title, QLabel(title), Qt.DockWidgetArea.LeftDockWidgetArea) for title in titles]
    for dock in docks[1:]:
        window.tabifyDockWidget(docks[0], dock)
    window.show()
    qtbot.waitExposed(window)
    bars = [bar for bar in window.findChildren(QTabBar) if bar.count() == len(titles)]
    assert bars
    assert bars[0].elideMode() == Qt.TextElideMode.ElideNone
    assert bars[0].usesScrollButtons()
    assert [bars[0].tabText(i) for i in range(bars[0].count())] == titles


def test_a_narrow_column_is_never_narrower_than_its_header(qtbot: QtBot) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    model = _Headers(["Uppringare", "Nummer", "Vänteläge", "Anteckning"])  # the Swedish held list
    view.setModel(model)
    ColumnShares(view, {0: 2.2, 1: 1.7, 2: 0.8, 3: 2.2})
    view.resize(480, 200)
    view.show()
    qtbot.waitExposed(view)
    words = view.horizontalHeader().fontMetrics().horizontalAdvance("Vänteläge")
    assert view.columnWidth(2) > words
    assert sum(view.columnWidth(c) for c in range(4)) <= view.viewport().width() + 1  # nothing scrolls sideways


def test_a_large_screen_is_used(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.add_phone_panel(QLabel("phone"))
    screen = window.screen().availableGeometry()
    assert window.width() == min(max(1560, screen.width() * 9 // 10), screen.width())
    assert window.height() == min(max(860, screen.height() * 9 // 10), screen.height())


@pytest.mark.parametrize(("language", "texts"), [
    ("nb", {"OK", "Avbryt", "&Ja", "&Nei", "Lukk"}),
    ("sv", {"Ok", "Avbryt", "&Ja", "&Nej", "Stäng"}),
])
def test_qts_standard_buttons_speak_the_language(qtbot: QtBot, translated: object, language: str,
                                                 texts: set[str]) -> None:
    translated(language)  # type: ignore[operator]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No
                           | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    assert {button.text() for button in box.buttons()} == texts


def test_a_wide_tab_widens_the_call_column_while_it_is_up(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    held = window.add_panel("On hold", QLabel("held"), Qt.DockWidgetArea.LeftDockWidgetArea)
    stats = window.add_panel("Statistics", QLabel("figures"), Qt.DockWidgetArea.LeftDockWidgetArea)
    window.tabifyDockWidget(held, stats)
    window.widen_while_shown(stats)
    held.raise_()
    window.show()
    qtbot.waitExposed(window)
    narrow = held.width()
    assert narrow < window.width() // 2
    stats.raise_()
    qtbot.waitUntil(lambda: stats.width() >= window.width() // 2 - 10)
    held.raise_()
    qtbot.waitUntil(lambda: abs(held.width() - narrow) <= 10)
