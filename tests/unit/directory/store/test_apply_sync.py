"""DirectoryRepository.apply_sync: one transaction per sync, streamed entries, removals by presence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from directory.model import Entry, EntryKind
from directory.store import DirectoryRepository, Store, sqlite_url
from directory.store.entries import StaleDigestError


def person(ext: str, name: str) -> Entry:
    return Entry(source="ldap", external_id=ext, kind=EntryKind.PERSON, display_name=name)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """SQLite here; tests/integration/ldap/test_postgres_store.py runs these tests on PostgreSQL."""
    opened = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield opened
    opened.dispose()


@pytest.fixture
def repo(store: Store) -> DirectoryRepository:
    return DirectoryRepository(store)


def names(repo: DirectoryRepository) -> set[str]:
    return {e.display_name for e in repo.load_entries()}


def test_complete_sync_replaces_and_reads_the_cursor_after_the_stream(repo: DirectoryRepository) -> None:
    repo.apply_sync("ldap", [person("1", "A"), person("2", "B")], complete=True, cursor=lambda: "c1")
    consumed: list[str] = []

    def stream() -> Iterator[Entry]:
        consumed.append("x")
        yield person("2", "B2")

    changes = repo.apply_sync("ldap", stream(), complete=True, cursor=lambda: f"after {len(consumed)}")
    assert names(repo) == {"B2"}
    assert len(changes.removed) == 1
    assert repo.sync_cursor("ldap") == "after 1"
    assert set(repo.active_external_ids("ldap")) == {"2"}


def test_incremental_removes_only_what_is_absent_from_both_present_and_entries(repo: DirectoryRepository) -> None:
    repo.apply_sync("ldap", [person(i, i) for i in "123"], complete=True)
    changes = repo.apply_sync("ldap", [person("4", "4")], complete=False, present={"1", "2"})
    assert names(repo) == {"1", "2", "4"}  # 4 is new since the id check ran: kept
    assert len(changes.removed) == 1
    repo.apply_sync("ldap", [], complete=False, present=None)
    assert names(repo) == {"1", "2", "4"}


def test_a_failing_stream_leaves_entries_and_cursor_as_they_were(repo: DirectoryRepository) -> None:
    repo.apply_sync("ldap", [person("1", "A")], complete=True, cursor=lambda: "c1")

    def broken() -> Iterator[Entry]:
        yield person("2", "B")
        raise ConnectionError("server gone")

    with pytest.raises(ConnectionError):
        repo.apply_sync("ldap", broken(), complete=True, cursor=lambda: "c2")
    assert names(repo) == {"A"}
    assert repo.sync_cursor("ldap") == "c1"


def test_digests_are_stored_and_unchanged_entries_count_as_seen(repo: DirectoryRepository) -> None:
    repo.apply_sync("ldap", [person("1", "A"), person("2", "B")], complete=True, digests={"1": "d1", "2": "d2"})
    assert repo.source_digests("ldap") == {"d1": "1", "d2": "2"}
    # "1" unchanged (not given, not written), "2" given again without a digest, "3" new.
    changes = repo.apply_sync("ldap", [person("2", "B"), person("3", "C")], complete=True, unchanged={"1": "d1"})
    assert names(repo) == {"A", "B", "C"}
    assert changes.removed == ()
    assert repo.source_digests("ldap") == {"d1": "1"}  # "2" was planned without one: its digest is cleared


def test_an_unchanged_entry_whose_digest_moved_on_fails_the_sync_and_writes_nothing(repo: DirectoryRepository) -> None:
    repo.apply_sync("ldap", [person("1", "A")], complete=True, digests={"1": "d1"}, cursor=lambda: "c1")
    with pytest.raises(StaleDigestError):
        repo.apply_sync("ldap", [person("2", "B")], complete=True, unchanged={"1": "other"}, cursor=lambda: "c2")
    assert names(repo) == {"A"}
    assert repo.sync_cursor("ldap") == "c1"


def test_an_incremental_sync_reads_only_the_rows_of_its_entries(repo: DirectoryRepository) -> None:
    repo.apply_sync("ldap", [person(i, i) for i in "123"], complete=True)
    ids = repo.active_external_ids("ldap")
    changes = repo.apply_sync("ldap", [person("2", "Två"), person("4", "Fyra")], complete=False, only=("2", "4"))
    assert names(repo) == {"1", "Två", "3", "Fyra"}
    assert ids["2"] in changes.upserted  # updated in place, not added again
    assert repo.active_ids("ldap") == {*ids.values(), repo.active_external_ids("ldap")["4"]}
    with pytest.raises(ValueError, match="duplicate id"):
        repo.apply_sync("ldap", [person("2", "B"), person("2", "C")], complete=False, only=("2",))
