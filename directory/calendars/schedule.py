"""When each calendar source refreshes next: the pure half of the refresher (no I/O, no threads).

Each source refreshes every ``refresh_interval`` seconds and on demand. A failed refresh backs that
source off exponentially (throttling honours the server's Retry-After when longer) without touching the
others; an authentication failure waits the longest, since retrying soon will not help.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum


class FailureKind(StrEnum):
    THROTTLED = "throttled"
    SERVER = "server"
    AUTH = "auth"


@dataclass(frozen=True, slots=True)
class RefreshBackoff:
    """Delays after consecutive failures: base * 2^(n-1), capped; authentication failures wait ``auth``."""

    base: float = 30.0
    cap: float = 1800.0
    auth: float = 900.0

    def delay(self, failures: int, kind: FailureKind, retry_after: float | None = None) -> float:
        if kind is FailureKind.AUTH:
            return self.auth
        exponential: float = min(self.cap, self.base * 2.0 ** max(0, failures - 1))
        return max(exponential, min(retry_after or 0.0, self.cap))


@dataclass(frozen=True, slots=True)
class CalendarSourceStatus:
    """A source's state for the window's status line and `calendar refresh`: last refresh, errors, next due."""

    name: str
    next_due: datetime
    last_success: datetime | None = None
    last_attempt: datetime | None = None
    failures: int = 0
    last_error: str = ""
    running: bool = False
    mailboxes: int = 0
    problems: int = 0  # mailboxes without an answer in the last refresh


class RefreshSchedule:
    """The refresh state of every source; the app asks it what is due and reports back. Not thread-safe:
    keep it on one thread (the GUI thread) and hand only plans to the workers."""

    def __init__(self, intervals: dict[str, float], now: datetime, backoff: RefreshBackoff | None = None) -> None:
        self.intervals, self.backoff = dict(intervals), backoff or RefreshBackoff()
        self._status = {name: CalendarSourceStatus(name, now) for name in intervals}

    def status(self, name: str) -> CalendarSourceStatus:
        return self._status[name]

    def statuses(self) -> list[CalendarSourceStatus]:
        return list(self._status.values())

    def due(self, now: datetime) -> list[str]:
        """Sources to start now: due and not already running."""
        return [s.name for s in self._status.values() if not s.running and s.next_due <= now]

    def request(self, now: datetime, names: Iterable[str] | None = None) -> None:
        """On demand ("refresh now"): due at once, unless backing off from throttling or refused credentials."""
        for name in names if names is not None else list(self._status):
            status = self._status[name]
            if status.failures == 0:
                self._status[name] = replace(status, next_due=min(status.next_due, now))

    def started(self, name: str, now: datetime) -> None:
        self._status[name] = replace(self._status[name], running=True, last_attempt=now)

    def succeeded(self, name: str, now: datetime, *, mailboxes: int = 0, problems: int = 0) -> datetime:
        due = now + timedelta(seconds=self.intervals[name])
        self._status[name] = replace(self._status[name], running=False, last_success=now, failures=0,
                                     last_error="", next_due=due, mailboxes=mailboxes, problems=problems)
        return due

    def failed(self, name: str, now: datetime, kind: FailureKind, error: str,
               retry_after: float | None = None) -> datetime:
        status = self._status[name]
        failures = status.failures + 1
        due = now + timedelta(seconds=self.backoff.delay(failures, kind, retry_after))
        self._status[name] = replace(status, running=False, failures=failures, last_error=error, next_due=due)
        return due

    def next_wakeup(self) -> datetime | None:
        """When the app's timer should fire next (the earliest due source not running)."""
        pending = [s.next_due for s in self._status.values() if not s.running]
        return min(pending) if pending else None
