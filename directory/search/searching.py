"""Finding and ordering candidates with bounded work per keystroke.

Every query word matches in *classes*, strongest first: full name, exact name word, exact word in
another field, prefix of a name word, prefix elsewhere, name variant, fuzzy. Each class is a stream of
slots in name order (see :mod:`directory.search.postings`).

* One word: walk the classes and stop as soon as ``limit`` hits are in hand; within a class all hits
  score the same and the stream is already in name order. "a" reads 50 slots, not 20,000.
* Several words: walk the classes of the most selective word, score each candidate against every word
  and stop when the ``limit``-th best score is above what any remaining candidate could reach (the
  class score plus the best the other words can score anywhere): a threshold top-k.
* A number: exact number, extension, then number prefix.

Frequently used and recently added ("late") entries are scored one by one besides, so a truncated
class never hides them. Fuzzy matching runs only when the other rules found fewer than ``limit`` hits.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from itertools import islice

from directory.search import ranking as r
from directory.search.combos import combinations, word_classes
from directory.search.documents import display_words
from directory.search.numbers import EXTENSION_LENGTHS, query_forms
from directory.search.query import Word
from directory.search.state import IndexState

# Intersecting the two most selective words' candidate sets pays off up to about this many each.
SECOND_CAP = 20000
# Safety valve for queries of only short, common words ("a k", "or 1"): slots scored at most. Beyond it
# the hits are the best among the first SCAN_CAP candidates in name order.
SCAN_CAP = 3000
# Queries of up to this many words walk class combinations (there are at most ~12 ** 3 of them).
MAX_COMBO_WORDS = 3
# Candidates a combination walk may score (about 1.5 µs each).
WALK_CAP = 3000
# Fewer hits than this, and words that match nothing as typed are tried with typos.
FUZZY_BELOW = 10
# An intersection this small is scored whole instead of walked class by class.
DIRECT_CAP = 400

Scored = dict[int, tuple[float, int]]  # slot -> (score, score of the weakest word)
Class = tuple[int, Callable[[], Iterable[int]]]  # (score, slot stream made on demand)


class Matcher:
    """Per-query helpers over an :class:`IndexState`: classes, candidate sets, extras, scoring."""

    def __init__(self, state: IndexState, words: Sequence[Word], *, fuzzy: Sequence[Word] = ()) -> None:
        self.state = state
        self.words = words
        self._fuzzy = {id(w) for w in fuzzy}  # the words allowed to match with typos
        self._extras: dict[int, list[r.Extra]] = {}

    def extras(self, w: Word) -> list[r.Extra]:
        found = self._extras.get(id(w))
        if found is None:
            found = []
            if w.digits:
                found.append((r.PREFIX, self.number_slots(w.fold)))
            if id(w) in self._fuzzy and w.max_edits:
                found.extend(self.fuzzy_sets(w))
            self._extras[id(w)] = found
        return found

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
        """Slot sets by fuzzy rank (fewer edits first), name words before other fields."""
        state = self.state
        near = state.fuzzy.near(w.fold, w.max_edits, state.all.generation)
        found: list[r.Extra] = []
        for rank in sorted(set(near.values())):
            keys = [k for k, v in near.items() if v == rank]
            penalty = r.FUZZY_STEP * (rank - 1)
            found.append((r.FUZZY_NAME - penalty, state.names.union_of(keys)))
            found.append((r.FUZZY - penalty, state.all.union_of(keys)))
        found.sort(key=lambda extra: -extra[0])
        return found

    def estimate(self, w: Word) -> int:
        state = self.state
        total = state.all.count(w.fold, SECOND_CAP)
        if w.variant:
            total += state.variants.count(w.variant, SECOND_CAP)
        return total + sum(len(s) for _, s in self.extras(w))

    def candidates(self, w: Word) -> set[int]:
        state = self.state
        found = state.all.union(w.fold)
        if w.variant:
            found |= state.variants.union(w.variant)
        for _, slots in self.extras(w):
            found |= slots
        return found

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


def _extra_slots(state: IndexState) -> list[int]:
    return [*state.used_slots, *state.late]


def search_text(state: IndexState, words: Sequence[Word], limit: int) -> tuple[Scored, list[Word]]:
    """Hits for a word query, and the words that were allowed typos to get them.

    Typos are tried only when there are fewer than FUZZY_BELOW hits, and then only for words that match
    nothing as typed (or for every word when the query as a whole matched nothing): a name that exists
    is not second-guessed, and the fuzzy candidate sets (often thousands of entries) are rarely built.
    """
    if len(words) == 1 and not words[0].digits:
        scored = search_single(state, words[0], limit)
        return scored, [words[0]] if len(scored) < FUZZY_BELOW and words[0].max_edits else []
    scored = search_words(state, words, limit)
    if len(scored) >= FUZZY_BELOW:
        return scored, []
    plain = Matcher(state, words)
    fuzzy = [w for w in words if w.max_edits and (not scored or not plain.best_possible(w))]
    if not fuzzy:
        return scored, []
    return search_words(state, words, limit, fuzzy=fuzzy), fuzzy


def search_single(state: IndexState, w: Word, limit: int) -> Scored:
    matcher = Matcher(state, (w,))
    collected: Scored = {slot: (r.FULL_NAME, r.FULL_NAME) for slot in state.solo_names.exact(w.fold)}
    classes = list(matcher.classes(w))
    if w.max_edits:
        typos = Matcher(state, (w,), fuzzy=(w,))
        # Reached only when the rules above found fewer than FUZZY_BELOW hits (see below).
        classes.append((0, lambda: ()))
    for score, make_stream in classes:
        if len(collected) >= limit:
            break
        if score == 0:
            if len(collected) >= FUZZY_BELOW:
                break
            matcher = typos
            for fuzzy_score, slots in typos.extras(w):
                for slot in sorted(slots):
                    if slot not in collected:
                        collected[slot] = (fuzzy_score, fuzzy_score)
                        if len(collected) >= limit:
                            break
                if len(collected) >= limit:
                    break
            break
        for slot in make_stream():
            if slot not in collected:
                collected[slot] = (score, score)
                if len(collected) >= limit:
                    break
    checker = matcher.scorer()
    for slot in _extra_slots(state):
        if slot not in collected:
            scores = checker(slot)
            if scores:
                collected[slot] = (scores[0], scores[0])
    return collected


def search_words(state: IndexState, words: Sequence[Word], limit: int, *, fuzzy: Sequence[Word] = ()) -> Scored:
    matcher = Matcher(state, words, fuzzy=fuzzy)
    estimates = [matcher.estimate(w) for w in words]
    selective = [w for w, e in zip(words, estimates, strict=True) if e <= SECOND_CAP]
    restrict: set[int] | None = None
    if len(selective) > 1:
        # Intersect the selective words' candidates in C, then score only what has them all.
        restrict = set.intersection(*(matcher.candidates(w) for w in selective))
    # Walk the word whose strongest class is smallest ("karl" of "karl jo": ~1,000 Karls, not
    # 20,000 Jo-names): once that class is done, the threshold usually stops the walk.
    driver = min(words, key=matcher.first_class_size)
    best_others = sum(matcher.best_possible(w) for w in words if w is not driver)
    n = len(words)
    typed_name = sorted(w.fold for w in words)
    scorer = matcher.scorer()
    results: Scored = {}
    seen: set[int] = set()
    top: list[tuple[float, int]] = []  # min-heap of (score, -slot): the weakest of the best on top

    def consider(slot: int) -> None:
        seen.add(slot)
        scores = scorer(slot)
        if scores is None:
            return
        # The entry's own name keys (display name, given name, surname) stand in for its name here.
        own = state.own_text[slot]
        names = own[1:state.own_bar[slot] - 1].split()
        full = min(scores) >= r.EXACT_NAME and sorted(names) == typed_name \
            and _display_words(state, slot) == typed_name
        score = r.full_name_score(words, scores) if full else r.combine(scores, len(names))
        results[slot] = (score, r.FULL_NAME if full else min(scores))
        if len(top) < limit:
            heapq.heappush(top, (score, -slot))
        elif (score, -slot) > top[0]:
            heapq.heapreplace(top, (score, -slot))

    for slot in _extra_slots(state):
        consider(slot)
    if restrict is not None and len(restrict) <= DIRECT_CAP:
        for slot in restrict:
            if slot not in seen:
                consider(slot)
        return results
    if all(w.whole for w in words):
        # Full names first, so that the class walk below never has to allow for a 100.
        for slot in set.intersection(*(set(state.names.exact(w.fold)) for w in words)):
            if slot not in seen and (restrict is None or slot in restrict):
                consider(slot)
    if n <= MAX_COMBO_WORDS:
        _walk_combinations(matcher, limit, top=top, seen=seen, consider=consider)
        return results
    scanned = 0
    for class_score, make_stream in matcher.classes(driver):
        bound = (class_score + best_others) / n
        if n > 1 and class_score in r.NAME_SCORES:
            bound += r.ALL_NAMES_BONUS + r.WHOLE_NAME_BONUS
        if len(top) >= limit and top[0][0] > bound:
            break
        for slot in make_stream():
            if slot in seen or (restrict is not None and slot not in restrict):
                continue
            # Later slots of this class come later by name: they can only tie the weakest and lose.
            if len(top) >= limit and (top[0][0] > bound or (top[0][0] == bound and -top[0][1] < slot)):
                break
            consider(slot)
            scanned += 1
            if scanned >= SCAN_CAP:
                return results
    return results


def _walk_combinations(matcher: Matcher, limit: int, *, top: list[tuple[float, int]], seen: set[int],
                       consider: Callable[[int], None]) -> None:
    """Visit candidates one class combination at a time, best first (see directory.search.combos).

    A combination is read through its smallest class, whose every slot is scored in full (which places
    it in its true combination), so each class is read at most once however many combinations share it.
    """
    classes = [word_classes(matcher.state, w, matcher.extras(w)) for w in matcher.words]
    matches_all = _quick_filter(matcher)
    read: set[int] = set()
    budget = WALK_CAP
    for combo_bound, combo in combinations(classes):
        if len(top) >= limit and top[0][0] > combo_bound:
            return
        arrays = sorted((a for a in (c.array() for c in combo) if a is not None), key=len)
        slots: Iterable[int]
        if len(arrays) >= 2:
            # Intersect in C; what is left is small, so sort it into name order.
            slots = sorted(set(arrays[0]).intersection(*arrays[1:]))
        else:
            base = min(combo, key=lambda c: c.size)
            if id(base) in read:
                continue
            read.add(id(base))
            slots = base.stream()
        for slot in slots:
            if slot in seen:
                continue
            # The base streams in name order: later slots can only tie the weakest and lose.
            if len(top) >= limit and (top[0][0] > combo_bound or (top[0][0] == combo_bound and -top[0][1] < slot)):
                break
            if not matches_all(slot):
                continue
            consider(slot)
            budget -= 1
            if budget < 0:
                return


def _quick_filter(matcher: Matcher) -> Callable[[int], bool]:
    """Whether a slot could match every word at all: a few substring probes, before a full score."""
    state = matcher.state
    own, group, groups, variants = state.own_text, state.group, state.groups, state.variant_text
    checks = [(w.fold_prefix, w.variant_prefix, [slots for _, slots in matcher.extras(w)]) for w in matcher.words]

    def matches_all(slot: int) -> bool:
        text, shared, variant_text = own[slot], groups[group[slot]][0], variants[slot]
        for prefix, variant, extras in checks:
            if not (prefix in text or prefix in shared or (variant and variant in variant_text)
                    or any(slot in e for e in extras)):
                return False
        return True

    return matches_all


def _display_words(state: IndexState, slot: int) -> list[str]:
    entry = state.entries[slot]
    return sorted(display_words(entry)) if entry is not None else []


def search_number(state: IndexState, forms: Sequence[str], limit: int) -> Scored:
    collected: Scored = {}
    for form in forms:
        for slot in state.numbers.exact(form):
            collected[slot] = (r.NUMBER_EXACT, r.NUMBER_EXACT)
    for form in forms:
        if len(form) in EXTENSION_LENGTHS:
            for slot in state.extensions.exact(form):
                collected.setdefault(slot, (r.NUMBER_EXTENSION, r.NUMBER_EXTENSION))
    for form in forms:
        # Too many numbers start with "019": show the lowest numbers, the way a printed list would.
        for slot in state.numbers.prefix(form):
            if len(collected) >= limit:
                return collected
            collected.setdefault(slot, (r.NUMBER_PREFIX, r.NUMBER_PREFIX))
    return collected
