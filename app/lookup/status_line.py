"""The words beside a person: a referral, else what the calendar says, with the live line state; and, for
the detail pane, what each presence source says. Reads only what is in memory (GUI thread, no store)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QObject

from app.lookup.state import LookupState
from directory.calendars import BusyStatus, presence_text
from directory.model import Entry
from directory.presence import LineState, aggregate, part_line, presence_line
from ui.status_lamp import StatusKind
from ui.status_text import StatusText

_LINE_TOLD = (LineState.RINGING, LineState.BUSY)  # the line states the words tell ("· on the phone")


def status_kind(away: bool, line: LineState | None) -> StatusKind:
    """The lamp for a status line: a line ringing or busy first (whether a transfer rings through now), else
    away (a referral, or the calendar not free), else none."""
    if line in _LINE_TOLD:
        return StatusKind.LINE_BUSY
    return StatusKind.AWAY if away else StatusKind.NONE


class StatusLine(QObject):
    def __init__(self, state: LookupState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.wording = StatusText(self)

    def for_entry(self, entry_id: int | None, now: datetime) -> str:
        """"Lunch until 13:00 · on the phone": the away text, and the line when it is ringing or busy."""
        return self.with_kind(entry_id, now)[0]

    def with_kind(self, entry_id: int | None, now: datetime) -> tuple[str, StatusKind]:
        """The status words and the kind of status they tell (the results' lamp)."""
        state = self.state
        text, away = self._away_text(entry_id, now)
        entry = state.entry(entry_id)
        line = state.lines.status(entry) if state.lines is not None and entry is not None else None
        if line is None or line.state not in _LINE_TOLD or state.services is None:
            return text, status_kind(away, None)
        live = presence_line(aggregate(now, line=line), state.services.referrals.zone, state.language)
        return (f"{text} · {live[:1].lower()}{live[1:]}" if text else live), status_kind(away, line.state)

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

    def _away_text(self, entry_id: int | None, now: datetime) -> tuple[str, bool]:
        """The referral's or calendar's words, and whether they say the person is away."""
        state = self.state
        referral = state.referrals.get(entry_id) if entry_id is not None else None
        if referral is None:  # no referral: what the calendar says, if anything
            return self._calendar_line(entry_id, now) if entry_id is not None else ("", False)
        if state.services is not None:  # the label in this operator's language, whatever was stored
            label = state.services.referrals.code(referral.code).label.get(state.language)
            referral = replace(referral, text=label or referral.text)
        return self.wording.referral(referral, now), True

    def _calendar_line(self, entry_id: int, now: datetime) -> tuple[str, bool]:
        """The calendar's word when no referral is set: a subject code's referral ("LUN: ...") shows as that
        referral, anything else as the calendar state ("in a meeting until 14:30"); away unless free."""
        state = self.state
        if state.calendars is None or state.services is None:
            return "", False
        zone = state.services.referrals.zone
        presence = state.calendars.sources.book.presence(entry_id, now, zone)
        if presence is None:
            return "", False
        if presence.referral is not None:
            implied = presence.referral.to_referral(entry_id, dict(state.services.referrals.codes), state.language)
            if implied is not None:
                return self.wording.referral(implied, now), True
        words = presence_text(presence, zone, state.language, state.services.referrals.codes)
        return words, presence.status is not BusyStatus.FREE
