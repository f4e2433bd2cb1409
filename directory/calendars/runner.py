"""The execute half of the refresher: fetch one source's mailboxes in batches, off the GUI thread.

`refresh_source` is blocking; the app runs it on its network pool, one call per due source, so a slow or
failing source never holds up the others. Requests to one server are limited by a semaphore shared by
every source on that server (`ServerLimits`). Subject rules are applied here, so nothing downstream ever
holds a subject the source may not show.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime, timedelta

from directory.calendars.mailboxes import Mailbox
from directory.calendars.model import (
    CalendarAuthError,
    CalendarError,
    CalendarProvider,
    CalendarThrottledError,
    MailboxProblem,
    MailboxResult,
    batches,
)
from directory.calendars.schedule import FailureKind
from directory.calendars.subjects import ClassifiedBlock, SubjectRules, apply_rules

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class MailboxCalendar:
    """One entry's calendar as fetched: classified blocks over [start, end), or the reason there are none."""

    entry_id: int
    mailbox: str
    source: str
    fetched_at: datetime
    start: datetime
    end: datetime
    blocks: tuple[ClassifiedBlock, ...] = ()
    problem: MailboxProblem | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class SourceRefresh:
    """What one refresh of one source produced; ``failure`` set when it stopped early (partial results kept)."""

    source: str
    calendars: tuple[MailboxCalendar, ...]
    requests: int
    failure: FailureKind | None = None
    error: str = ""
    retry_after: float | None = None

    @property
    def problems(self) -> int:
        return sum(1 for c in self.calendars if c.problem is not None)


class ServerLimits:
    """At most ``limit`` requests at once per server, whichever sources share it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._semaphores: dict[str, threading.BoundedSemaphore] = {}

    def semaphore(self, server: str, limit: int) -> threading.BoundedSemaphore:
        with self._lock:
            if server not in self._semaphores:
                self._semaphores[server] = threading.BoundedSemaphore(max(1, limit))
            return self._semaphores[server]


def window(now: datetime, days_ahead: int) -> tuple[datetime, datetime]:
    """From an hour ago (so a meeting that began is seen) to ``days_ahead`` days on."""
    return now - timedelta(hours=1), now + timedelta(days=max(1, days_ahead))


def refresh_source(source: str, provider: CalendarProvider, mailboxes: Iterable[Mailbox], rules: SubjectRules, *,
                   start: datetime, end: datetime, now: datetime, semaphore: threading.BoundedSemaphore,
                   workers: int = 2, progress: Callable[[int, int], None] | None = None) -> SourceRefresh:
    """Fetch every mailbox of one source. Batches run on up to ``workers`` threads, each holding
    ``semaphore`` for its request. The first throttling, server or authentication error stops new
    batches and is reported; results already in are kept. ``progress(done, total)`` runs on this thread."""
    by_address: dict[str, list[int]] = {}
    for mailbox in mailboxes:
        by_address.setdefault(mailbox.address, []).append(mailbox.entry_id)
    addresses = list(by_address)
    calendars: list[MailboxCalendar] = []
    done, total = 0, len(addresses)

    def one_batch(batch: list[str]) -> dict[str, MailboxResult]:
        with semaphore:
            return provider.free_busy(batch, start, end)

    failure: FailureKind | None = None
    error, retry_after, requests = "", None, 0
    queue = batches(addresses, provider.max_batch)
    queue.reverse()
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix=f"calendar-{source}") as pool:
        # Submit only as many batches as there are workers, the next one as each finishes, so a failure
        # stops the source without racing batches already queued.
        futures: dict[Future[dict[str, MailboxResult]], list[str]] = {}
        while queue and len(futures) < max(1, workers):
            batch = queue.pop()
            futures[pool.submit(one_batch, batch)] = batch
        pending = set(futures)
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                requests += 1
                exc = future.exception()
                if exc is not None:
                    if failure is None:
                        failure, error, retry_after = _failure(exc)
                        log.warning("calendar source %s: %s", source, error)
                    continue
                results = future.result()
                for address in futures[future]:
                    result = results.get(address) or MailboxResult(
                        address, problem=MailboxProblem.MALFORMED, reason="no answer for this mailbox")
                    calendars.extend(_calendars(result, by_address[address], source=source, now=now,
                                                start=start, end=end, rules=rules))
                done += len(futures[future])
                if progress is not None:
                    progress(done, total)
            while failure is None and queue and len(pending) < max(1, workers):
                batch = queue.pop()
                future = pool.submit(one_batch, batch)
                futures[future] = batch
                pending.add(future)
    return SourceRefresh(source, tuple(calendars), requests, failure, error, retry_after)


def _failure(exc: BaseException) -> tuple[FailureKind, str, float | None]:
    if isinstance(exc, CalendarThrottledError):
        return FailureKind.THROTTLED, str(exc), exc.retry_after
    if isinstance(exc, CalendarAuthError):
        return FailureKind.AUTH, str(exc), None
    if isinstance(exc, CalendarError):
        return FailureKind.SERVER, str(exc), None
    # A bug or an unexpected library error: still this source's failure only.
    return FailureKind.SERVER, f"{type(exc).__name__}: {exc}", None


def _calendars(result: MailboxResult, entry_ids: list[int], *, source: str, now: datetime, start: datetime,
               end: datetime, rules: SubjectRules) -> list[MailboxCalendar]:
    blocks = tuple(apply_rules(block, rules) for block in result.blocks)
    return [MailboxCalendar(entry_id, result.mailbox, source, now, start, end, blocks, result.problem, result.reason)
            for entry_id in entry_ids]

