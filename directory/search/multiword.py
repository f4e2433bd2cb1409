"""Several words: threshold top-k over the words' match classes.

Candidates are visited one combination of classes at a time, best first (see
:mod:`directory.search.combos`), scored in full, and the walk stops when the ``limit``-th best score
is above what any combination left could reach. When the words are selective their candidate sets are
intersected in C first and the (small) intersection is scored whole.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Sequence
from itertools import compress, permutations, repeat

from directory.search import ranking as r
from directory.search.combos import WordClass, combinations
from directory.search.documents import display_words
from directory.search.matcher import SECOND_CAP, Matcher, Scored, extra_slots
from directory.search.members import LazyMembers
from directory.search.query import Word
from directory.search.state import IndexState

# Safety valve for queries of only short, common words ("a k", "or 1"): slots scored at most. Beyond it
# the hits are the best among the first SCAN_CAP candidates in name order.
SCAN_CAP = 3000
# Queries of up to this many words walk class combinations (there are at most ~12 ** 3 of them).
MAX_COMBO_WORDS = 3
# Candidates a combination walk may score (about 1.5 µs each).
WALK_CAP = 3000
# An intersection this small is scored whole instead of walked class by class.
DIRECT_CAP = 400
# Combinations walked before the rest of the walk may be confined to all words' candidates.
NARROW_AFTER = 3
# A combination whose smallest class has at most this many slots is filtered from that class.
FILTER_BASE_CAP = 5000
# Below this size ratio two classes are intersected as sets rather than by probing.
SET_RATIO = 6


def search_words(state: IndexState, words: Sequence[Word], limit: int, *, fuzzy: Sequence[Word] = ()) -> Scored:
    """The best ``limit`` hits (plus any used or late entries that matched, which rank by their own rules)."""
    results: Scored = {}
    top: list[tuple[float, int]] = []  # min-heap of (score, -slot): the weakest of the best on top
    _search(state, words, limit, fuzzy=fuzzy, results=results, top=top)
    keep = {-negative for _, negative in top}
    keep.update(s for s in extra_slots(state) if s in results)
    return {slot: results[slot] for slot in keep}


def _search(state: IndexState, words: Sequence[Word], limit: int, *, fuzzy: Sequence[Word], results: Scored,
            top: list[tuple[float, int]]) -> None:
    matcher = Matcher(state, words, fuzzy=fuzzy)
    estimates = [matcher.estimate(w) for w in words]
    selective = [w for w, e in zip(words, estimates, strict=True) if e <= SECOND_CAP]
    restrict: set[int] | None = None
    if len(selective) > 1 and len(words) > MAX_COMBO_WORDS:
        # Intersect the selective words' candidates in C, then score only what has them all. (Two or three
        # words walk class combinations instead, which filter from the smallest class and need no sets.)
        restrict = set.intersection(*(matcher.candidates(w) for w in selective))
    # Walk the word whose strongest class is smallest ("karl" of "karl jo": ~1,000 Karls, not
    # 20,000 Jo-names): once that class is done, the threshold usually stops the walk.
    driver = min(words, key=matcher.first_class_size)
    best_others = sum(matcher.best_possible(w) for w in words if w is not driver)
    n = len(words)
    typed_name = sorted(w.fold for w in words)
    scorer = matcher.scorer()
    seen: set[int] = set()

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
        if full:
            keep(slot, r.full_name_score(words, scores), r.FULL_NAME)
            return
        score, weakest = r.combine(scores, len(names)), min(scores)
        if n > 1 and not all(s in r.NAME_SCORES for s in scores):
            # Read as a name query (every word in a name word) it may score more: "pekka kar" finds
            # Pekka Carlsson by name (a variant) as well as by Karlskoga in the address. A hit scores
            # the better reading, as the class walk, which meets it first in the better one, scores it.
            name_scores = scorer.name_scores(slot)
            if name_scores is not None:
                as_name = r.combine(name_scores, len(names))
                if as_name > score:
                    score, weakest = as_name, min(name_scores)
        keep(slot, score, weakest)

    def record(slot: int, scores: Sequence[int]) -> None:
        """A slot whose word scores are already known (first met in a class combination)."""
        seen.add(slot)
        name_words = state.own_text[slot].count(" ", 0, state.own_bar[slot]) - 1
        keep(slot, r.combine(scores, name_words), min(scores))

    def keep(slot: int, score: float, weakest: int) -> None:
        results[slot] = (score, weakest)
        if len(top) < limit:
            heapq.heappush(top, (score, -slot))
        elif (score, -slot) > top[0]:
            heapq.heapreplace(top, (score, -slot))

    for slot in extra_slots(state):
        consider(slot)
    if restrict is not None and len(restrict) <= DIRECT_CAP:
        for slot in restrict:
            if slot not in seen:
                consider(slot)
        return
    if all(w.whole for w in words):
        # Full names first, so that the class walk below never has to allow for a 100.
        own, bars = state.own_text, state.own_bar
        postings = sorted((state.names.exact(w.fold) for w in words), key=len)  # the rarest name's first
        # (A word typed so far is often no name at all: then nothing is read of the others' postings.)
        best = r.FULL_NAME + (r.DIACRITIC_BONUS if any(w.diacritic for w in words) else 0)
        for slot in sorted(intersect(postings)):
            if len(top) >= limit and top[0][0] >= best:
                # Namesakes by name order: the rest can only tie the weakest and lose ("gunilla dahlberg":
                # 105 of them at a million entries, each scored and its name read, for the first 50).
                break
            # A full name has no name words beyond those typed (Åsa-Lena is not the full name "åsa lena").
            if slot not in seen and own[slot].count(" ", 0, bars[slot]) - 1 == n:
                consider(slot)
    if n <= MAX_COMBO_WORDS:

        def narrow(walk_cost: int) -> list[int] | None:
            """All candidates not yet seen, in name order, when finding them costs less than ``walk_cost``
            (slots the rest of the walk would otherwise read)."""
            if len(selective) < 2 or sum(estimates[words.index(w)] for w in selective
                                         if not matcher.has_candidates(w)) > walk_cost:
                return None
            # One word's candidates as a set (kept across queries), the others' postings looked up in it.
            first = min(selective, key=lambda w: (not matcher.has_candidates(w), estimates[words.index(w)]))
            found = matcher.candidates(first)
            for w in selective:
                if w is not first:
                    found = _intersection(found, matcher.candidate_pieces(w))
            return sorted(found.difference(seen))

        _walk_combinations(matcher, limit, top=top, seen=seen, consider=consider, record=record, narrow=narrow)
        return
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
                return


def _walk_combinations(matcher: Matcher, limit: int, *, top: list[tuple[float, int]], seen: set[int],
                       consider: Callable[[int], None], record: Callable[[int, Sequence[int]], None],
                       narrow: Callable[[int], list[int] | None]) -> None:
    """Visit candidates one class combination at a time, best first (see directory.search.combos).

    When the walk goes on past a few combinations (fewer hits than ``limit``, or many of equal score),
    the rest of it may be confined to the candidates of all words found at once ("ake berg": 49 hits
    spread over 16 combinations of classes of 2,000-10,000 slots each).

    Where the classes are arrays, the combination is their intersection in C, and a slot met there for
    the first time has exactly the combination's classes (a better one would have come first), so its
    score needs no probing. Otherwise the combination is read through its smallest class, whose every
    slot is scored in full (placing it in its true combination), so each class is read at most once
    however many combinations share it.
    """
    classes = [matcher.word_classes(w) for w in matcher.words]
    matches_all = _quick_filter(matcher)
    own, bars = matcher.state.own_text, matcher.state.own_bar
    read: set[int] = set()
    budget = WALK_CAP
    combos = combinations(classes)
    rest: list[int] | None = None  # every candidate not yet seen, once narrowed
    for walked, (combo_bound, combo) in enumerate(combos):
        if len(top) >= limit and top[0][0] > combo_bound:
            return
        if walked == NARROW_AFTER:
            rest = narrow(sum(min(c.size for c in later) for _, later in combos[walked:]))
        members: Iterable[int] | None
        if rest is not None:
            rest = [s for s in rest if s not in seen]
            members = rest
            for c in combo:
                members = c.keep(members)
        else:
            members = _members(combo)
        arrays: list[Collection[int]] = []
        if members is None:
            arrays = sorted((a for a in (c.array() for c in combo) if a is not None), key=len)
            if len(arrays) == len(combo):
                members = sorted(intersect(arrays))
        slots: Iterable[int]
        if members is not None:
            scores = [c.score for c in combo]
            # Read lazily: the walk stops once the best ``limit`` are known, often after the first few of a
            # combination of thousands (a million entries: "hassan av" meets every "Avdelning").
            # The loop below passes over slots already seen.
            groups: list[tuple[float, Iterable[int]]]
            if all(score in r.NAME_SCORES for score in scores):
                # Names with no words beyond those typed score the whole-name bonus more: take them first.
                # (Their name part holds one space more than words: counted in C, as word_classes does.)
                whole = compress(members, map((len(combo) + 1).__eq__, map(
                    str.count, map(own.__getitem__, members), repeat(" "), repeat(0), map(bars.__getitem__, members))))
                groups = [(combo_bound, whole), (combo_bound - r.WHOLE_NAME_BONUS, members)]
            else:
                groups = [(combo_bound, members)]
            for group_bound, group in groups:
                for slot in group:
                    if slot in seen:
                        continue
                    if len(top) >= limit and (top[0][0] > group_bound
                                              or (top[0][0] == group_bound and -top[0][1] < slot)):
                        break
                    record(slot, scores)
                    budget -= 1
                    if budget < 0:
                        return
            continue
        if len(arrays) >= 2:
            # Intersect in C; what is left is small, so sort it into name order.
            slots = sorted(intersect(arrays))
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
                seen.add(slot)  # matches some word nowhere: no combination can want it
                continue
            consider(slot)
            budget -= 1
            if budget < 0:
                return


def _members(combo: Sequence[WordClass]) -> Iterable[int] | None:
    """The slots in every class of ``combo``, in name order, when its smallest class is at hand (or cheap
    to make): that class's slots are filtered by the others with C-level probes of the match strings, so
    the work follows the smallest class, not the largest ("matthias er": 1,062 Matthiases probed for a
    name word starting "er", instead of walking 12,840 Er-names)."""
    by_size = sorted(combo, key=lambda c: c.size)
    known = by_size[0].joined.get(tuple(by_size[1:]))
    if known is not None:
        return known
    base = by_size[0].ordered(FILTER_BASE_CAP)
    if base is None:
        return None
    base = _narrowed(by_size[0], by_size[1:], base)
    if all(c.size > SET_RATIO * len(base) for c in by_size[1:]):  # every other class probed, none looked up
        lazy = by_size[0].joined[tuple(by_size[1:])] = LazyMembers(base, [c.keep for c in by_size[1:]])
        return lazy
    found: Sequence[int] = base
    for c in by_size[1:]:
        if not found:
            break
        # Comparable sizes: looking the other class's postings up in a set of the few is cheaper than
        # probing the few's match strings; else probe. The few as a set: the base class's own when it is
        # whole (made when its word was finished, see prepare_next_word), else made now.
        pieces = c.pieces() if c.size <= SET_RATIO * len(found) else None
        if pieces is not None:
            few = by_size[0].as_set() if found is base and base is by_size[0].array() else None
            found = sorted(_intersection(set(found) if few is None else few, pieces))
        else:
            found = c.keep(found)
    found = by_size[0].joined[tuple(by_size[1:])] = array("i", found)  # kept: see LazyMembers._found
    return found


def prepare_next_word(state: IndexState, words: Sequence[Word]) -> None:
    """The operator finished a word ("lena "): the next keystroke starts another, and combines this word's
    large classes with the new word's (17,000 Lenas with the names starting "o" at a million entries). Their
    slots are made sets now, in the space's keystroke (which otherwise does next to nothing), not in the
    next one's."""
    w = words[-1]
    if not w.whole or w.digits:
        return
    for c in Matcher(state, words).word_classes(w):
        if c.size > FILTER_BASE_CAP:
            c.as_set()


