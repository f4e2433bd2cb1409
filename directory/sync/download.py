"""The download half of a sync: connect, search, plan, and hand over the entries in pickled batches.

It needs no store (what it needs from the store comes in the `DownloadJob`) and returns only
picklable results, so its two halves run in the sync's two worker processes (directory.sync.worker:
`search_pages` and `annotate_pages` in one, `plan_pages` in the other) as well as, one after the
other, in the caller's (`download`). The entries leave page by page through ``emit``, in the
spool's file format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

from directory.model import Entry, EntryKind
from directory.sync.connection import close, connect
from directory.sync.digest import RecordDigests
from directory.sync.errors import LdapSearchError
from directory.sync.plan import EntryPlanner, SkippedEntry, number_hints
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
    # Digest of the raw record -> external id of the entries stored as planned from it (see digest.py).
    digests: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Downloaded:
    """What the download found, apart from the entries themselves (those went out through ``emit``).

    ``present`` is the ids an id-only deletion check found (None when none ran); ``cursor`` the one
    to store when the entries are written (None: keep the stored one); ``unchanged`` the entries not
    planned because their raw record's digest matched the stored one (external id -> digest).
    """

    server: str
    servers_skipped: tuple[str, ...]
    incremental: bool
    present: frozenset[str] | None
    cursor: str | None
    entries: int
    records: int
    skipped: tuple[SkippedEntry, ...]
    skipped_count: int
    cleaned: tuple[SkippedEntry, ...]
    cleaned_count: int
    warnings: tuple[str, ...]
    unchanged: dict[str, str] = field(default_factory=dict)
    # Of an incremental sync: the external ids of the entries it planned (the store reads only their rows).
    planned: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """One page of search results and the kind of entry its search finds; with `annotate_pages`,
    also the digest of each record and the E.164 form of the numbers the planner will need."""

    kind: EntryKind
    records: list[Record]
    digests: list[str] | None = None
    numbers: dict[str, str | None] | None = None


@dataclass(frozen=True, slots=True)
class Searched:
    """What the searching side learned besides the pages: its last item."""

    server: str
    servers_skipped: tuple[str, ...]
    incremental: bool
    present: frozenset[str] | None
    checked: float | None


def search_pages(job: DownloadJob) -> Iterator[Page | Searched]:
    """The searching half: connect, run the sync's searches, yield their pages, then a `Searched`.

    An incremental sync without a usable cursor runs the full searches. Raises a SyncError
    subclass when no server answers, the bind is refused or a search fails.
    """
    settings = job.settings
    previous = SyncCursor.decode(job.cursor)
    present: frozenset[str] | None = None
    bound = connect(settings)
    connection, server = bound.connection, bound.server

    def pages(request: SearchRequest) -> Iterator[list[Record]]:
        return paged_search(connection, request, source=settings.name, server=server, page_size=settings.page_size)

    try:
        incremental = not job.full and previous is not None and previous.usable_for(settings, server)
        if incremental:
            assert previous is not None
            if previous.deletion_check_due(settings, job.now):
                planner = EntryPlanner(settings.name, settings.mapping(), region=settings.region)
                ids = {
                    i
                    for request in id_requests(settings)
                    for page in pages(request)
                    for dn, attrs in page
                    if (i := planner.entry_id(dn, attrs)) is not None
                }
                present = frozenset(ids)
                _refuse_to_empty(settings, len(present), 0, job.known, server)
            requests = incremental_requests(settings, previous.value)
        else:
            requests = full_requests(settings)
        for request in requests:
            for records in pages(request):
                yield Page(request.kind, records)
    finally:
        close(connection)
    checked = job.now if present is not None or not incremental else (previous.checked if previous else None)
    yield Searched(server, bound.skipped, incremental, present, checked)


def annotate_pages(job: DownloadJob, items: Iterable[Page | Searched]) -> Iterator[Page | Searched]:
    """``items`` with digests and number hints added: work the searching worker process does for
    the planning one, as planning costs about twice what searching and decoding cost."""
    settings = job.settings
    digest_of, stored, mapping = RecordDigests(settings).of, job.digests, settings.mapping()
    for item in items:
        if isinstance(item, Searched):
            yield item
            continue
        digests = [digest_of(dn, item.kind, attributes) for dn, attributes in item.records]
        to_plan = (attributes for (_dn, attributes), digest in zip(item.records, digests, strict=True)
                   if digest not in stored)
        yield replace(item, digests=digests, numbers=number_hints(mapping, settings.region, to_plan))


def plan_pages(job: DownloadJob, items: Iterable[Page | Searched], emit: Emit) -> Downloaded:
    """The planning half: each page's entries out through ``emit``, then what the download found."""
    settings = job.settings
    planner = EntryPlanner(settings.name, settings.mapping(), region=settings.region)
    plan, cleaned = planner.plan, planner.cleaned
    digest_of, stored = RecordDigests(settings).of, job.digests
    unchanged: dict[str, str] = {}
    planned: list[str] = []
    done = count = 0
    for item in items:
        if isinstance(item, Searched):
            break
        entries: list[Entry] = []
        digests: list[str | None] = []
        planner.e164_hints = item.numbers or {}
        given = item.digests or [digest_of(dn, item.kind, attributes) for dn, attributes in item.records]
        for (dn, attributes), digest in zip(item.records, given, strict=True):
            known = stored.get(digest)
            if known is not None:
                if planner.unchanged(dn, attributes, known):
                    unchanged[known] = digest
                continue
            problems = cleaned.count
            entry = plan(dn, attributes, item.kind)
            if entry is not None:
                entries.append(entry)
                planned.append(entry.external_id)
                # An entry with values dropped is planned again next time, so the report names them again.
                digests.append(digest if cleaned.count == problems else None)
        done += len(item.records)
        count += len(entries)
        emit(pickle_batch(entries, digests), len(entries), done)
    else:
        raise RuntimeError("the search ended without its summary")
    searched = item
    if not searched.incremental:
        _refuse_to_empty(settings, count + len(unchanged), planner.records, job.known, searched.server)
    return Downloaded(
        server=searched.server,
        servers_skipped=searched.servers_skipped,
        incremental=searched.incremental,
        present=searched.present,
        cursor=_cursor(settings, planner, searched, SyncCursor.decode(job.cursor)),
        entries=count,
        records=planner.records,
        skipped=tuple(planner.skipped.kept),
        skipped_count=planner.skipped.count,
        cleaned=tuple(planner.cleaned.kept),
        cleaned_count=planner.cleaned.count,
        warnings=_missing_attributes(settings, planner) if not searched.incremental else (),
        unchanged=unchanged,
        planned=tuple(planned) if searched.incremental else None,
    )


