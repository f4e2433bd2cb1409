"""Favourites in the store (SQLite here; tests/integration/store re-runs these on PostgreSQL): per operator and
in their order, added once however often, removed, an old JSON file taken over once, unknown entries left out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from directory.model import Entry, EntryKind
from directory.store import DirectoryRepository, Store, sqlite_url
from directory.store.favourites import FavouritesRepository


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield s
    s.dispose()


def people(store: Store, count: int = 4) -> list[int]:
    directory = DirectoryRepository(store)
    directory.replace_source("t", [Entry("t", str(i), EntryKind.PERSON, f"Person {i}") for i in range(count)])
    return [directory.find_id("t", str(i)) or 0 for i in range(count)]


def test_each_operator_keeps_their_own_favourites_in_their_order(store: Store) -> None:
    a, b, c, d = people(store)
    eva, olle = FavouritesRepository(store, "eva"), FavouritesRepository(store, "olle")
    for entry_id in (c, a, d):
        eva.add(entry_id)
    eva.add(a)  # again (from a second console of eva's): nothing changes
    olle.add(b)
    assert eva.entry_ids() == [c, a, d]
    assert olle.entry_ids() == [b]
    eva.remove(a)
    eva.add(a)  # back at the end
    assert eva.entry_ids() == [c, d, a]
    assert FavouritesRepository(store, "eva").entry_ids() == [c, d, a]  # as read anew, e.g. after a restart


def test_an_old_json_file_is_taken_over_once_and_unknown_entries_are_left_out(store: Store) -> None:
    a, b, _c, _d = people(store)
    eva = FavouritesRepository(store, "eva")
    assert eva.adopt([b, 999_999, a])  # 999999: an entry of another database
    assert eva.entry_ids() == [b, a]
    assert not eva.adopt([a])  # a second console's old file does not add to them
    assert eva.entry_ids() == [b, a]


def test_another_organisations_favourites_are_not_seen(store: Store) -> None:
    a, b, _c, _d = people(store)
    FavouritesRepository(store, "eva").add(a)
    other = Store(store.url, "Kommune B")
    try:
        theirs = FavouritesRepository(other, "eva")  # the same login name, another organisation
        assert theirs.entry_ids() == []
        theirs.add(b)
        assert theirs.entry_ids() == [b]
    finally:
        other.dispose()
    assert FavouritesRepository(store, "eva").entry_ids() == [a]
