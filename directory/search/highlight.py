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
def _analysed(text: str) -> tuple[tuple[int, int, str, str, str], ...]:
    """(start, end, word, folded, raw) for each word; titles, units and places repeat, so cache."""
    return tuple((start, end, token, fold_key(token), raw_key(token)) for start, end, token in word_spans(text))


def text_spans(text: str, words: Sequence[Word], fuzzy_keys: Sequence[frozenset[str]]) -> Spans:
    spans: list[tuple[int, int]] = []
    for start, end, token, folded, raw in _analysed(text):
        for w, near in zip(words, fuzzy_keys, strict=True):
            if folded.startswith(w.fold) or (w.diacritic and raw.startswith(w.raw)):
                spans.append((start, start + prefix_length_in(token, w.fold)))
            elif (w.variant and variant_key(folded).startswith(w.variant)) or folded in near:
                spans.append((start, end))
    return _merge(spans) if len(spans) > 1 else tuple(spans)


def highlights(entry: Entry, words: Sequence[Word], number_forms: Sequence[str],
               fuzzy_keys: Sequence[frozenset[str]]) -> dict[str, Spans]:
    found: dict[str, Spans] = {}
    if words:
        email_local = entry.email.split("@")[0]
        fields = (("display_name", entry.display_name), ("title", entry.title), ("unit", entry.unit),
                  ("location", entry.location), ("email", email_local))
        for name, text in fields:
            if text:
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