def _narrowed(first: WordClass, others: Sequence[WordClass], base: Sequence[int]) -> Sequence[int]:
    """The slots of ``base`` (``first``'s, in name order) that may be in all of ``others``: those an earlier
    combination of ``first`` found (or has not yet filtered) when each of its other classes holds one of
    these. The word being typed narrows its prefix classes at each keystroke, so "nora karl" filters the
    Noras "nora kar" kept rather than every Nora again; filtering them gives the slots, in the same order."""
    for key, members in reversed(first.joined.items()):
        if len(key) == len(others) and any(
                all(new is old or new.narrows(old) for new, old in zip(others, order, strict=True))
                for order in permutations(key)):
            return members.remaining() if isinstance(members, LazyMembers) else array("i", members)
    return base


def _intersection(few: set[int], pieces: Sequence[Collection[int]]) -> set[int]:
    """The slots of ``few`` in any of ``pieces``, in C and without building the union of ``pieces``."""
    if len(pieces) == 1:
        return few.intersection(pieces[0])
    return set().union(*(few.intersection(piece) for piece in pieces))


def intersect(collections: Sequence[Collection[int]]) -> set[int]:
    """Slots in all of ``collections`` (smallest first). A much larger sorted array is probed by
    bisection rather than walked: 300 Asbjørns against 34,000 S-names is 300 lookups, not 34,000."""
    found = set(collections[0])
    for other in collections[1:]:
        if isinstance(other, (set, frozenset)):
            found = {slot for slot in found if slot in other}
        elif len(other) > 16 * len(found) and isinstance(other, Sequence):
            size = len(other)
            found = {slot for slot in found if (at := bisect_left(other, slot)) < size and other[at] == slot}
        else:
            found.intersection_update(other)
        if not found:
            break
    return found


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
