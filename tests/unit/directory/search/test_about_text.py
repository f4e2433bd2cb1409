"""The About text (an entry's description: duties, opening hours) is searched like keywords (issue 19)."""

from __future__ import annotations

from dataclasses import replace

from directory.model import Entry
from directory.search import MatchKind, SearchIndex
from directory.search.documents import MAX_ABOUT_WORDS
from tests.unit.directory.search.conftest import function, person


def _about(entry: Entry, text: str) -> Entry:
    return replace(entry, description=text)


def _directory() -> list[Entry]:
    return [
        _about(function("Växeln"), "Bemannat dygnet runt."),
        _about(person("Maria Holm", title="Sjuksköterska"), "Ansvarar för diabetesmottagningen och vaccinationer."),
        person("Lena Ek", title="Undersköterska", keywords=("diabetesmottagningen",)),
        person("Sara Vaccin", title="Läkare"),
        _about(person("Per Lind", title="Diabetessköterska"), "Arbetar i Lund och Malmö."),
        person("Eva Lund", title="Kurator"),
    ]


def _hits(index: SearchIndex, query: str) -> dict[str, tuple[float, MatchKind]]:
    return {h.entry.display_name: (h.score, h.match) for h in index.search(query)}


def test_a_word_only_the_about_text_has_finds_the_entry() -> None:
    index = SearchIndex(_directory())
    assert _hits(index, "dygnet") == {"Växeln": (80.0, MatchKind.EXACT_TOKEN)}
    assert list(_hits(index, "dyg")) == ["Växeln"]  # a prefix, as with keywords
    assert _hits(index, "dyg")["Växeln"][1] is MatchKind.PREFIX
    assert list(_hits(index, "maria vaccinationer")) == ["Maria Holm"]  # combined with a name


def test_about_words_rank_as_keywords_and_below_names() -> None:
    index = SearchIndex(_directory())
    found = _hits(index, "diabetesmottagningen")
    assert found["Maria Holm"] == found["Lena Ek"]  # the About text as strong as a keyword, no stronger
    hits = [h.entry.display_name for h in index.search("lund")]
    assert hits == ["Eva Lund", "Per Lind"]  # the name first
    assert index.search("vaccin")[0].entry.display_name == "Sara Vaccin"


def test_the_about_text_is_not_highlighted_in_the_fields_shown() -> None:
    index = SearchIndex(_directory())
    (hit,) = index.search("dygnet")
    assert hit.highlights == {}


def test_a_changed_about_text_is_searched_as_it_now_reads() -> None:
    entries = _directory()
    index = SearchIndex(entries)
    index.upsert([_about(entries[0], "Öppet vardagar 08–16.")])
    assert _hits(index, "dygnet") == {}
    assert list(_hits(index, "vardagar")) == ["Växeln"]
    index.upsert([_about(entries[0], "")])
    assert _hits(index, "vardagar") == {}


def test_a_very_long_about_text_is_searched_by_its_first_words() -> None:
    text = " ".join(f"ord{i}" for i in range(MAX_ABOUT_WORDS)) + " sjukhusclown"
    index = SearchIndex([_about(person("Nils Long"), text)])
    assert [h.entry.display_name for h in index.search(f"ord{MAX_ABOUT_WORDS - 1}")] == ["Nils Long"]
    assert index.search("sjukhusclown") == []
