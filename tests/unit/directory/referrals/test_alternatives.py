"""A referral's alternative: a number as written, a name resolved to one person and their number."""

from __future__ import annotations

import pytest

from directory.referrals.alternatives import resolve_alternative
from directory.search import SearchIndex
from tests.unit.directory.search.conftest import person


@pytest.fixture
def index() -> SearchIndex:
    return SearchIndex([person("Åsa Öberg", numbers=("019-602 10 00",), entry_id=1),
                        person("Per Holm", entry_id=2), person("Karl Eriksson", entry_id=3),
                        person("Karl Erikson", entry_id=4)])


@pytest.mark.parametrize("text", [None, "", "  ", "019-602 10 00", "the ward, 4512"])
def test_numbers_and_nothing_stay_as_written(index: SearchIndex, text: str | None) -> None:
    assert resolve_alternative(index, text) == text


def test_a_name_becomes_name_and_number(index: SearchIndex) -> None:
    assert resolve_alternative(index, "åsa öberg") == "Åsa Öberg, 019-602 10 00"
    assert resolve_alternative(index, "per holm") == "Per Holm"  # no number to give


def test_a_name_that_finds_no_one_or_several_is_refused(index: SearchIndex) -> None:
    with pytest.raises(ValueError, match="the alternative does not resolve: no one matches"):
        resolve_alternative(index, "nobody known")
    with pytest.raises(ValueError, match=r"the alternative does not resolve: .* matches several"):
        resolve_alternative(index, "karl")
