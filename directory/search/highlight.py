"""Which characters of the displayed fields a query matched, as (start, end) spans for the GUI."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from contextlib import suppress
from functools import lru_cache
from typing import NamedTuple

from directory.model import Entry
from directory.search.folding import WORD, fold_key, prefix_length_in, raw_key, variant_key
from directory.search.numbers import match_spans
from directory.search.query import Word

Spans = tuple[tuple[int, int], ...]


def _merge(spans: list[tuple[int, int]]) -> Spans:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


# Per query word: folded, raw when it has diacritics else "", variant or "", and the fuzzy keys.
Probe = tuple[str, str, str, frozenset[str]]
# What one query word found in one word of a field: how many of its characters to mark (0: none).
_Marks = dict[str, int]


def probes(words: Sequence[Word], fuzzy_keys: Sequence[frozenset[str]]) -> tuple[Probe, ...]:
    return tuple((w.fold, w.raw if w.diacritic else "", w.variant, near)
                 for w, near in zip(words, fuzzy_keys, strict=True))


def _marked(word: str, probe: Probe) -> int:
    """How many characters of ``word`` (as displayed) the query word marks: a prefix as folded or raw, the
    whole word for a sound-alike or typo match, else 0."""
    fold, raw_probe, variant_probe, near = probe
    folded = fold_key(word)
    if folded.startswith(fold) or (raw_probe and raw_key(word).startswith(raw_probe)):
        if len(folded) != len(word) or len(raw_key(word)) != len(word):
            return prefix_length_in(word, fold)
        return min(len(fold), len(word))
    if (variant_probe and variant_key(folded).startswith(variant_probe)) or (near and folded in near):
        return len(word)
    return 0


@lru_cache(maxsize=32768)
def _words(text: str) -> tuple[tuple[int, str], ...]:
    """Where each word of a field starts, and the word: a hit's fields are shown keystroke after keystroke."""
    return tuple([(match.start(), match.group()) for match in WORD.finditer(text)])


def _word_spans(text: str, probe: Probe, marks: _Marks) -> tuple[tuple[int, int], ...]:
    """Spans of one query word in ``text``, unmerged. What it marks depends only on each word, and fields
    share their words (given names, surnames, "avdelning"), so it is worked out once per word: the fields
    of a page of new hits cost a walk over their words, not each field's keys made anew."""
    spans = []
    for start, word in _words(text):
        length = marks.get(word)
        if length is None:
            length = marks[word] = _marked(word, probe)
        if length:
            spans.append((start, start + length))
    return tuple(spans)


class _Found(NamedTuple):
    """What one query word found, kept across keystrokes: spans per field text, marks per word."""

    texts: dict[str, tuple[tuple[int, int], ...]]
    marks: _Marks


# Kept across queries: while the operator types the second word, the first one's spans in the names shown
# are the same at every keystroke. Bounded by letting the oldest word go (clearing all sixteen at once freed
# tens of thousands of tuples in one keystroke).
_RECENT: dict[Probe, _Found] = {}
_RECENT_WORDS = 16
_RECENT_TEXTS = 4096


def _cached_spans(probe: Probe) -> _Found:
    found = _RECENT.get(probe)
    if found is None or len(found.texts) > _RECENT_TEXTS or len(found.marks) > _RECENT_TEXTS:
        _RECENT.pop(probe, None)
        if len(_RECENT) >= _RECENT_WORDS:
            # Module-wide: another index's search (each holds only its own lock) may be letting it go too.
            with suppress(KeyError, RuntimeError, StopIteration):
                del _RECENT[next(iter(_RECENT))]
        found = _RECENT[probe] = _Found({}, {})
    return found


def _spans(text: str, query: Sequence[tuple[Probe, _Found]]) -> Spans:
    spans: list[tuple[int, int]] = []
    for probe, (texts, marks) in query:
        found = texts.get(text)
        if found is None:
            found = texts[text] = _word_spans(text, probe, marks)
        spans.extend(found)
    return _merge(spans) if len(spans) > 1 else tuple(spans)


# The text fields a hit's highlights cover, unless a search asks for fewer.
TEXT_FIELDS = ("display_name", "title", "unit", "location", "email")
_SHARED_FIELDS = ("title", "unit", "location")  # colleagues share them: worked out once per query


class Highlighter:
    """Spans per displayed field for the hits of one query (see :class:`directory.search.types.Hit`).

    Fields that many hits share (units, titles, places) are worked out once per query. ``fields`` names the
    text fields wanted (a window that shows three of them asks for those three); numbers' spans come with a
    number query whatever it names.
    """

    def __init__(self, words: Sequence[Word], number_forms: Sequence[str],
                 fuzzy_keys: Sequence[frozenset[str]], fields: Collection[str] = TEXT_FIELDS) -> None:
        self._probes = [(probe, _cached_spans(probe)) for probe in probes(words, fuzzy_keys)]
        self._forms = list(number_forms) or [w.fold for w in words if w.digits]
        self._memo: dict[str, Spans] = {}
        self._name = "display_name" in fields
        self._shared = [name for name in _SHARED_FIELDS if name in fields]
        self._email = "email" in fields

    def __call__(self, entry: Entry) -> dict[str, Spans]:
        found: dict[str, Spans] = {}
        query = self._probes
        if query:
            memo = self._memo
            if self._name and entry.display_name:
                spans = _spans(entry.display_name, query)
                if spans:
                    found["display_name"] = spans
            for name in self._shared:
                text = getattr(entry, name)
                if text:
                    shared = memo.get(text)
                    if shared is None:
                        shared = memo[text] = _spans(text, query)
                    if shared:
                        found[name] = shared
            if self._email:
                email_local = entry.email.split("@")[0]
                if email_local:
                    spans = _spans(email_local, query)
                    if spans:
                        found["email"] = spans
        if self._forms:
            for i, number in enumerate(entry.numbers):
                spans = match_spans(number, self._forms)
                if spans:
                    found[f"number:{i}"] = spans
        return found


def highlights(entry: Entry, words: Sequence[Word], number_forms: Sequence[str],
               fuzzy_keys: Sequence[frozenset[str]]) -> dict[str, Spans]:
    """Spans per field of one entry (a :class:`Highlighter` serves many hits of one query)."""
    return Highlighter(words, number_forms, fuzzy_keys)(entry)
