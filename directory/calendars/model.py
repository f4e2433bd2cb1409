"""Free/busy records every calendar provider returns, and the provider interface they come through.

Plain immutable data: providers run on a network worker, the presence logic and the UI read the results.
Providers return subject and location as the server gave them (``None``: not given), private ones
included, because a private event's subject code may refer; `subjects.apply_rules` is the one step that
reads the code and drops what may not be shown, and the refresher runs it before anything leaves it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class BusyStatus(StrEnum):
    """Exchange's and Graph's free/busy vocabulary; CalDAV's FBTYPE maps onto it."""

    FREE = "free"
    TENTATIVE = "tentative"
    BUSY = "busy"
    OUT_OF_OFFICE = "oof"
    WORKING_ELSEWHERE = "working_elsewhere"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class BusyBlock:
    """One busy interval of a mailbox; ``start``/``end`` are aware datetimes (UTC or any zone)."""

    start: datetime
    end: datetime
    status: BusyStatus = BusyStatus.BUSY
    subject: str | None = None
    location: str | None = None
    private: bool = False
    all_day: bool = False


class MailboxProblem(StrEnum):
    """Why a mailbox has no answer this time; the batch it came in is still good."""

    UNKNOWN_MAILBOX = "unknown_mailbox"
    ACCESS_DENIED = "access_denied"
    MALFORMED = "malformed"
    SERVER_ERROR = "server_error"
    THROTTLED = "throttled"


@dataclass(frozen=True, slots=True)
class MailboxResult:
    """A mailbox's busy blocks over the window asked for, or the reason there are none."""

    mailbox: str
    blocks: tuple[BusyBlock, ...] = ()
    problem: MailboxProblem | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.problem is None


class CalendarError(Exception):
    """A whole request failed (network, authentication, malformed answer); the message is for the log."""


class CalendarAuthError(CalendarError):
    """The server refused our credentials: retrying soon will not help."""


class CalendarThrottledError(CalendarError):
    """The server asked us to slow down (EWS ErrorServerBusy, Graph 429/503); ``retry_after`` in seconds."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class CalendarProvider(Protocol):
    """One calendar server (an Exchange organisation, a Graph tenant, a CalDAV server).

    ``free_busy`` is blocking and called on a network worker with at most ``max_batch`` mailboxes. It
    returns one result per mailbox asked for (one bad mailbox never fails the batch) and raises
    `CalendarError` only when the request as a whole failed.
    """

    @property
    def max_batch(self) -> int: ...

    def free_busy(self, mailboxes: Sequence[str], start: datetime, end: datetime) -> dict[str, MailboxResult]: ...

    def close(self) -> None: ...


def batches(items: Sequence[str], size: int) -> list[list[str]]:
    """``items`` in consecutive batches of at most ``size``."""
    if size < 1:
        raise ValueError("batch size must be at least 1")
    return [list(items[i:i + size]) for i in range(0, len(items), size)]
