"""Running one sync of one LDAP source into the store: the "execute" half, and its summary.

The entries stream from the paged search through the planner into a spool file (memory stays
bounded), then into the store in one transaction. A failure anywhere (server gone mid-sync, a store
error) leaves the store as it was: readers keep the previous directory, the cursor stays put.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ldap3 import Connection

from directory.model import ChangeSet, Entry
from directory.store import DirectoryRepository, Store
from directory.sync.collector import collector_paused
from directory.sync.connection import close, connect
from directory.sync.errors import LdapSearchError
from directory.sync.plan import EntryPlanner, Problem
from directory.sync.requests import (
    SearchRequest,
    SyncCursor,
    full_requests,
    id_requests,
    incremental_requests,
)
from directory.sync.search import paged_search
from directory.sync.settings import LdapSourceSettings
from directory.sync.spool import EntrySpool

Progress = Callable[[int, int | None], None]


@dataclass(frozen=True, slots=True)
class SyncSummary:
    """What one sync did. ``skipped``/``cleaned`` keep the first reasons; the counts are complete.

    ``full`` is True when a full sync ran (asked for, or an incremental one had no usable cursor).
    ``warnings`` are servers skipped before ``server`` answered (unreachable, TLS failed) and
    configuration issues (a mapped attribute no entry has).
    """

    source: str
    server: str
    full: bool
    added: int
    updated: int
    removed: int
    records: int
    skipped: tuple[Problem, ...]
    skipped_count: int
    cleaned: tuple[Problem, ...]
    cleaned_count: int
    duration: float
    changes: ChangeSet = field(default_factory=ChangeSet)
    warnings: tuple[str, ...] = ()


class _Run:
    """The state of one sync: connection, planner, counters."""

    def __init__(self, store: Store, settings: LdapSourceSettings, progress: Progress | None) -> None:
        self.settings, self.progress = settings, progress
        self.repository = DirectoryRepository(store)
        self.planner = EntryPlanner(settings.name, settings.mapping(), region=settings.region)
        self.done = 0

    def stream(self, connection: Connection, server: str, requests: list[SearchRequest]) -> Iterator[Entry]:
        for request in requests:
            for page in paged_search(
                connection,
                request,
                source=self.settings.name,
                server=server,
                page_size=self.settings.page_size,
            ):
                for dn, attributes in page:
                    entry = self.planner.plan(dn, attributes, request.kind)
                    if entry is not None:
                        yield entry
                self.done += len(page)
                if self.progress is not None:
                    self.progress(self.done, None)

    def present_ids(self, connection: Connection, server: str) -> set[str]:
        ids: set[str] = set()
        for request in id_requests(self.settings):
            for page in paged_search(
                connection,
                request,
                source=self.settings.name,
                server=server,
                page_size=self.settings.page_size,
            ):
                ids.update(i for dn, attrs in page if (i := self.planner.entry_id(dn, attrs)) is not None)
        return ids

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


def sync_source(
    store: Store, settings: LdapSourceSettings, *, full: bool, progress: Progress | None = None
) -> SyncSummary:
    """Sync one source: full (atomic replace) or incremental (changes since the stored cursor).

    An incremental sync without a usable cursor (first run, settings changed, AD failed over to
    another domain controller) runs as a full one. ``progress(done, total)`` is called after each
    page from the calling (worker) thread; ``total`` is None because LDAP does not say in advance.
    To cancel, raise from ``progress``: the exception propagates and the store is left untouched.
    Raises a SyncError subclass (naming the server and the reason) and leaves the store untouched
    when the settings are unusable, no server answers, the bind is refused or the search fails.
    """
    settings.check()  # a config error is reported before any network traffic
    started, now = time.monotonic(), time.time()
    run = _Run(store, settings, progress)
    previous = SyncCursor.decode(run.repository.sync_cursor(settings.name))
    before = run.repository.active_external_ids(settings.name)
    present: set[str] | None = None
    with collector_paused(), EntrySpool() as spool:
        bound = connect(settings)
        connection, server = bound.connection, bound.server
        try:
            incremental = not full and previous is not None and previous.usable_for(settings, server)
            if incremental:
                assert previous is not None
                if previous.deletion_check_due(settings, now):
                    present = run.present_ids(connection, server)
                    run.refuse_to_empty(len(present), len(before), server)
                requests = incremental_requests(settings, previous.value)
            else:
                requests = full_requests(settings)
            for entry in run.stream(connection, server, requests):
                spool.add(entry)
        finally:
            close(connection)
        if not incremental:
            run.refuse_to_empty(spool.count, len(before), server)
        checked = now if present is not None or not incremental else (previous.checked if previous else None)
        cursor = run.cursor(server, previous if incremental else None, checked)
        changes = run.repository.apply_sync(
            settings.name, spool, complete=not incremental, present=present, kind="ldap", cursor=lambda: cursor
        )
    known = set(before.values())
    updated = sum(1 for entry_id in changes.upserted if entry_id in known)
    return SyncSummary(
        source=settings.name,
        server=server,
        full=not incremental,
        added=len(changes.upserted) - updated,
        updated=updated,
        removed=len(changes.removed),
        records=run.planner.records,
        skipped=tuple(run.planner.skipped.kept),
        skipped_count=run.planner.skipped.count,
        cleaned=tuple(run.planner.cleaned.kept),
        cleaned_count=run.planner.cleaned.count,
        duration=time.monotonic() - started,
        changes=changes,
        warnings=tuple(f"skipped {reason}" for reason in bound.skipped)
        + (run.warnings() if not incremental else ()),
    )
