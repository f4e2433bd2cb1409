"""StagedEntries: a first full sync staged in a private file, then written in one transaction."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from directory.model import Entry, EntryKind, NumberKind, PhoneNumber
from directory.store import DirectoryRepository, Store, sqlite_url
from directory.store.entries import fingerprint
from directory.store.staged import StagedEntries, is_fresh
from directory.sync.spool import pickle_batch


def entries() -> list[Entry]:
    return [
        Entry(source="ldap", external_id="a", kind=EntryKind.PERSON, display_name="Anna Åberg", given_name="Anna",
              surname="Åberg", title="Läkare", unit_path=("Sjukhuset", "Röntgen"), location="Hus 3",
              email="anna@example.org", keywords=("röntgen", "mr"), description="Jour",
              numbers=(PhoneNumber("019-602 00 01", NumberKind.WORK, "+46196020001"),
                       PhoneNumber("070 123", NumberKind.MOBILE, None))),
        Entry(source="ldap", external_id="b", kind=EntryKind.FUNCTION, display_name="Växeln",
              unit_path=("Sjukhuset",), numbers=(PhoneNumber("0", NumberKind.SWITCH, None),)),
        Entry(source="ldap", external_id="c", kind=EntryKind.PERSON, display_name="Utan enhet"),
    ]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield opened
    opened.dispose()


def staged(items: list[Entry], digests: list[str | None] | None = None) -> StagedEntries:
    staging = StagedEntries()
    staging.add_pickled(pickle_batch(items[:2], (digests or [None] * len(items))[:2]))
    staging.add_pickled(pickle_batch(items[2:], (digests or [None] * len(items))[2:]))
    return staging


def rows(store: Store) -> list[tuple[object, ...]]:
    """Everything a sync writes but ids and times, comparable between two stores."""
    with store.engine.connect() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(
            "SELECT e.external_id, e.kind, e.display_name, e.given_name, e.surname, e.title, u.path, e.location,"
            " e.email, e.keywords, e.description, e.fingerprint, e.source_digest, e.removed_at,"
            " (SELECT group_concat(n.position || n.kind || n.raw || coalesce(n.e164, '-'), '|')"
            "  FROM phone_numbers n WHERE n.entry_id = e.id),"
            " (SELECT p.path FROM org_units p WHERE p.id = u.parent_id)"
            " FROM directory_entries e LEFT JOIN org_units u ON u.id = e.unit_id ORDER BY e.external_id")]


def test_writes_what_apply_sync_writes(store: Store, tmp_path: Path) -> None:
    other = Store.open(sqlite_url(tmp_path / "other.sqlite3"))
    try:
        digests: list[str | None] = ["d1", None, "d3"]
        expected = DirectoryRepository(other).apply_sync(
            "ldap", entries(), complete=True, digests={"a": "d1", "c": "d3"}, cursor=lambda: "cursor")
        assert is_fresh(store, "ldap")
        with staged(entries(), digests) as staging:
            changes = staging.write_fresh(store, "ldap", kind="ldap", cursor="cursor")
        assert changes is not None
        assert changes.upserted == expected.upserted
        assert changes.removed == ()
        assert rows(store) == rows(other)
        repository = DirectoryRepository(store)
        assert sorted(repository.load_entries(), key=lambda e: e.external_id) == sorted(
            DirectoryRepository(other).load_entries(), key=lambda e: e.external_id)
        assert repository.sync_cursor("ldap") == "cursor"
        assert [(s.source, s.entry_count) for s in repository.source_statuses()] == [("ldap", 3)]
        assert not is_fresh(store, "ldap")
    finally:
        other.dispose()


def test_fingerprints_match_so_a_resync_writes_nothing(store: Store) -> None:
    with staged(entries()) as staging:
        staging.write_fresh(store, "ldap", kind="ldap", cursor=None)
    with store.engine.connect() as connection:
        query = "SELECT external_id, fingerprint FROM directory_entries"
        stored: dict[str, str] = dict(connection.exec_driver_sql(query).all())
    assert stored == {e.external_id: fingerprint(e) for e in entries()}
    again = DirectoryRepository(store).apply_sync("ldap", entries(), complete=True)
    assert again.upserted == ()
    assert again.removed == ()


def test_a_source_that_gained_rows_meanwhile_is_left_to_apply_sync(store: Store) -> None:
    repository = DirectoryRepository(store)
    with staged(entries()) as staging:
        repository.replace_source("ldap", entries()[:1])
        before = rows(store)
        assert staging.write_fresh(store, "ldap", kind="ldap", cursor="cursor") is None
    assert rows(store) == before
    assert repository.sync_cursor("ldap") is None


def test_a_failed_write_leaves_the_store_as_it_was(store: Store) -> None:
    repository = DirectoryRepository(store)
    repository.replace_source("import", entries()[:1])
    before = rows(store)
    twice = [*entries(), entries()[0]]  # the planner drops duplicates; should one get through, nothing is written
    with staged(twice) as staging, pytest.raises(Exception, match="UNIQUE"):
        staging.write_fresh(store, "ldap", kind="ldap", cursor="cursor")
    assert rows(store) == before
    assert [s.source for s in repository.source_statuses()] == ["import"]


def test_only_sqlite_files_are_staged(tmp_path: Path) -> None:
    memory = Store.open("sqlite://")
    try:
        assert not is_fresh(memory, "ldap")
    finally:
        memory.dispose()
