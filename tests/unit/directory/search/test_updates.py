"""The index follows the store: upsert, remove and usage without a rebuild."""

from __future__ import annotations

from dataclasses import replace

from directory.model import Entry
from directory.search import SearchIndex
from tests.unit.directory.search.conftest import person


def names(index: SearchIndex, query: str) -> list[str]:
    return [h.entry.display_name for h in index.search(query)]


def test_get_and_len(index: SearchIndex, entries: list[Entry]) -> None:
    assert len(index) == len(entries)
    assert entries[0].id is not None
    assert index.get(entries[0].id) == entries[0]
    assert index.get(-5) is None


def test_entries_without_id_are_ignored() -> None:
    index = SearchIndex([replace(person("Anna Lind"), id=None), person("Anna Berg", entry_id=1)])
    assert len(index) == 1
    assert [h.entry.display_name for h in index.search("anna")] == ["Anna Berg"]


def test_upsert_adds_a_new_entry(index: SearchIndex) -> None:
    index.upsert([person("Zlatan Ibrahimović", title="Anestesiläkare", numbers=("0701234567",),
                        e164=("+46701234567",))])
    assert names(index, "zlatan") == ["Zlatan Ibrahimović"]
    assert names(index, "ibrahimovic") == ["Zlatan Ibrahimović"]
    assert names(index, "070-123 45 67") == ["Zlatan Ibrahimović"]


def test_upsert_replaces_by_id(index: SearchIndex, entries: list[Entry]) -> None:
    anna = next(e for e in entries if e.display_name == "Anna Lind")
    index.upsert([replace(anna, display_name="Anna Lindgren", surname="Lindgren", title="Kurator")])
    assert len(index) == len(entries)
    assert "Anna Lind" not in names(index, "anna")
    assert names(index, "lindgren") == ["Anna Lindgren"]
    assert names(index, "kurator")[0] in {"Anna Lindgren", "Asa Oberg"}
    assert "Anna Lindgren" not in names(index, "sekreterare")


def test_upsert_keeps_name_order_for_ties(index: SearchIndex) -> None:
    index.upsert([person("Anna Andersson", title="Kurator")])  # added late, sorts first by name
    assert names(index, "anna")[:3] == ["Anna Andersson", "Anna Karlsson", "Anna Lind"]
    assert names(index, "a")[0] == "Anna Andersson"  # even when the prefix class is truncated
    assert index.search("a", limit=1)[0].entry.display_name == "Anna Andersson"


def test_remove(index: SearchIndex, entries: list[Entry]) -> None:
    gone = next(e for e in entries if e.display_name == "Kristina Eriksson")
    assert gone.id is not None
    index.remove([gone.id, 987654])
    assert len(index) == len(entries) - 1
    assert index.get(gone.id) is None
    assert "Kristina Eriksson" not in names(index, "kristina")
    assert not index.search("0196021000")


def test_remove_then_upsert_again(index: SearchIndex, entries: list[Entry]) -> None:
    anna = next(e for e in entries if e.display_name == "Anna Lind")
    assert anna.id is not None
    index.remove([anna.id])
    index.upsert([anna])
    assert names(index, "anna lind") == ["Anna Lind"]


def test_record_use_is_a_modest_boost(index: SearchIndex, entries: list[Entry]) -> None:
    lind = next(e for e in entries if e.display_name == "Anna Lind")
    assert lind.id is not None
    assert names(index, "anna")[:2] == ["Anna Karlsson", "Anna Lind"]
    index.record_use(lind.id)
    assert names(index, "anna")[:2] == ["Anna Lind", "Anna Karlsson"]  # equal matches: used first
    for _ in range(100):
        index.record_use(lind.id)
    assert names(index, "anna karlsson")[0] == "Anna Karlsson"  # never above a better match
    assert names(index, "a")[0] == "Anna Lind"  # and found even from a truncated prefix class


def test_usage_given_at_build(entries: list[Entry]) -> None:
    lind = next(e for e in entries if e.display_name == "Anna Lind")
    assert lind.id is not None
    index = SearchIndex(entries, usage={lind.id: 3, 999_999: 2})
    assert index.search("anna")[0].entry.display_name == "Anna Lind"


def test_many_changes_compact_without_losing_anything(entries: list[Entry]) -> None:
    index = SearchIndex(entries)
    added = [person(f"Test Person{i:04d}", title="Kurator") for i in range(1200)]
    index.upsert(added)
    assert len(index) == len(entries) + 1200
    assert names(index, "person0599")[0] == "Test Person0599"
    assert names(index, "test person1199") == ["Test Person1199"]
    index.remove([e.id for e in added[:1000] if e.id is not None])
    assert len(index) == len(entries) + 200
    assert "Test Person0599" not in names(index, "person0599")
    assert names(index, "kristina eriksson")[0] == "Kristina Eriksson"
