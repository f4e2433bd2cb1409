"""Which characters of the displayed fields a query matched, as (start, end) spans for the GUI."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from directory.model import Entry
from directory.search.folding import fold_key, prefix_length_in, raw_key, variant_key, word_spans
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


@lru_cache(maxsize=32768)
def _analysed(text: str) -> tuple[tuple[int, int, str, str, str, str], ...]:
    """(start, end, word, folded, raw, variant) for each word; titles, units and places repeat, so cache."""
    found = []
    for start, end, token in word_spans(text):
        folded = fold_key(token)
        found.append((start, end, token, folded, raw_key(token), variant_key(folded)))
    return tuple(found)


def text_spans(text: str, words: Sequence[Word], fuzzy_keys: Sequence[frozenset[str]]) -> Spans:
    spans: list[tuple[int, int]] = []
    for start, end, token, folded, raw, variant in _analysed(text):
        for w, near in zip(words, fuzzy_keys, strict=True):
            if folded.startswith(w.fold) or (w.diacritic and raw.startswith(w.raw)):
                spans.append((start, start + prefix_length_in(token, w.fold)))
            elif (w.variant and variant.startswith(w.variant)) or folded in near:
                spans.append((start, end))
    return _merge(spans) if len(spans) > 1 else tuple(spans)


# Fields that many hits of one query share (units, titles, places): their spans are worked out once.
_SHARED_FIELDS = frozenset({"title", "unit", "location"})


def highlights(entry: Entry, words: Sequence[Word], number_forms: Sequence[str],
               fuzzy_keys: Sequence[frozenset[str]], memo: dict[str, Spans] | None = None) -> dict[str, Spans]:
    """Spans per field. ``memo`` may be shared by the hits of one query (same words, same fuzzy keys)."""
    found: dict[str, Spans] = {}
    if words:
        email_local = entry.email.split("@")[0]
        fields = (("display_name", entry.display_name), ("title", entry.title), ("unit", entry.unit),
                  ("location", entry.location), ("email", email_local))
        for name, text in fields:
            if text:
                if memo is not None and name in _SHARED_FIELDS:
                    spans = memo.get(text)
                    if spans is None:
                        spans = memo[text] = text_spans(text, words, fuzzy_keys)
                else:
                    spans = text_spans(text, words, fuzzy_keys)
                if spans:
                    found[name] = spans
    forms = list(number_forms) or [w.fold for w in words if w.digits]
    if forms:
        for i, number in enumerate(entry.numbers):
            spans = match_spans(number, forms)
            if spans:
                found[f"number:{i}"] = spans
    return found
