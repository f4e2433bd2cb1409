"""Scores: one number per hit that orders results and can be explained.

Each query word scores by how it matched, best first:

====================  ======  ======================================================
exact word            80      +8 when the word is a name, +4 when its diacritics match too
prefix                60      +8 name, +4 diacritics ("sö" typed, "Söderberg" shown)
name variant          48      Christina for "kristina", Ericsson for "eriksson"
fuzzy (1-2 edits)     20      +8 name
====================  ======  ======================================================

A hit scores the mean of its words; a query that is exactly the display name (or the whole e-mail
address) scores 100. Number queries score 95 (whole number), 85 (extension: last 4-5 digits) or 70
(beginning of a number).
Frequent use adds at most 3 points, always less than the gap between two match kinds (4), so it
reorders only entries that matched equally well. Equal scores are ordered by name.
"""

from __future__ import annotations

import math
from collections.abc import MutableSequence, Sequence
from typing import Protocol

from directory.search.query import Word
from directory.search.types import MatchKind

EXACT, PREFIX, VARIANT, FUZZY = 80, 60, 40, 20
NAME_BONUS = 8
DIACRITIC_BONUS = 4
FULL_NAME = 100
NUMBER_EXACT, NUMBER_EXTENSION, NUMBER_PREFIX = 95, 85, 70
MAX_USAGE_BOOST = 3.0

# Per-word class scores in the order the single-word search visits them.
EXACT_NAME_DIA = EXACT + NAME_BONUS + DIACRITIC_BONUS
EXACT_NAME = EXACT + NAME_BONUS
EXACT_OTHER_DIA = EXACT + DIACRITIC_BONUS
PREFIX_NAME_DIA = PREFIX + NAME_BONUS + DIACRITIC_BONUS
PREFIX_NAME = PREFIX + NAME_BONUS
PREFIX_OTHER_DIA = PREFIX + DIACRITIC_BONUS
VARIANT_NAME = VARIANT + NAME_BONUS
FUZZY_NAME = FUZZY + NAME_BONUS
# Each further edit (or a match of only the key's beginning) costs this much within the fuzzy class.
FUZZY_STEP = 2

# (score, slots) a word also matches through: fuzzy keys, or numbers for a digit word.
Extra = tuple[int, "set[int]"]


class _State(Protocol):
    group: MutableSequence[int]
    groups: list[tuple[str, str]]
    own_text: list[str]
    own_bar: MutableSequence[int]
    raw_own_text: list[str]
    raw_own_bar: MutableSequence[int]
    variant_text: list[str]


def usage_boost(count: int) -> float:
    return min(MAX_USAGE_BOOST, math.log2(1 + count)) if count > 0 else 0.0


def kind_of(score: float) -> MatchKind:
    if score >= FULL_NAME:
        return MatchKind.EXACT_NAME
    if score >= EXACT:
        return MatchKind.EXACT_TOKEN
    if score >= PREFIX:
        return MatchKind.PREFIX
    if score >= VARIANT:
        return MatchKind.VARIANT
    return MatchKind.FUZZY


def number_kind(score: float) -> MatchKind:
    if score >= NUMBER_EXACT:
        return MatchKind.NUMBER_EXACT
    if score >= NUMBER_EXTENSION:
        return MatchKind.NUMBER_EXTENSION
    return MatchKind.NUMBER_PREFIX


def _score_in(text: str, bar: int, exact: str, prefix: str, scores: tuple[tuple[int, int], tuple[int, int]],
              ) -> int:
    """Score of a word in one match string: (name, other) scores by whether it sits before the bar."""
    exact_scores, prefix_scores = scores
    i = text.find(exact)
    if i >= 0:
        return exact_scores[0] if i < bar else exact_scores[1]
    i = text.find(prefix)
    if i >= 0:
        return prefix_scores[0] if i < bar else prefix_scores[1]
    return 0


_FOLD = ((EXACT_NAME, EXACT), (PREFIX_NAME, PREFIX))
_RAW = ((EXACT_NAME_DIA, EXACT_OTHER_DIA), (PREFIX_NAME_DIA, PREFIX_OTHER_DIA))
_NO_BAR = 1 << 30  # shared strings hold no names: every position is "other"


