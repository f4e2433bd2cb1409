"""The precedence rules, as a pure function of the sources and the clock.

Precedence for the headline: an active referral (a person or the operator said so) over the calendar
(busy or out of office) over the live line. The line is the only source that knows what happens *now*,
so when it says ringing or on the phone while the headline says away, it is shown beside the headline
as a conflict rather than hidden. A line state older than ``line_max_age`` (a lost subscription) counts
as unknown and says nothing.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from directory.calendars.model import BusyStatus
from directory.calendars.presence import CalendarPresence
from directory.model import Referral
from directory.presence.model import LineState, LineStatus, Part, Presence, Source

LINE_MAX_AGE = timedelta(hours=1)
_ACTIVE = (LineState.RINGING, LineState.BUSY)


def _referral_active(referral: Referral, now: datetime) -> bool:
    if referral.starts_at is not None and referral.starts_at > now:
        return False  # scheduled for later
    return referral.until is None or referral.until > now


def aggregate(now: datetime, *, referral: Referral | None = None, referral_set_at: datetime | None = None,
              calendar: CalendarPresence | None = None, line: LineStatus | None = None,
              line_max_age: timedelta = LINE_MAX_AGE) -> Presence:
    """One presence from whichever sources are known (all optional); ``now`` is aware."""
    parts: list[Part] = []
    if referral is not None and _referral_active(referral, now):
        parts.append(Part(Source.REFERRAL, referral_set_at or referral.starts_at, referral=referral))
    if calendar is not None and calendar.status is not BusyStatus.FREE:
        parts.append(Part(Source.CALENDAR, calendar.at, calendar=calendar))
    line_part = None
    if line is not None and line.state is not LineState.UNKNOWN and now - line.observed_at <= line_max_age:
        line_part = Part(Source.LINE, line.observed_at, line=line)
        parts.append(line_part)
    if not parts:
        return Presence(now, None)
    headline = parts[0]
    live = None
    if line_part is not None and headline is not line_part and line is not None and line.state in _ACTIVE:
        live = line_part
    return Presence(now, headline, live, tuple(parts))
