"""The directory in the running console: the store opened and the search index built on the workers, then
kept current (every 30 s, on demand, after a sync or a referral change) without a rebuild.

Signals: ``directory_loaded()`` once the store is open and the index built; ``load_failed(str)`` with the
reason when it could not be; ``load_finished()`` after every load attempt, failed or not. The words about
loading are the console's (`Console`), so their translations keep their context.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from app.lookup.search_flow import SearchFlow
from app.lookup.sources_flow import SourcesFlow
from app.lookup.state import LookupState
from app.lookup.status_line import StatusLine
from app.services import Services
from app.tasks import TaskRunner
from directory.model import ChangeSet
from directory.search import SearchIndex
from ui.main_window import MainWindow

log = logging.getLogger(__name__)
REFRESH_MS = 30_000  # referrals end at their minute; the status line ages


class LoadingFlow(QObject):
    directory_loaded = Signal()
    load_failed = Signal(str)
    load_finished = Signal()

    def __init__(self, window: MainWindow, tasks: TaskRunner, state: LookupState, status: StatusLine,
                 open_services: Callable[..., Services], *, search: SearchFlow, sources: SourcesFlow,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self.tasks, self.state, self.status = window, tasks, state, status
        self._open_services, self._search, self._sources = open_services, search, sources
        self._checked_at = datetime.now(UTC)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh_now)

    def load(self, demo: bool) -> None:
        self.tasks.spawn(self._load(demo), "load demo" if demo else "load directory", self._on_load_failed)

    def stop(self) -> None:
        self._timer.stop()

    async def _load(self, demo: bool) -> None:
        loaded_at = datetime.now(UTC)
        services = await self.tasks.in_database(lambda: self._open_services(demo=demo))
        entries, usage = await self.tasks.in_database(
            lambda: (services.directory.load_entries(), services.directory.usage_counts()))
        index = await self.tasks.in_search(lambda: SearchIndex(entries, usage=usage))
        gc.freeze()  # the index's ~10^6 long-lived objects: keep the collector from rescanning them mid-keystroke
        state = self.state
        if state.services is not None:
            state.services.close()
        state.services, state.index, state.demo = services, index, demo
        self._checked_at = loaded_at
        log.info("directory loaded: %d entries", len(index))
        await self.refresh()
        if demo:
            self.window.show_demo_notice()
        elif not services.has_directory:
            self.window.show_not_configured()
        else:
            self.window.hide_banner()
        self._timer.start()
        if not demo:
            self._sources.start(services, entries)
        self._search.rerun()
        self.directory_loaded.emit()
        self.load_finished.emit()

    def _on_load_failed(self, error: BaseException) -> None:
        self.load_failed.emit(str(error))
        self.load_finished.emit()

    async def refresh(self) -> None:
        """Re-read referrals, freshness and what other writers changed."""
        services = self.state.services
        if services is None:
            return
        checked = datetime.now(UTC)
        since = self._checked_at - timedelta(seconds=5)  # a margin for writers whose clock is a little behind
        referrals, statuses, changes = await self.tasks.in_database(
            lambda: (services.referrals.everyone_in_force(), services.directory.source_statuses(),
                     services.directory.changes_since(since)))
        self._checked_at = checked
        self.state.referrals = referrals
        if changes and self.state.index is not None:
            await self.apply_changes(changes)
        self.window.set_source_status(self.status.wording.sources(statuses, datetime.now(UTC),
                                                                  demo=self.state.demo))

    def refresh_now(self) -> None:
        self.tasks.spawn(self.refresh(), "refresh statuses")

    async def apply_changes(self, changes: ChangeSet) -> None:
        """Bring the index up to a store change (import, sync, referral edit) without a rebuild."""
        services, index = self.state.services, self.state.index
        if services is None or index is None or not changes:
            return
        entries = await self.tasks.in_database(services.directory.load_entries, changes.upserted)

        def update_index() -> None:
            index.upsert(entries)
            index.remove(changes.removed)

        await self.tasks.in_search(update_index)
        self._search.rerun()
        if self.state.calendars is not None:  # new and changed people reach their calendars' mailboxes too
            self.state.calendars.set_entries(await self.tasks.in_database(services.directory.load_entries))
