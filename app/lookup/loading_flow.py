"""The directory in the running console: the store opened and the search index opened from its snapshot on
the workers (built only when there is none that can serve), then kept current (every 30 s, on demand, after
a sync or a referral change) without a rebuild.

The snapshot (directory.search.stored) is brought up to the store's changes since it was written; one the
store changed behind is served while a new one is built in the background, and one that was brought up to
many changes is written again in the background, so the next start reads fewer.

Signals: ``index_building()`` when there is no snapshot to serve and the index is being built (the window
says so); ``directory_loaded()`` once the store is open and the index ready; ``load_failed(str)`` with the
reason when it could not be; ``load_finished()`` after every load attempt, failed or not;
``index_rebuilt()`` when a background rebuild replaced the index; ``opened_offline()`` when the shared store
could not be reached at the start and the console works from this PC's copy instead (below). The words
about loading are the console's (`Console`), so their translations keep their context.

Started while the shared PostgreSQL store cannot be reached, the console still starts: the store is not
opened, the search index is the snapshot as this PC last wrote it, the referrals in force are this PC's
last copy (directory.store.last_copy), the offline banner names when that copy was read, and every few
seconds (on the database worker, never the GUI thread) the store is tried again; once it answers it is
opened as at any start (schema checked, snapshot brought up to date, ``directory_loaded()``: the listener
and every shared view read again) and the banner goes.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from app.lookup.offline import OfflineMode
from app.lookup.search_flow import SearchFlow
from app.lookup.sources_flow import SourcesFlow
from app.lookup.state import LookupState
from app.lookup.status_line import StatusLine
from app.services import Services
from app.tasks import TaskRunner
from directory.model import ChangePosition, ChangeSet, Referral, SourceStatus
from directory.search import SearchIndex
from directory.search.stored import MARGIN, StoredIndex
from directory.store import StoreError
from directory.store.availability import reason, refused, unreachable
from ui.main_window import MainWindow

log = logging.getLogger(__name__)
REFRESH_MS = 30_000  # referrals end at their minute; the status line ages
OFFLINE_REFRESH_MS = 5_000  # offline: look for the shared store's return more often
SAVE_DELAY_S = 60.0


class LoadingFlow(QObject):
    index_building = Signal()
    index_rebuilt = Signal()
    directory_loaded = Signal()
    load_failed = Signal(str)
    load_finished = Signal()
    opened_offline = Signal()

    def __init__(self, window: MainWindow, tasks: TaskRunner, state: LookupState, status: StatusLine,
                 open_services: Callable[..., Services], *, search: SearchFlow, sources: SourcesFlow,
                 offline: OfflineMode, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self.tasks, self.state, self.status = window, tasks, state, status
        self._open_services, self._search, self._sources, self._offline = open_services, search, sources, offline
        self._checked_at = datetime.now(UTC)
        self.awaiting_store = False  # started from this PC's copy: the store is tried until it can be opened
        self._trying = False
        self._retry_failure = ""
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh_now)
        offline.offline_changed.connect(self._on_offline_changed)

    def load(self, demo: bool) -> None:
        self.tasks.spawn(self._load(demo), "load demo" if demo else "load directory", self._on_load_failed)

    def stop(self) -> None:
        self._timer.stop()

    async def _load(self, demo: bool) -> None:
        loaded_at = datetime.now(UTC)
        try:
            services = await self.tasks.in_database(lambda: self._open_services(demo=demo))
        except StoreError as error:
            why = "" if demo else _outage(error)
            if not why:
                raise
            if self.awaiting_store:
                log.info("shared store still unreachable: %s", why)
            else:
                await self._open_offline(why)
            return
        stored = services.search_index
        opened = await self.tasks.in_database(stored.open)
        if opened.index is None:
            log.info("search index: building (%s)", opened.problem)
            self.index_building.emit()
            opened = await self.tasks.in_search(stored.rebuild)
        assert opened.index is not None
        index = opened.index
        gc.freeze()  # the index's long-lived objects: keep the collector from rescanning them mid-keystroke
        state = self.state
        if state.services is not None:
            state.services.close()
        state.services, state.index, state.demo = services, index, demo
        self._checked_at = loaded_at
        self.awaiting_store = False  # refresh reads again, and its success brings the console back online
        log.info("directory loaded: %d entries", len(index))
        await self.refresh()
        if demo:
            self.window.show_demo_notice()
        elif not services.has_directory:
            self.window.show_not_configured()
        else:
            self.window.hide_banner()
        self._timer.start()
        self._search.rerun()
        self.directory_loaded.emit()
        if not demo:  # after the first result: the sync and the calendars (their mailboxes read meanwhile)
            self._sources.start(services)
        self.load_finished.emit()
        if opened.problem:
            self.tasks.spawn(self._rebuild(stored, opened.problem), "rebuild search index")
        elif opened.applied and opened.position is not None:
            self.tasks.spawn(self._save_later(stored, index, opened.position), "write search index")

    async def _open_offline(self, why: str) -> None:
        """The console without its store: search from the snapshot, referrals from the last copy, read-only."""
        services = await self.tasks.in_database(lambda: self._open_services(demo=False, unreachable=why))
        opened = await self.tasks.in_database(services.search_index.open_offline)
        if opened.index is None:
            log.warning("search index: none to serve while the store cannot be reached (%s)", opened.problem)
        state, copy = self.state, services.last_copy.contents if services.last_copy is not None else None
        if state.services is not None:
            state.services.close()
        now = datetime.now(UTC)
        state.services, state.index, state.demo = services, opened.index or SearchIndex(), False
        state.referrals = {r.entry_id: r for r in (copy.referrals if copy else [])
                           if r.until is None or r.until > now}
        self.awaiting_store = True
        log.info("started from this PC's copy of %s (read %s): %d entries, %d referrals", services.store.safe_url,
                 copy.read_at if copy else "never", len(state.index), len(state.referrals))
        self._offline.opened_without(why, copy.read_at if copy else None, has_index=opened.index is not None)
        self._timer.start()
        self._search.rerun()
        self.opened_offline.emit()
        self.load_finished.emit()

    async def _try_store(self) -> None:
        """Started from the copy: open the store as a start would, if it answers now."""
        self._trying = True
        try:
            await self._load(False)
        finally:
            self._trying = False

    def _on_try_failed(self, error: BaseException) -> None:
        """The server answered but the store cannot be opened (a schema it does not know, credentials): said
        once, and tried again, the console still working from its copy."""
        if str(error) != self._retry_failure:
            self._retry_failure = str(error)
            self.load_failed.emit(str(error))

    async def _save_later(self, stored: StoredIndex, index: SearchIndex, position: ChangePosition) -> None:
        """Write the snapshot again once the operator's first searches are answered (searches wait while it
        is written), so the next start need not read the changes this one applied."""
        await asyncio.sleep(SAVE_DELAY_S)
        if self.state.index is index:
            size = await self.tasks.in_search(stored.save, index, position)
            log.info("search index snapshot written: %d bytes", size)

    async def _rebuild(self, stored: StoredIndex, reason: str) -> None:
        """Build a new index while the stale one serves, then swap it in with the changes made meanwhile."""
        log.info("search index: rebuilding in the background (%s)", reason)
        rebuilt = await self.tasks.in_search(stored.rebuild)
        services = self.state.services
        if rebuilt.index is None or services is None or services.search_index.path != stored.path:
            return  # another directory was loaded meanwhile
        since = rebuilt.position.changed_at if rebuilt.position is not None else None
        self.state.index = rebuilt.index
        if since is not None:
            changes = await self.tasks.in_database(services.directory.changes_since, since - MARGIN)
            await self.apply_changes(changes)
        self._search.rerun()
        self.index_rebuilt.emit()

    def _on_load_failed(self, error: BaseException) -> None:
        self.load_failed.emit(str(error))
        self.load_finished.emit()

    async def refresh(self) -> None:
        """Re-read referrals, freshness and what other writers changed."""
        services = self.state.services
        if services is None or self.awaiting_store:
            return
        checked = datetime.now(UTC)
        since = self._checked_at - timedelta(seconds=5)  # a margin for writers whose clock is a little behind

        def read() -> tuple[dict[int, Referral], list[SourceStatus], ChangeSet]:
            in_force = services.referrals.everyone_in_force()
            read = in_force, services.directory.source_statuses(), services.directory.changes_since(since)
            if services.last_copy is not None:  # for a start while the store cannot be reached
                services.last_copy.keep_referrals(list(in_force.values()), checked)
            return read

        try:
            referrals, statuses, changes = await self.tasks.in_database(read)
        except Exception as error:
            if self._offline.failed(error):
                return  # the shared store is away: what was last read stays shown
            raise
        self._checked_at = checked
        self._offline.reached()
        self.state.referrals = referrals
        if changes and self.state.index is not None:
            await self.apply_changes(changes)
        self.window.set_source_status(self.status.wording.sources(statuses, datetime.now(UTC),
                                                                  demo=self.state.demo))

    def refresh_now(self) -> None:
        if self.awaiting_store:
            if not self._trying:
                self.tasks.spawn(self._try_store(), "open the shared store", self._on_try_failed)
            return
        self.tasks.spawn(self.refresh(), "refresh statuses")

    def _on_offline_changed(self, offline: bool) -> None:
        self._timer.setInterval(OFFLINE_REFRESH_MS if offline else REFRESH_MS)

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
        if self.state.calendars is not None:  # new, changed and removed people: their mailboxes routed again
            self.state.calendars.reroute(changes.upserted + changes.removed, entries)


def _outage(error: StoreError) -> str:
    """Why the shared store could not be opened when it is because its server cannot be reached ("" when
    it answered and refused: a schema it does not know, wrong credentials)."""
    cause = error.__cause__
    return reason(cause) if cause is not None and unreachable(cause) and not refused(cause) else ""
