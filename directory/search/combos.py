"""Top-k for queries of two or three words by walking *combinations* of match classes.

Every word matches in classes (exact name word, exact elsewhere, prefix of a name word, ...); a hit's
score is fixed by the class it reaches for each word. So the query's candidates can be visited one
combination of classes at a time, best combination first: "per sj" first looks at Pers whose surname
starts with Sj (exact name x name prefix), then at Pers who are sjuksköterskor (exact name x prefix
elsewhere), and stops as soon as the weakest of the best ``limit`` hits beats every combination left.
Each combination is read through its smallest class, in name order.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Iterable, Sequence

from directory.search import ranking as r
from directory.search.query import Word
from directory.search.state import IndexState

# Postings counted at most when sizing a class (only the order of sizes matters).
SIZE_CAP = 50_000


# Classes up to this many postings are turned into a set when a combination needs one (~30 ns each).
MATERIALIZE_CAP = 20_000


class WordClass:
    """One match class of one query word: its score, size, name-ordered stream and membership test."""

    __slots__ = ("_array", "_union", "member", "score", "size", "stream")

    def __init__(self, score: int, size: int, stream: Callable[[], Iterable[int]],
                 member: Callable[[int], bool], *, array: Collection[int] | None = None,
                 union: Callable[[], Collection[int]] | None = None) -> None:
        self.score = score
        self.size = size
        self.stream = stream  # slots in ascending (name) order
        self.member = member  # whether a slot matches this word at least this well
        self._array = array
        self._union = union

    def array(self) -> Collection[int] | None:
        """The slots as one collection, for set operations in C, when that is cheap enough."""
        if self._array is None and self._union is not None and self.size <= MATERIALIZE_CAP:
            self._array = self._union()
        return self._array


def word_classes(state: IndexState, w: Word, extras: Sequence[r.Extra]) -> list[WordClass]:
    own, bars, group, groups = state.own_text, state.own_bar, state.group, state.groups
    raw_own, raw_bars, variants = state.raw_own_text, state.raw_own_bar, state.variant_text

    def in_name(probe: str) -> Callable[[int], bool]:
        return lambda s: 0 <= own[s].find(probe) < bars[s]

    def anywhere(probe: str) -> Callable[[int], bool]:
        return lambda s: probe in own[s] or probe in groups[group[s]][0]

    def raw_in_name(probe: str) -> Callable[[int], bool]:
        return lambda s: 0 <= raw_own[s].find(probe) < raw_bars[s]

    def raw_anywhere(probe: str) -> Callable[[int], bool]:
        return lambda s: probe in raw_own[s] or probe in groups[group[s]][1]

    found: list[WordClass] = []
    if w.whole:
        if w.diacritic:
            slots = state.raw_names.exact(w.raw)
            found.append(WordClass(r.EXACT_NAME_DIA, len(slots), lambda a=slots: a,  # type: ignore[misc]
                                   raw_in_name(w.raw_exact), array=slots))
        slots = state.names.exact(w.fold)
        found.append(WordClass(r.EXACT_NAME, len(slots), lambda a=slots: a,  # type: ignore[misc]
                               in_name(w.fold_exact), array=slots))
        if w.diacritic:
            slots = state.raw_all.exact(w.raw)
            found.append(WordClass(r.EXACT_OTHER_DIA, len(slots), lambda a=slots: a,  # type: ignore[misc]
                                   raw_anywhere(w.raw_exact), array=slots))
        slots = state.all.exact(w.fold)
        found.append(WordClass(r.EXACT, len(slots), lambda a=slots: a,  # type: ignore[misc]
                               anywhere(w.fold_exact), array=slots))
    if w.diacritic:
        found.append(WordClass(r.PREFIX_NAME_DIA, state.raw_names.count(w.raw, SIZE_CAP),
                               lambda: state.raw_names.stream(w.raw), raw_in_name(w.raw_prefix),
                               array=state.raw_names.materialized(w.raw), union=lambda: state.raw_names.union(w.raw)))
    found.append(WordClass(r.PREFIX_NAME, state.names.count(w.fold, SIZE_CAP),
                           lambda: state.names.stream(w.fold), in_name(w.fold_prefix),
                           array=state.names.materialized(w.fold), union=lambda: state.names.union(w.fold)))
    if w.diacritic:
        found.append(WordClass(r.PREFIX_OTHER_DIA, state.raw_all.count(w.raw, SIZE_CAP),
                               lambda: state.raw_all.stream(w.raw), raw_anywhere(w.raw_prefix),
                               array=state.raw_all.materialized(w.raw), union=lambda: state.raw_all.union(w.raw)))
    found.append(WordClass(r.PREFIX, state.all.count(w.fold, SIZE_CAP),
                           lambda: state.all.stream(w.fold), anywhere(w.fold_prefix),
                           array=state.all.materialized(w.fold), union=lambda: state.all.union(w.fold)))
    if w.variant:
        probe = w.variant_prefix
        found.append(WordClass(r.VARIANT_NAME, state.variants.count(w.variant, SIZE_CAP),
                               lambda: state.variants.stream(w.variant), lambda s: probe in variants[s],
                               array=state.variants.materialized(w.variant),
                               union=lambda: state.variants.union(w.variant)))
    for score, extra in extras:
        ordered = sorted(extra)
        found.append(WordClass(score, len(extra), lambda e=ordered: e,  # type: ignore[misc]
                               extra.__contains__, array=ordered))
    return [c for c in found if c.size]


def bound(combo: Sequence[WordClass]) -> float:
    """The best score a hit first met in this combination can have."""
    scores = [c.score for c in combo]
    total = sum(scores) / len(scores)
    if all(s in r.NAME_SCORES for s in scores):
        total += r.ALL_NAMES_BONUS + r.WHOLE_NAME_BONUS
    return total


def combinations(classes: Sequence[Sequence[WordClass]]) -> list[tuple[float, tuple[WordClass, ...]]]:
    """All combinations of one class per word, best bound first, cheaper first among equals."""
    combos = [(bound(combo), combo) for combo in itertools.product(*classes)]
    combos.sort(key=lambda item: (-item[0], min(c.size for c in item[1])))
    return combos
