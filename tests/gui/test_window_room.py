"""Room in the window: whole tab names, column headers never cut, the screen used, Qt's own buttons in the
operator's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QTabBar, QTableView
from pytestqt.qtbot import QtBot

from app.calls.desk_bridge import DeskBridge
from directory.number_display import NumberDisplay
from softphone.desk.desk import OperatorDesk
from softphone.desk.settings import DeskSettings
from tests.helpers.fake_switchboard_phone import FakeSwitchboardPhone
from ui.column_shares import ColumnShares
from ui.desk_model import DeskList, DeskListModel
from ui.desk_panel import DeskPanels
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


def _waiting_list(qtbot: QtBot, width: int, callers: list[tuple[str, str, str]],
                  settings: DeskSettings | None = None) -> tuple[QTableView, DeskBridge, FakeSwitchboardPhone]:
    """The waiting list as the window has it, `width` wide (the call column's at 1366x768 is about 475), with
    `callers` (name, number, service dialled) ringing."""
    phone = FakeSwitchboardPhone()
    bridge = DeskBridge(phone, OperatorDesk(phone, settings or DeskSettings(), clock=lambda: 0.0))
    panels = DeskPanels(bridge)
    model = panels.models[DeskList.WAITING]
    model.numbers = NumberDisplay(home_region="SE", services={f"01960{i:05d}": service
                                                              for i, (_, _, service) in enumerate(callers)})
    bridge.start()
    panel = panels.waiting
    qtbot.addWidget(panel)
    panel.resize(width, 300)
    panel.show()
    qtbot.waitExposed(panel)
    for i, (name, number, _) in enumerate(callers):
        phone.ring(name, number, dialled=f"01960{i:05d}")
    qtbot.waitUntil(lambda: model.rowCount() == len(callers), timeout=1000)
    return panel.view, bridge, phone


@pytest.mark.parametrize("service", ["Vårdcentralen Norr", "Akutmottagningen", "Vårdcentral Grängesberg"])
def test_the_waiting_list_shows_the_service_whole_and_cuts_the_caller_first(qtbot: QtBot, service: str) -> None:
    view, bridge, _phone = _waiting_list(qtbot, 475, [("Christian Brækhus", "+4794952613", service),
                                               ("Pekka Grönlund", "0720025348", "Växeln")])
    priority, caller, number, dialled = (DeskListModel(DeskList.WAITING).columns.index(key)
                                         for key in ("priority", "caller", "number", "dialled"))
    qtbot.waitUntil(lambda: view.columnWidth(dialled) >= view.sizeHintForColumn(dialled), timeout=1000)
    assert view.isColumnHidden(priority)  # no caller has a class: its room is the others'
    assert view.columnWidth(caller) >= view.sizeHintForColumn(caller)  # and the names read whole in it
    assert view.columnWidth(number) >= view.sizeHintForColumn(number)  # numbers read whole too
    assert view.columnWidth(caller) >= int(0.25 * view.viewport().width())  # cut, if at all, but never to nothing
    assert sum(view.columnWidth(c) for c in range(5) if not view.isColumnHidden(c)) <= view.viewport().width() + 1
    bridge.stop()


def test_the_priority_column_shows_while_a_caller_has_a_class(qtbot: QtBot) -> None:
    view, bridge, phone = _waiting_list(qtbot, 475, [("Pekka Grönlund", "0720025348", "Växeln")],
                                        DeskSettings(priority_numbers=["+4631999"]))
    priority = DeskListModel(DeskList.WAITING).columns.index("priority")
    assert view.isColumnHidden(priority)
    phone.ring("Berit", "+4631999")
    qtbot.waitUntil(lambda: not view.isColumnHidden(priority), timeout=1000)
    assert view.columnWidth(priority) >= view.sizeHintForColumn(priority)  # "Priority" whole
    bridge.stop()


def test_the_caller_reads_whole_when_there_is_room_and_keeps_its_share_when_there_is_not(qtbot: QtBot) -> None:
    view, bridge, _phone = _waiting_list(qtbot, 700, [("Anna-Karin Lindqvist", "0701234567", "Vårdcentralen Norr")])
    caller, dialled = (DeskListModel(DeskList.WAITING).columns.index(key) for key in ("caller", "dialled"))
    assert view.columnWidth(caller) >= view.sizeHintForColumn(caller)
    assert view.columnWidth(dialled) >= view.sizeHintForColumn(dialled)
    bridge.stop()
    view, bridge, _phone = _waiting_list(qtbot, 380, [("Anna-Karin Lindqvist", "+4794952613",
                                                "Barnmorskemottagningen Ramundeboda")])
    assert view.columnWidth(caller) >= int(0.25 * view.viewport().width())
    assert view.columnWidth(dialled) < view.sizeHintForColumn(dialled)  # no room: the service is cut as well
    assert sum(view.columnWidth(c) for c in range(5) if not view.isColumnHidden(c)) <= view.viewport().width() + 1
    bridge.stop()
