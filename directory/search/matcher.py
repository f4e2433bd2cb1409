"""Per-query helpers over the index state: a word's match classes, candidate sets and extras.

Every query word matches in *classes*, strongest first: full name, exact name word, exact word in
another field, prefix of a name word, prefix elsewhere, name variant, fuzzy. Each class is a stream of
slots in name order (see :mod:`directory.search.postings`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence, Sized
from itertools import islice
from typing import TypeVar, cast

from directory.search import ranking as r
from directory.search.combos import WordClass, more_classes, word_classes
from directory.search.numbers import query_forms
from directory.search.query import Word
from directory.search.state import IndexState

# Intersecting selective words' candidate sets pays off up to about this many postings each.
SECOND_CAP = 20000
# Per-word entries (classes, candidates, extras) kept across queries.
MEMO_SIZE = 32
# The fewest slots a typo's near key has to have its slot sets kept across queries.
KEPT_KEY_SLOTS = 64

T = TypeVar("T")

Scored = dict[int, tuple[float, int]]  # slot -> (score, score of the weakest word)
Class = tuple[int, Callable[[], Iterable[int]]]  # (score, slot stream made on demand)


class Matcher:
    """Per-query helpers over an :class:`IndexState`: classes, candidate sets, extras, scoring."""

    def __init__(self, state: IndexState, words: Sequence[Word], *, fuzzy: Sequence[Word] = ()) -> None:
        self.state = state
        self.words = words
        self._fuzzy = {id(w) for w in fuzzy}  # the words allowed to match with typos

    def _memo(self, kind: str, w: Word, make: Callable[[], T], fuzzy: bool | None = None) -> T:
        """Per-word data kept across queries: while a second word is typed the first stays the same.
        The state clears its memo on every change; do not modify what this returns."""
        memo = self.state.memo
        key = (kind, w, id(w) in self._fuzzy if fuzzy is None else fuzzy)
        found = memo.get(key)
        if found is None:
            if len(memo) >= MEMO_SIZE:
                del memo[next(iter(memo))]  # the oldest: freeing all at once would stall one keystroke
            found = memo[key] = make()
        return cast(T, found)

    def extras(self, w: Word) -> list[r.Extra]:
        def make() -> list[r.Extra]:
            found = list(self._number_extras(w))
            if id(w) in self._fuzzy and w.max_edits:
                found.extend(self.fuzzy_sets(w))
            return found
        return self._memo("extras", w, make)

    def word_classes(self, w: Word) -> list[WordClass]:
        plain = self._memo("classes", w, lambda: word_classes(self.state, w, self._number_extras(w)), False)
        if id(w) not in self._fuzzy or not w.max_edits:
            return plain
        # The typo pass reuses the plain pass's classes (and what they learnt), adding the fuzzy ones.
        return self._memo("classes", w, lambda: more_classes(plain, self.fuzzy_sets(w)), True)

    def _number_extras(self, w: Word) -> list[r.Extra]:
        return self._memo("numbers", w, lambda: [(r.PREFIX, self.number_slots(w.fold))] if w.digits else [], False)

    def scorer(self) -> r.DocScorer:
        return r.DocScorer(self.state, self.words, [self.extras(w) for w in self.words])

    def number_slots(self, typed: str) -> set[int]:
        """Entries with a number that starts with (or, for 4-5 digits, ends with) a digit word."""
        state = self.state
        slots: set[int] = set()
        if len(typed) < 3:
            return slots  # "1" in "Avd 1" is a word, not a number
        for form in query_forms(typed):
            slots.update(state.extensions.exact(form))
            slots.update(islice(state.numbers.prefix(form), 2000))
        return slots

    def fuzzy_sets(self, w: Word) -> list[r.Extra]:
        """Slot sets by fuzzy rank (fewer edits first), name words before other fields (do not modify).
        Made once per word: both its extras and its classes are built from them."""
        return self._memo("fuzzy", w, lambda: self._fuzzy_sets(w), True)

    def _fuzzy_sets(self, w: Word) -> list[r.Extra]:
        state = self.state
        near = state.fuzzy.near(w.fold, w.max_edits, state.all.generation)
        found: list[r.Extra] = []
        for rank in sorted(set(near.values())):
            parts = [self._key_slots(k) for k, v in near.items() if v == rank]
            penalty = r.FUZZY_STEP * (rank - 1)
            first = parts[0][0]
            # One key's kept set serves as it is (none of its users modifies it).
            in_names = first if len(parts) == 1 and isinstance(first, set) else set().union(*(n for n, _ in parts))
            found.append((r.FUZZY_NAME - penalty, in_names))
            # Usually no key has more postings in all fields than in names: then the one set serves both.
            more = [everywhere for names, everywhere in parts if everywhere is not names]
            found.append((r.FUZZY - penalty, in_names.union(*more) if more else in_names))
        found.sort(key=lambda extra: -extra[0])
        return found

    def _key_slots(self, key: str) -> tuple[Collection[int], Collection[int]]:
        """A near key's slots in names and in all fields (the same object when they are the same).
        A key of many slots has them as sets kept across keystrokes: the next letter of a typo meets
        mostly the same near keys ("matst", "matsts": the Mattssons), and a union of sets costs a fifth
        of one of posting arrays. Most near keys hold a slot or two ("mattsson103"): their arrays serve, as
        do those of a key in no name: the e-mail words of namesakes ("fredriksson2" to "fredriksson99", a
        hundred slots each at a million entries) are read once into the typo's union, not each made a set."""
        state = self.state
        names, everywhere = state.names.exact(key), state.all.exact(key)
        # A key's name postings are among its postings in all fields: only where it has more
        # (an e-mail word, a unit) does the all-fields set differ.
        if len(everywhere) < KEPT_KEY_SLOTS or not names:
            return names, everywhere if len(everywhere) != len(names) else names
        found = state.near_sets.get(key)
        if found is None:
            in_names = set(names)
            found = (in_names, set(everywhere) if len(everywhere) != len(names) else in_names)
            state.near_sets.put(key, found)
        return found

    def estimate(self, w: Word) -> int:
        state = self.state
        total = state.all.count(w.fold, SECOND_CAP)
        if w.variant:
            total += state.variants.count(w.variant, SECOND_CAP)
        return total + sum(len(s) for _, s in self.extras(w))

    def has_candidates(self, w: Word) -> bool:
        """Whether :meth:`candidates` of ``w`` is at hand (kept from an earlier query)."""
        return ("candidates", w, id(w) in self._fuzzy) in self.state.memo

    def candidate_pieces(self, w: Word) -> list[Collection[int]]:
        """Collections whose union is :meth:`candidates` of ``w`` (without building it)."""
        state = self.state
        found: list[Collection[int]] = list(state.all.parts(w.fold))
        if w.variant:
            found.extend(state.variants.parts(w.variant))
        found.extend(slots for _, slots in self.extras(w))
        return found

    def candidates(self, w: Word) -> set[int]:
        """Every slot ``w`` matches in any way (do not modify)."""
        def make() -> set[int]:
            state = self.state
            found = state.all.union(w.fold)
            if w.variant:
                found |= state.variants.union(w.variant)
            for _, slots in self.extras(w):
                found |= slots
            return found
        return self._memo("candidates", w, make)

    def first_class_size(self, w: Word) -> int:
        """Postings in the strongest non-empty class of ``w``: the work before the threshold can bite."""
        for _, make_stream in self.classes(w):
            stream = make_stream()
            size = len(stream) if isinstance(stream, Sized) else self.estimate(w)
            if size:
                return size
        return 0

    def best_possible(self, w: Word) -> int:
        """The highest score ``w`` reaches in any document (an upper bound for the threshold)."""
        state = self.state
        checks: list[tuple[int, Callable[[], bool]]] = [
            (r.EXACT_NAME_DIA, lambda: w.whole and w.diacritic and bool(state.raw_names.exact(w.raw))),
            (r.EXACT_NAME, lambda: w.whole and bool(state.names.exact(w.fold))),
            (r.EXACT_OTHER_DIA, lambda: w.whole and w.diacritic and bool(state.raw_all.exact(w.raw))),
            (r.EXACT, lambda: w.whole and bool(state.all.exact(w.fold))),
            (r.PREFIX_NAME_DIA, lambda: w.diacritic and state.raw_names.key_count(w.raw) > 0),
            (r.PREFIX_NAME, lambda: state.names.key_count(w.fold) > 0),
            (r.PREFIX_OTHER_DIA, lambda: w.diacritic and state.raw_all.key_count(w.raw) > 0),
            (r.PREFIX, lambda: state.all.key_count(w.fold) > 0),
            (r.VARIANT_NAME, lambda: bool(w.variant) and state.variants.key_count(w.variant) > 0),
        ]
        for score, present in checks:
            if present():
                return score
        return max((score for score, slots in self.extras(w) if slots), default=0)

    def classes(self, w: Word) -> Iterator[Class]:
        state = self.state
        if w.whole:
            if w.diacritic:
                yield r.EXACT_NAME_DIA, lambda: state.raw_names.exact(w.raw)
            yield r.EXACT_NAME, lambda: state.names.exact(w.fold)
            if w.diacritic:
                yield r.EXACT_OTHER_DIA, lambda: state.raw_all.exact(w.raw)
            yield r.EXACT, lambda: state.all.exact(w.fold)
        if w.diacritic:
            yield r.PREFIX_NAME_DIA, lambda: state.raw_names.stream(w.raw)
        yield r.PREFIX_NAME, lambda: state.names.stream(w.fold)
        if w.diacritic:
            yield r.PREFIX_OTHER_DIA, lambda: state.raw_all.stream(w.raw)
        yield r.PREFIX, lambda: state.all.stream(w.fold)
        if w.variant:
            yield r.VARIANT_NAME, lambda: state.variants.stream(w.variant)
        for score, slots in self.extras(w):
            yield score, lambda slots=slots: sorted(slots)  # type: ignore[misc]


def extra_slots(state: IndexState) -> list[int]:
    return [*state.used_slots, *state.late]
