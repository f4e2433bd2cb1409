"""Which characters of the displayed fields a query matched, as (start, end) spans for the GUI."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from functools import lru_cache
from typing import NamedTuple

from directory.model import Entry
from directory.search.folding import DIGRAPHS, WORD, fold_key, prefix_length_in, raw_key, variant_key, variant_starts
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


# (start, end, folded, raw, word): the word only when folding changed its length (for the prefix length;
# otherwise the folded prefix covers as many characters as it has).
_Token = tuple[int, int, str, str, str]
# Per query word: folded, raw when it has diacritics else "", variant or "", fuzzy keys; and the same
# three each after a space (or ""), to test a whole text at once; and, after a space, the letters a word
# with that variant may start with (a text has no such word, usually: its variant keys are not needed);
# and whether the folded word is ASCII letters and digits (so it can be looked for in a plain text).
Probe = tuple[str, str, str, frozenset[str], str, str, str, tuple[str, ...], bool]


class _Text(NamedTuple):
    """Each word's folded and raw keys after a space (" anna karlsson"), and the folded keys: a query word
    that starts none of them (the usual case for most fields of a hit) needs no look at the words one by one.
    ``plain``: the text lower-cased when it is ASCII and folding changes none of its letters (so each word's
    keys are its own letters, in place), else ""."""

    folded: str
    raw: str
    words: tuple[str, ...]
    plain: str


_NO_TEXT = _Text("", "", (), "")


@lru_cache(maxsize=32768)
def _analysed(text: str) -> _Text:
    """The text's keys; titles, units and places repeat, so this is cached. Most texts are ASCII, folded
    whole rather than word by word (a digraph never spans two words: both its letters are word letters)."""
    if text.isascii():
        lowered = text.lower()
        raws = WORD.findall(lowered)
        if not raws:
            return _NO_TEXT
        folded = lowered
        for digraph, letter in DIGRAPHS:
            if digraph in folded:
                folded = folded.replace(digraph, letter)
        if folded is lowered:
            keys = " " + " ".join(raws)
            return _Text(keys, keys, tuple(raws), lowered)
        folds = WORD.findall(folded)
    else:
        found = WORD.findall(text)
        if not found:
            return _NO_TEXT
        folds, raws = [fold_key(w) for w in found], [raw_key(w) for w in found]
    return _Text(" " + " ".join(folds), " " + " ".join(raws), tuple(folds), "")


@lru_cache(maxsize=32768)
def _variants(text: str) -> str:
    """Each word's variant key after a space, asked for only when the folded and raw keys did not match
    (a hit's name and e-mail usually do: their words, often unique, need no variant key)."""
    return " " + " ".join(map(variant_key, _analysed(text).words))


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[_Token, ...]:
    """Each word's place and keys, for a text a query word was found in (so fewer than are analysed)."""
    tokens = []
    for match in WORD.finditer(text):
        token = match.group()
        if token.isascii():  # most words: the same keys as fold_key and raw_key give, without the caches
            raw = folded = token.lower()
            for digraph, letter in DIGRAPHS:
                if digraph in folded:
                    folded = folded.replace(digraph, letter)
        else:
            folded, raw = fold_key(token), raw_key(token)
        start, end = match.span()
        tokens.append((start, end, folded, raw, token if len(folded) != end - start or len(raw) != end - start else ""))
    return tuple(tokens)


def probes(words: Sequence[Word], fuzzy_keys: Sequence[frozenset[str]]) -> tuple[Probe, ...]:
    return tuple((w.fold, w.raw if w.diacritic else "", w.variant, near,
                  w.fold_prefix, w.raw_prefix if w.diacritic else "", w.variant_prefix,
                  tuple(f" {letter}" for letter in variant_starts(w.variant)), w.fold.isascii() and w.fold.isalnum())
                 for w, near in zip(words, fuzzy_keys, strict=True))


def _word_spans(text: str, analysed: _Text, probe: Probe) -> tuple[tuple[int, int], ...]:
    """Spans of one query word in ``text``, unmerged.

    Most fields of a hit have no word the query word may match: substring tests of their keys rule them out
    (each test is implied by one of :func:`_token_spans`; a typo key is a whole word). Where the only matches
    are of the folded word as a prefix, in a plain text, they are where it starts a word, found by searching the
    text: the same spans :func:`_token_spans` finds word by word.
    """
    fold, _raw, variant_probe, near, spaced_fold, spaced_raw, spaced_variant, starts, plain_fold = probe
    folded = analysed.folded
    by_fold = spaced_fold in folded
    by_other = bool(spaced_raw and spaced_raw in analysed.raw) or not near.isdisjoint(analysed.words)
    by_variant = bool(spaced_variant and any(map(folded.__contains__, starts)) and spaced_variant in _variants(text))
    if not (by_fold or by_other or by_variant):
        return ()
    if by_fold and not by_other and plain_fold and analysed.plain and (not by_variant or all(
            word.startswith(fold) for word, variant in zip(analysed.words, _variants(text).split(), strict=True)
            if variant.startswith(variant_probe))):
        return _word_starts(analysed.plain, fold)
    return _token_spans(text, probe)


def _word_starts(plain: str, fold: str) -> tuple[tuple[int, int], ...]:
    """Spans of ``fold`` where it starts a word of ``plain`` (words: runs of ASCII letters and digits)."""
    spans = []
    at = plain.find(fold)
    while at >= 0:
        if not at or not plain[at - 1].isalnum():
            spans.append((at, at + len(fold)))
        at = plain.find(fold, at + 1)
    return tuple(spans)


def _token_spans(text: str, probe: Probe) -> tuple[tuple[int, int], ...]:
    """Spans of one query word in ``text``, unmerged."""
    fold, raw_probe, variant_probe, near, _spaced_fold, _spaced_raw, _spaced_variant, _starts, _plain = probe
    spans: list[tuple[int, int]] = []
    for start, end, folded, raw, odd in _tokens(text):
        if folded.startswith(fold) or (raw_probe and raw.startswith(raw_probe)):
            spans.append((start, start + (prefix_length_in(odd, fold) if odd else min(len(fold), end - start))))
        elif (variant_probe and variant_key(folded).startswith(variant_probe)) or (near and folded in near):
            spans.append((start, end))
    return tuple(spans)


# Spans per query word and text, kept across queries: while the operator types the second word, the
# first one's spans in the names shown are the same at every keystroke. Bounded by letting the oldest
# word go (clearing all sixteen at once freed some 30,000 tuples in one keystroke).
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
    analysed = None
    for probe, cache in query:
        found = cache.get(text)
        if found is None:
            if analysed is None:
                analysed = _analysed(text)
            found = cache[text] = _word_spans(text, analysed, probe)
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
