"""The operator's main window: search field, results, detail pane, status bar; room for call docks.

Signals (intents for the app to act on):
- ``search_text_changed(str)`` on every keystroke;
- ``entry_selected(int)`` when the current result changes (store id);
- ``entry_activated(int)`` on Enter or double-click;
- ``dial_requested(str)`` on Enter when dialling is enabled and the search text is a phone number;
- ``demo_requested()`` when the operator asks for the demo from the "nothing configured" banner;
- ``sync_requested()`` on F5 ("sync the directory now");
- ``referral_requested(int)`` on F4: set or clear the selected entry's referral;
- ``favourite_requested(int)`` on Ctrl+L: add the selected entry to the favourites, or remove it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QChildEvent, QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from directory.number_display import NumberDisplay
from softphone.addressing import looks_dialable
from ui.about_dialog import AboutDialog
from ui.announcer import Announcer
from ui.call_log_panel import CallLogPanel
from ui.column_shares import ColumnShares
from ui.detail_pane import DetailPane, plain_label
from ui.highlight_delegate import HighlightDelegate
from ui.results_model import ENTRY_ID_ROLE, NAME, NUMBER, STATUS, TITLE, UNIT, ResultRow, ResultsModel
from ui.shortcuts import ShortcutsDialog

DIALLABLE = re.compile(r"\+?[\d\s\-/().]*\d[\d\s\-/().]*")


def looks_like_number(text: str) -> bool:
    """Digits with the usual separators ("019-602 10 00", "+47 22 11 33 44", "1234"), "*"/"#" codes, and
    explicit "sip:" addresses; not "anna@region.se", which operators type to search by e-mail."""
    if text.lower().startswith(("sip:", "sips:")):
        return looks_dialable(text)
    return bool(DIALLABLE.fullmatch(text) or re.fullmatch(r"[\d*#]+", text))


NAVIGATION_KEYS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -10, Qt.Key.Key_PageDown: 10}


class Banner(QFrame):
    """A calm, unmissable line at the top: "nothing configured", "demo data", ... Emits `shown(text)`."""

    shown = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.label = plain_label(selectable=False)
        self.button = QPushButton()
        self.button.setAccessibleDescription(self.tr("Acts on the message beside it"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    def show_message(self, text: str, style: str, button_text: str = "") -> None:
        self.shown.emit(text)
        self.setProperty("kind", "")
        self.label.setText(text)
        # the label too: a theme's palette (white text in high contrast) would otherwise colour its text
        self.setStyleSheet(f"#banner, #banner QLabel {{ {style} }} #banner {{ border-radius: 4px; }}")
        self.button.setText(button_text)
        self.button.setVisible(bool(button_text))
        self.show()


class _MinimumHeight(QObject):
    """Keeps `holder` (the phone panel's scroll area) as tall as `panel` needs, as its content and style change."""

    def __init__(self, panel: QWidget, holder: QWidget) -> None:
        super().__init__(panel)
        self._panel, self._holder = panel, holder
        panel.installEventFilter(self)
        self._follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._follow()
        return False

    def _follow(self) -> None:
        self._holder.setMinimumHeight(self._panel.minimumSizeHint().height())


PANEL_WIDTH = 480  # the call docks' column at most, so that the directory keeps the rest of a 1366 screen


class MainWindow(QMainWindow):
    search_text_changed = Signal(str)
    entry_selected = Signal(int)
    entry_activated = Signal(int)
    demo_requested = Signal()
    dial_requested = Signal(str)
    sync_requested = Signal()
    referral_requested = Signal(int)
    favourite_requested = Signal(int)
    shared_changed = Signal(object)  # a change-set other consoles made in the shared store (live updates)

    def __init__(self, parent: QWidget | None = None, *, version: str = "") -> None:
        super().__init__(parent)
        self.version = version  # shown in the About dialog
        self.setWindowTitle(self.tr("Switchboard"))
        self.setObjectName("mainWindow")
        self.banner = Banner()
        self.banner.button.clicked.connect(self.demo_requested)

        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setPlaceholderText(self.tr("Search name, unit, title or number…"))
        self.search_field.setClearButtonEnabled(True)
        font = self.search_field.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        self.search_field.setFont(font)
        self.search_field.textChanged.connect(self.search_text_changed)
        self.search_field.returnPressed.connect(self._on_search_field_return_pressed)
        self.search_field.installEventFilter(self)
        self.search_field.setAccessibleName(self.tr("Search the directory"))
        self.search_field.setAccessibleDescription(
            self.tr("Type a name, unit, title or number; the results follow as you type. Enter dials the selection."))

        self.model = ResultsModel(self)
        self.results = QTableView()
        self.results.setObjectName("results")
        self.results.setModel(self.model)
        self.results.setItemDelegate(HighlightDelegate(self.results))
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setAlternatingRowColors(True)
        self.results.setWordWrap(False)
        self.results.verticalHeader().hide()
        self.results.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.moveSection(header.visualIndex(STATUS), 1)  # status right after the name: never scrolled away
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Status and Number read whole; the names read whole as far as 30% of the width allows (Title, then
        # Unit, give way on a laptop when they would cut them: the detail pane shows both).
        ColumnShares(self.results, {NAME: 2.4, STATUS: 2.4, TITLE: 1.5, UNIT: 1.6, NUMBER: 1.9},
                     fitted=(STATUS, NUMBER), least={NAME: 0.30}, optional=(TITLE, UNIT))
        self.results.doubleClicked.connect(lambda _index: self._activate_current())
        self.results.installEventFilter(self)
        self.results.selectionModel().currentRowChanged.connect(self._on_results_current_row_changed)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setAccessibleDescription(
            self.tr("People and units found, with their status. Enter dials, F4 sets a referral."))

        self.detail = DetailPane()
        self.numbers = NumberDisplay()
        self.detail.installEventFilter(self)
        self.detail.setAccessibleName(self.tr("Selected entry"))
        self.detail.setAccessibleDescription(
            self.tr("Numbers, status and notes of the selected person or unit, and what to tell the caller"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.results)
        detail_scroll = QScrollArea()  # a unit with many numbers and notes scrolls; it never grows the window
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail_scroll.setWidget(self.detail)
        detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        detail_scroll.setMinimumWidth(self.detail.minimumWidth() + detail_scroll.verticalScrollBar().sizeHint().width())
        splitter.addWidget(detail_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(self.search_field)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        QWidget.setTabOrder(self.search_field, self.results)  # typing, then the hits, then the one selected
        QWidget.setTabOrder(self.results, self.detail)

        self.source_label = QLabel()
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)
        self.sync_progress = QProgressBar()
        self.sync_progress.setRange(0, 0)  # LDAP does not say how many entries will come
        self.sync_progress.setMaximumWidth(160)
        self.sync_progress.hide()
        self.statusBar().addPermanentWidget(self.sync_progress)
        self.calendar_label = QLabel()
        self.calendar_label.setTextFormat(Qt.TextFormat.PlainText)
        self.calendar_label.hide()
        self.statusBar().addPermanentWidget(self.calendar_label)
        self.statusBar().addPermanentWidget(self.source_label)
        self.line_label = QLabel()  # where calls come from, when it is worth saying (the demo)
        self.line_label.setTextFormat(Qt.TextFormat.PlainText)
        self.line_label.hide()
        self.statusBar().addPermanentWidget(self.line_label)
        self.announcer = Announcer()  # new callers, warnings and errors, told to screen readers too
        self.statusBar().insertPermanentWidget(0, self.announcer, 1)
        self.banner.shown.connect(self.announcer.announce)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&Keyboard shortcuts"), QKeySequence(Qt.Key.Key_F1), self.show_shortcuts)
        help_menu.addAction(self.tr("&About Switchboard"), self.show_about)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._on_escape)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.sync_requested.emit)
        QShortcut(QKeySequence(Qt.Key.Key_F4), self, self._request_referral)
        QShortcut(QKeySequence("Ctrl+L"), self, self._request_favourite)
        self._dialling = False
        self.extra_shortcuts: list[tuple[str, str]] = []  # the call panels' keys, shown by F1 too
        self.tab_group: QDockWidget | None = None  # the dock further panels join as tabs
        # Asked before closing; False keeps the window open (calls are up, see app.calls.close_flow).
        self.close_guard: Callable[[], bool] | None = None
        self.resize(1180, 720)
        self.search_field.setFocus()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ChildPolished and isinstance(event, QChildEvent) \
                and isinstance(event.child(), QTabBar):
            # The tabs of docked panels read in whole ("Consultations", not "Consul…"; Qt's dock layout elides
            # them): a tab bar too narrow for them all scrolls with arrow buttons instead.
            bar = event.child()
            assert isinstance(bar, QTabBar)
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)
        return super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        super().closeEvent(event)

    def set_number_display(self, numbers: NumberDisplay) -> None:
        """How numbers are shown here and in the panels added after (the wiring reads `numbers`)."""
        self.numbers = numbers
        self.model.numbers = numbers
        self.detail.numbers = numbers
        self.announcer.numbers = numbers

    def set_dialling_enabled(self, enabled: bool) -> None:
        """With a phone, Enter on a number typed in the search field dials it."""
        self._dialling = enabled

    def add_panel(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        """Call panels live in docks around the directory, so operators can arrange them."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{widget.objectName() or title}")
        # In a scroll area, a panel's minimum size never makes the window larger than a 1366x768 screen: a
        # dock squeezed below it scrolls instead. Panels up to PANEL_WIDTH wide keep their whole width.
        scroll = QScrollArea(dock)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(widget)
        needed = widget.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(min(needed, PANEL_WIDTH))
        dock.setWidget(scroll)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        for view in widget.findChildren(QAbstractItemView):  # a panel's list reads as the dock it is in
            if not view.accessibleName():
                view.setAccessibleName(title)
            if not view.accessibleDescription():
                view.setAccessibleDescription(
                    self.tr("%1: the arrow keys move between rows; F1 lists the keys that act on them")
                    .replace("%1", title))
        return dock

    # --- what the app tells the window -------------------------------------------------------------
    def show_results(self, rows: list[ResultRow]) -> None:
        self.model.set_rows(rows)
        if rows:
            self.results.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        else:
            self.detail.show_entry(None)

    def current_entry_id(self) -> int | None:
        """The entry of the current result row; None with no results."""
        index = self.results.currentIndex()
        return index.data(ENTRY_ID_ROLE) if index.isValid() else None

    def set_source_status(self, text: str) -> None:
        self.source_label.setText(text)

    def set_calendar_status(self, text: str) -> None:
        self.calendar_label.setText(text)
        self.calendar_label.setVisible(bool(text))

    def show_not_configured(self) -> None:
        self.banner.show_message(
            self.tr("No directory is configured on this computer. Import one with "
                    "'switchboard directory import FILE', configure a source, or try the demo."),
            "background: #fff4ce; color: #3b2f00;", self.tr("Open the demo"))

    def show_demo_notice(self) -> None:
        self.banner.show_message(self.tr("Demo organisation: fictional people and numbers, not your data."),
                                 "background: #e4efff; color: #0b2e5c;")

    def show_config_problems(self, count: int) -> None:
        self.statusBar().showMessage(self.tr("Configuration problems: %n (see 'switchboard config check')", "", count))

    def widen_while_shown(self, dock: QDockWidget) -> None:
        """While `dock` is up in the call column, the column is half the window wide; when another tab is
        brought up, it goes back to the width it had (a dock floated or in the top or bottom area is left alone)."""
        narrow: list[int] = []

        def on_visibility_changed(visible: bool) -> None:
            if not isValid(self):  # the docks are hidden as the window is destroyed (its X server gone, say)
                return
            area = self.dockWidgetArea(dock)
            if dock.isFloating() or area not in (Qt.DockWidgetArea.LeftDockWidgetArea,
                                                 Qt.DockWidgetArea.RightDockWidgetArea):
                return
            if visible and dock.width() < self.width() // 2:
                narrow.append(dock.width())
                self.resizeDocks([dock], [self.width() // 2], Qt.Orientation.Horizontal)
            elif not visible and narrow:
                beside = [d for d in self.findChildren(QDockWidget) if d.isVisible() and not d.isFloating()
                          and self.dockWidgetArea(d) == area]
                if beside:
                    self.resizeDocks(beside[:1], [narrow.pop()], Qt.Orientation.Horizontal)

        dock.visibilityChanged.connect(on_visibility_changed)

    def add_call_log(self, panel: CallLogPanel) -> QDockWidget:
        """The call log joins the tabbed panels; Ctrl+H brings it up with its search field focused."""
        dock = self.add_panel(self.tr("Call log"), panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        if self.tab_group is not None:
            self.tabifyDockWidget(self.tab_group, dock)
            self.tab_group.raise_()

        def show_log() -> None:
            dock.show()
            dock.raise_()
            panel.focus_search()
            panel.refresh()
        QShortcut(QKeySequence("Ctrl+H"), self, show_log)
        self.extra_shortcuts.append(("Ctrl+H", self.tr("Call log: show and search it")))
        return dock

    def add_notice_bar(self, bar: QWidget) -> None:
        """The operators' notice board, between the banner and the search field."""
        central = self.centralWidget()
        layout = central.layout() if central is not None else None
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, bar)

    def add_phone_panel(self, panel: QWidget) -> None:
        dock = self.add_panel(self.tr("Phone"), panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        # Its caller card and buttons are never scrolled away, also once the theme's text size has grown them.
        _MinimumHeight(panel, dock.widget())
        # Call docks beside a full directory, never larger than the screen (1366x768 laptops), and on a larger
        # screen most of it (it opened 1560x860 on 1920x1080, a third of the screen unused).
        screen = self.screen().availableGeometry()
        width = max(self.width(), 1560, screen.width() * 9 // 10)
        height = max(self.height(), 860, screen.height() * 9 // 10)
        self.resize(min(width, screen.width()), min(height, screen.height()))

    def show_phone_unavailable(self, reason: str) -> None:
        self.banner.show_message(self.tr("The phone is not started: %1").replace("%1", reason),
                                 "background: #fde7e9; color: #5c0b12;")

    def show_sync_progress(self, source: str, count: int) -> None:
        self.sync_progress.show()
        self.statusBar().showMessage(self.tr("Syncing %1: %n entries read", "", count).replace("%1", source))

    def show_sync_done(self, source: str, added: int, updated: int, removed: int) -> None:
        self.sync_progress.hide()
        self.statusBar().showMessage(
            self.tr("%1 synced: %2 added, %3 updated, %4 removed").replace("%1", source)
            .replace("%2", str(added)).replace("%3", str(updated)).replace("%4", str(removed)), 15_000)
        if self.banner.property("kind") == "sync":
            self.hide_banner()

    def show_sync_failed(self, source: str, reason: str, retry_minutes: int) -> None:
        self.sync_progress.hide()
        self.statusBar().clearMessage()
        self.banner.show_message(
            self.tr("Directory sync from %1 failed: %2. Searching the last good copy; next try in %n minute(s).",
                    "", retry_minutes).replace("%1", source).replace("%2", reason),
            "background: #fff4ce; color: #3b2f00;")
        self.banner.setProperty("kind", "sync")

    def show_queue_state(self, up: bool, detail: str) -> None:
        """The exchange's queue: say plainly when it cannot be reached (the console reconnects by itself)."""
        if up:
            if self.banner.property("kind") == "queue":
                self.hide_banner()
            self.statusBar().showMessage(self.tr("Connected to the exchange's queue"), 10_000)
            return
        self.banner.show_message(
            self.tr("The exchange's queue cannot be reached (%1). Reconnecting; callers waiting there are not "
                    "shown meanwhile.").replace("%1", detail), "background: #fde7e9; color: #5c0b12;")
        self.banner.setProperty("kind", "queue")

    def show_demo_line(self, queue: bool, reason: str = "") -> None:
        """Which way the demo's callers come: a private exchange queue, or this console's own line (and why)."""
        if queue:
            self.line_label.setText(self.tr("Demo: callers wait at a private exchange queue"))
            self.line_label.setToolTip(self.tr("Kamailio holds the callers; F2 picks the first, Shift+F2 the "
                                               "selected one."))
        else:
            self.line_label.setText(self.tr("Demo: callers ring this console's own line"))
            self.line_label.setToolTip(self.tr("No private exchange queue: %1").replace("%1", reason))
        self.line_label.show()

    def hide_banner(self) -> None:
        self.banner.hide()

    # --- keyboard ----------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()

    def show_about(self) -> None:
        AboutDialog(self.version, self).open()

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self, self.extra_shortcuts).open()

    def _on_escape(self) -> None:
        if self.search_field.text():
            self.search_field.clear()
        self.search_field.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if watched is self.search_field and event.key() in NAVIGATION_KEYS:
            self._move_current(NAVIGATION_KEYS[Qt.Key(event.key())])
            return True
        if watched is not self.search_field and self._is_typing(event):
            # Typing anywhere goes to the search: operators never have to click back first.
            self.search_field.setFocus()
            self.search_field.insert(event.text())
            return True
        if watched is self.results and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate_current()
            return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _is_typing(event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
        text = event.text()
        return modifiers == Qt.KeyboardModifier.NoModifier and bool(text) and text.isprintable()

    def _move_current(self, step: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        current = self.results.currentIndex().row()
        row = min(max(0 if current < 0 else current + step, 0), count - 1)
        self.results.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.results.scrollTo(self.model.index(row, 0))

    def _request_favourite(self) -> None:
        index = self.results.currentIndex()
        if index.isValid():
            self.favourite_requested.emit(index.data(ENTRY_ID_ROLE))

    def add_favourites_panel(self, panel: QWidget) -> None:
        """Beside the call tabs when there are call panels, else on its own at the left."""
        dock = self.add_panel(self.tr("Favourites"), panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        if self.tab_group is not None:
            self.tabifyDockWidget(self.tab_group, dock)
            self.tab_group.raise_()

    def _request_referral(self) -> None:
        index = self.results.currentIndex()
        if index.isValid():
            self.referral_requested.emit(index.data(ENTRY_ID_ROLE))

    def show_handing_back(self, target: str) -> None:
        self.show_notice(self.tr("Handing calls back to %1…").replace("%1", target))

    def show_notice(self, text: str) -> None:
        """A passing message in the status bar (plain text, 15 s)."""
        self.statusBar().showMessage(text, 15_000)
        self.announcer.announce(text, assertive=True)

    def _on_search_field_return_pressed(self) -> None:
        text = self.search_field.text().strip()
        if self._dialling and looks_like_number(text):
            self.dial_requested.emit(text)
        else:
            self._activate_current()

    def _activate_current(self) -> None:
        index = self.results.currentIndex()
        if index.isValid():
            self.entry_activated.emit(index.data(ENTRY_ID_ROLE))

    def _on_results_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.entry_selected.emit(current.data(ENTRY_ID_ROLE))
