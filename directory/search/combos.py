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
from array import array
from collections.abc import Callable, Collection, Iterable, Sequence
from itertools import compress, repeat
from operator import itemgetter, or_

from directory.search import ranking as r
from directory.search.documents import INITIAL_LETTERS, initial_bit
from directory.search.query import Word
from directory.search.state import IndexState

# Postings counted at most when sizing a class (only the order of sizes matters).
SIZE_CAP = 50_000


# Classes up to this many postings are turned into a set when a combination needs one (~30 ns each).
MATERIALIZE_CAP = 20_000


Filter = Callable[[Sequence[int]], list[int]]  # the slots (in order) that are in a class


class WordClass:
    """One match class of one query word: its score, size, name-ordered stream and membership filter."""

    __slots__ = ("_array", "_parts", "_set", "_union", "joined", "keep", "prefix", "score", "size", "stream")
    _array: Collection[int] | None

    def __init__(self, score: int, size: int, stream: Callable[[], Iterable[int]],
                 keep: Filter, *, array: Collection[int] | None = None,
                 union: Callable[[], Collection[int]] | None = None,
                 parts: Callable[[], Sequence[Collection[int]]] | None = None, prefix: str = "") -> None:
        self.score = score
        self.prefix = prefix  # of a prefix class: its probe (" kar"), by which a longer word's class narrows it
        self.size = size
        self.stream = stream  # slots in ascending (name) order
        self.keep = keep  # which of some slots match this word at least this well (C-level probes)
        self._array = array
        self._union = union
        self._parts = parts
        # Slots shared with other classes (of the other words), found when this class was the smallest
        # of a combination: the typo pass and the next keystroke meet the same combinations again.
        self.joined: dict[tuple[WordClass, ...], Iterable[int]] = {}
        self._set: set[int] | None = None

    def as_set(self) -> set[int] | None:
        """The slots as a set (do not modify), made once and kept with the class, if they are at hand."""
        if self._set is None and self._array is not None:
            self._set = self._array if isinstance(self._array, set) else set(self._array)
        return self._set

    def array(self) -> Collection[int] | None:
        """The slots as one collection, for set operations in C, when that is cheap enough."""
        if self._array is None and self._union is not None and self.size <= MATERIALIZE_CAP:
            self._array = self._union()
        return self._array

    def ready(self, cap: int) -> Collection[int] | None:
        """The slots as one collection if already at hand, or made when there are at most ``cap``."""
        if self._array is None and self._union is not None and self.size <= cap:
            self._array = self._union()
        return self._array

    def pieces(self) -> Sequence[Collection[int]] | None:
        """Collections whose union is this class, without building it, if known."""
        if self._array is not None:
            return (self._array,)
        return self._parts() if self._parts is not None else None

    def ordered(self, cap: int) -> Sequence[int] | None:
        """The slots in name order, if at hand or made when there are at most ``cap`` (kept)."""
        found = self.ready(cap)
        if found is not None and not isinstance(found, Sequence):
            found = self._array = array("i", sorted(found))  # kept across keystrokes: see LazyMembers._found
        return found

    def narrows(self, other: WordClass) -> bool:
        """Whether every slot of this class is in ``other``: the same kind of prefix class, of a word typed
        further (a name word that starts "karl" starts "kar")."""
        return bool(self.prefix and other.prefix) and self.score == other.score and self.prefix.startswith(other.prefix)

    def same_as(self, other: WordClass) -> bool:
        """Whether both classes hold exactly the same slots (as far as cheaply known)."""
        mine, theirs = self._array, other._array
        if self.size != other.size or mine is None or theirs is None:
            return False
        if mine is theirs:  # a typo's name and all-fields sets, when its keys are in no other field
            return True
        if isinstance(mine, array) and isinstance(theirs, array):
            return mine == theirs
        if isinstance(mine, (set, frozenset)):
            return mine.issuperset(theirs)  # as many slots, so the same
        return isinstance(theirs, (set, frozenset)) and theirs.issuperset(mine)


