"""Directory entries in the store: atomic imports and syncs, and loading them back as `Entry` records."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session

from directory.model import (
    ChangePosition,
    ChangeSet,
    Entry,
    EntryKind,
    MailboxRow,
    NumberKind,
    PhoneNumber,
    SourceStatus,
)
from directory.store.bulk import insert_many
from directory.store.database import Store
from directory.store.schema import (
    PATH_SEPARATOR,
    DirectoryEntry,
    DirectorySource,
    EntryUsage,
    OrgUnit,
    PhoneNumberRow,
)

STREAM_ROWS = 5000  # rows fetched at a time by `mailbox_rows`


class StaleDigestError(Exception):
    """An entry a sync skipped as unchanged changed in the store meanwhile (another sync of the same
    source wrote it); nothing was written, and a new sync will plan it."""


def fingerprint(entry: Entry) -> str:
    """A hash of everything a source says about an entry, so a re-sync skips what did not change."""
    parts = [
        entry.kind,
        entry.display_name,
        entry.given_name,
        entry.surname,
        entry.title,
        PATH_SEPARATOR.join(entry.unit_path),
        entry.location,
        entry.email,
        "\n".join(entry.keywords),
        entry.description,
    ]
    parts += [f"{n.kind}:{n.raw}:{n.e164 or ''}" for n in entry.numbers]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


_PHONE_TABLE: Table = PhoneNumberRow.__table__  # type: ignore[assignment]  # a mapped class's Table
_ENTRY_TABLE: Table = DirectoryEntry.__table__  # type: ignore[assignment]


def _number_rows(entry_id: int, entry: Entry) -> list[dict[str, Any]]:
    return [{"entry_id": entry_id, "position": i, "kind": str(n.kind), "raw": n.raw, "e164": n.e164}
            for i, n in enumerate(entry.numbers)]


class _Units:
    """Get-or-create of organisational units by path within one transaction."""

    def __init__(self, session: Session, source: str) -> None:
        self.session, self.source = session, source
        rows = session.execute(select(OrgUnit.path, OrgUnit.id).where(OrgUnit.source == source))
        self.ids: dict[str, int] = {path: unit_id for path, unit_id in rows}

    def id_for(self, unit_path: Sequence[str]) -> int | None:
        parent: int | None = None
        for depth in range(1, len(unit_path) + 1):
            path = PATH_SEPARATOR.join(unit_path[:depth])
            if path not in self.ids:
                unit = OrgUnit(source=self.source, path=path, name=unit_path[depth - 1], parent_id=parent)
                self.session.add(unit)
                self.session.flush()
                self.ids[path] = unit.id
            parent = self.ids[path]
        return parent


class DirectoryRepository:
    """Reads and writes directory entries; every write is one transaction and returns a ChangeSet."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def replace_source(
        self, source: str, entries: Iterable[Entry], *, kind: str = "import", cursor: str | None = None
    ) -> ChangeSet:
        """Make the source hold exactly ``entries``: add, update in place, mark the rest removed.

        All or nothing: readers see the old directory until the commit, and an exception leaves it intact.
        """
        now = datetime.now(UTC)
        with self.store.transaction() as session:
            upserted, seen = self._upsert(session, source, entries, now)
            gone = self._not_seen(session, source, seen)
            self._mark_removed(session, gone, now)
            self._touch_source(session, source, kind, now, cursor)
        return ChangeSet(upserted=tuple(upserted), removed=tuple(gone))

    def upsert_entries(
        self, source: str, entries: Iterable[Entry], *, kind: str = "import", cursor: str | None = None
    ) -> ChangeSet:
        now = datetime.now(UTC)
        with self.store.transaction() as session:
            upserted, _seen = self._upsert(session, source, entries, now)
            self._touch_source(session, source, kind, now, cursor)
        return ChangeSet(upserted=tuple(upserted))

    def remove_entries(self, source: str, external_ids: Iterable[str]) -> ChangeSet:
        now = datetime.now(UTC)
        wanted = list(external_ids)
        with self.store.transaction() as session:
            ids = (
                session.scalars(
                    select(DirectoryEntry.id).where(
                        DirectoryEntry.source == source,
                        DirectoryEntry.external_id.in_(wanted),
                        DirectoryEntry.removed_at.is_(None),
                    )
                ).all()
                if wanted
                else []
            )
            self._mark_removed(session, ids, now)
            self._touch_source(session, source, None, now, None)
        return ChangeSet(removed=tuple(ids))

    def apply_sync(
        self,
        source: str,
        entries: Iterable[Entry],
        *,
        complete: bool,
        present: Collection[str] | None = None,
        kind: str = "ldap",
        cursor: Callable[[], str | None] | None = None,
        digests: Mapping[str, str] | None = None,
        unchanged: Mapping[str, str] | None = None,
        only: Collection[str] | None = None,
    ) -> ChangeSet:
        """One sync in one transaction: upsert ``entries`` (which may stream from the network).

        ``complete``: they are the whole source, so every other entry is marked removed. Otherwise,
        when ``present`` (the external ids still at the source) is given, active entries in neither
        are marked removed. ``cursor`` is called after ``entries`` is used up, so a streamed sync can
        store the position it reached. An exception from ``entries`` leaves the store as it was.
        ``digests`` (external id -> digest of the source's raw record, consulted as each entry
        arrives) are stored with the entries; ``unchanged`` (external id -> digest) are entries the
        sync did not plan because their stored digest matched: they count as seen and are not
        written. Raises StaleDigestError when one of those no longer holds that digest.
        ``only`` (not with ``complete``): the external ids of all of ``entries``, known in advance,
        so that only their rows are read rather than the whole source's.
        """
        now = datetime.now(UTC)
        with self.store.transaction() as session:
            upserted, seen = self._upsert(session, source, entries, now, digests=digests, unchanged=unchanged,
                                          only=None if complete else only)
            gone: list[int] = []
            if complete:
                gone = self._not_seen(session, source, seen)
            elif present is not None:
                active = session.execute(
                    select(DirectoryEntry.external_id, DirectoryEntry.id).where(
                        DirectoryEntry.source == source, DirectoryEntry.removed_at.is_(None)
                    )
                )
                gone = [entry_id for ext, entry_id in active if ext not in present and entry_id not in seen]
            self._mark_removed(session, gone, now)
            self._touch_source(session, source, kind, now, cursor() if cursor else None)
        return ChangeSet(upserted=tuple(upserted), removed=tuple(gone))

    def active_external_ids(self, source: str) -> dict[str, int]:
        """External id -> store id of the source's entries not marked removed."""
        with self.store.sessions() as session:
            rows = session.execute(
                select(DirectoryEntry.external_id, DirectoryEntry.id).where(
                    DirectoryEntry.source == source, DirectoryEntry.removed_at.is_(None)
                )
            )
            return {ext: entry_id for ext, entry_id in rows}

    @staticmethod
    def _not_seen(session: Session, source: str, seen: set[int]) -> list[int]:
        active = session.scalars(
            select(DirectoryEntry.id).where(
                DirectoryEntry.source == source, DirectoryEntry.removed_at.is_(None)
            )
        ).all()
        return [entry_id for entry_id in active if entry_id not in seen]

    @staticmethod
    def _mark_removed(session: Session, ids: Sequence[int], now: datetime) -> None:
        for start in range(0, len(ids), 500):
            session.execute(
                update(DirectoryEntry)
                .where(DirectoryEntry.id.in_(ids[start : start + 500]))
                .values(removed_at=now)
            )

    def _upsert(
        self,
        session: Session,
        source: str,
        entries: Iterable[Entry],
        now: datetime,
        *,
        digests: Mapping[str, str] | None = None,
        unchanged: Mapping[str, str] | None = None,
        only: Collection[str] | None = None,
    ) -> tuple[list[int], set[int]]:
        existing: dict[str, tuple[int, str, datetime | None]] = {}
        stored_digests: dict[str, str | None] = {}
        query = select(
            DirectoryEntry.external_id,
            DirectoryEntry.id,
            DirectoryEntry.fingerprint,
            DirectoryEntry.removed_at,
            DirectoryEntry.source_digest,
        ).where(DirectoryEntry.source == source)
        if only is None:
            queries = [query]
        else:  # an incremental sync: the rows of its few entries, not all 100,000
            wanted = sorted({*only, *(unchanged or {})})
            queries = [query.where(DirectoryEntry.external_id.in_(wanted[i : i + 500]))
                       for i in range(0, len(wanted), 500)]
        for chunk in queries:
            for ext, entry_id, fp, removed, digest in session.execute(chunk):
                existing[ext] = (entry_id, fp, removed)
                stored_digests[ext] = digest
        units = _Units(session, source)
        upserted: list[int] = []
        seen: set[int] = set()
        pending: list[tuple[Entry, dict[str, Any]]] = []
        pending_ids: set[str] = set()
        numbers: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        digest_updates: list[dict[str, Any]] = []
        for ext, digest in (unchanged or {}).items():
            known = existing.get(ext)
            if known is None or known[2] is not None or stored_digests.get(ext) != digest:
                raise StaleDigestError(f"entry {ext!r} of {source!r} changed in the store during the sync")
            seen.add(known[0])

        def flush() -> None:
            # Multi-row INSERT ... RETURNING per batch: a 200,000-entry sync must not go row by row.
            if pending:
                rows = [{"source": source, "external_id": e.external_id, **values} for e, values in pending]
                # A plain executemany, then the new ids by (source, external_id), which is unique.
                # INSERT ... RETURNING in parameter order went one row per statement on SQLite,
                # and the ORM bulk path one statement per group of rows with the same None values.
                table = _ENTRY_TABLE.c
                if session.get_bind().dialect.name == "postgresql":
                    # RETURNING in parameter order, batched by SQLAlchemy. Looking the ids up instead
                    # made PostgreSQL scan the rows this transaction inserted so far at every batch
                    # (it plans with the empty table's statistics): 100,000 entries took 160 s, not 30.
                    ids = list(session.execute(
                        insert(_ENTRY_TABLE).returning(table.id, sort_by_parameter_order=True), rows).scalars())
                else:
                    insert_many(session, _ENTRY_TABLE, rows)
                    wanted = [entry.external_id for entry, _values in pending]
                    found = session.execute(select(table.external_id, table.id)
                                            .where(table.source == source, table.external_id.in_(wanted)))
                    new = {external_id: entry_id for external_id, entry_id in found}
                    ids = [new[entry.external_id] for entry, _values in pending]
                for (entry, values), entry_id in zip(pending, ids, strict=True):
                    existing[entry.external_id] = (entry_id, values["fingerprint"], None)
                    numbers.extend(_number_rows(entry_id, entry))
                seen.update(ids)
                upserted.extend(ids)
                pending.clear()
                pending_ids.clear()
            if digest_updates:
                session.execute(update(DirectoryEntry), digest_updates)
                digest_updates.clear()
            if updates:
                session.execute(update(DirectoryEntry), updates)  # ORM bulk UPDATE by primary key
                replaced = [row["id"] for row in updates]
                session.execute(delete(PhoneNumberRow).where(PhoneNumberRow.entry_id.in_(replaced)))
                updates.clear()
            if numbers:
                # Core executemany on the table: the ORM bulk path groups rows by which values are
                # None (e164 often is) and ran one INSERT per small group, ~17,000 for 20,000 entries.
                insert_many(session, _PHONE_TABLE, numbers)
                numbers.clear()

        for entry in entries:
            fp = fingerprint(entry)
            known = existing.get(entry.external_id)
            if (known is not None and known[0] in seen) or entry.external_id in pending_ids:
                raise ValueError(f"duplicate id {entry.external_id!r} in source {source!r}")
            digest = digests.get(entry.external_id) if digests else None
            if known is not None:
                seen.add(known[0])
                if known[1] == fp and known[2] is None:
                    if digest != stored_digests.get(entry.external_id):  # same entry, other raw record
                        digest_updates.append({"id": known[0], "source_digest": digest})
                        if len(digest_updates) >= 2000:
                            flush()
                    continue
            values = {
                "kind": str(entry.kind),
                "display_name": entry.display_name,
                "given_name": entry.given_name,
                "surname": entry.surname,
                "title": entry.title,
                "unit_id": units.id_for(entry.unit_path),
                "location": entry.location,
                "email": entry.email,
                "keywords": "\n".join(entry.keywords),
                "description": entry.description,
                "fingerprint": fp,
                "source_digest": digest,
                "updated_at": now,
                "removed_at": None,
            }
            if known is None:
                pending.append((entry, values))
                pending_ids.add(entry.external_id)
                if len(pending) >= 2000:
                    flush()
                continue
            entry_id = known[0]
            updates.append({"id": entry_id, **values})
            numbers.extend(_number_rows(entry_id, entry))
            existing[entry.external_id] = (entry_id, fp, None)
            upserted.append(entry_id)
            if len(updates) >= 500:
                flush()
        flush()
        return upserted, seen

    @staticmethod
    def _touch_source(
        session: Session, source: str, kind: str | None, now: datetime, cursor: str | None
    ) -> None:
        count = (
            session.scalar(
                select(func.count())
                .select_from(DirectoryEntry)
                .where(DirectoryEntry.source == source, DirectoryEntry.removed_at.is_(None))
            )
            or 0
        )
        row = session.get(DirectorySource, source)
        if row is None:
            row = DirectorySource(name=source, kind=kind or "import")
            session.add(row)
        row.updated_at, row.entry_count = now, count
        if kind is not None:
            row.kind = kind
        if cursor is not None:
            row.sync_cursor = cursor

    def load_entries(self, ids: Iterable[int] | None = None) -> list[Entry]:
        """Active entries (all, or those of ``ids``) as records, numbers in their stored order."""
        with self.store.sessions() as session:
            query = (
                select(DirectoryEntry, OrgUnit.path)
                .outerjoin(OrgUnit, DirectoryEntry.unit_id == OrgUnit.id)
                .where(DirectoryEntry.removed_at.is_(None))
            )
            numbers_query = select(PhoneNumberRow).order_by(PhoneNumberRow.entry_id, PhoneNumberRow.position)
            if ids is not None:
                wanted = list(ids)
                query = query.where(DirectoryEntry.id.in_(wanted))
                numbers_query = numbers_query.where(PhoneNumberRow.entry_id.in_(wanted))
            numbers: dict[int, list[PhoneNumber]] = {}
            for n in session.scalars(numbers_query):
                numbers.setdefault(n.entry_id, []).append(PhoneNumber(n.raw, NumberKind(n.kind), n.e164))
            return [
                Entry(
                    source=row.source,
                    external_id=row.external_id,
                    kind=EntryKind(row.kind),
                    display_name=row.display_name,
                    given_name=row.given_name,
                    surname=row.surname,
                    title=row.title,
                    unit_path=tuple(path.split(PATH_SEPARATOR)) if path else (),
                    location=row.location,
                    email=row.email,
                    keywords=tuple(k for k in row.keywords.split("\n") if k),
                    description=row.description,
                    numbers=tuple(numbers.get(row.id, ())),
                    id=row.id,
                )
                for row, path in session.execute(query)
            ]

    def mailbox_rows(self, *, keywords: bool = False) -> Iterator[MailboxRow]:
        """Every active entry's id, kind and e-mail, and its keywords only when ``keywords``: what the calendars
        route by, read as columns and streamed, so a caller that routes them as they come holds no list of them
        (at 200,000 entries about a second and 40 MB for the routes, where `load_entries` builds whole records
        with their units and numbers in 15 s and more, and hundreds of MB). The session stays open until the
        rows are read to the end."""
        kinds = {kind.value: kind for kind in EntryKind}
        entries, active = DirectoryEntry, DirectoryEntry.removed_at.is_(None)
        with self.store.sessions() as session:
            if not keywords:
                query = select(entries.id, entries.kind, entries.email).where(active)
                for entry_id, kind, email in session.execute(query.execution_options(yield_per=STREAM_ROWS)):
                    yield MailboxRow(entry_id, kinds[kind], email)
                return
            with_keywords = select(entries.id, entries.kind, entries.email, entries.keywords).where(active)
            for entry_id, kind, email, text in session.execute(with_keywords.execution_options(yield_per=STREAM_ROWS)):
                yield MailboxRow(entry_id, kinds[kind], email, tuple(k for k in text.split("\n") if k))

    def changes_since(self, since: datetime) -> ChangeSet:
        """What other writers (a CLI import, another console's sync) changed after ``since``."""
        with self.store.sessions() as session:
            # Read through the updated_at index (see `fingerprints_since`), and sorted by id here: ordered in
            # the query, SQLite would walk every row in id order instead.
            updated = session.execute(select(DirectoryEntry.id, DirectoryEntry.removed_at).where(
                DirectoryEntry.updated_at > since)).all()
            removed = session.scalars(select(DirectoryEntry.id).where(DirectoryEntry.removed_at > since)).all()
        return ChangeSet(upserted=tuple(sorted(entry_id for entry_id, gone in updated if gone is None)),
                         removed=tuple(sorted(removed)))

    def change_position(self) -> ChangePosition:
        """The directory's change position now (see `ChangePosition`), read in one transaction."""
        entries = DirectoryEntry
        with self.store.sessions() as session:
            # Each maximum in its own subquery, so each is read from the end of its index (SQLite reads one
            # query's several maxima by scanning every row).
            updated, removed, last_id = session.execute(select(
                select(func.max(entries.updated_at)).scalar_subquery(),
                select(func.max(entries.removed_at)).scalar_subquery(),
                select(func.max(entries.id)).scalar_subquery())).one()
            active = session.scalar(select(func.count()).select_from(entries).where(entries.removed_at.is_(None)))
        latest = max((t for t in (updated, removed) if t is not None), default=None)
        return ChangePosition(latest, active or 0, last_id or 0)

    def fingerprints_since(self, since: datetime) -> dict[int, str]:
        """Id -> content fingerprint of the active entries updated after ``since``: which of them an index
        already holds as they are is then known without loading them (see `fingerprint`)."""
        with self.store.sessions() as session:
            # removed_at is tested here, not in the query: given both conditions, SQLite reads through the
            # removed_at index (every active entry) instead of the updated_at one (those changed since).
            rows = session.execute(select(DirectoryEntry.id, DirectoryEntry.fingerprint, DirectoryEntry.removed_at)
                                   .where(DirectoryEntry.updated_at > since))
            return {entry_id: fp for entry_id, fp, gone in rows if gone is None}

    def removed_since(self, since: datetime) -> list[int]:
        with self.store.sessions() as session:
            return list(session.scalars(select(DirectoryEntry.id).where(DirectoryEntry.removed_at > since)))

    def find_id(self, source: str, external_id: str) -> int | None:
        with self.store.sessions() as session:
            return session.scalar(
                select(DirectoryEntry.id).where(
                    DirectoryEntry.source == source, DirectoryEntry.external_id == external_id
                )
            )

    def source_statuses(self) -> list[SourceStatus]:
        with self.store.sessions() as session:
            return [
                SourceStatus(row.name, row.entry_count, row.updated_at)
                for row in session.scalars(select(DirectorySource).order_by(DirectorySource.name))
            ]

    def active_ids(self, source: str) -> set[int]:
        """Store ids of the source's entries not marked removed."""
        with self.store.sessions() as session:
            return set(session.scalars(select(DirectoryEntry.id).where(
                DirectoryEntry.source == source, DirectoryEntry.removed_at.is_(None))))

    def source_digests(self, source: str) -> dict[str, str]:
        """Digest of the raw record -> external id, of the source's active entries that have one."""
        with self.store.sessions() as session:
            rows = session.execute(
                select(DirectoryEntry.source_digest, DirectoryEntry.external_id).where(
                    DirectoryEntry.source == source,
                    DirectoryEntry.removed_at.is_(None),
                    DirectoryEntry.source_digest.is_not(None),
                )
            )
            return {digest: ext for digest, ext in rows if digest is not None}

    def sync_cursor(self, source: str) -> str | None:
        with self.store.sessions() as session:
            row = session.get(DirectorySource, source)
            return row.sync_cursor if row else None

    def record_use(self, entry_id: int) -> None:
        now = datetime.now(UTC)
        with self.store.transaction() as session:
            row = session.get(EntryUsage, entry_id)
            if row is None:
                session.add(EntryUsage(entry_id=entry_id, use_count=1, last_used_at=now))
            else:
                row.use_count += 1
                row.last_used_at = now

    def usage_counts(self) -> dict[int, int]:
        with self.store.sessions() as session:
            return {
                entry_id: count
                for entry_id, count in session.execute(select(EntryUsage.entry_id, EntryUsage.use_count))
            }
