"""The console's lookup side: loading the directory on background workers, keeping it current, and the
search, detail and source flows over it. What the phone adds comes in through `attach_dialler` and
`attach_lines`; everything else is read through the read-only properties.

Emits ``directory_loaded()`` once the store is open and the search index built, and ``load_finished()``
after every load attempt, failed or not (the screenshot mode and the GUI tests wait for these).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from app.lookup.calendar_flow import CalendarRefresher
from app.lookup.detail_flow import DetailFlow
from app.lookup.line_watcher import LineWatcher
from app.lookup.referral_flow import ReferralFlow
from app.lookup.search_flow import SearchFlow
from app.lookup.sources_flow import SourcesFlow
from app.lookup.state import LookupState
from app.lookup.status_line import StatusLine
from app.lookup.sync_scheduler import SyncScheduler
from app.services import Services
from app.tasks import TaskRunner
from directory.calendars import CalendarSourceSettings
from directory.model import ChangeSet, Referral
from directory.search import SearchIndex
from directory.search.person import name_for_number
from directory.sync import LdapSourceSettings
from ui.main_window import MainWindow

log = logging.getLogger(__name__)
REFRESH_MS = 30_000  # referrals end at their minute; the status line ages


class Console(QObject):
    directory_loaded = Signal()
    load_finished = Signal()

    def __init__(self, window: MainWindow, tasks: TaskRunner, open_services: Callable[..., Services],
                 *, demo: bool, ldap_sources: list[LdapSourceSettings] | None = None, language: str = "en",
                 calendar_sources: list[CalendarSourceSettings] | None = None) -> None:
        super().__init__(window)
        self.window, self.tasks, self.language, self._open_services = window, tasks, language, open_services
        self._state = state = LookupState(demo=demo, language=language)
        self._checked_at = datetime.now(UTC)
        self._dialler: Callable[[str], object] | None = None
        self.status = StatusLine(state, self)
        self.search = SearchFlow(window, tasks, state, self.status, self)
        self.detail = DetailFlow(window, tasks, state, self.status, self)
        self.sources = SourcesFlow(window, tasks, state, self.status, ldap_sources=ldap_sources or [],
                                   calendar_sources=calendar_sources or [], parent=self)
        self.sources.synced.connect(self.refresh_now)
        self.sources.calendar_presence_changed.connect(self._on_sources_calendar_presence_changed)
        self.referral_flow = ReferralFlow(window, tasks, lambda: state.services.referrals if state.services else None,
                                          state.entry, self._on_referral_changed, language=language)
        window.entry_activated.connect(self._on_window_entry_activated)
        window.demo_requested.connect(self._on_window_demo_requested)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh_now)

    # --- what others read -------------------------------------------------------------------------
    @property
    def services(self) -> Services | None:
        return self._state.services

    @property
    def index(self) -> SearchIndex | None:
        return self._state.index

    @property
    def referrals(self) -> dict[int, Referral]:
        return self._state.referrals

    @property
    def demo(self) -> bool:
        return self._state.demo

    @property
    def lines(self) -> LineWatcher | None:
        return self._state.lines

    @property
    def calendars(self) -> CalendarRefresher | None:
        return self._state.calendars

    @property
    def sync(self) -> SyncScheduler | None:
        return self.sources.sync

    # --- what the phone adds ----------------------------------------------------------------------
    def attach_dialler(self, dialler: Callable[[str], object]) -> None:
        """Activating an entry (Enter, double-click, a favourite) dials its first number through ``dialler``."""
        self._dialler = dialler

    def attach_lines(self, lines: LineWatcher) -> None:
        """Busy lamps: the settled results are watched, a changed line re-runs the search; starts ``lines``."""
        self._state.lines = lines
        self.search.results_shown.connect(lines.show)
        lines.lines_changed.connect(self.on_lines_changed)
        lines.start()

    def dial(self, number: str) -> bool:
        """Dial ``number`` when a phone is attached; False when there is none."""
        if self._dialler is None:
            return False
        self._dialler(number)
        return True

    def name_for_number(self, number: str) -> str | None:
        """The directory's name for a caller's number, when the number is someone's (GUI thread, ~ms)."""
        return name_for_number(self._state.index, number) if self._state.index is not None else None

    def on_lines_changed(self, _targets: tuple[str, ...]) -> None:
        self.search.rerun()

    # --- loading and keeping current --------------------------------------------------------------
    def start(self) -> None:
        self.window.set_source_status(self.tr("Loading directory…"))
        self.tasks.spawn(self._load(self._state.demo), "load directory", self._on_load_failed)

    def close(self) -> None:
        self._refresh_timer.stop()
        if self._state.lines is not None:
            self._state.lines.stop()
        self.sources.stop()
        if self._state.services is not None:
            self._state.services.close()

    async def _load(self, demo: bool) -> None:
        loaded_at = datetime.now(UTC)
        services = await self.tasks.in_database(lambda: self._open_services(demo=demo))
        entries, usage = await self.tasks.in_database(
            lambda: (services.directory.load_entries(), services.directory.usage_counts()))
        index = await self.tasks.in_search(lambda: SearchIndex(entries, usage=usage))
        gc.freeze()  # the index's ~10^6 long-lived objects: keep the collector from rescanning them mid-keystroke
        state = self._state
        if state.services is not None:
            state.services.close()
        state.services, state.index, state.demo = services, index, demo
        self._checked_at = loaded_at
        log.info("directory loaded: %d entries", len(index))
        await self._refresh()
        if demo:
            self.window.show_demo_notice()
        elif not services.has_directory:
            self.window.show_not_configured()
        else:
            self.window.hide_banner()
        self._refresh_timer.start()
        if not demo:
            self.sources.start(services, entries)
        self.search.rerun()
        self.directory_loaded.emit()
        self.load_finished.emit()

    def _on_load_failed(self, error: BaseException) -> None:
        self.window.banner.show_message(self.tr("The directory could not be opened: %1").replace("%1", str(error)),
                                        "background: #fde7e9; color: #5c0b12;")
        self.window.set_source_status(self.tr("No directory"))
        self.load_finished.emit()

    async def _refresh(self) -> None:
        services = self._state.services
        if services is None:
            return
        checked = datetime.now(UTC)
        since = self._checked_at - timedelta(seconds=5)  # a margin for writers whose clock is a little behind
        referrals, statuses, changes = await self.tasks.in_database(
            lambda: (services.referrals.everyone_in_force(), services.directory.source_statuses(),
                     services.directory.changes_since(since)))
        self._checked_at = checked
        self._state.referrals = referrals
        if changes and self._state.index is not None:
            await self.apply_changes(changes)
        self.window.set_source_status(self.status.wording.sources(statuses, datetime.now(UTC), demo=self.demo))

    def refresh_now(self) -> None:
        """Re-read referrals, freshness and what other writers changed (also every 30 s)."""
        self.tasks.spawn(self._refresh(), "refresh statuses")

    async def apply_changes(self, changes: ChangeSet) -> None:
        """Bring the index up to a store change (import, sync, referral edit) without a rebuild."""
        services, index = self._state.services, self._state.index
        if services is None or index is None or not changes:
            return
        entries = await self.tasks.in_database(services.directory.load_entries, changes.upserted)

        def update_index() -> None:
            index.upsert(entries)
            index.remove(changes.removed)

        await self.tasks.in_search(update_index)
        self.search.rerun()
        if self._state.calendars is not None:  # new and changed people reach their calendars' mailboxes too
            self._state.calendars.set_entries(await self.tasks.in_database(services.directory.load_entries))

    def _on_referral_changed(self, entry_id: int) -> None:
        async def refresh() -> None:
            await self._refresh()
            self.search.rerun()
            self.detail.refresh((entry_id,))

        self.tasks.spawn(refresh(), "referral changed")

    def _on_sources_calendar_presence_changed(self, entry_ids: tuple[int, ...]) -> None:
        self.search.rerun()
        self.detail.refresh(entry_ids)

    # --- activation -------------------------------------------------------------------------------
    def _on_window_entry_activated(self, entry_id: int) -> None:
        services, index = self._state.services, self._state.index
        if services is None or index is None:
            return
        index.record_use(entry_id)
        entry = index.get(entry_id)
        if entry is not None and entry.numbers:
            self.dial(entry.numbers[0].raw)
        self.tasks.spawn(self.tasks.in_database(services.directory.record_use, entry_id), "record use")

    def _on_window_demo_requested(self) -> None:
        self.window.set_source_status(self.tr("Loading the demo directory…"))
        self.tasks.spawn(self._load(True), "load demo", self._on_load_failed)
