"""Immutable presence records: each part says what one source claims, since when and how old it is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from directory.calendars.presence import CalendarPresence
from directory.model import Referral


class Source(StrEnum):
    """Where a part of the presence comes from, in precedence order for the headline."""

    REFERRAL = "referral"
    CALENDAR = "calendar"
    LINE = "line"


class LineState(StrEnum):
    """Live line state from the PBX (the values match `softphone.blf.LineActivity`)."""

    IDLE = "idle"
    RINGING = "ringing"
    BUSY = "busy"  # on the phone (or dialling)
    DND = "dnd"
    UNKNOWN = "unknown"  # no subscription, refused, or gone stale


@dataclass(frozen=True, slots=True)
class LineStatus:
    """The line state as last reported; ``observed_at`` is when the NOTIFY arrived, ``since`` when the
    state began (None: not known)."""

    state: LineState
    observed_at: datetime
    since: datetime | None = None


@dataclass(frozen=True, slots=True)
class Part:
    """One source's contribution. Exactly one of ``referral``, ``calendar``, ``line`` is set."""

    source: Source
    observed_at: datetime | None
    referral: Referral | None = None
    calendar: CalendarPresence | None = None
    line: LineStatus | None = None

    def age(self, now: datetime) -> timedelta | None:
        """How old the information is (None when the source does not say)."""
        return None if self.observed_at is None else max(now - self.observed_at, timedelta(0))


@dataclass(frozen=True, slots=True)
class Presence:
    """The aggregated answer at ``at``: ``headline`` speaks for the person (None: nothing to say),
    ``live`` is a line state that contradicts it ("lunch, but on the phone now"), ``parts`` holds every
    source that had something to say, in precedence order, for the detail pane."""

    at: datetime
    headline: Part | None
    live: Part | None = None
    parts: tuple[Part, ...] = ()

    @property
    def conflict(self) -> bool:
        return self.live is not None
