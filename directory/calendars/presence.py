"""From busy blocks to what the operator reads: "in a meeting until 14:30", "out of office until Monday".

Pure functions of the blocks, the clock and the operator's time zone, unit-tested with fixed clocks.
The referral a block implies comes from its subject code (see `subjects`); its time is the event's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from directory.calendars.model import BusyBlock, BusyStatus
from directory.calendars.subjects import ClassifiedBlock
from directory.model import Referral
from directory.referrals.codes import ReferralCode
from directory.referrals.workdays import WorkingDays

# Which block speaks for the person when several cover the same moment.
_WEIGHT = {BusyStatus.OUT_OF_OFFICE: 4, BusyStatus.BUSY: 3, BusyStatus.WORKING_ELSEWHERE: 2,
           BusyStatus.TENTATIVE: 1, BusyStatus.UNKNOWN: 1, BusyStatus.FREE: 0}
CALENDAR_ACTOR = "calendar"


@dataclass(frozen=True, slots=True)
class CalendarReferral:
    """A referral implied by a subject code: the code key and the event's own time."""

    code: str
    starts_at: datetime
    until: datetime

    def to_referral(self, entry_id: int, codes: dict[str, ReferralCode], language: str) -> Referral | None:
        """The `Referral` to show or store (None when the code is not configured or disabled)."""
        code = codes.get(self.code)
        if code is None or not code.enabled:
            return None
        return Referral(entry_id=entry_id, code=code.key, text=code.label.get(language), starts_at=self.starts_at,
                        until=self.until, alternative=code.alternative_value, set_by=CALENDAR_ACTOR)


@dataclass(frozen=True, slots=True)
class CalendarPresence:
    """What the calendar says about one person at ``at``.

    ``status`` is FREE when nothing covers the moment; ``until`` is when the current busy stretch ends
    (overlapping and back-to-back blocks merged), ``next_free`` the same moment or None when the person
    is busy to the end of the window; ``back_on`` the working day someone out of office (or in an all-day
    event) returns, when the absence ends at a day boundary (all-day and multi-day events).
    """

    at: datetime
    status: BusyStatus
    current: ClassifiedBlock | None = None
    until: datetime | None = None
    next_free: datetime | None = None
    back_on: date | None = None
    next_busy: ClassifiedBlock | None = None
    referral: CalendarReferral | None = None


def _busy(blocks: Iterable[ClassifiedBlock]) -> list[ClassifiedBlock]:
    return sorted((b for b in blocks if b.block.status is not BusyStatus.FREE and b.end > b.start),
                  key=lambda b: (b.start, b.end))


def busy_until(blocks: Sequence[ClassifiedBlock], at: datetime) -> datetime | None:
    """The end of the busy stretch covering ``at`` (overlapping and adjacent blocks merged); None if free."""
    end: datetime | None = None
    for item in _busy(blocks):
        if item.start > (end or at):
            break
        if item.end > at and (end is None or item.end > end):
            end = item.end
    return end


def presence_at(blocks: Sequence[ClassifiedBlock], at: datetime, zone: tzinfo,
                workdays: WorkingDays | None = None, *, window_end: datetime | None = None) -> CalendarPresence:
    """The calendar's presence facts at ``at`` (aware). ``window_end``: how far the blocks are known."""
    busy = _busy(blocks)
    covering = [b for b in busy if b.start <= at < b.end]
    upcoming = next((b for b in busy if b.start > at), None)
    if not covering:
        return CalendarPresence(at, BusyStatus.FREE, next_busy=upcoming, next_free=at)
    # Coded blocks speak first (the person said why), then the strongest status, then the one ending last.
    current = max(covering, key=lambda b: (bool(b.code), _WEIGHT[b.block.status], b.end))
    until = busy_until(busy, at)
    next_free = None if until is not None and window_end is not None and until >= window_end else until
    back_on = None
    if (current.block.status is BusyStatus.OUT_OF_OFFICE or current.block.all_day) and until is not None:
        local_end = until.astimezone(zone)
        if local_end.time() == time(0, 0):
            day = local_end.date()
            days = workdays or WorkingDays()
            back_on = day if days.is_working_day(day) else days.next_working_day(day)
    referral = CalendarReferral(current.code, current.start, current.end) if current.code else None
    later = next((b for b in busy if b.start >= (until or at)), None)
    return CalendarPresence(at, current.block.status, current, until, next_free, back_on, later, referral)


def referrals_in(blocks: Iterable[ClassifiedBlock], start: datetime, end: datetime) -> list[CalendarReferral]:
    """Every referral the coded blocks imply within [start, end), soonest first (for scheduling them)."""
    return [CalendarReferral(b.code, b.start, b.end) for b in _busy(blocks)
            if b.code and b.end > start and b.start < end]


def day_blocks(blocks: Iterable[BusyBlock | ClassifiedBlock], day: date, zone: tzinfo) -> list[ClassifiedBlock]:
    """The busy blocks touching ``day`` in ``zone`` (for the detail pane's today and tomorrow)."""
    start = datetime.combine(day, time(0, 0), zone)
    end = datetime.combine(day + timedelta(days=1), time(0, 0), zone)
    items = [b if isinstance(b, ClassifiedBlock) else ClassifiedBlock(b) for b in blocks]
    return [b for b in _busy(items) if b.start < end and b.end > start]
