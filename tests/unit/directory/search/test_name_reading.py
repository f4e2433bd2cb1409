"""A multi-word hit scores the better of its readings, whichever way the engine found it.

"pekka kar" matches Pekka Carlsson by name (Carlsson is a variant of Karlsson) and also by the place
he works (Karlskoga); as a name query it outranks a colleague who only works there. The class walk and
the direct scoring of candidates must agree on that, and on every score.
"""

from __future__ import annotations

from directory.model import Entry
from directory.search import SearchIndex
from directory.search.matcher import Matcher
from directory.search.query import parse
from tests.unit.directory.search.conftest import person

KARLSKOGA = ("Region", "Karlskoga lasarett")


def _entries() -> list[Entry]:
    return [person("Pekka Berg", unit=KARLSKOGA, entry_id=1), person("Pekka Carlsson", unit=KARLSKOGA, entry_id=2),
            person("Pekka Lund", unit=("Region", "Centralsjukhuset"), entry_id=3)]


def test_the_name_reading_wins_over_another_field() -> None:
    hits = SearchIndex(_entries()).search("pekka kar")
    assert [h.entry.display_name for h in hits] == ["Pekka Carlsson", "Pekka Berg"]
    assert hits[0].score > hits[1].score


def test_name_scores_read_only_name_words() -> None:
    state = SearchIndex(_entries())._state  # the scorer works on the index state; no public way in
    scorer = Matcher(state, parse("pekka kar").words).scorer()
    carlsson, berg = state.slot_of[2], state.slot_of[1]
    assert scorer(berg) is not None  # "kar" in Berg's unit: a hit, but not by name
    assert scorer.name_scores(berg) is None
    assert scorer.name_scores(carlsson) is not None