class DocScorer:
    """Scores documents against the words of one query, one document at a time.

    A word's score in a document is the best of: its own strings (name, e-mail), its shared strings
    (title, units, location, keywords; cached per shared group, since colleagues share them), the
    name variants and the extras (fuzzy keys, numbers).
    """

    def __init__(self, state: _State, words: Sequence[Word], extras: Sequence[Sequence[Extra]]) -> None:
        self._state = state
        self._words = tuple(zip(words, extras, strict=True))
        self._shared: dict[int, tuple[int, ...]] = {}

    def _shared_scores(self, group: int) -> tuple[int, ...]:
        shared, raw_shared = self._state.groups[group]
        scores = []
        for w, _ in self._words:
            s = _score_in(shared, -1, w.fold_exact, w.fold_prefix, _FOLD)
            if w.diacritic and raw_shared:
                s = max(s, _score_in(raw_shared, -1, w.raw_exact, w.raw_prefix, _RAW))
            scores.append(s)
        found = self._shared[group] = tuple(scores)
        return found

    def __call__(self, slot: int) -> list[int] | None:
        """Each word's score, or None as soon as one word does not match."""
        state = self._state
        group = state.group[slot]
        shared = self._shared.get(group) or self._shared_scores(group)
        own, bar = state.own_text[slot], state.own_bar[slot]
        result = []
        for (w, extras), shared_score in zip(self._words, shared, strict=True):
            s = shared_score
            i = own.find(w.fold_exact)
            if i >= 0:
                s = max(s, EXACT_NAME if i < bar else EXACT)
            elif s < PREFIX_NAME:
                i = own.find(w.fold_prefix)
                if i >= 0:
                    s = max(s, PREFIX_NAME if i < bar else PREFIX)
            if w.diacritic and s < EXACT_NAME_DIA:
                raw_own = state.raw_own_text[slot]
                if raw_own:
                    s = max(s, _score_in(raw_own, state.raw_own_bar[slot], w.raw_exact, w.raw_prefix, _RAW))
            if not s:
                if w.variant_prefix and w.variant_prefix in state.variant_text[slot]:
                    s = VARIANT_NAME
                else:
                    for score, slots in extras:
                        if slot in slots:
                            s = score
                            break
                    else:
                        return None
            result.append(s)
        return result


    def name_scores(self, slot: int) -> list[int] | None:
        """Each word's best score in a name word (the display, given or surname words), or None when a
        word matches no name word: how the hit scores as a name query."""
        state = self._state
        own, bar = state.own_text[slot], state.own_bar[slot]
        result = []
        for w, extras in self._words:
            s = 0
            if w.diacritic:
                raw_own = state.raw_own_text[slot]
                if raw_own:
                    raw_bar = state.raw_own_bar[slot]
                    if 0 <= raw_own.find(w.raw_exact) < raw_bar:
                        s = EXACT_NAME_DIA
                    elif 0 <= raw_own.find(w.raw_prefix) < raw_bar:
                        s = PREFIX_NAME_DIA
            if s < EXACT_NAME and 0 <= own.find(w.fold_exact) < bar:
                s = EXACT_NAME
            elif s < PREFIX_NAME and 0 <= own.find(w.fold_prefix) < bar:
                s = PREFIX_NAME
            if not s:
                if w.variant_prefix and w.variant_prefix in state.variant_text[slot]:
                    s = VARIANT_NAME
                else:
                    s = next((score for score, slots in extras if score in NAME_SCORES and slot in slots), 0)
                    if not s:
                        return None
            result.append(s)
        return result


# A multi-word query whose words all matched name words is a name query: it outranks hits that needed
# another field ("karl axelsson" means Carl Axelsson, not an Axelsson at Karlskoga); a little more if
# the name has no words beyond those typed (Lars Nyström before Lars-Göran Nyström).
ALL_NAMES_BONUS = 8
WHOLE_NAME_BONUS = 2
NAME_SCORES = frozenset({EXACT_NAME_DIA, EXACT_NAME, PREFIX_NAME_DIA, PREFIX_NAME, VARIANT_NAME,
                         *(FUZZY_NAME - FUZZY_STEP * k for k in range(3))})


def full_name_score(words: Sequence[Word], scores: Sequence[int]) -> float:
    """A typed full name; spelled with the name's own diacritics, it beats the plain spelling."""
    typed = [s for w, s in zip(words, scores, strict=True) if w.diacritic]
    return FULL_NAME + (DIACRITIC_BONUS if typed and all(s == EXACT_NAME_DIA for s in typed) else 0)


def combine(scores: Sequence[int], name_words: int) -> float:
    """The score of a multi-word hit from its words' scores and how many words its name has."""
    total = sum(scores) / len(scores)
    if len(scores) > 1 and all(s in NAME_SCORES for s in scores):
        total += ALL_NAMES_BONUS + (WHOLE_NAME_BONUS if name_words == len(scores) else 0)
    return total