def word_classes(state: IndexState, w: Word, extras: Sequence[r.Extra]) -> list[WordClass]:
    own, bars, group = state.own_text, state.own_bar, state.group
    groups = state.groups
    raw_own, raw_bars, variants = state.raw_own_text, state.raw_own_bar, state.variant_text
    name_initials, all_initials = state.name_initials, state.all_initials
    # Each filter maps C functions over the slots (no Python frame per slot); the order is kept.
    # A probe lies in the name part when found before the bar ("|" is never part of a probe).
    # A folded probe first keeps the slots with a key starting with its first letter (one int read per
    # slot, a few times cheaper than searching a string): "eva m" reads 8,663 Evas' initials, and searches
    # no text at all, since a one-letter probe is settled by them.

    def narrowed(probe: str, bits: Sequence[int] | None, text: Filter) -> Filter:
        """``text`` (the probe searched in each slot's strings), after a filter by the folded probe's first
        letter in ``bits`` when it has one; that filter alone when it settles the probe."""
        if bits is None:
            return text
        bit, settled = _initial_test(probe)
        if not bit:
            return text
        getbits = bits.__getitem__

        def first(slots: Sequence[int]) -> list[int]:
            return list(compress(slots, map(bit.__and__, map(getbits, slots))))

        return first if settled else (lambda slots: text(first(slots)))

    def in_name(probe: str) -> Filter:
        return narrowed(probe, name_initials, lambda slots: list(compress(slots, map(_FOUND, map(
            str.find, map(own.__getitem__, slots), repeat(probe), repeat(0), map(bars.__getitem__, slots))))))

    def raw_in_name(probe: str) -> Filter:
        return lambda slots: list(compress(slots, map(_FOUND, map(
            str.find, map(raw_own.__getitem__, slots), repeat(probe), repeat(0), map(raw_bars.__getitem__, slots)))))

    def anywhere(probe: str, texts: list[str], shared: Callable[[tuple[str, str]], str], *,
                 folded: bool = True) -> Filter:
        """In the entry's own string, or in its group's ``shared`` string (the group's keys, spaced as the
        own string's are). Probed slot by slot rather than through a set of the groups that have the key:
        a prefix such as "avde" is in 60,000 groups at a million entries, a set that took 10 ms to make at
        each keystroke for the few hundred slots a walk filters."""
        return narrowed(probe, all_initials if folded else None, lambda slots: list(compress(slots, map(or_, map(
            str.__contains__, map(texts.__getitem__, slots), repeat(probe)), map(
            str.__contains__, map(shared, map(groups.__getitem__, map(group.__getitem__, slots))), repeat(probe))))))

    def variant(probe: str) -> Filter:
        return lambda slots: list(compress(slots, map(str.__contains__, map(variants.__getitem__, slots),
                                                      repeat(probe))))

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
                                   anywhere(w.raw_exact, raw_own, _RAW_SHARED, folded=False), array=slots))
        slots = state.all.exact(w.fold)
        found.append(WordClass(r.EXACT, len(slots), lambda a=slots: a,  # type: ignore[misc]
                               anywhere(w.fold_exact, own, _SHARED), array=slots))
    if w.diacritic:
        found.append(WordClass(r.PREFIX_NAME_DIA, state.raw_names.count(w.raw, SIZE_CAP),
                               lambda: state.raw_names.stream(w.raw), raw_in_name(w.raw_prefix),
                               array=state.raw_names.materialized(w.raw), union=lambda: state.raw_names.union(w.raw),
                               parts=lambda: state.raw_names.parts(w.raw), prefix=w.raw_prefix))
    found.append(WordClass(r.PREFIX_NAME, state.names.count(w.fold, SIZE_CAP),
                           lambda: state.names.stream(w.fold), in_name(w.fold_prefix),
                           array=state.names.materialized(w.fold), union=lambda: state.names.union(w.fold),
                           parts=lambda: state.names.parts(w.fold), prefix=w.fold_prefix))
    if w.diacritic:
        found.append(WordClass(r.PREFIX_OTHER_DIA, state.raw_all.count(w.raw, SIZE_CAP),
                               lambda: state.raw_all.stream(w.raw),
                               anywhere(w.raw_prefix, raw_own, _RAW_SHARED, folded=False),
                               array=state.raw_all.materialized(w.raw), union=lambda: state.raw_all.union(w.raw),
                               parts=lambda: state.raw_all.parts(w.raw), prefix=w.raw_prefix))
    found.append(WordClass(r.PREFIX, state.all.count(w.fold, SIZE_CAP),
                           lambda: state.all.stream(w.fold), anywhere(w.fold_prefix, own, _SHARED),
                           array=state.all.materialized(w.fold), union=lambda: state.all.union(w.fold),
                           parts=lambda: state.all.parts(w.fold), prefix=w.fold_prefix))
    if w.variant:
        found.append(WordClass(r.VARIANT_NAME, state.variants.count(w.variant, SIZE_CAP),
                               lambda: state.variants.stream(w.variant), variant(w.variant_prefix),
                               array=state.variants.materialized(w.variant),
                               union=lambda: state.variants.union(w.variant),
                               parts=lambda: state.variants.parts(w.variant)))
    return more_classes(more_classes([], found), extras)


def _extra_classes(extras: Sequence[r.Extra]) -> list[WordClass]:
    # Sorted only if read in order: fuzzy sets can hold thousands of slots.
    return [WordClass(score, len(extra), lambda e=extra: sorted(e),  # type: ignore[misc]
                      lambda slots, e=extra: list(compress(slots, map(e.__contains__, slots))),  # type: ignore[misc]
                      array=extra)
            for score, extra in extras]


def more_classes(kept: Sequence[WordClass], more: Sequence[WordClass] | Sequence[r.Extra]) -> list[WordClass]:
    """``kept`` followed by the classes of ``more`` (or of extras) that add candidates.

    A class with the same slots as a stronger one of the same word adds none (its slots were all met in
    the stronger combinations first): "matthias" is an exact name, an exact word and a name prefix in
    the very same 1,062 entries; a typo pass finds "mette" itself among the keys near "mette".
    """
    classes = [c if isinstance(c, WordClass) else _extra_classes([c])[0] for c in more]
    found = list(kept)
    for c in classes:
        if c.size and not any(k.same_as(c) for k in found):
            found.append(c)
    return found


_FOUND = (-1).__ne__  # str.find found it
_SHARED, _RAW_SHARED = itemgetter(0), itemgetter(1)  # of a group: (shared string, raw shared string)
_OWN_BIT = frozenset(INITIAL_LETTERS)  # the letters with an initial bit of their own


def _initial_test(probe: str) -> tuple[int, bool]:
    """The initial bit a slot must have to hold folded ``probe`` (" kar", " anna "; 0: no test), and
    whether having it settles the probe (a one-letter prefix " m" of a letter with its own bit)."""
    if len(probe) < 2 or probe[0] != " ":
        return 0, False
    return initial_bit(probe[1]), len(probe) == 2 and probe[1] in _OWN_BIT


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
