"""Finding one person: by id, e-mail or a search clear enough to name one; and a caller's number to a name."""

from __future__ import annotations

import pytest

from directory.search import SearchIndex
from directory.search.person import find_entries, find_person, name_for_number
from tests.unit.directory.search.conftest import person


@pytest.fixture
def index() -> SearchIndex:
    return SearchIndex([
        person("Karl Eriksson", email="karl.eriksson@x.se", numbers=("019-602 11 11",), entry_id=1),
        person("Karl Erikson", email="karl.erikson@x.se", entry_id=2),
        person("Åsa Öberg", numbers=("019-602 10 00",), entry_id=3),
        person("Per Holm", entry_id=4),
        person("Per Holmberg", entry_id=5),
    ])


def test_by_store_id(index: SearchIndex) -> None:
    assert find_person(index, " 3 ").display_name == "Åsa Öberg"


def test_one_hit_or_one_exact_name_is_the_one(index: SearchIndex) -> None:
    assert find_person(index, "asa oberg").id == 3
    assert find_person(index, "per holm").id == 4  # exact beats Holmberg's prefix


def test_several_or_no_one_says_why(index: SearchIndex) -> None:
    with pytest.raises(ValueError, match="matches several entries") as several:
        find_person(index, "karl")
    assert "1: Karl Eriksson" in str(several.value)
    with pytest.raises(ValueError, match="no one matches 'nobody known'"):
        find_person(index, "nobody known")


def test_find_entries_by_id_email_or_clear_best_hit() -> None:
    entries = [person("Karl Eriksson", email="karl@x.se", entry_id=11), person("Kerstin Berg", entry_id=12)]
    assert find_entries(entries, "12") == [entries[1]]
    assert find_entries(entries, "KARL@x.se") == [entries[0]]
    assert find_entries(entries, "nobody@x.se") == []
    assert find_entries(entries, "karl eriksson") == [entries[0]]


def test_name_for_number_only_for_a_number_match(index: SearchIndex) -> None:
    assert name_for_number(index, "0196021000") == "Åsa Öberg"
    assert name_for_number(index, "019-602 11 11") == "Karl Eriksson"
    assert name_for_number(index, "0196029999") is None
    assert name_for_number(index, "") is None
    assert name_for_number(index, "per holm") is None
