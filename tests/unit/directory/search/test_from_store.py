"""Search over what the store gives back, on SQLite (tests/integration/store runs these on PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from directory.model import Entry, EntryKind
from directory.search import MatchKind, SearchIndex
from directory.store import DirectoryRepository, Store, sqlite_url


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield s
    s.dispose()


def _entry(ext: str, name: str, kind: EntryKind = EntryKind.PERSON, **fields: object) -> Entry:
    return Entry(source="import:staff.csv", external_id=ext, kind=kind, display_name=name, **fields)  # type: ignore[arg-type]


def test_the_about_text_is_searchable_and_follows_a_reimport(store: Store) -> None:
    repo = DirectoryRepository(store)
    repo.replace_source("import:staff.csv", [
        _entry("u1", "Växeln", EntryKind.FUNCTION, description="Bemannat dygnet runt."),
        _entry("p1", "Siv Ek", title="Sjuksköterska", description="Ansvarar för vaccinationer\nTalar finska"),
        _entry("p2", "Dygnet Persson"),
    ])
    index = SearchIndex(repo.load_entries())
    name, about = index.search("dygnet")
    assert (name.entry.display_name, about.entry.display_name) == ("Dygnet Persson", "Växeln")
    assert name.score > about.score  # a name word outranks the About text
    assert about.match is MatchKind.EXACT_TOKEN
    assert [h.entry.display_name for h in index.search("finska")] == ["Siv Ek"]  # the second line too
    changes = repo.replace_source("import:staff.csv", [
        _entry("u1", "Växeln", EntryKind.FUNCTION, description="Öppet vardagar 08–16."),
        _entry("p1", "Siv Ek", title="Sjuksköterska", description="Ansvarar för vaccinationer\nTalar finska"),
        _entry("p2", "Dygnet Persson"),
    ])
    index.upsert(repo.load_entries(changes.upserted))
    assert [h.entry.display_name for h in index.search("dygnet")] == ["Dygnet Persson"]
    assert [h.entry.display_name for h in index.search("vardagar")] == ["Växeln"]


def test_a_whole_address_finds_its_person(store: Store) -> None:
    repo = DirectoryRepository(store)
    repo.replace_source("import:staff.csv", [
        _entry("p1", "Siv Ek", email="Siv.Ek@Example.org"),
        _entry("p2", "Siv Ek", email="siv.ek2@example.org"),
    ])
    index = SearchIndex(repo.load_entries())
    assert [(h.entry.external_id, h.match) for h in index.search("siv.ek@example.org")] == [
        ("p1", MatchKind.EXACT_NAME)]
    assert [h.entry.external_id for h in index.search("SIV.EK2@EXAMPLE.ORG")] == ["p2"]
