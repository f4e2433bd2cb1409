"""The index kept beside the store (directory.search.stored), on SQLite; tests/integration/store runs these on
PostgreSQL. Snapshots made, reopened with the store's changes since (an import, a sync), refused when
damaged or when the store changed behind them, and rebuilt."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import delete, update

from directory.model import Entry, EntryKind
from directory.search import SearchIndex
from directory.search.rows import EntryRows
from directory.search.snapshot import read_snapshot
from directory.search.stored import MANY_CHANGES, StoredIndex
from directory.store import DirectoryRepository, Store, sqlite_url
from directory.store.schema import DirectoryEntry, PhoneNumberRow


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield s
    s.dispose()


def _person(ext: str, name: str, **fields: object) -> Entry:
    given, _, surname = name.partition(" ")
    return Entry(source="import:staff.csv", external_id=ext, kind=EntryKind.PERSON, display_name=name,
                 given_name=given, surname=surname, **fields)  # type: ignore[arg-type]


STAFF = [_person("p1", "Siv Ek", title="Sjuksköterska", email="siv.ek@example.org"),
         _person("p2", "Kristina Eriksson", title="Undersköterska", unit_path=("Region", "Kardiologi")),
         _person("p3", "Anna Lindqvist", description="Ansvarar för vaccinationer"),
         _person("p4", "Per Åberg", location="Hus B")]
QUERIES = ("siv", "ek", "siv.ek@example.org", "kristina kard", "lindkvist", "vaccinationer", "aberg", "a")


def _stored(store: Store, tmp_path: Path) -> StoredIndex:
    return StoredIndex(DirectoryRepository(store), tmp_path / "store.search", "the store")


def _same_as_a_build(index: SearchIndex, store: Store) -> None:
    repo = DirectoryRepository(store)
    built = SearchIndex(repo.load_entries(), usage=repo.usage_counts())
    assert len(index) == len(built)
    for query in QUERIES:
        assert index.search(query) == built.search(query), query


def test_made_reopened_and_current(store: Store, tmp_path: Path) -> None:
    repo = DirectoryRepository(store)
    repo.replace_source("import:staff.csv", STAFF)
    stored = _stored(store, tmp_path)
    first = stored.open()
    assert first.index is None
    assert "no snapshot" in first.problem
    rebuilt = stored.rebuild()
    assert rebuilt.index is not None
    assert stored.path.is_file()
    _same_as_a_build(rebuilt.index, store)
    again = stored.open()
    assert again.index is not None
    assert again.problem == ""
    assert again.applied == 0  # the import stamped all its entries alike: their fingerprints tell they are held
    assert isinstance(again.index._state.entries, EntryRows)  # rows read when shown
    _same_as_a_build(again.index, store)


def test_an_import_and_a_sync_while_the_snapshot_is_open_are_applied(store: Store, tmp_path: Path) -> None:
    repo = DirectoryRepository(store)
    repo.replace_source("import:staff.csv", STAFF)
    stored = _stored(store, tmp_path)
    stored.rebuild()
    serving = stored.open().index
    assert serving is not None
    # An import: one renamed, one gone, one new.
    changes = repo.replace_source("import:staff.csv", [
        STAFF[0], _person("p2", "Kristina Zetterlund", title="Undersköterska"), STAFF[2],
        _person("p5", "Ove Sundberg", keywords=("teckenspråk",))])
    serving.upsert(repo.load_entries(changes.upserted))  # the console applies it as it hears of it
    serving.remove(changes.removed)
    _same_as_a_build(serving, store)
    # A sync of another source.
    repo.apply_sync("ldap:region", [Entry(source="ldap:region", external_id="uid=x", kind=EntryKind.FUNCTION,
                                          display_name="Växeln", description="Bemannat dygnet runt")],
                    complete=True)
    reopened = stored.open()  # the next start: the changes since the snapshot are read from the store
    assert reopened.index is not None
    assert reopened.problem == ""
    assert reopened.applied >= 4
    _same_as_a_build(reopened.index, store)
    assert [h.entry.display_name for h in reopened.index.search("dygnet")] == ["Växeln"]
    assert [h.entry.display_name for h in reopened.index.search("zetterlund")] == ["Kristina Zetterlund"]
    assert reopened.index.search("åberg") == []
    index, how = stored.open_or_build()
    assert how.startswith("opened")
    _same_as_a_build(index, store)


def test_a_damaged_snapshot_is_rebuilt(store: Store, tmp_path: Path) -> None:
    repo = DirectoryRepository(store)
    repo.replace_source("import:staff.csv", STAFF)
    stored = _stored(store, tmp_path)
    stored.rebuild()
    whole = stored.path.read_bytes()
    stored.path.write_bytes(whole[: len(whole) // 2])
    opened = stored.open()
    assert opened.index is None
    assert "truncated" in opened.problem
    index, how = stored.open_or_build()
    assert how.startswith("rebuilt")
    assert "truncated" in how
    _same_as_a_build(index, store)
    assert stored.open().problem == ""  # written whole again


def test_a_store_changed_behind_the_snapshot_is_rebuilt(store: Store, tmp_path: Path) -> None:
    repo = DirectoryRepository(store)
    repo.replace_source("import:staff.csv", STAFF)
    stored = _stored(store, tmp_path)
    stored.rebuild()
    with store.transaction() as session:  # rows deleted outright, as no import or sync does
        gone = session.scalars(DirectoryEntry.__table__.select().with_only_columns(DirectoryEntry.id)
                               .where(DirectoryEntry.external_id == "p3")).one()
        session.execute(delete(PhoneNumberRow).where(PhoneNumberRow.entry_id == gone))
        session.execute(delete(DirectoryEntry).where(DirectoryEntry.id == gone))
    opened = stored.open()
    assert opened.index is not None  # serves meanwhile
    assert "changed behind" in opened.problem
    index, how = stored.open_or_build()
    assert how.startswith("rebuilt")
    _same_as_a_build(index, store)
    assert index.search("vaccinationer") == []


def test_a_store_behind_its_snapshot_is_rebuilt(store: Store, tmp_path: Path) -> None:
    repo = DirectoryRepository(store)
    repo.replace_source("import:staff.csv", STAFF)
    stored = _stored(store, tmp_path)
    stored.rebuild()
    behind = StoredIndex(repo, stored.path, stored.store)
    position = repo.change_position()
    assert position.changed_at is not None
    with store.transaction() as session:  # a restored backup: its changes are older than the snapshot's
        session.execute(update(DirectoryEntry).values(updated_at=position.changed_at.replace(year=2020)))
    opened = behind.open()
    assert "behind the snapshot" in opened.problem
    index, how = behind.open_or_build()
    assert how.startswith("rebuilt")
    _same_as_a_build(index, store)


def test_a_snapshot_of_another_store_is_not_used(store: Store, tmp_path: Path) -> None:
    repo = DirectoryRepository(store)
    repo.replace_source("import:staff.csv", STAFF)
    _stored(store, tmp_path).rebuild()
    other = StoredIndex(repo, tmp_path / "store.search", "another store")
    opened = other.open()
    assert opened.index is None
    assert "another store" in opened.problem


def test_a_snapshot_settles_and_then_reads_only_what_came_after(store: Store, tmp_path: Path) -> None:
    repo = DirectoryRepository(store)
    repo.replace_source("import:staff.csv", STAFF)
    with store.transaction() as session:  # the import was an hour ago: every write before it has committed
        session.execute(update(DirectoryEntry).values(updated_at=datetime.now(UTC) - timedelta(hours=1)))
    stored = _stored(store, tmp_path)
    stored.rebuild()
    assert read_snapshot(stored.path).position["settled"] is False
    assert stored.open().problem == ""
    assert read_snapshot(stored.path).position["settled"] is True  # amended in place
    repo.upsert_entries("import:staff.csv", [_person("p5", "Ove Sundberg")])
    reopened = stored.open()
    assert reopened.index is not None
    assert reopened.applied == 1
    _same_as_a_build(reopened.index, store)


def test_many_changes_since_the_snapshot_are_rebuilt_rather_than_applied(store: Store, tmp_path: Path) -> None:
    repo = DirectoryRepository(store)
    repo.replace_source("import:staff.csv", STAFF)
    stored = _stored(store, tmp_path)
    stored.rebuild()
    repo.upsert_entries("import:staff.csv", [_person(f"m{i}", f"Many{i} Persson") for i in range(MANY_CHANGES + 1)])
    opened = stored.open()
    assert opened.index is not None  # the snapshot serves as it is meanwhile
    assert len(opened.index) == len(STAFF)
    assert f"more than {MANY_CHANGES} entries changed" in opened.problem
    index, how = stored.open_or_build()
    assert how.startswith("rebuilt")
    _same_as_a_build(index, store)
    assert len(index.search("persson", limit=1000)) == MANY_CHANGES + 1
