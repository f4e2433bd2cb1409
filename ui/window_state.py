"""Where the operator left things: the window's size and place, the docks (saveState) and the text size.

Kept in a small INI file in the user's data folder (not the configuration, which policy may lock), read
once at start and written when the window closes. Ctrl+Plus and Ctrl+Minus change the text size, Ctrl+0
goes back to the default.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QSettings
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow

from ui.appearance import DEFAULT_POINTS, Appearance

# Raise when the docks change so much that an old layout would confuse (2: dock names; 3: the Active call
# panel gone, its call on the phone dock's caller card).
STATE_VERSION = 3


class WindowState(QObject):
    def __init__(self, window: QMainWindow, appearance: Appearance, path: Path, layout: str = "operator") -> None:
        """`layout`: the configured layout; each keeps its own saved arrangement of the docks."""
        super().__init__(window)
        self._docks_key = "window/docks" if layout == "operator" else f"window/docks-{layout}"
        self._window = window
        self._appearance = appearance
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)
        for keys, slot in (((QKeySequence.StandardKey.ZoomIn, QKeySequence("Ctrl+=")), appearance.bigger),
                           ((QKeySequence.StandardKey.ZoomOut,), appearance.smaller),
                           ((QKeySequence("Ctrl+0"),), self.default_text_size)):
            for key in keys:
                QShortcut(QKeySequence(key), window, slot)

    def shortcut_texts(self) -> list[tuple[str, str]]:
        """For the F1 list."""
        return [("Ctrl++", self.tr("Larger text")), ("Ctrl+-", self.tr("Smaller text")),
                ("Ctrl+0", self.tr("Default text size"))]

    def default_text_size(self) -> None:
        self._appearance.points = DEFAULT_POINTS
        self._appearance.apply()

    def restore(self) -> None:
        """The saved size, docks and text size, when there are any; the defaults otherwise."""
        settings = self._settings
        points = settings.value("text/points")
        if points is not None:
            self._appearance.points = float(str(points))
        self._appearance.apply()
        geometry, docks = settings.value("window/geometry"), settings.value(self._docks_key)
        if isinstance(geometry, QByteArray):
            self._window.restoreGeometry(geometry)
        if isinstance(docks, QByteArray):
            self._window.restoreState(docks, STATE_VERSION)

    def save(self) -> None:
        settings = self._settings
        settings.setValue("text/points", self._appearance.points)
        settings.setValue("window/geometry", self._window.saveGeometry())
        settings.setValue(self._docks_key, self._window.saveState(STATE_VERSION))
        settings.sync()
