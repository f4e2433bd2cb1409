"""Screen-reader support inside the process: every control named and described, callers and errors announced.

The same window is read through AT-SPI in tests/integration/test_accessibility_atspi.py; here Qt's own
accessibility interfaces answer, which is what the AT-SPI bridge passes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.calls.desk_bridge import DeskBridge
from directory.number_display import NumberDisplay
from softphone.desk.desk import OperatorDesk
from softphone.desk.exchange_rows import PICKED_ARRIVED
from softphone.desk.records import DeskCall, DeskChanged, PriorityClass, Stage
from softphone.desk.settings import DeskSettings
from tests.helpers.fake_switchboard_phone import FakeSwitchboardPhone
from ui.call_log_panel import CallLogPanel
from ui.desk_panel import DeskPanels
from ui.favourites_model import FavouritesModel
from ui.favourites_panel import FavouritesPanel
from ui.main_window import MainWindow
from ui.phone_panel import PhonePanel

pytestmark = pytest.mark.gui


class Console:
    """The window as the wiring builds it, over the fake switchboard phone."""

    def __init__(self, qtbot: QtBot) -> None:
        self.phone = FakeSwitchboardPhone()
        self.desk = OperatorDesk(self.phone, DeskSettings(emergency_numbers=["112"]), clock=lambda: 0.0)
        self.window = MainWindow()
        qtbot.addWidget(self.window)
        self.window.set_number_display(NumberDisplay("SE", {"0196024000": "Växeln"}))
        self.bridge = DeskBridge(self.phone, self.desk, self.window, tick_ms=3_600_000)
        self.bridge.start()
        self.window.add_phone_panel(PhonePanel(self.bridge))
        self.bridge.desk_changed.connect(self.window.announcer.on_desk_changed)
        self.panels = DeskPanels(self.bridge, parent=self.window)
        docks = [self.window.add_panel(panel.title.text(), panel, Qt.DockWidgetArea.LeftDockWidgetArea)
                 for panel in self.panels.panels()]
        for dock in docks[2:]:  # as app.calls.desk_wiring lays them out
            self.window.tabifyDockWidget(docks[1], dock)
        self.window.tab_group = docks[1]
        self.window.add_call_log(CallLogPanel())
        self.window.add_favourites_panel(FavouritesPanel(FavouritesModel()))
        self.window.show()
        qtbot.waitExposed(self.window)

    def controls(self) -> list[QWidget]:
        kinds = (QAbstractButton, QAbstractItemView, QLineEdit)
        return [w for w in self.window.findChildren(QWidget) if isinstance(w, kinds) and w.isVisibleTo(self.window)
                and w.focusPolicy() != Qt.FocusPolicy.NoFocus]


@pytest.fixture
def console(qtbot: QtBot) -> Iterator[Console]:
    console = Console(qtbot)
    yield console
    console.bridge.stop()


def accessible(widget: QWidget, text: QAccessible.Text) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(text)


def test_every_interactive_control_has_a_name(console: Console) -> None:
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in console.controls()
               if not accessible(w, QAccessible.Text.Name).strip()]
    assert unnamed == []


def test_every_list_and_text_field_has_a_description(console: Console) -> None:
    ours = [w for w in console.controls() if isinstance(w, (QAbstractItemView, QLineEdit))
            and w.objectName() != "qt_spinbox_lineedit"]
    assert len(ours) >= 9  # search, results, phone calls, 6 desk lists, call log search and list, favourites
    undescribed = [f"{type(w).__name__} {accessible(w, QAccessible.Text.Name)!r}" for w in ours
                   if not accessible(w, QAccessible.Text.Description).strip()]
    assert undescribed == []


def test_the_search_field_comes_first_then_the_results(console: Console) -> None:
    window = console.window
    following = window.search_field.nextInFocusChain()
    while following is not None and not following.focusPolicy() & Qt.FocusPolicy.TabFocus:  # the clear button
        following = following.nextInFocusChain()
    assert following is window.results
    assert window.search_field.accessibleName() == "Search the directory"


def test_a_new_caller_is_announced_with_the_service_they_dialled(console: Console, qtbot: QtBot) -> None:
    console.phone.ring("Anna Berg", "+46701234567", dialled="+46196024000")
    console.phone.pump()
    announcer = console.window.announcer
    qtbot.waitUntil(lambda: bool(announcer.announced))
    assert announcer.announced == ["Caller waiting: Anna Berg, Växeln"]
    assert accessible(announcer, QAccessible.Text.Name) == "Caller waiting: Anna Berg, Växeln"


def test_an_emergency_caller_and_an_error_are_announced(console: Console, qtbot: QtBot) -> None:
    console.phone.ring("", "112")
    console.phone.pump()
    announcer = console.window.announcer
    qtbot.waitUntil(lambda: bool(announcer.announced))
    assert announcer.announced[-1] == "Emergency call: Caller waiting: 112"
    console.window.show_phone_unavailable("no network")
    assert announcer.announced[-1] == "The phone is not started: no network"
    console.window.show_notice("Select a person or number in the directory first")
    assert announcer.text() == "Select a person or number in the directory first"


def test_the_whole_window_fits_a_1366x768_screen(console: Console) -> None:
    needed = console.window.minimumSizeHint()
    assert needed.width() <= 1366
    assert needed.height() <= 768 - 60  # a title bar and a task bar


def test_a_new_callers_line_goes_once_they_are_answered(console: Console, qtbot: QtBot) -> None:
    console.phone.ring("Anna Berg", "+46701234567", dialled="+46196024000")
    console.phone.pump()
    announcer = console.window.announcer
    qtbot.waitUntil(lambda: announcer.text() == "Caller waiting: Anna Berg, Växeln")
    console.desk.answer_next()
    console.phone.pump()
    qtbot.waitUntil(lambda: announcer.text() == "")  # it would read as someone still waiting
    assert accessible(announcer, QAccessible.Text.Name) == "No announcements"
    assert announcer.announced == ["Caller waiting: Anna Berg, Växeln"]  # nothing more was said


def test_a_picked_caller_arriving_is_not_announced_again(console: Console) -> None:
    announcer = console.window.announcer
    picked = DeskCall(7, "+46701234567", "Anna Berg", "+46196024000", PriorityClass.NORMAL, Stage.WAITING, 0.0,
                      datetime.now(UTC), queue_id="q-7")
    announcer.on_desk_changed(DeskChanged(picked, None, PICKED_ARRIVED))  # announced when they joined the queue
    assert announcer.announced == []
