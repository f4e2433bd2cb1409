"""The download half of a sync: connect, search, plan, and hand over the entries in pickled batches.

It needs no store (what it needs from the store comes in the `DownloadJob`) and returns only
picklable results, so it runs in the sync's worker process (directory.sync.worker) as well as in
the caller's. The entries leave page by page through ``emit``, in the spool's file format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ldap3 import Connection

from directory.model import Entry
from directory.sync.connection import close, connect
from directory.sync.errors import LdapSearchError
from directory.sync.plan import EntryPlanner, Problem
from directory.sync.requests import SearchRequest, SyncCursor, full_requests, id_requests, incremental_requests
from directory.sync.search import Record, paged_search
from directory.sync.settings import LdapSourceSettings
from directory.sync.spool import pickle_batch

# emit(batch in the spool's format, entries in it, records read so far): once per page, after it is planned.
Emit = Callable[[bytes, int, int], None]


@dataclass(frozen=True, slots=True)
class DownloadJob:
    """What a download needs to know: the source, full or not, the stored cursor (its text) and
    how many active entries the store holds for the source (a search finding none must not empty it)."""

    settings: LdapSourceSettings
    full: bool
    cursor: str | None
    known: int
    now: float


@dataclass(frozen=True, slots=True)
class Downloaded:
    """What the download found, apart from the entries themselves (those went out through ``emit``).

    ``present`` is the ids an id-only deletion check found (None when none ran); ``cursor`` the one
    to store when the entries are written (None: keep the stored one).
    """

    server: str
    servers_skipped: tuple[str, ...]
    incremental: bool
    present: frozenset[str] | None
    cursor: str | None
    entries: int
    records: int
    skipped: tuple[Problem, ...]
    skipped_count: int
    cleaned: tuple[Problem, ...]
    cleaned_count: int
    warnings: tuple[str, ...]


class _Run:
    """The state of one download: settings, planner, counters."""

    def __init__(self, settings: LdapSourceSettings) -> None:
        self.settings = settings
        self.planner = EntryPlanner(settings.name, settings.mapping(), region=settings.region)
        self.done = 0
        self.entries = 0

    def pages(self, connection: Connection, server: str, request: SearchRequest) -> Iterator[list[Record]]:
        return paged_search(
            connection, request, source=self.settings.name, server=server, page_size=self.settings.page_size
        )

    def stream(self, connection: Connection, server: str, requests: list[SearchRequest], emit: Emit) -> None:
        plan = self.planner.plan
        for request in requests:
            for page in self.pages(connection, server, request):
                entries: list[Entry] = []
                for dn, attributes in page:
                    entry = plan(dn, attributes, request.kind)
                    if entry is not None:
                        entries.append(entry)
                self.done += len(page)
                self.entries += len(entries)
                emit(pickle_batch(entries), len(entries), self.done)

    def present_ids(self, connection: Connection, server: str) -> frozenset[str]:
        ids: set[str] = set()
        for request in id_requests(self.settings):
            for page in self.pages(connection, server, request):
                ids.update(i for dn, attrs in page if (i := self.planner.entry_id(dn, attrs)) is not None)
        return frozenset(ids)

    def refuse_to_empty(self, found: int, known: int, server: str) -> None:
        """A search that finds nothing while the store holds entries is a broken base DN or filter
        (or a server serving an empty replica), not a directory whose staff all left."""
        if found == 0 and known > 0:
            raise LdapSearchError(
                self.settings.name,
                f"{server} returned no usable entries (searched {self.planner.records}); keeping the "
                f"previous {known} rather than emptying the directory: check the base DNs and filters",
            )

    def cursor(self, server: str, previous: SyncCursor | None, checked: float | None) -> str | None:
        value = self.planner.max_change or (previous.value if previous else None)
        if value is None:
            return None
        change = self.settings.mapping().change
        return SyncCursor(change, value, server, self.settings.fingerprint(), checked).encode()

    def warnings(self) -> tuple[str, ...]:
        """Attributes the configuration names explicitly that no entry of a full sync had."""
        if not self.planner.records:
            return ()
        named = {a for attrs in self.settings.attributes.values() for a in attrs}
        named |= set((self.settings.numbers or {}).keys())
        missing = sorted(a for a in named if a.lower() not in self.planner.seen_attributes)
        return tuple(
            f"attribute {a!r} from the mapping appeared in none of the {self.planner.records} entries"
            for a in missing
        )


def download(job: DownloadJob, emit: Emit) -> Downloaded:
    """Run the searches of one sync (full, or incremental from the job's cursor when it is usable).

    Raises a SyncError subclass when no server answers, the bind is refused or a search fails.
    """
    settings = job.settings
    run = _Run(settings)
    previous = SyncCursor.decode(job.cursor)
    present: frozenset[str] | None = None
    bound = connect(settings)
    connection, server = bound.connection, bound.server
    try:
        incremental = not job.full and previous is not None and previous.usable_for(settings, server)
        if incremental:
            assert previous is not None
            if previous.deletion_check_due(settings, job.now):
                present = run.present_ids(connection, server)
                run.refuse_to_empty(len(present), job.known, server)
            requests = incremental_requests(settings, previous.value)
        else:
            requests = full_requests(settings)
        run.stream(connection, server, requests, emit)
    finally:
        close(connection)
    if not incremental:
        run.refuse_to_empty(run.entries, job.known, server)
    checked = job.now if present is not None or not incremental else (previous.checked if previous else None)
    planner = run.planner
    return Downloaded(
        server=server,
        servers_skipped=bound.skipped,
        incremental=incremental,
        present=present,
        cursor=run.cursor(server, previous if incremental else None, checked),
        entries=run.entries,
        records=planner.records,
        skipped=tuple(planner.skipped.kept),
        skipped_count=planner.skipped.count,
        cleaned=tuple(planner.cleaned.kept),
        cleaned_count=planner.cleaned.count,
        warnings=run.warnings() if not incremental else (),
    )
