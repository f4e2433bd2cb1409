"""Favourites in the console: kept per operator in the store (shared on PostgreSQL), shown in a dock with live
lamps. The JSON file earlier versions kept on each PC is taken over once, then renamed `.imported`. While
the shared store cannot be reached, they are this PC's last copy of them (read-only)."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from app.lookup.console import Console
from directory.presence import Favourite, FavouritesBoard, LineState, line_target
from directory.store.favourites import FavouritesRepository
from directory.store.last_copy import read_or_copy
from ui.favourites_model import FavouritesModel
from ui.favourites_panel import FavouritesPanel
from ui.main_window import MainWindow

log = logging.getLogger(__name__)


class FavouritesFlow(QObject):
    def __init__(self, window: MainWindow, console: Console, operator: str, legacy_file: Path) -> None:
        super().__init__(window)
        self.window, self.console, self.operator, self.legacy_file = window, console, operator, legacy_file
        self.board = FavouritesBoard()
        self._edits = 0  # toggles so far: a read that started before one is stale when it comes back
        self._listening = False
        self.model = FavouritesModel(self)
        self.panel = FavouritesPanel(self.model)
        window.add_favourites_panel(self.panel)
        window.favourite_requested.connect(self.toggle)
        self.panel.entry_activated.connect(self._on_panel_entry_activated)
        console.directory_loaded.connect(self.load)
        console.opened_offline.connect(self.load)
        self._timer = QTimer(self)
        self._timer.setInterval(5000)  # ages, referrals and calendars move on without events
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    def load(self) -> None:
        """Read the favourites for the loaded directory (also on every directory load), off the GUI thread."""
        services = self.console.services
        if services is None:
            return
        repository = FavouritesRepository(services.store, self.operator)
        self.console.tasks.spawn(self._load(repository), "favourites")
        if self.console.lines is not None and not self._listening:
            self.console.lines.lines_changed.connect(self._on_lines_changed)
            self._listening = True

    async def _load(self, repository: FavouritesRepository) -> None:
        edits = self._edits
        services = self.console.services
        if services is None:
            return
        copy, operator = services.last_copy, self.operator
        ids = await self.console.tasks.in_database(  # while the store cannot be reached: as this PC last read
            read_or_copy, services.store, copy, partial(self._read, repository),
            lambda read: copy.keep_favourites(operator, read) if copy is not None else None,
            lambda: copy.contents.favourites.get(operator, []) if copy is not None else [])
        if edits != self._edits:  # toggled meanwhile: read again, after that write (one database worker)
            self.load()
            return
        self.board.set_favourites([f for i in ids if (f := self._favourite(i)) is not None])
        self.refresh()

    def _read(self, repository: FavouritesRepository) -> list[int]:
        """On the database worker: the store's favourites, after taking over an old JSON file once."""
        try:
            old = [int(i) for i in json.loads(self.legacy_file.read_text(encoding="utf-8"))]
        except FileNotFoundError:
            old = []
        except (OSError, ValueError, TypeError) as error:
            log.warning("favourites file %s unreadable, not taken over: %s", self.legacy_file, error)
            old = []
        if old and repository.adopt(old):
            log.info("favourites taken over from %s", self.legacy_file)
        if old:
            self.legacy_file.replace(self.legacy_file.with_suffix(".json.imported"))
        return repository.entry_ids()

    def _favourite(self, entry_id: int) -> Favourite | None:
        entry = self.console.index.get(entry_id) if self.console.index is not None else None
        if entry is None:
            return None
        return Favourite(entry_id, entry.display_name, line_target(entry) or "")

    def toggle(self, entry_id: int) -> None:
        services = self.console.services
        if services is None:
            return
        if self.console.offline.offline:  # the board would show a change the store never got
            self.window.show_notice(self.console.offline.refusal())
            return
        repository = FavouritesRepository(services.store, self.operator)
        self._edits += 1
        if self.board.remove(entry_id):
            write = repository.remove
        else:
            favourite = self._favourite(entry_id)
            if favourite is None:
                return
            self.board.add(favourite)
            write = repository.add
        self.console.tasks.spawn(self.console.tasks.in_database(write, entry_id), "favourite saved",
                                 on_error=lambda error: self.window.show_notice(
                                     self.tr("The favourite was not saved: %1").replace("%1", str(error))))
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
