"""The detail pane for the selected entry: its store reads (notes, referral in force, referral history) on the
database worker, its calendar refreshed on the network pool when stale, and only the newest selection's
answer shown: an answer for a selection the operator has moved on from is dropped. While the shared store
cannot be reached, an entry read before is shown as it was last read (the console's `OfflineMode`), and
one not read since the console started with its notes from this PC's copy and the referral in force."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject

from app.lookup.offline import OfflineMode
from app.lookup.state import LookupState
from app.lookup.status_line import StatusLine
from app.tasks import TaskRunner
from directory.calendars.wording import block_line
from directory.model import Note
from directory.store.audit import AuditRecord, StoredReferral
from ui.main_window import MainWindow
from ui.referral_text import ReferralText

HISTORY_SHOWN = 10  # referral changes listed, newest first
CALENDAR_STALE_S = 60  # the selected person's calendar is fetched again when older than this
LAST_READ_KEPT = 500  # entries whose notes and referrals are kept as last read, for when the store is away
Read = tuple[list[Note], StoredReferral | None, list[AuditRecord]]


class DetailFlow(QObject):
    def __init__(self, window: MainWindow, tasks: TaskRunner, state: LookupState, status: StatusLine,
                 *, offline: OfflineMode, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window, self.tasks, self.state, self.status, self._offline = window, tasks, state, status, offline
        self._asked = 0  # the newest request; an answer to an older one is stale
        self._last_read: dict[int, Read] = {}
        window.entry_selected.connect(self._on_window_entry_selected)

    def show(self, entry_id: int) -> None:
        self._asked += 1
        self.tasks.spawn(self._show(entry_id, self._asked), "show detail")

    def refresh(self, entry_ids: tuple[int, ...]) -> None:
        """Show the selected entry again when it is one of ``entry_ids`` (its referral or calendar changed)."""
        current = self.window.current_entry_id()
        if current is not None and current in entry_ids:
            self.show(current)

    def _on_window_entry_selected(self, entry_id: int) -> None:
        self.show(entry_id)

    async def _show(self, entry_id: int, asked: int) -> None:
        services, entry = self.state.services, self.state.entry(entry_id)
        if services is None or entry is None:
            return
        copy = services.last_copy

        def from_store() -> Read:
            got = (services.annotations.notes_for(entry_id), services.referrals.current(entry_id),
                   services.referrals.history(entry_id, HISTORY_SHOWN))
            if copy is not None:  # for a start while the store cannot be reached
                copy.keep_notes(entry_id, got[0])
            return got

        try:
            read: Read = await self.tasks.in_database(from_store)
        except Exception as error:
            if not self._offline.failed(error):
                raise
            last = self._last_read.get(entry_id)  # as last read; not read on this start: the notes this PC kept
            read = last if last is not None else (
                await self.tasks.in_database(lambda: list(copy.contents.notes.get(entry_id, [])))
                if copy is not None else [], None, [])
        else:
            self._last_read.pop(entry_id, None)
            self._last_read[entry_id] = read
            if len(self._last_read) > LAST_READ_KEPT:
                del self._last_read[next(iter(self._last_read))]  # the longest unread
        notes, in_force, history = read
        if asked != self._asked or self.window.current_entry_id() != entry_id:
            return  # the operator has moved on
        now = datetime.now(UTC)
        caller_language = services.config.settings.referrals.caller_language
        # Never read here while the store is away (a console started from this PC's copy): the copy's referral
        referral = in_force.referral if in_force else self.state.referrals.get(entry_id) if self._offline.offline \
            else None
        read_out = services.referrals.sentence(entry.display_name, referral, caller_language) if referral else ""
        history_text = ReferralText(services.referrals.zone, self).history(history, now) if history else ""
        self.window.detail.show_entry(entry, self.status.for_entry(entry_id, now), notes, read_out=read_out,
                                      history=history_text, calendar=self._calendar_days(entry_id, now),
                                      sources=self.status.presence_sources(entry, now))

    def _calendar_days(self, entry_id: int, now: datetime) -> tuple[list[str], list[str], str] | None:
        """Today's and tomorrow's busy blocks as lines; refreshes the person on demand when stale."""
        calendars, services = self.state.calendars, self.state.services
        if calendars is None or services is None:
            return None
        zone, language = services.referrals.zone, self.state.language
        summary = calendars.sources.book.summary(entry_id, now, zone)
        if summary.fetched_at is None or (now - summary.fetched_at).total_seconds() > CALENDAR_STALE_S:
            calendars.refresh_entry(entry_id)
        if summary.fetched_at is None:
            return None
        today = now.astimezone(zone).date()
        age = self.status.wording.age(int((now - summary.fetched_at).total_seconds()) // 60)
        codes = services.referrals.codes
        return ([block_line(b, today, zone, language, codes) for b in summary.today],
                [block_line(b, today + timedelta(days=1), zone, language, codes) for b in summary.tomorrow], age)
