"""Themes, text size and the remembered window: what the operator chose comes back next time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from app.calls.desk_bridge import DeskBridge
from softphone.desk.desk import OperatorDesk
from softphone.desk.settings import DeskSettings
from softphone.model import Registration, RegistrationStatus
from tests.helpers.contrast import contrast_ratio
from tests.helpers.fake_switchboard_phone import FakeSwitchboardPhone as FakePhone
from ui.appearance import MAX_POINTS, THEMES, Appearance, palette, style_sheet
from ui.main_window import MainWindow
from ui.notice_bar import NoticeBar
from ui.phone_panel import PhonePanel
from ui.window_state import WindowState

pytestmark = pytest.mark.gui


@pytest.fixture
def app_style(qapp: QApplication) -> Iterator[QApplication]:
    palette_before, sheet_before = QPalette(qapp.palette()), qapp.styleSheet()
    yield qapp
    qapp.setPalette(palette_before)
    qapp.setStyleSheet(sheet_before)


@pytest.mark.parametrize("theme", THEMES)
def test_every_theme_has_a_style_sheet_with_its_text_sizes(theme: str) -> None:
    sheet = style_sheet(theme, 12)
    assert "font-size: 12pt" in sheet
    assert "#searchField { font-size: 18pt; }" in sheet
    assert "{" + "base}" not in sheet


def test_high_contrast_is_white_on_black_with_yellow_selection(qapp: QApplication) -> None:
    colours = palette("high_contrast", qapp.palette())
    assert colours.color(QPalette.ColorRole.Window).name() == "#000000"
    assert colours.color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    assert colours.color(QPalette.ColorRole.Highlight).name() == "#ffff00"
    assert palette("light", qapp.palette()) == qapp.palette()  # the platform's own


def test_text_size_steps_and_stops_at_its_limits(app_style: QApplication) -> None:
    appearance = Appearance(app_style, "dark", 10)
    appearance.bigger()
    assert appearance.points == 11
    assert "font-size: 11pt" in app_style.styleSheet()
    appearance.points = MAX_POINTS
    appearance.bigger()
    assert appearance.points == MAX_POINTS


def test_docks_and_text_size_are_remembered(app_style: QApplication, qtbot: QtBot, tmp_path: Path) -> None:
    def window() -> tuple[QMainWindow, QDockWidget]:
        main = QMainWindow()
        main.setCentralWidget(QLabel("directory"))
        dock = QDockWidget("Phone", main)
        dock.setObjectName("dock_phonePanel")
        dock.setWidget(QLabel("phone"))
        main.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        qtbot.addWidget(main)
        return main, dock

    first, dock = window()
    appearance = Appearance(app_style, "light", 10)
    state = WindowState(first, appearance, tmp_path / "window.ini")
    state.restore()
    first.show()
    first.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)  # the operator moves the phone right
    appearance.bigger()
    state.save()

    second, dock = window()
    again = Appearance(app_style, "light", 10)
    WindowState(second, again, tmp_path / "window.ini").restore()
    assert second.dockWidgetArea(dock) is Qt.DockWidgetArea.RightDockWidgetArea
    assert again.points == 11


def test_the_banner_and_the_notice_strip_keep_dark_text_on_their_light_colours(app_style: QApplication,
                                                                              qtbot: QtBot) -> None:
    """High contrast's white text would be unreadable on the demo banner's light blue and the notices' yellow."""
    app_style.setPalette(palette("high_contrast", app_style.palette()))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_demo_notice()
    strip = NoticeBar()
    qtbot.addWidget(strip)
    strip.show_notices([(1, "The lift in house C is out of order")])
    window.show()
    strip.show()
    for label, colour in ((window.banner.label, "#0b2e5c"), (strip.text, "#3b2f00")):
        label.ensurePolished()
        assert label.palette().color(QPalette.ColorRole.WindowText).name() == colour


@pytest.mark.parametrize("theme", THEMES)
def test_the_phone_strip_takes_its_colours_from_the_theme(app_style: QApplication, qtbot: QtBot, theme: str) -> None:
    """"Phone ready" was pale green on high contrast's black; each state now reads on every theme: dark strips on
    the dark themes while all is well, text at 7:1 on high contrast (4.5:1 elsewhere), and a down phone unlike a
    ready one."""
    Appearance(app_style, theme, 10).apply()
    phone = FakePhone()
    bridge = DeskBridge(phone, OperatorDesk(phone, DeskSettings(), clock=lambda: 0.0))
    bridge.start()
    panel = PhonePanel(bridge)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    seen = {}
    for status in (RegistrationStatus.REGISTERED, RegistrationStatus.REGISTERING, RegistrationStatus.FAILED,
                   RegistrationStatus.OFFLINE):
        phone.set_registration(Registration(status, "pbx", 401 if status is RegistrationStatus.FAILED else 200))
        def shown(value: str = status.value) -> bool:
            return bool(panel.indicator.property("status") == value)
        qtbot.waitUntil(shown, timeout=1000)
        indicator = panel.indicator
        picture = indicator.grab().toImage()
        background = picture.pixelColor(5, picture.height() // 2)  # inside the border, beside the words
        text = indicator.palette().color(QPalette.ColorRole.WindowText)
        assert contrast_ratio(text, background) >= (7.0 if theme == "high_contrast" else 4.5), (status, text.name(),
                                                                                               background.name())
        seen[status] = background.name()
    if theme != "light":
        assert QColor(seen[RegistrationStatus.REGISTERED]).lightness() < 128  # not a light strip on a dark window
    assert seen[RegistrationStatus.FAILED] != seen[RegistrationStatus.REGISTERED]
    bridge.stop()
