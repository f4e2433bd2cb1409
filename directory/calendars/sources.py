"""All configured calendar sources together: what to refresh now, running one refresh, taking its result.

The app's scheduler (GUI thread) calls `plan` when its timer fires or the operator asks, hands each
`RefreshJob` to the network pool (`run`, blocking), and passes the `SourceRefresh` back to `finish` on
the GUI thread, which updates the schedule and the `CalendarBook` and returns the changed entry ids.
`refresh_now` does all three in the calling thread, for the CLI.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from directory.calendars.book import CalendarBook
from directory.calendars.model import CalendarProvider
from directory.calendars.providers import make_provider, server_key
from directory.calendars.routing import Mailbox, route
from directory.calendars.runner import ServerLimits, SourceRefresh, refresh_source, window
from directory.calendars.schedule import Backoff, FailureKind, RefreshSchedule
from directory.calendars.settings import CalendarSourceSettings
from directory.model import Entry

Progress = Callable[[str, int, int], None]  # source, mailboxes done, mailboxes in total


@dataclass(frozen=True, slots=True)
class RefreshJob:
    """One source's refresh, ready for a worker: the mailboxes and the time window."""

    source: str
    mailboxes: tuple[Mailbox, ...]
    start: datetime
    end: datetime
    now: datetime


class CalendarSources:
    """The configured sources, their providers (created on first use), schedule and the shared book."""

    def __init__(self, settings: Sequence[CalendarSourceSettings], zone_name: str, now: datetime, *,
                 book: CalendarBook | None = None, backoff: Backoff | None = None, ca_file: str = "",
                 provider_factory: Callable[[CalendarSourceSettings], CalendarProvider] | None = None) -> None:
        names = [s.common.name for s in settings]
        if len(set(names)) != len(names):
            raise ValueError("calendar source names must be unique")
        self.settings = {s.common.name: s for s in settings}
        self.schedule = RefreshSchedule({s.common.name: s.common.refresh_interval for s in settings}, now, backoff)
        self.book = book or CalendarBook()
        self.limits = ServerLimits()
        self._factory = provider_factory or (lambda s: make_provider(s, zone_name, ca_file=ca_file))
        self._providers: dict[str, CalendarProvider] = {}
        self._routes: dict[str, list[Mailbox]] = {name: [] for name in names}

    def set_entries(self, entries: Iterable[Entry]) -> None:
        """Re-route the directory (after an import or sync)."""
        self._routes = route(entries, [s.common for s in self.settings.values()])

    def mailboxes(self, source: str) -> list[Mailbox]:
        return list(self._routes.get(source, ()))

    def plan(self, now: datetime, *, names: Iterable[str] | None = None,
             entry_ids: Iterable[int] | None = None) -> list[RefreshJob]:
        """Jobs for the sources due now (or ``names``, on demand), optionally only for ``entry_ids``
        (the person selected); marks them started. Sources with no mailboxes are skipped."""
        names = list(names) if names is not None else None
        if names is not None:
            self.schedule.request(now, names)
        wanted = set(entry_ids) if entry_ids is not None else None
        jobs = []
        for name in self.schedule.due(now):
            if names is not None and name not in names:
                continue
            boxes = tuple(m for m in self._routes.get(name, ()) if wanted is None or m.entry_id in wanted)
            if not boxes:
                continue
            start, end = window(now, self.settings[name].common.days_ahead)
            self.schedule.started(name, now)
            jobs.append(RefreshJob(name, boxes, start, end, now))
        return jobs

    def provider(self, name: str) -> CalendarProvider:
        if name not in self._providers:
            self._providers[name] = self._factory(self.settings[name])
        return self._providers[name]

    def run(self, job: RefreshJob, progress: Progress | None = None) -> SourceRefresh:
        """Blocking: fetch one job's mailboxes. Never raises for a server's failure (see `SourceRefresh`)."""
        settings = self.settings[job.source]
        try:
            provider = self.provider(job.source)
        except Exception as exc:  # a provider that cannot even be built fails its source only
            return SourceRefresh(job.source, (), 0, FailureKind.SERVER, f"{type(exc).__name__}: {exc}")
        semaphore = self.limits.semaphore(server_key(settings), settings.common.max_concurrency)
        report = (lambda done, total: progress(job.source, done, total)) if progress is not None else None
        return refresh_source(job.source, provider, job.mailboxes, settings.common.rules, start=job.start,
                              end=job.end, now=job.now, semaphore=semaphore, workers=settings.common.max_concurrency,
                              progress=report)

    def finish(self, refresh: SourceRefresh, now: datetime) -> tuple[int, ...]:
        """Take a refresh's results (GUI thread): book and schedule updated, changed entry ids returned."""
        changed = self.book.update(refresh.calendars)
        if refresh.failure is None:
            self.schedule.succeeded(refresh.source, now, mailboxes=len(refresh.calendars), problems=refresh.problems)
        else:
            self.schedule.failed(refresh.source, now, refresh.failure, refresh.error, refresh.retry_after)
        return changed

    def refresh_now(self, now: datetime, *, names: Iterable[str] | None = None,
                    entry_ids: Iterable[int] | None = None, progress: Progress | None = None) -> list[SourceRefresh]:
        """Plan, run every job in parallel (one thread per source) and finish, in the calling thread."""
        jobs = self.plan(now, names=list(names) if names is not None else list(self.settings), entry_ids=entry_ids)
        if not jobs:
            return []
        with ThreadPoolExecutor(max_workers=len(jobs), thread_name_prefix="calendar-source") as pool:
            refreshes = list(pool.map(lambda job: self.run(job, progress), jobs))
        for refresh in refreshes:
            self.finish(refresh, now)
        return refreshes

    def close(self) -> None:
        for provider in self._providers.values():
            provider.close()
        self._providers.clear()
