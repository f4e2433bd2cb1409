"""The directory's outside sources in the running console: the LDAP sync and the calendars, started after
the first real load, with their progress and state in the window's status bar.

Signals: ``synced()`` after a sync's changes are in the store; ``calendar_presence_changed(tuple)`` with the
entry ids whose calendar state changed.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.lookup.calendar_flow import CalendarRefresher
from app.lookup.state import LookupState
from app.lookup.status_line import StatusLine
from app.lookup.sync_scheduler import SyncScheduler
from app.services import Services
from app.tasks import TaskRunner
from directory.calendars import CalendarSources, CalendarSourceSettings
from directory.sync import LdapSourceSettings
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from directory.sync import SyncSummary  # the sync's runner imports ldap3: only when a sync runs


class SourcesFlow(QObject):
    synced = Signal()
    calendar_presence_changed = Signal(tuple)

    def __init__(self, window: MainWindow, tasks: TaskRunner, state: LookupState, status: StatusLine, *,
                 ldap_sources: list[LdapSourceSettings], calendar_sources: list[CalendarSourceSettings],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self.tasks, self.state, self.status = window, tasks, state, status
        self._ldap_sources, self._calendar_sources = ldap_sources, calendar_sources
        self.sync: SyncScheduler | None = None

    def start(self, services: Services) -> None:
        """Once, on the first load of the user's own directory (never for the demo), after its first result:
        the calendars read their mailboxes in the background."""
        if self._ldap_sources and self.sync is None:
            self._start_sync(services)
        if self._calendar_sources and self.state.calendars is None:
            self._start_calendars(services)

    def stop(self) -> None:
        if self.state.calendars is not None:
            self.state.calendars.stop()
        if self.sync is not None:
            self.sync.stop()

    def _start_sync(self, services: Services) -> None:
        sync = SyncScheduler(services.store, self._ldap_sources, self.tasks, self)
        sync.sync_progressed.connect(self.window.show_sync_progress)
        sync.sync_failed.connect(lambda name, reason, delay: self.window.show_sync_failed(
            name, reason, max(1, round(delay / 60))))
        sync.sync_finished.connect(self._on_sync_finished)
        self.window.sync_requested.connect(sync.sync_now)
        self.sync = sync
        sync.start()

    def _start_calendars(self, services: Services) -> None:
        zone = services.referrals.zone
        sources = CalendarSources(self._calendar_sources, zone.key, datetime.now(UTC),
                                  ca_file=services.config.settings.calendars.ca_file)
        calendars = CalendarRefresher(sources, self.tasks, self)
        calendars.presence_changed.connect(self.calendar_presence_changed)
        calendars.refreshed.connect(self._on_calendars_refreshed)
        self.state.calendars = calendars
        self._on_calendars_refreshed("")
        calendars.start(services.directory)

    def _on_calendars_refreshed(self, _source: str) -> None:
        if self.state.calendars is not None:
            self.window.set_calendar_status(
                self.status.wording.calendars(self.state.calendars.sources.schedule.statuses()))

    def _on_sync_finished(self, summary: SyncSummary) -> None:
        self.window.show_sync_done(summary.source, summary.added, summary.updated, summary.removed)
        self.synced.emit()
