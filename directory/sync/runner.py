"""Running one sync of one LDAP source into the store: the "execute" half, and its summary.

The download (directory.sync.download: search, decode, plan) runs in two worker processes by default
(directory.sync.worker) and streams its entries, page by page, into a spool file (memory stays
bounded); then they go into the store in one transaction, in this process. A source's first full
sync is instead written by a third process while the download runs (directory.sync.writer: SQLite
staged and written at the end, PostgreSQL as it arrives), so neither the wait nor the CPU of 100,000
inserts falls after the download in the caller's process. A failure anywhere (server gone mid-sync,
a store error) leaves the store as it was: readers keep the previous directory, the cursor stays put.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from directory.collector import collector_paused
from directory.model import ChangeSet
from directory.store import DirectoryRepository, Store
from directory.store.entries import StaleDigestError
from directory.store.staged import is_fresh, is_sqlite_file
from directory.sync.download import Downloaded, DownloadJob, download
from directory.sync.errors import SyncError
from directory.sync.plan import SkippedEntry
from directory.sync.requests import SyncCursor
from directory.sync.settings import LdapSourceSettings
from directory.sync.spool import EntrySpool
from directory.sync.worker import download_in_worker
from directory.sync.writer import StagedWriter

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
    skipped: tuple[SkippedEntry, ...]
    skipped_count: int
    cleaned: tuple[SkippedEntry, ...]
    cleaned_count: int
    duration: float
    changes: ChangeSet = field(default_factory=ChangeSet)
    warnings: tuple[str, ...] = ()


def sync_source(
    store: Store,
    settings: LdapSourceSettings,
    *,
    full: bool,
    progress: Progress | None = None,
    in_process: bool = False,
) -> SyncSummary:
    """Sync one source: full (atomic replace) or incremental (changes since the stored cursor).

    An incremental sync without a usable cursor (first run, settings changed, AD failed over to
    another domain controller) runs as a full one. ``progress(done, total)`` is called after each
    page from the calling (worker) thread; ``total`` is None because LDAP does not say in advance.
    To cancel, raise from ``progress``: the exception propagates and the store is left untouched.
    The download runs in a worker process unless ``in_process`` (the worker costs a few
    milliseconds to start; in-process, a sync holds the caller's GIL for seconds).
    Raises a SyncError subclass (naming the server and the reason) and leaves the store untouched
    when the settings are unusable, no server answers, the bind is refused or the search fails.
    """
    settings.check()  # a config error is reported before any network traffic
    started = time.monotonic()
    repository = DirectoryRepository(store)
    before = repository.active_ids(settings.name)
    cursor = repository.sync_cursor(settings.name)
    previous = SyncCursor.decode(cursor)
    # Digests let a full sync skip planning unchanged records; an incremental one reads few records.
    likely_full = full or previous is None or previous.config != settings.fingerprint()
    digests = repository.source_digests(settings.name) if likely_full else {}
    job = DownloadJob(settings, full, cursor, len(before), time.time(), digests)
    with EntrySpool() as spool:

        def emit(batch: bytes, count: int, done: int) -> None:
            spool.add_pickled(batch, count)
            if progress is not None:
                progress(done, None)

        found: Downloaded
        changes: ChangeSet | None = None
        if in_process:
            with collector_paused():
                found = download(job, emit)
        elif (full or previous is None) and not before and is_fresh(store, settings.name):
            found, changes = _download_staged(store, job, spool, emit)
        else:
            found = download_in_worker(job, emit)
        with collector_paused():
            try:
                if changes is None:
                    changes = repository.apply_sync(
                        settings.name, spool, complete=not found.incremental, present=found.present, kind="ldap",
                        cursor=lambda: found.cursor, digests=spool.digests, unchanged=found.unchanged,
                        only=found.planned,
                    )
            except StaleDigestError as exc:
                raise SyncError(settings.name, f"{exc}; nothing was written, the next sync plans it again") from exc
    updated = sum(1 for entry_id in changes.upserted if entry_id in before)
    return SyncSummary(
        source=settings.name,
        server=found.server,
        full=not found.incremental,
        added=len(changes.upserted) - updated,
        updated=updated,
        removed=len(changes.removed),
        records=found.records,
        skipped=found.skipped,
        skipped_count=found.skipped_count,
        cleaned=found.cleaned,
        cleaned_count=found.cleaned_count,
        duration=time.monotonic() - started,
        changes=changes,
        warnings=tuple(f"skipped {reason}" for reason in found.servers_skipped) + found.warnings,
    )


def _download_staged(
    store: Store, job: DownloadJob, spool: EntrySpool, emit: Callable[[bytes, int, int], None]
) -> tuple[Downloaded, ChangeSet | None]:
    """A source's first full sync: a third process takes the entries as they arrive and writes them
    (directory.sync.writer). The spool still fills: should the source have gained
    rows meanwhile (None), apply_sync writes from it."""
    url = store.url
    if is_sqlite_file(store):  # made absolute: the writer may start in another directory
        database = str(Path(store.engine.url.database or "").resolve())
        url = store.engine.url.set(database=database).render_as_string(hide_password=False)
    with StagedWriter(url, job.settings.name) as writer:

        def emit_both(batch: bytes, count: int, done: int) -> None:
            writer.add(batch)
            emit(batch, count, done)

        found = download_in_worker(job, emit_both)
        if found.incremental:  # not for a full job or one without a cursor; apply_sync would cope
            return found, None
        return found, writer.finish(kind="ldap", cursor=found.cursor)
