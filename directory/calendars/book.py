"""The latest calendar of every entry, and what the console reads from it: presence now, today and tomorrow.

Written by the refresher's completion step and read by the UI; a lock keeps the two apart. A mailbox
that failed this time keeps its last good calendar (with its age), so one bad answer never blanks a
person the operator was looking at.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from directory.calendars.presence import CalendarPresence, day_blocks, presence_at
from directory.calendars.runner import MailboxCalendar
from directory.calendars.subjects import ClassifiedBlock
from directory.referrals.workdays import WorkingDays


@dataclass(frozen=True, slots=True)
class DaySummary:
    """The detail pane's calendar part: today's and tomorrow's busy blocks, and how old they are."""

    today: tuple[ClassifiedBlock, ...]
    tomorrow: tuple[ClassifiedBlock, ...]
    fetched_at: datetime | None
    source: str = ""
    problem: str = ""  # the last refresh's reason for this mailbox, when it failed


class CalendarBook:
    """Entry id -> latest `MailboxCalendar`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calendars: dict[int, MailboxCalendar] = {}
        self._problems: dict[int, MailboxCalendar] = {}

    def update(self, calendars: Iterable[MailboxCalendar]) -> tuple[int, ...]:
        """Store a refresh's results; returns the entry ids whose calendar changed (for the change-set)."""
        changed = []
        with self._lock:
            for calendar in calendars:
                if calendar.problem is not None:
                    self._problems[calendar.entry_id] = calendar
                    continue
                self._problems.pop(calendar.entry_id, None)
                old = self._calendars.get(calendar.entry_id)
                if old is None or old.blocks != calendar.blocks:
                    changed.append(calendar.entry_id)
                self._calendars[calendar.entry_id] = calendar
        return tuple(changed)

    def get(self, entry_id: int) -> MailboxCalendar | None:
        with self._lock:
            return self._calendars.get(entry_id)

    def problem(self, entry_id: int) -> MailboxCalendar | None:
        with self._lock:
            return self._problems.get(entry_id)

    def presence(self, entry_id: int, now: datetime, zone: tzinfo,
                 workdays: WorkingDays | None = None) -> CalendarPresence | None:
        """The calendar's presence facts for an entry, or None when no calendar is known."""
        calendar = self.get(entry_id)
        if calendar is None:
            return None
        return presence_at(calendar.blocks, now, zone, workdays, window_end=calendar.end)

    def summary(self, entry_id: int, now: datetime, zone: tzinfo) -> DaySummary:
        calendar, problem = self.get(entry_id), self.problem(entry_id)
        today = now.astimezone(zone).date()
        blocks = calendar.blocks if calendar is not None else ()
        return DaySummary(tuple(day_blocks(blocks, today, zone)),
                          tuple(day_blocks(blocks, today + timedelta(days=1), zone)),
                          calendar.fetched_at if calendar is not None else None,
                          calendar.source if calendar is not None else (problem.source if problem else ""),
                          problem.reason if problem is not None else "")
