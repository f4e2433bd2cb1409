"""The layouts' share of the room: in the operator layout a desktop screen's window gives the call column
3/10 of its width; a laptop's leaves the column at the width its contents ask for."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from ui.layouts import COLUMN_SHARE, OPERATOR, apply_layout

pytestmark = pytest.mark.gui


def window_with_call_column(qtbot: QtBot, size: tuple[int, int]) -> tuple[QMainWindow, QDockWidget]:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("directory"))
    phone = QDockWidget("Phone", window)
    phone.setObjectName("dock_phonePanel")
    phone.setWidget(QLabel("phone"))
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, phone)
    window.resize(*size)
    return window, phone


def test_a_desktop_screens_call_column_has_its_share_of_the_window(qtbot: QtBot) -> None:
    window, phone = window_with_call_column(qtbot, (1920, 1080))
    apply_layout(window, OPERATOR)
    window.show()
    qtbot.waitUntil(lambda: phone.width() > 0)
    assert abs(phone.width() - 1920 * COLUMN_SHARE) <= 8  # the splitter handle's few pixels


def test_a_laptops_call_column_keeps_the_width_its_contents_ask_for(qtbot: QtBot) -> None:
    window, phone = window_with_call_column(qtbot, (1366, 768))
    apply_layout(window, OPERATOR)
    window.show()
    qtbot.waitUntil(lambda: phone.width() > 0)
    assert phone.width() < 1366 // 4
