"""The words beside a person: a referral, else what the calendar says, with the live line state; and, for
the detail pane, what each presence source says. Reads only what is in memory (GUI thread, no store)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QObject

from app.lookup.state import LookupState
from directory.calendars import presence_text
from directory.model import Entry
from directory.presence import LineState, aggregate, part_line, presence_line
from ui.status_text import StatusText


class StatusLine(QObject):
    def __init__(self, state: LookupState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.wording = StatusText(self)

    def for_entry(self, entry_id: int | None, now: datetime) -> str:
        """"Lunch until 13:00 · on the phone": the away text, and the line when it is ringing or busy."""
        state = self.state
        text = self._away_text(entry_id, now)
        entry = state.entry(entry_id)
        line = state.lines.status(entry) if state.lines is not None and entry is not None else None
        if line is None or line.state not in (LineState.RINGING, LineState.BUSY) or state.services is None:
            return text
        live = presence_line(aggregate(now, line=line), state.services.referrals.zone, state.language)
        return f"{text} · {live[:1].lower()}{live[1:]}" if text else live

    def presence_sources(self, entry: Entry, now: datetime) -> list[str]:
        """Each source's own word with its age ("Calendar: in a meeting until 14:30 (5 min ago)")."""
        state, services = self.state, self.state.services
        if services is None or entry.id is None:
            return []
        zone = services.referrals.zone
        calendar = (state.calendars.sources.book.presence(entry.id, now, zone)
                    if state.calendars is not None else None)
        presence = aggregate(now, referral=state.referrals.get(entry.id), calendar=calendar,
                             line=state.lines.status(entry) if state.lines is not None else None)
        return [part_line(part, now, zone, state.language, services.referrals.codes) for part in presence.parts]

    def _away_text(self, entry_id: int | None, now: datetime) -> str:
        state = self.state
        referral = state.referrals.get(entry_id) if entry_id is not None else None
        if referral is None:  # no referral: what the calendar says, if anything
            return self._calendar_line(entry_id, now) if entry_id is not None else ""
        if state.services is not None:  # the label in this operator's language, whatever was stored
            label = state.services.referrals.code(referral.code).label.get(state.language)
            referral = replace(referral, text=label or referral.text)
        return self.wording.referral(referral, now)

    def _calendar_line(self, entry_id: int, now: datetime) -> str:
        """The calendar's word when no referral is set: a subject code's referral ("LUN: ...") shows as that
        referral, anything else as the calendar state ("in a meeting until 14:30")."""
        state = self.state
        if state.calendars is None or state.services is None:
            return ""
        zone = state.services.referrals.zone
        presence = state.calendars.sources.book.presence(entry_id, now, zone)
        if presence is None:
            return ""
        if presence.referral is not None:
            implied = presence.referral.to_referral(entry_id, dict(state.services.referrals.codes), state.language)
            if implied is not None:
                return self.wording.referral(implied, now)
        return presence_text(presence, zone, state.language, state.services.referrals.codes)
