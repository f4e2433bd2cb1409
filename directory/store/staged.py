"""A first full sync of a source into SQLite, prepared while the download runs and written at the end.

A source's first sync inserts every entry. Done by `DirectoryRepository.apply_sync` after the
download, that is seconds of Python (rows, fingerprints, bind parameters) on the critical path.
`StagedEntries` does that work as the batches arrive, into a private SQLite file of its own (no lock
on the store), so that the final write is two ``INSERT ... SELECT`` run inside SQLite: the store's
write lock is held only for those, not for the download (the console's edits keep working).

Only for a source with no rows at all in the store (`is_fresh`); anything else, or a source that
gained rows meanwhile, goes through `apply_sync` (`write_fresh` returns None and writes nothing).
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Select, bindparam, func, select, text
from sqlalchemy.orm import Session

from directory.model import ChangeSet
from directory.store.database import Store
from directory.store.entries import DirectoryRepository, _Units
from directory.store.schema import PATH_SEPARATOR, DirectoryEntry, UTCDateTime


def is_sqlite_file(store: Store) -> bool:
    url = store.engine.url
    return url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:")


def is_fresh(store: Store, source: str) -> bool:
    """True when another process can open the store (a SQLite file, or a database server) and it holds
    no row of ``source`` (not even removed ones)."""
    url = store.engine.url
    if url.get_backend_name() == "sqlite" and not is_sqlite_file(store):
        return False  # another process cannot open an in-memory database
    with store.sessions() as session:
        return not session.scalar(_count(source))


def _count(source: str) -> Select[int]:
    return select(func.count()).select_from(DirectoryEntry).where(DirectoryEntry.source == source)


class StagedEntries:
    """Pickled batches of flat entries (directory.sync.spool's format) staged in a private SQLite file.

    Use as a context manager: the file is removed on exit.
    """

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="switchboard-sync-")
        self.path = Path(self._dir.name) / "staged.sqlite3"
        self._db = sqlite3.connect(self.path)
        # A scratch file: nothing to recover after a crash, so no journal and no fsync.
        self._db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE entries (external_id TEXT, kind TEXT, display_name TEXT, given_name TEXT,"
            " surname TEXT, title TEXT, unit_path TEXT, location TEXT, email TEXT, keywords TEXT,"
            " description TEXT, fingerprint TEXT, source_digest TEXT, seq INTEGER);"
            "CREATE TABLE numbers (external_id TEXT, position INTEGER, kind TEXT, raw TEXT, e164 TEXT);"
            "CREATE TABLE units (path TEXT PRIMARY KEY);"
        )
        self.count = 0

    def add_pickled(self, data: bytes) -> None:
        """One batch as `directory.sync.spool.pickle_batch` made it (from our own worker: safe to unpickle).

        Works on the flat tuples themselves: restoring `Entry` records first cost a third of the staging.
        """
        rows: list[tuple[Any, ...]] = []
        numbers: list[tuple[Any, ...]] = []
        units: set[str] = set()
        seq = self.count
        for (_source, external_id, kind, display_name, given_name, surname, title, unit_path, location, email,
             keywords, description, phone_numbers, _id, digest) in pickle.loads(data):
            path = PATH_SEPARATOR.join(unit_path)
            if path:
                units.add(path)
            keyword_text = "\n".join(keywords)
            # The same parts, in the same order, as entries.fingerprint(entry): a re-sync compares them.
            parts = [kind, display_name, given_name, surname, title, path, location, email, keyword_text,
                     description]
            parts += [f"{number_kind}:{raw}:{e164 or ''}" for raw, number_kind, e164 in phone_numbers]
            digest_of_entry = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
            rows.append((external_id, kind, display_name, given_name, surname, title, path, location, email,
                         keyword_text, description, digest_of_entry, digest, seq))
            seq += 1
            numbers += [(external_id, i, number_kind, raw, e164)
                        for i, (raw, number_kind, e164) in enumerate(phone_numbers)]
        self._db.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        self._db.executemany("INSERT INTO numbers VALUES (?,?,?,?,?)", numbers)
        self._db.executemany("INSERT OR IGNORE INTO units VALUES (?)", [(u,) for u in units])
        self.count = seq

    def write_fresh(self, store: Store, source: str, *, kind: str, cursor: str | None) -> ChangeSet | None:
        """Insert the staged entries as the source's whole content in one transaction of ``store``.

        Returns None, having written nothing, when the source has rows by now (the caller then
        goes through apply_sync). An exception rolls the transaction back: the store is as it was.
        """
        self._db.commit()
        paths = self._db.execute("SELECT path FROM units ORDER BY path")
        units = [tuple(path.split(PATH_SEPARATOR)) for (path,) in paths]
        now = datetime.now(UTC)
        with store.engine.connect() as connection:
            # ATTACH cannot run inside a transaction: before the first statement that begins one.
            connection.exec_driver_sql("ATTACH DATABASE ? AS staged", (str(self.path),))
            connection.commit()
            try:
                with Session(bind=connection) as session, session.begin():
                    if session.scalar(_count(source)):
                        return None
                    by_path = _Units(session, source)
                    for unit_path in units:
                        by_path.id_for(unit_path)
                    session.execute(text(
                        "INSERT INTO directory_entries (source, external_id, kind, display_name, given_name, surname,"
                        " title, unit_id, location, email, keywords, description, fingerprint, source_digest,"
                        " updated_at, removed_at)"
                        " SELECT :source, s.external_id, s.kind, s.display_name, s.given_name, s.surname, s.title,"
                        " u.id, s.location, s.email, s.keywords, s.description, s.fingerprint, s.source_digest,"
                        " :now, NULL FROM staged.entries s"
                        " LEFT JOIN org_units u ON u.source = :source AND u.path = s.unit_path ORDER BY s.seq"
                    ).bindparams(bindparam("now", type_=UTCDateTime())), {"source": source, "now": now})
                    session.execute(text(
                        "INSERT INTO phone_numbers (entry_id, position, kind, raw, e164)"
                        " SELECT e.id, n.position, n.kind, n.raw, n.e164 FROM staged.numbers n"
                        " JOIN directory_entries e ON e.source = :source AND e.external_id = n.external_id"
                        " ORDER BY n.rowid"
                    ), {"source": source})
                    upserted = session.scalars(select(DirectoryEntry.id).where(
                        DirectoryEntry.source == source).order_by(DirectoryEntry.id)).all()
                    DirectoryRepository._touch_source(session, source, kind, now, cursor)
            finally:
                connection.rollback()  # no-op after a commit; DETACH needs no transaction open
                connection.exec_driver_sql("DETACH DATABASE staged")
                connection.commit()
        return ChangeSet(upserted=tuple(upserted))

    def close(self) -> None:
        self._db.close()
        self._dir.cleanup()

    def __enter__(self) -> StagedEntries:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