def download(job: DownloadJob, emit: Emit) -> Downloaded:
    """Both halves in this process, one after the other per page."""
    return plan_pages(job, search_pages(job), emit)


def _refuse_to_empty(settings: LdapSourceSettings, found: int, searched: int, known: int, server: str) -> None:
    """A search that finds nothing while the store holds entries is a broken base DN or filter
    (or a server serving an empty replica), not a directory whose staff all left."""
    if found == 0 and known > 0:
        raise LdapSearchError(
            settings.name,
            f"{server} returned no usable entries (searched {searched}); keeping the "
            f"previous {known} rather than emptying the directory: check the base DNs and filters",
        )


def _cursor(
    settings: LdapSourceSettings, planner: EntryPlanner, searched: Searched, previous: SyncCursor | None
) -> str | None:
    value = planner.max_change or (previous.value if previous and searched.incremental else None)
    if value is None:
        return None
    change = settings.mapping().change
    return SyncCursor(change, value, searched.server, settings.fingerprint(), searched.checked).encode()


def _missing_attributes(settings: LdapSourceSettings, planner: EntryPlanner) -> tuple[str, ...]:
    """Attributes the configuration names explicitly that no entry of a full sync had."""
    if not planner.records:
        return ()
    named = {a for attrs in settings.attributes.values() for a in attrs}
    named |= set((settings.numbers or {}).keys())
    missing = sorted(a for a in named if a.lower() not in planner.seen_attributes)
    return tuple(
        f"attribute {a!r} from the mapping appeared in none of the {planner.records} entries" for a in missing
    )
