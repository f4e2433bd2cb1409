"""Adds the supervisor view to the window: a tab beside the call log, Ctrl+M to bring it up, its figures
read once the store is open, the live strip fed by the desk (when there is a phone)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut

from app.calls.desk_bridge import DeskBridge
from app.config.loader import Config
from app.lookup.console import Console
from app.lookup.referral_setup import referral_zone
from app.stats.stats_flow import StatsFlow
from directory.stats.definitions import StatsRules
from softphone.desk.records import Stage
from ui.main_window import MainWindow
from ui.stats_view import StatsView

KEY = "Ctrl+M"  # M for measurement; free in ui/shortcuts.py and ui/desk_shortcuts.py
translate = QCoreApplication.translate


def attach_stats(config: Config, window: MainWindow, console: Console, bridge: DeskBridge | None) -> StatsFlow:
    view = StatsView()
    dock = window.add_panel(translate("StatsWiring", "Statistics"), view, Qt.DockWidgetArea.LeftDockWidgetArea)
    if window.tab_group is not None:
        window.tabifyDockWidget(window.tab_group, dock)
        window.tab_group.raise_()
    waiting = None
    if bridge is not None:
        desk = bridge.desk

        def waiting() -> list[float]:  # the desk lives on this (the GUI) thread
            now = desk.now()
            return [call.waiting_s(now) for call in desk.in_stage(Stage.WAITING) if call.incoming]

    flow = StatsFlow(view, console.tasks, lambda: console.services.store if console.services else None,
                     zone=referral_zone(config), rules=StatsRules(), waiting=waiting, parent=window)
    if bridge is not None:
        bridge.ticked.connect(flow.tick)

    def started() -> None:  # after the desk's own directory_loaded slot: the call-log writer listens first
        if bridge is not None:
            bridge.desk.add_listener(flow)
        flow.start()

    console.directory_loaded.connect(started)

    def show() -> None:
        dock.show()
        dock.raise_()
        view.request_report()

    window.widen_while_shown(dock)  # the figures and charts need more than the call column's width

    QShortcut(QKeySequence(KEY), window, show)
    window.extra_shortcuts.append((KEY, translate("StatsWiring", "Statistics: show the supervisor view")))
    return flow
