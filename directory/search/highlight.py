"""Which characters of the displayed fields a query matched, as (start, end) spans for the GUI."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from functools import lru_cache
from typing import NamedTuple

from directory.model import Entry
from directory.search.folding import DIGRAPHS, WORD, fold_key, prefix_length_in, raw_key, variant_key
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


# (start, end, folded, raw, variant, word): the word only when folding changed its length (for the
# prefix length; otherwise the folded prefix covers as many characters as it has).
_Token = tuple[int, int, str, str, str, str]
# Per query word: folded, raw when it has diacritics else "", variant or "", fuzzy keys; and the same
# three each after a space (or ""), to test a whole text at once.
Probe = tuple[str, str, str, frozenset[str], str, str, str]


class _Text(NamedTuple):
    tokens: tuple[_Token, ...]
    # Each word's folded, raw and variant keys after a space: " anna karlsson". A query word that starts
    # none of them (the usual case for most fields of a hit) needs no look at the words one by one.
    folded: str
    raw: str
    variant: str


@lru_cache(maxsize=32768)
def _analysed(text: str) -> _Text:
    """Each word's keys; titles, units and places repeat, so this is cached."""
    tokens = []
    folds, raws, variants = [], [], []
    for match in WORD.finditer(text):
        token = match.group()
        if token.isascii():  # most words: the same keys as fold_key and raw_key give, without the caches
            raw = folded = token.lower()
            for digraph, letter in DIGRAPHS:
                if digraph in folded:
                    folded = folded.replace(digraph, letter)
        else:
            folded, raw = fold_key(token), raw_key(token)
        variant = variant_key(folded)
        start, end = match.span()
        tokens.append((start, end, folded, raw, variant,
                       token if len(folded) != end - start or len(raw) != end - start else ""))
        folds.append(folded)
        raws.append(raw)
        variants.append(variant)
    if not tokens:
        return _Text((), "", "", "")
    return _Text(tuple(tokens), " " + " ".join(folds), " " + " ".join(raws), " " + " ".join(variants))


def probes(words: Sequence[Word], fuzzy_keys: Sequence[frozenset[str]]) -> tuple[Probe, ...]:
    return tuple((w.fold, w.raw if w.diacritic else "", w.variant, near,
                  w.fold_prefix, w.raw_prefix if w.diacritic else "", w.variant_prefix)
                 for w, near in zip(words, fuzzy_keys, strict=True))


def _word_spans(text: str, probe: Probe) -> tuple[tuple[int, int], ...]:
    """Spans of one query word in ``text``, unmerged."""
    fold, raw_probe, variant_probe, near, spaced_fold, spaced_raw, spaced_variant = probe
    analysed = _analysed(text)
    # A typo key is a whole word: a text with none of them is ruled out as any other (not read word by word).
    if spaced_fold not in analysed.folded and not (spaced_raw and spaced_raw in analysed.raw) \
            and not (spaced_variant and spaced_variant in analysed.variant) \
            and (not near or near.isdisjoint(analysed.folded.split())):
        return ()
    spans: list[tuple[int, int]] = []
    for start, end, folded, raw, variant, odd in analysed.tokens:
        if folded.startswith(fold) or (raw_probe and raw.startswith(raw_probe)):
            spans.append((start, start + (prefix_length_in(odd, fold) if odd else min(len(fold), end - start))))
        elif (variant_probe and variant.startswith(variant_probe)) or (near and folded in near):
            spans.append((start, end))
    return tuple(spans)


# Spans per query word and text, kept across queries: while the operator types the second word, the
# first one's spans in the names shown are the same at every keystroke. Bounded by letting the oldest
# word go (clearing all sixteen at once freed tens of thousands of tuples in one keystroke).
_RECENT: dict[Probe, dict[str, tuple[tuple[int, int], ...]]] = {}
_RECENT_WORDS = 16
_RECENT_TEXTS = 4096


def _cached_spans(probe: Probe) -> dict[str, tuple[tuple[int, int], ...]]:
    found = _RECENT.get(probe)
    if found is None or len(found) > _RECENT_TEXTS:
        _RECENT.pop(probe, None)
        if len(_RECENT) >= _RECENT_WORDS:
            # Module-wide: another index's search (each holds only its own lock) may be letting it go too.
            with suppress(KeyError, RuntimeError, StopIteration):
                del _RECENT[next(iter(_RECENT))]
        found = _RECENT[probe] = {}
    return found


def text_spans(text: str, query: Sequence[Probe]) -> Spans:
    return _spans(text, [(probe, _cached_spans(probe)) for probe in query])


def _spans(text: str, query: Sequence[tuple[Probe, dict[str, tuple[tuple[int, int], ...]]]]) -> Spans:
    spans: list[tuple[int, int]] = []
    for probe, cache in query:
        found = cache.get(text)
        if found is None:
            found = cache[text] = _word_spans(text, probe)
        spans.extend(found)
    return _merge(spans) if len(spans) > 1 else tuple(spans)


class Highlighter:
    """Spans per displayed field for the hits of one query (see :class:`directory.search.types.Hit`).

    Fields that many hits share (units, titles, places) are worked out once per query.
    """

    def __init__(self, words: Sequence[Word], number_forms: Sequence[str],
                 fuzzy_keys: Sequence[frozenset[str]]) -> None:
        self._probes = [(probe, _cached_spans(probe)) for probe in probes(words, fuzzy_keys)]
        self._forms = list(number_forms) or [w.fold for w in words if w.digits]
        self._memo: dict[str, Spans] = {}

    def __call__(self, entry: Entry) -> dict[str, Spans]:
        found: dict[str, Spans] = {}
        query = self._probes
        if query:
            memo = self._memo
            if entry.display_name:
                spans = _spans(entry.display_name, query)
                if spans:
                    found["display_name"] = spans
            for name, text in (("title", entry.title), ("unit", entry.unit), ("location", entry.location)):
                if text:
                    shared = memo.get(text)
                    if shared is None:
                        shared = memo[text] = _spans(text, query)
                    if shared:
                        found[name] = shared
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
