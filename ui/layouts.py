"""The window's two layouts, chosen by `[general] layout`.

- operator (the default): the call docks in a column beside the directory, the queue first; on a desktop
  screen the column takes 3/10 of the window.
- receptionist: compact, for one health centre with few lines: the phone (with its caller card) and the
  waiting list in a row above the directory, the other lists as tabs below it, the supervisor view left out
  (Ctrl+M still brings it up).

Docks are found by their object names, which do not change with the language.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

OPERATOR, RECEPTIONIST = "operator", "receptionist"
_ROW = ("dock_phonePanel", "dock_waitingPanel")
_FIRST_TAB = "dock_heldPanel"
_LEFT_OUT = ("dock_stats_view",)
TABS_HEIGHT = 120  # pixels: a few rows of the held calls or the call log; the operator may drag it taller
WIDE = 1600  # pixels: a window this wide (a desktop screen) gives the operator's call column a share of it
COLUMN_SHARE = 0.3  # a third cut the results' Status column at 1920x1080 ("Course/conference until Mon 0…")


def apply_layout(window: QMainWindow, layout: str) -> None:
    if layout != RECEPTIONIST:
        widen_call_column(window)  # the docks are where the wiring put them
        return
    docks = {dock.objectName(): dock for dock in window.findChildren(QDockWidget)}
    row = [docks[name] for name in _ROW if name in docks]
    for dock in row:
        window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, dock, Qt.Orientation.Horizontal)
    if len(row) == len(_ROW):  # the caller card needs less of the row than the waiting callers' columns
        window.resizeDocks(row, [window.width() * 2 // 5, window.width() * 3 // 5], Qt.Orientation.Horizontal)
    tabs = sorted((dock for name, dock in docks.items() if name not in _ROW),
                  key=lambda dock: dock.objectName() != _FIRST_TAB)  # on hold first, then as they were added
    for dock in tabs:
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    for dock in tabs[1:]:
        window.tabifyDockWidget(tabs[0], dock)
    for name in _LEFT_OUT:
        if name in docks:
            docks[name].hide()
    if tabs:
        tabs[0].raise_()
        window.resizeDocks([tabs[0]], [TABS_HEIGHT], Qt.Orientation.Vertical)  # the directory keeps the room
    screen = window.screen().availableGeometry()  # moving docks between areas may have grown the window
    window.resize(min(window.width(), screen.width()), min(window.height(), screen.height()))


def widen_call_column(window: QMainWindow) -> None:
    """In the operator layout on a desktop screen, the call column (phone, waiting, tabs) 3/10 of the window:
    left at the width a laptop's window leaves it, its service names and tabs were cut at 1920x1080 beside a
    directory with room to spare."""
    phone = window.findChild(QDockWidget, _ROW[0])
    if window.width() >= WIDE and phone is not None and not phone.isFloating() \
            and window.dockWidgetArea(phone) == Qt.DockWidgetArea.LeftDockWidgetArea:
        window.resizeDocks([phone], [int(window.width() * COLUMN_SHARE)], Qt.Orientation.Horizontal)
