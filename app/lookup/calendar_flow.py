"""Calendars in the running console: scheduled refreshes on the network pool, results taken on the GUI
thread, and the selected person refreshed on demand.

Signals: ``presence_changed(tuple)`` with the entry ids whose calendar state changed; ``refreshed(str)`` after
every refresh of a source, failed or not.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from app.tasks import TaskRunner
from directory.calendars import CalendarSources
from directory.calendars.sources import RefreshJob
from directory.model import Entry

log = logging.getLogger(__name__)


class CalendarRefresher(QObject):
    presence_changed = Signal(tuple)
    refreshed = Signal(str)

    def __init__(self, sources: CalendarSources, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sources, self.tasks = sources, tasks
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self, entries: list[Entry]) -> None:
        self.sources.set_entries(entries)
        self._on_timer_timeout()

    def stop(self) -> None:
        self._timer.stop()
        self.sources.close()

    def set_entries(self, entries: list[Entry]) -> None:
        self.sources.set_entries(entries)

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
