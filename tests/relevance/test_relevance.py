"""The relevance set: ≥95 % of queries put the intended entry first, and all of them within the top five.

Queries and expectations are in queries.tsv (written by make_queries.py against the frozen
directory.jsonl); the misses are printed so a ranking change shows what it cost.
"""

from __future__ import annotations

import pytest

from directory.model import Entry
from directory.search import SearchIndex
from tests.relevance.snapshot import QUERIES, load

FIRST_PLACE_SHARE = 0.95


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return load()


@pytest.fixture(scope="module")
def index(entries: list[Entry]) -> SearchIndex:
    return SearchIndex(entries)


def _queries() -> list[tuple[str, str, str]]:
    rows = []
    for line in QUERIES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            query, expected, rule = line.split("\t")
            rows.append((query, expected, rule))
    return rows


def test_the_set_covers_every_rule() -> None:
    rules = {rule.split("_")[0] for _, _, rule in _queries()}
    assert len(_queries()) >= 150
    assert {"exact", "function", "diacritics", "variant", "typo", "name", "combined", "number", "about"} <= rules


def test_intended_entry_ranks_first(index: SearchIndex, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _queries()
    first = 0
    misses: list[str] = []
    outside_top5: list[str] = []
    for query, expected, rule in rows:
        hits = index.search(query, limit=5)
        ids = [h.entry.external_id for h in hits]
        if ids[:1] == [expected]:
            first += 1
            continue
        shown = ", ".join(f"{h.entry.display_name} ({h.entry.external_id}, {h.score:g})" for h in hits[:3])
        misses.append(f"{rule:24} {query!r:32} want {expected}, got {shown}")
        if expected not in ids:
            outside_top5.append(query)
    share = first / len(rows)
    with capsys.disabled():
        print(f"\nrelevance: {first}/{len(rows)} first ({share:.1%}), {len(outside_top5)} outside the top five")
        for miss in misses:
            print("  miss:", miss)
    assert not outside_top5
    assert share >= FIRST_PLACE_SHARE


@pytest.mark.parametrize("query", ["lindkvist", "lindqvist", "lindquist"])
def test_every_q_spelling_finds_all_three(index: SearchIndex, entries: list[Entry], query: str) -> None:
    spellings = {"Lindkvist", "Lindqvist", "Lindquist"}
    wanted = {e.external_id for e in entries if spellings & set(e.surname.split())}
    hits = index.search(query, limit=len(wanted) + 20)
    found = [h.entry for h in hits if h.entry.external_id in wanted]
    assert {e.external_id for e in found} == wanted
    assert {s for e in found for s in spellings & set(e.surname.split())} == spellings
    # The spelling typed first, then the other two as name variants.
    typed = [h for h in hits if query.capitalize() in h.entry.surname.split()]
    assert hits[:len(typed)] == typed
