"""Calendars in the running console: the directory's mailboxes routed to their sources (read on the database
worker as the store's light mailbox rows, never every entry), scheduled refreshes on the network pool, results
taken on the GUI thread, and the selected person refreshed on demand.

Signals: ``presence_changed(tuple)`` with the entry ids whose calendar state changed; ``refreshed(str)`` after
every refresh of a source, failed or not.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from app.tasks import TaskRunner
from directory.calendars import CalendarSources
from directory.calendars.routing import Addressed
from directory.calendars.sources import RefreshJob, Routes
from directory.store import DirectoryRepository

log = logging.getLogger(__name__)


class CalendarRefresher(QObject):
    presence_changed = Signal(tuple)
    refreshed = Signal(str)

    def __init__(self, sources: CalendarSources, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sources, self.tasks = sources, tasks
        self._stopped = False  # the console closed while the mailboxes were read: no refresh then
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self, directory: DirectoryRepository) -> None:
        """Route the directory's mailboxes (read in the background), then refresh as scheduled."""
        self.tasks.spawn(self._start(directory), "calendar mailboxes")

    async def _start(self, directory: DirectoryRepository) -> None:
        await self._read_mailboxes(directory)
        if not self._stopped:
            self._on_timer_timeout()

    def stop(self) -> None:
        self._stopped = True
        self._timer.stop()
        self.sources.close()

    async def _read_mailboxes(self, directory: DirectoryRepository) -> None:
        """Route every entry's mailbox from the store's mailbox rows (ids, kinds, addresses), on the database
        worker too: at 200,000 entries that loop is no work for the GUI thread."""
        sources = self.sources

        def read() -> Routes:
            return sources.route(directory.mailbox_rows(keywords=sources.reads_keywords))

        self.sources.set_routes(await self.tasks.in_database(read))

    def reroute(self, entry_ids: Iterable[int], entries: Iterable[Addressed]) -> None:
        """The entries of ``entry_ids`` changed or went (a sync): only their mailboxes are routed again."""
        self.sources.reroute(entry_ids, entries)

    def refresh_entry(self, entry_id: int) -> None:
        """The person the operator is looking at, now, without moving the sources' schedules."""
        for job in self.sources.plan_entries(datetime.now(UTC), [entry_id]):
            self.tasks.spawn(self._run(job), f"calendar {job.source} for one entry")

    def _on_timer_timeout(self) -> None:
        for job in self.sources.plan(datetime.now(UTC)):
            self.tasks.spawn(self._run(job), f"calendar {job.source}")
        self._arm()

    def _arm(self) -> None:
        wakeup = self.sources.schedule.next_wakeup()
        if wakeup is not None:
            delay_ms = max(1000, int((wakeup - datetime.now(UTC)).total_seconds() * 1000))
            self._timer.start(min(delay_ms, 3_600_000))

    async def _run(self, job: RefreshJob) -> None:
        refresh = await self.tasks.in_network(self.sources.run, job)
        changed = self.sources.finish(job, refresh, datetime.now(UTC))
        if refresh.failure is not None:
            log.warning("calendar source %s: %s", job.source, refresh.error)
        if changed:
            self.presence_changed.emit(tuple(changed))
        self.refreshed.emit(job.source)
        self._arm()
