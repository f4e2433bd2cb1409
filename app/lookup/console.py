"""The console's lookup side: the directory loaded and kept current on background workers, and the search,
detail and source flows over it. What the phone adds comes in through `attach_dialler` and `attach_lines`;
everything else is read through the read-only properties, so nothing outside assigns into the console.

Emits ``directory_loaded()`` once the store is open and the search index built, and ``load_finished()``
after every load attempt, failed or not (the screenshot mode and the GUI tests wait for these);
``opened_offline()`` when the shared store could not be reached at the start and the console works from this
PC's copy, read-only, until it can (then ``directory_loaded()`` follows, as at any start).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.lookup.calendar_flow import CalendarRefresher
from app.lookup.detail_flow import DetailFlow
from app.lookup.line_watcher import LineWatcher
from app.lookup.loading_flow import LoadingFlow
from app.lookup.offline import OfflineMode
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
from directory.store.notify import SharedChanges
from directory.sync import LdapSourceSettings
from ui.main_window import MainWindow


class Console(QObject):
    directory_loaded = Signal()
    load_finished = Signal()
    opened_offline = Signal()

    def __init__(self, window: MainWindow, tasks: TaskRunner, open_services: Callable[..., Services],
                 *, demo: bool, ldap_sources: list[LdapSourceSettings] | None = None, language: str = "en",
                 calendar_sources: list[CalendarSourceSettings] | None = None) -> None:
        super().__init__(window)
        self.window, self.tasks, self.language = window, tasks, language
        self._state = state = LookupState(demo=demo, language=language)
        self._dialler: Callable[[str], object] | None = None
        self.status = StatusLine(state, self)
        self.offline = OfflineMode(window, lambda: state.services.store if state.services else None,
                                   reconcile=self._reconcile, parent=self)
        self.search = SearchFlow(window, tasks, state, self.status, self)
        self.detail = DetailFlow(window, tasks, state, self.status, offline=self.offline, parent=self)
        self.sources = SourcesFlow(window, tasks, state, self.status, ldap_sources=ldap_sources or [],
                                   calendar_sources=calendar_sources or [], parent=self)
        self.loading = LoadingFlow(window, tasks, state, self.status, open_services, search=self.search,
                                   sources=self.sources, offline=self.offline, parent=self)
        self.loading.index_building.connect(self._on_loading_index_building)
        self.loading.directory_loaded.connect(self.directory_loaded)
        self.loading.load_failed.connect(self._on_loading_load_failed)
        self.loading.load_finished.connect(self.load_finished)
        self.loading.opened_offline.connect(self._on_loading_opened_offline)
        self.sources.synced.connect(self.refresh_now)
        self.sources.calendar_presence_changed.connect(self._on_sources_calendar_presence_changed)
        self.referral_flow = ReferralFlow(window, tasks, lambda: state.services.referrals if state.services else None,
                                          state.entry, self._on_referral_changed, language=language,
                                          offline=self.offline)
        window.entry_activated.connect(self._on_window_entry_activated)
        window.demo_requested.connect(self._on_window_demo_requested)

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
        """A busy lamp changed: the results show it (`attach_lines` connects this; kept public for wirings)."""
        self.search.rerun()

    # --- loading and keeping current --------------------------------------------------------------
    def start(self) -> None:
        self.window.set_source_status(self.tr("Loading directory…"))
        self.loading.load(self._state.demo)

    def close(self) -> None:
        self.search.hold.release()
        self.loading.stop()
        if self._state.lines is not None:
            self._state.lines.stop()
        self.sources.stop()
        if self._state.services is not None:
            self._state.services.close()

    def refresh_now(self) -> None:
        """Re-read referrals, freshness and what other writers changed (also every 30 s)."""
        self.loading.refresh_now()

    async def apply_changes(self, changes: ChangeSet) -> None:
        """Bring the index up to a store change (import, sync, referral edit) without a rebuild."""
        await self.loading.apply_changes(changes)

    def _on_loading_index_building(self) -> None:
        self.window.set_source_status(self.tr("Building the search index…"))

    def _on_loading_load_failed(self, reason: str) -> None:
        self.window.banner.show_message(self.tr("The directory could not be opened: %1").replace("%1", reason),
                                        "background: #fde7e9; color: #5c0b12;")
        self.window.set_source_status(self.tr("No directory"))

    def _on_loading_opened_offline(self) -> None:
        self.window.set_source_status(self.tr("Directory as last read on this PC"))
        self.opened_offline.emit()

    def _on_window_demo_requested(self) -> None:
        self.window.set_source_status(self.tr("Loading the demo directory…"))
        self.loading.load(True)

    def _on_referral_changed(self, entry_id: int) -> None:
        async def refresh() -> None:
            await self.loading.refresh()
            self.search.rerun()
            self.detail.refresh((entry_id,))

        self.tasks.spawn(refresh(), "referral changed")

    def _reconcile(self) -> None:
        """Back from offline: read again what other consoles changed meanwhile (their notifications are lost)."""
        self.refresh_now()
        current = self.window.current_entry_id()
        if current is not None:
            self.detail.refresh((current,))
        services = self._state.services
        if services is not None:  # the notice board, favourites and other views of shared rows read again
            self.window.shared_changed.emit(SharedChanges(services.store.organisation, reload=True))

    def _on_sources_calendar_presence_changed(self, entry_ids: tuple[int, ...]) -> None:
        self.search.rerun()
        self.detail.refresh(entry_ids)

    def _on_window_entry_activated(self, entry_id: int) -> None:
        services, index = self._state.services, self._state.index
        if services is None or index is None:
            return
        index.record_use(entry_id)
        entry = index.get(entry_id)
        if entry is not None and entry.numbers:
            self.dial(entry.numbers[0].raw)
        self.tasks.spawn(self.tasks.in_database(services.directory.record_use, entry_id), "record use")
