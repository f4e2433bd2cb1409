"""All configured calendar sources together: what to refresh now, running one refresh, taking its result.

The app routes the directory's mailboxes to the sources with `route` (any thread: it reads only the settings;
the app runs it on the database worker beside the store's `mailbox_rows`) and hands the result to
`set_routes` on the GUI thread; after a sync `reroute` routes only the entries that changed. The routes are
held flat (`Mailboxes`: at 200,000 people 6.4 MB, not 29-38 MB of objects) and a job carries its source's as
they were when it was planned.
The app's scheduler (GUI thread) calls `plan` when its timer fires (at `schedule.next_wakeup()`) or the
operator asks, `plan_entries` for the person selected, hands each `RefreshJob` to the network pool (`run`,
blocking), and passes job and `SourceRefresh` back to `finish` on the GUI thread, which updates the
schedule and the `CalendarBook` and returns the changed entry ids. `refresh_now` does all of it in the
calling thread, for the CLI.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from directory.calendars.book import CalendarBook
from directory.calendars.mailboxes import Mailbox, Mailboxes
from directory.calendars.model import CalendarProvider
from directory.calendars.providers import make_provider, server_key
from directory.calendars.routing import Addressed, reads_keywords, route
from directory.calendars.runner import ServerLimits, SourceRefresh, refresh_source, window
from directory.calendars.schedule import FailureKind, RefreshBackoff, RefreshSchedule
from directory.calendars.settings import CalendarSourceSettings

Progress = Callable[[str, int, int], None]  # source, mailboxes done, mailboxes in total
Routes = dict[str, Mailboxes]  # per source name, its mailboxes


@dataclass(frozen=True, slots=True)
class RefreshJob:
    """One source's refresh, ready for a worker: the mailboxes (each made as the runner reads it) and the
    time window."""

    source: str
    mailboxes: Mailboxes
    start: datetime
    end: datetime
    now: datetime
    scheduled: bool = True  # False: on demand for some entries; the source's schedule is left alone


class CalendarSources:
    """The configured sources, their providers (created on first use), schedule and the shared book."""

    def __init__(self, settings: Sequence[CalendarSourceSettings], zone_name: str, now: datetime, *,
                 book: CalendarBook | None = None, backoff: RefreshBackoff | None = None, ca_file: str = "",
                 provider_factory: Callable[[CalendarSourceSettings], CalendarProvider] | None = None) -> None:
        names = [s.name for s in settings]
        if len(set(names)) != len(names):
            raise ValueError("calendar source names must be unique")
        self.settings = {s.name: s for s in settings}
        self.schedule = RefreshSchedule({s.name: s.refresh_interval for s in settings}, now, backoff)
        self.book = book or CalendarBook()
        self.limits = ServerLimits()
        self._factory = provider_factory or (lambda s: make_provider(s, zone_name, ca_file=ca_file))
        self._providers: dict[str, CalendarProvider] = {}
        self._routes: Routes = {name: Mailboxes() for name in names}

    @property
    def reads_keywords(self) -> bool:
        """Whether routing needs the entries' keywords (a source's mailbox attribute is one), not only e-mail."""
        return reads_keywords(self.settings.values())

    def route(self, entries: Iterable[Addressed]) -> Routes:
        """The mailboxes of ``entries`` per source; changes nothing here, so any thread may call it."""
        return route(entries, list(self.settings.values()))

    def set_routes(self, routes: Routes) -> None:
        self._routes = {name: routes.get(name) or Mailboxes() for name in self.settings}

    def set_entries(self, entries: Iterable[Addressed]) -> None:
        """Route the whole directory (whole entries or the store's mailbox rows)."""
        self.set_routes(self.route(entries))

    def reroute(self, entry_ids: Iterable[int], entries: Iterable[Addressed]) -> None:
        """The entries of ``entry_ids`` changed or went: their mailboxes routed again from ``entries``, those
        of them still in the directory (an entry's route depends on it alone, see `route`)."""
        changed = set(entry_ids)
        if not changed:
            return
        added = self.route(entry for entry in entries if entry.id in changed)
        self._routes = {name: boxes.replaced(changed, added.get(name) or Mailboxes())
                        for name, boxes in self._routes.items()}

    def mailboxes(self, source: str) -> list[Mailbox]:
        return list(self._routes.get(source) or ())

    def plan(self, now: datetime, *, names: Iterable[str] | None = None) -> list[RefreshJob]:
        """Jobs for the sources due now, or for ``names`` at once (the operator's "refresh now", unless a
        source is backing off); marks them started. Sources with no mailboxes are skipped."""
        chosen = list(names) if names is not None else None
        if chosen is not None:
            self.schedule.request(now, chosen)
        jobs = []
        for name in self.schedule.due(now):
            if chosen is not None and name not in chosen:
                continue
            boxes = self._routes.get(name) or Mailboxes()  # immutable: a sync's reroute makes new ones
            if not boxes:
                continue
            start, end = window(now, self.settings[name].days_ahead)
            self.schedule.started(name, now)
            jobs.append(RefreshJob(name, boxes, start, end, now))
        return jobs

    def plan_entries(self, now: datetime, entry_ids: Iterable[int], *,
                     names: Iterable[str] | None = None) -> list[RefreshJob]:
        """On demand for some entries (the person selected): one job per source that has them, without
        moving the sources' schedules; a source backing off from throttling or refused credentials is skipped."""
        wanted, chosen = set(entry_ids), set(names) if names is not None else None
        jobs = []
        for name, boxes in self._routes.items():
            status = self.schedule.status(name)
            if (chosen is not None and name not in chosen) or (status.failures and status.next_due > now):
                continue
            mine = boxes.of(wanted)
            if mine:
                start, end = window(now, self.settings[name].days_ahead)
                jobs.append(RefreshJob(name, mine, start, end, now, scheduled=False))
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
        semaphore = self.limits.semaphore(server_key(settings), settings.max_concurrency)
        report = (lambda done, total: progress(job.source, done, total)) if progress is not None else None
        return refresh_source(job.source, provider, job.mailboxes, settings.rules, start=job.start,
                              end=job.end, now=job.now, semaphore=semaphore, workers=settings.max_concurrency,
                              progress=report)

    def finish(self, job: RefreshJob, refresh: SourceRefresh, now: datetime) -> tuple[int, ...]:
        """Take a refresh's results (GUI thread): book and schedule updated, changed entry ids returned.
        An on-demand job's success leaves the schedule alone; its failure still backs the source off."""
        changed = self.book.update(refresh.calendars)
        if refresh.failure is not None:
            if not job.scheduled and self.schedule.status(refresh.source).running:
                return changed  # the scheduled refresh running now will report for the source
            self.schedule.failed(refresh.source, now, refresh.failure, refresh.error, refresh.retry_after)
        elif job.scheduled:
            self.schedule.succeeded(refresh.source, now, mailboxes=len(refresh.calendars), problems=refresh.problems)
        return changed

    def refresh_now(self, now: datetime, *, names: Iterable[str] | None = None,
                    entry_ids: Iterable[int] | None = None, progress: Progress | None = None) -> list[SourceRefresh]:
        """Plan, run every job in parallel (one thread per source) and finish, in the calling thread."""
        chosen = list(names) if names is not None else list(self.settings)
        jobs = (self.plan_entries(now, entry_ids, names=chosen) if entry_ids is not None
                else self.plan(now, names=chosen))
        if not jobs:
            return []
        with ThreadPoolExecutor(max_workers=len(jobs), thread_name_prefix="calendar-source") as pool:
            refreshes = list(pool.map(lambda job: self.run(job, progress), jobs))
        for job, refresh in zip(jobs, refreshes, strict=True):
            self.finish(job, refresh, now)
        return refreshes

    def close(self) -> None:
        for provider in self._providers.values():
            provider.close()
        self._providers.clear()
