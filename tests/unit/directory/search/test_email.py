"""A whole e-mail address finds its person (issue 19); only its local part's words are indexed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from directory.search import MatchKind, SearchIndex
from directory.search.person import find_person
from directory.search.query import parse
from tests.unit.directory.search.conftest import person


@pytest.fixture
def index() -> SearchIndex:
    return SearchIndex([
        person("Siv Ek", email="siv.ek@example.org", entry_id=1),
        person("Siv Ek", email="siv.ek2@example.org", entry_id=2),  # a namesake: the address tells them apart
        person("Siv Ekström", email="siv.ekstrom@example.org", entry_id=3),
        person("Åsa Öberg", email="Åsa.Öberg@Region.se", entry_id=4),
        person("Per Holm", email="per@holm.example", entry_id=5),
    ])


def _found(index: SearchIndex, query: str) -> list[tuple[int | None, MatchKind]]:
    return [(h.entry.id, h.match) for h in index.search(query)]


def test_the_query_knows_an_address_when_it_is_one() -> None:
    assert parse(" Siv.Ek@Example.ORG ").email == "siv.ek@example.org"
    for not_one in ("siv.ek", "siv ek@example.org", "@example.org", "siv.ek@", "019-602 10 00"):
        assert parse(not_one).email == ""


@pytest.mark.parametrize(("query", "entry_id"), [
    ("siv.ek@example.org", 1), ("SIV.EK@EXAMPLE.ORG", 1), ("siv.ek2@example.org", 2),
    ("siv.ekstrom@example.org", 3), ("åsa.öberg@region.se", 4), ("per@holm.example", 5),
])
def test_a_whole_address_finds_its_person_alone(index: SearchIndex, query: str, entry_id: int) -> None:
    assert _found(index, query) == [(entry_id, MatchKind.EXACT_NAME)]


def test_an_address_is_highlighted_as_its_words(index: SearchIndex) -> None:
    (hit,) = index.search("siv.ek@example.org")
    assert hit.highlights == {"display_name": ((0, 3), (4, 6)), "email": ((0, 3), (4, 6))}


def test_an_address_no_one_has_is_searched_as_its_words(index: SearchIndex) -> None:
    assert _found(index, "siv.ek@example.se") == []  # "example" and "se" are in no entry
    assert index.search("per@holm") == index.search("per holm")
    assert [h.entry.id for h in index.search("siv.ek")][:2] == [1, 2]  # the local part alone, as before


def test_a_changed_address_is_found_as_it_now_reads(index: SearchIndex) -> None:
    siv = index.get(1)
    assert siv is not None
    index.upsert([replace(siv, email="siv.ek@region.se")])
    assert _found(index, "siv.ek@region.se") == [(1, MatchKind.EXACT_NAME)]
    assert _found(index, "siv.ek@example.org") == []
    index.remove([1])
    assert _found(index, "siv.ek@region.se") == []


def test_find_person_takes_an_address(index: SearchIndex) -> None:
    assert find_person(index, "siv.ek2@example.org").id == 2
    assert find_person(index, " Per@Holm.Example ").id == 5
    with pytest.raises(ValueError, match=r"no one matches 'siv\.ek@example\.se'"):
        find_person(index, "siv.ek@example.se")
