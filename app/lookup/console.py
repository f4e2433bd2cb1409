"""The console's wiring: window intents in, directory work on background workers, results back out.

Emits ``directory_loaded()`` once the store is open and the search index built, and ``load_finished()``
after every load attempt, failed or not (the screenshot mode and the GUI tests wait for these).
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from app.lookup.calendar_flow import CalendarRefresher
from app.lookup.line_watcher import LineWatcher
from app.lookup.referral_flow import ReferralFlow
from app.lookup.sync_scheduler import SyncScheduler
from app.services import Services
from app.tasks import TaskRunner
from directory.calendars import CalendarSources, CalendarSourceSettings, presence_text
from directory.calendars.wording import block_line
from directory.model import ChangeSet, Entry, Referral
from directory.presence import LineState, aggregate, part_line, presence_line
from directory.search import MatchKind, SearchIndex
from directory.sync import LdapSourceSettings, SyncSummary
from ui.main_window import MainWindow
from ui.referral_text import ReferralText
from ui.results_model import ResultRow
from ui.status_text import StatusText

log = logging.getLogger(__name__)


class Console(QObject):
    directory_loaded = Signal()
    load_finished = Signal()

    def __init__(self, window: MainWindow, tasks: TaskRunner, open_services: Callable[..., Services],
                 *, demo: bool, ldap_sources: list[LdapSourceSettings] | None = None, language: str = "en",
                 calendar_sources: list[CalendarSourceSettings] | None = None) -> None:
        super().__init__(window)
        self.language = language
        self._calendar_sources = calendar_sources or []
        self.calendars: CalendarRefresher | None = None
        self.referral_flow = ReferralFlow(window, tasks, lambda: self.services.referrals if self.services else None,
                                          lambda entry_id: self.index.get(entry_id) if self.index else None,
                                          self._on_referral_changed, language=language)
        self.window, self.tasks, self._open_services, self.demo = window, tasks, open_services, demo
        self._ldap_sources = ldap_sources or []
        self.sync: SyncScheduler | None = None
        self.services: Services | None = None
        self.index: SearchIndex | None = None
        self.referrals: dict[int, Referral] = {}
        self._checked_at = datetime.now(UTC)
        self.wording = StatusText(self)
        self.dialler: Callable[[str], object] | None = None  # set when a phone is attached
        self.lines: LineWatcher | None = None  # busy lamps, set when the PBX offers them
        self._wanted_query: str | None = None
        self._searching = False
        window.search_text_changed.connect(self._on_window_search_text_changed)
        window.entry_selected.connect(self._on_window_entry_selected)
        window.entry_activated.connect(self._on_window_entry_activated)
        window.demo_requested.connect(self._on_window_demo_requested)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(30_000)  # referrals end at their minute; the status line ages
        self._refresh_timer.timeout.connect(self._on_refresh_timer_timeout)

    def start(self) -> None:
        self.window.set_source_status(self.tr("Loading directory…"))
        self.tasks.spawn(self._load(self.demo), "load directory", self._on_load_failed)

    def close(self) -> None:
        self._refresh_timer.stop()
        if self.lines is not None:
            self.lines.stop()
        if self.calendars is not None:
            self.calendars.stop()
        if self.sync is not None:
            self.sync.stop()
        if self.services is not None:
            self.services.close()

    async def _load(self, demo: bool) -> None:
        loaded_at = datetime.now(UTC)
        services = await self.tasks.in_database(lambda: self._open_services(demo=demo))
        entries, usage = await self.tasks.in_database(
            lambda: (services.directory.load_entries(), services.directory.usage_counts()))
        index = await self.tasks.in_search(lambda: SearchIndex(entries, usage=usage))
        gc.freeze()  # the index's ~10^6 long-lived objects: keep the collector from rescanning them mid-keystroke
        if self.services is not None:
            self.services.close()
        self.services, self.index, self.demo = services, index, demo
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
        if not demo and self._ldap_sources and self.sync is None:
            self._start_sync(services)
        if not demo and self._calendar_sources and self.calendars is None:
            self._start_calendars(services, entries)
        self._request_search(self.window.search_field.text())
        self.directory_loaded.emit()
        self.load_finished.emit()

    def _on_load_failed(self, error: BaseException) -> None:
        self.window.banner.show_message(self.tr("The directory could not be opened: %1").replace("%1", str(error)),
                                        "background: #fde7e9; color: #5c0b12;")
        self.window.set_source_status(self.tr("No directory"))
        self.load_finished.emit()

    async def _refresh(self) -> None:
        services = self.services
        if services is None:
            return
        checked = datetime.now(UTC)
        since = self._checked_at - timedelta(seconds=5)  # a margin for writers whose clock is a little behind
        referrals, statuses, changes = await self.tasks.in_database(
            lambda: (services.referrals.everyone_in_force(), services.directory.source_statuses(),
                     services.directory.changes_since(since)))
        self._checked_at = checked
        self.referrals = referrals
        if changes and self.index is not None:
            await self.apply_changes(changes)
        self.window.set_source_status(self.wording.sources(statuses, datetime.now(UTC), demo=self.demo))

    def refresh_now(self) -> None:
        """Re-read referrals, freshness and what other writers changed (also every 30 s)."""
        self.tasks.spawn(self._refresh(), "refresh statuses")

    def _on_refresh_timer_timeout(self) -> None:
        self.refresh_now()

    # --- search as you type: the newest text wins, stale results are dropped ------------------------
    def _on_window_search_text_changed(self, text: str) -> None:
        self._request_search(text)

    def _request_search(self, text: str) -> None:
        self._wanted_query = text
        if not self._searching and self.index is not None:
            self._searching = True
            self.tasks.spawn(self._search_until_current(), "search")

    async def _search_until_current(self) -> None:
        try:
            while self.index is not None and self._wanted_query is not None:
                query, index = self._wanted_query, self.index
                limit = self.services.config.settings.directory.result_limit if self.services else 50
                hits = await self.tasks.in_search(index.search, query, limit)
                if query == self._wanted_query:
                    now = datetime.now(UTC)
                    if self.lines is not None:
                        self.lines.watch([hit.entry for hit in hits[:30]])
                    self.window.show_results([
                        ResultRow(hit.entry, dict(hit.highlights), self._status_for(hit.entry.id, now))
                        for hit in hits])
                    self._wanted_query = None
        finally:
            self._searching = False

    def _status_for(self, entry_id: int | None, now: datetime) -> str:
        text = self._away_text(entry_id, now)
        entry = self.index.get(entry_id) if self.index is not None and entry_id is not None else None
        line = self.lines.status(entry) if self.lines is not None and entry is not None else None
        if line is None or line.state not in (LineState.RINGING, LineState.BUSY) or self.services is None:
            return text
        live = presence_line(aggregate(now, line=line), self.services.referrals.zone, self.language)
        return f"{text} · {live[:1].lower()}{live[1:]}" if text else live  # "Lunch until 13:00 · on the phone"

    def _presence_sources(self, entry: Entry, now: datetime) -> list[str]:
        """Each source's own word with its age ("Calendar: in a meeting until 14:30 (5 min ago)")."""
        services = self.services
        if services is None or entry.id is None:
            return []
        zone = services.referrals.zone
        calendar = (self.calendars.sources.book.presence(entry.id, now, zone)
                    if self.calendars is not None else None)
        presence = aggregate(now, referral=self.referrals.get(entry.id), calendar=calendar,
                             line=self.lines.status(entry) if self.lines is not None else None)
        return [part_line(part, now, zone, self.language, services.referrals.codes) for part in presence.parts]

    def on_lines_changed(self, _targets: tuple[str, ...]) -> None:
        self._request_search(self.window.search_field.text())

    def _away_text(self, entry_id: int | None, now: datetime) -> str:
        referral = self.referrals.get(entry_id) if entry_id is not None else None
        if referral is None:  # no referral: what the calendar says, if anything
            return self._calendar_line(entry_id, now) if entry_id is not None else ""
        if self.services is not None:  # the label in this operator's language, whatever was stored
            label = self.services.referrals.code(referral.code).label.get(self.language)
            referral = replace(referral, text=label or referral.text)
        return self.wording.referral(referral, now)

    def _on_referral_changed(self, entry_id: int) -> None:
        async def refresh() -> None:
            await self._refresh()
            self._request_search(self.window.search_field.text())
            await self._show_detail(entry_id)

        self.tasks.spawn(refresh(), "referral changed")

    # --- selection and activation ------------------------------------------------------------------
    def _on_window_entry_selected(self, entry_id: int) -> None:
        self.tasks.spawn(self._show_detail(entry_id), "show detail")

    async def _show_detail(self, entry_id: int) -> None:
        if self.services is None or self.index is None:
            return
        entry, services = self.index.get(entry_id), self.services
        notes, in_force, history = await self.tasks.in_database(
            lambda: (services.annotations.notes_for(entry_id), services.referrals.current(entry_id),
                     services.referrals.history(entry_id, 10)))
        current = self.window.results.currentIndex()
        if entry is None or not current.isValid() or self.window.model.row(current.row()).entry.id != entry_id:
            return  # the operator has moved on
        now = datetime.now(UTC)
        caller_language = services.config.settings.referrals.caller_language
        read_out = services.referrals.sentence(entry.display_name, in_force.referral, caller_language) \
            if in_force else ""
        history_text = ReferralText(services.referrals.zone, self).history(history, now) if history else ""
        self.window.detail.show_entry(entry, self._status_for(entry_id, now), notes, read_out=read_out,
                                      history=history_text, calendar=self._calendar_days(entry_id, now),
                                      sources=self._presence_sources(entry, now))

    def name_for_number(self, number: str) -> str | None:
        """The directory's name for a caller's number, when the number is someone's (GUI thread, ~ms)."""
        if self.index is None or not number:
            return None
        hits = self.index.search(number, 1)
        if hits and hits[0].match >= MatchKind.NUMBER_EXACT and hits[0].match != MatchKind.EXACT_NAME:
            return hits[0].entry.display_name
        return None

    def _on_window_entry_activated(self, entry_id: int) -> None:
        if self.services is None or self.index is None:
            return
        self.index.record_use(entry_id)
        entry = self.index.get(entry_id)
        if self.dialler is not None and entry is not None and entry.numbers:
            self.dialler(entry.numbers[0].raw)
        self.tasks.spawn(self.tasks.in_database(self.services.directory.record_use, entry_id), "record use")

    def _start_sync(self, services: Services) -> None:
        sync = SyncScheduler(services.store, self._ldap_sources, self.tasks, self)
        sync.sync_progressed.connect(self.window.show_sync_progress)
        sync.sync_failed.connect(lambda name, reason, delay: self.window.show_sync_failed(
            name, reason, max(1, round(delay / 60))))
        sync.sync_finished.connect(self._on_sync_finished)
        self.window.sync_requested.connect(sync.sync_now)
        self.sync = sync
        sync.start()

    def _start_calendars(self, services: Services, entries: list[Entry]) -> None:
        zone = services.referrals.zone
        sources = CalendarSources(self._calendar_sources, zone.key, datetime.now(UTC),
                                  ca_file=services.config.settings.calendars.ca_file)
        self.calendars = CalendarRefresher(sources, self.tasks, self)
        self.calendars.presence_changed.connect(self._on_calendars_presence_changed)
        self.calendars.refreshed.connect(self._on_calendars_refreshed)
        self._on_calendars_refreshed("")
        self.calendars.start(entries)

    def _on_calendars_refreshed(self, _source: str) -> None:
        if self.calendars is not None:
            self.window.set_calendar_status(
                self.wording.calendars(self.calendars.sources.schedule.statuses()))

    def _on_calendars_presence_changed(self, entry_ids: tuple[int, ...]) -> None:
        self._request_search(self.window.search_field.text())
        current = self.window.results.currentIndex()
        if current.isValid() and self.window.model.row(current.row()).entry.id in entry_ids:
            self._on_window_entry_selected(self.window.model.row(current.row()).entry.id or 0)

    def _calendar_line(self, entry_id: int, now: datetime) -> str:
        """The calendar's word when no referral is set: a subject code's referral ("LUN: ...") shows as that
        referral, anything else as the calendar state ("in a meeting until 14:30")."""
        if self.calendars is None or self.services is None:
            return ""
        zone = self.services.referrals.zone
        presence = self.calendars.sources.book.presence(entry_id, now, zone)
        if presence is None:
            return ""
        if presence.referral is not None:
            implied = presence.referral.to_referral(entry_id, dict(self.services.referrals.codes), self.language)
            if implied is not None:
                return self.wording.referral(implied, now)
        return presence_text(presence, zone, self.language)

    def _calendar_days(self, entry_id: int, now: datetime) -> tuple[list[str], list[str], str] | None:
        """Today's and tomorrow's busy blocks as lines; refreshes the person on demand when stale."""
        if self.calendars is None or self.services is None:
            return None
        zone = self.services.referrals.zone
        summary = self.calendars.sources.book.summary(entry_id, now, zone)
        if summary.fetched_at is None or (now - summary.fetched_at).total_seconds() > 60:
            self.calendars.refresh_entry(entry_id)
        if summary.fetched_at is None:
            return None
        today = now.astimezone(zone).date()
        age = self.wording.age(int((now - summary.fetched_at).total_seconds()) // 60)
        return ([block_line(b, today, zone, self.language) for b in summary.today],
                [block_line(b, today + timedelta(days=1), zone, self.language) for b in summary.tomorrow], age)

    def _on_sync_finished(self, summary: SyncSummary) -> None:
        self.window.show_sync_done(summary.source, summary.added, summary.updated, summary.removed)
        self.refresh_now()

    async def apply_changes(self, changes: ChangeSet) -> None:
        """Bring the index up to a store change (import, sync, referral edit) without a rebuild."""
        services, index = self.services, self.index
        if services is None or index is None or not changes:
            return
        entries = await self.tasks.in_database(services.directory.load_entries, changes.upserted)

        def update_index() -> None:
            index.upsert(entries)
            index.remove(changes.removed)

        await self.tasks.in_search(update_index)
        self._request_search(self.window.search_field.text())
        if self.calendars is not None:  # new and changed people reach their calendars' mailboxes too
            self.calendars.set_entries(await self.tasks.in_database(services.directory.load_entries))

    def _on_window_demo_requested(self) -> None:
        self.window.set_source_status(self.tr("Loading the demo directory…"))
        self.tasks.spawn(self._load(True), "load demo", self._on_load_failed)
