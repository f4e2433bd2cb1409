"""Favourites in the console: kept per database in a small JSON file, shown in a dock with live lamps."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from app.lookup.console import Console
from directory.presence import Favourite, FavouritesBoard, LineState, line_target
from ui.favourites_model import FavouritesModel
from ui.favourites_panel import FavouritesPanel
from ui.main_window import MainWindow

log = logging.getLogger(__name__)


class FavouritesFlow(QObject):
    def __init__(self, window: MainWindow, console: Console, path: Path) -> None:
        super().__init__(window)
        self.window, self.console, self.path = window, console, path
        self.board = FavouritesBoard()
        self._listening = False
        self.model = FavouritesModel(self)
        self.panel = FavouritesPanel(self.model)
        window.add_favourites_panel(self.panel)
        window.favourite_requested.connect(self.toggle)
        self.panel.entry_activated.connect(self._on_panel_entry_activated)
        console.directory_loaded.connect(self.load)
        self._timer = QTimer(self)
        self._timer.setInterval(5000)  # ages, referrals and calendars move on without events
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    def load(self) -> None:
        """Read the favourites for the loaded directory (also on every directory load)."""
        try:
            ids = [int(i) for i in json.loads(self.path.read_text(encoding="utf-8"))]
        except FileNotFoundError:
            ids = []
        except (OSError, ValueError, TypeError) as error:
            log.warning("favourites file %s unreadable, starting empty: %s", self.path, error)
            ids = []
        favourites = [f for i in ids if (f := self._favourite(i)) is not None]
        self.board.set_favourites(favourites)
        if self.console.lines is not None and not self._listening:
            self.console.lines.lines_changed.connect(self._on_lines_changed)
            self._listening = True
        self.refresh()

    def _favourite(self, entry_id: int) -> Favourite | None:
        entry = self.console.index.get(entry_id) if self.console.index is not None else None
        if entry is None:
            return None
        return Favourite(entry_id, entry.display_name, line_target(entry) or "")

    def toggle(self, entry_id: int) -> None:
        if not self.board.remove(entry_id):
            favourite = self._favourite(entry_id)
            if favourite is None:
                return
            self.board.add(favourite)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps([f.entry_id for f in self.board.favourites]), encoding="utf-8")
        except OSError as error:
            log.warning("favourites not saved to %s: %s", self.path, error)
        self.refresh()

    def refresh(self) -> None:
        services, lines = self.console.services, self.console.lines
        if services is None:
            return
        if lines is not None and self.console.index is not None:
            lines.watch([e for f in self.board.favourites if (e := self.console.index.get(f.entry_id)) is not None])
        now = datetime.now(UTC)
        calendars = {}
        if self.console.calendars is not None:
            book = self.console.calendars.sources.book
            calendars = {f.entry_id: p for f in self.board.favourites
                         if (p := book.presence(f.entry_id, now, services.referrals.zone)) is not None}
        self.model.set_rows(self.board.rows(now, services.referrals.zone, self.console.language,
                                            referrals=self.console.referrals, calendars=calendars,
                                            codes=services.referrals.codes))

    def _on_lines_changed(self, targets: tuple[str, ...]) -> None:
        lines = self.console.lines
        if lines is None:
            return
        for target in targets:
            status = lines.states.get(target)
            if status is not None:
                self.board.line_changed(target, LineState(status.state), status.observed_at)
        self.refresh()

    def _on_panel_entry_activated(self, entry_id: int) -> None:
        entry = self.console.index.get(entry_id) if self.console.index is not None else None
        if entry is not None and entry.numbers:
            self.console.dial(entry.numbers[0].raw)
