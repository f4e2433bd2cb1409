"""Typo tolerance: which indexed keys lie within one or two edits of a query word (or of its prefix).

rapidfuzz compares in C; we only choose what to compare: whole keys of about the same length, and the
leading ``len(word)`` characters of longer keys, so that a typo early in a word ("krsitina" while
still typing) finds Kristina before the word is complete. Transpositions count as one edit (OSA).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Sequence
from itertools import chain
from operator import itemgetter

from rapidfuzz import process
from rapidfuzz.distance import OSA

_END = "\U0010ffff"


class FuzzyKeys:
    """Length buckets of a key list, rebuilt lazily when the key list's generation changes."""

    def __init__(self, keys: Callable[[], Sequence[str]]) -> None:
        self._keys = keys
        self._generation = -1
        self._by_length: dict[int, list[str]] = {}
        self._prefixes: dict[int, list[str]] = {}
        self._recent: dict[tuple[str, int], dict[str, int]] = {}  # (word, max edits) -> near keys

    def prepare(self, generation: int) -> None:
        """Build the length buckets and the key prefixes of the word lengths typos are most often
        looked for at now (after an index build) rather than in the first typo query of each."""
        self._refresh(generation)
        for length in range(4, 9):
            self._prefix_choices(length)

    def _refresh(self, generation: int) -> None:
        if generation == self._generation:
            return
        by_length: dict[int, list[str]] = defaultdict(list)
        for key in self._keys():
            by_length[len(key)].append(key)
        self._by_length = dict(by_length)
        self._prefixes = {}
        self._recent = {}
        self._generation = generation

    def _prefix_choices(self, length: int) -> list[str]:
        """The distinct first ``length`` letters of the keys longer than that, built in C (the first
        typo of each length would otherwise wait for the whole key list to be grouped in Python)."""
        choices = self._prefixes.get(length)
        if choices is None:
            longer = chain.from_iterable(keys for n, keys in self._by_length.items() if n > length)
            choices = self._prefixes[length] = list(dict.fromkeys(map(itemgetter(slice(0, length)), longer)))
        return choices

    def _longer_keys(self, prefix: str) -> list[str]:
        """Keys that start with ``prefix`` and are longer than it (from the sorted key list)."""
        keys = self._keys()
        lo, hi = bisect_left(keys, prefix), bisect_left(keys, prefix + _END)
        return [key for key in keys[lo:hi] if len(key) > len(prefix)]

    def near(self, word: str, max_edits: int, generation: int) -> dict[str, int]:
        """Keys within ``max_edits`` of ``word`` (or whose first ``len(word)`` letters are) and a rank:
        the number of edits, plus one when only the beginning of the key matched. Do not modify."""
        if max_edits <= 0:
            return {}
        self._refresh(generation)
        # A query asks for the same word while searching and again while highlighting.
        found = self._recent.get((word, max_edits))
        if found is None:
            if len(self._recent) >= 16:
                self._recent.clear()
            found = self._recent[(word, max_edits)] = self._near(word, max_edits)
        return found

    def _near(self, word: str, max_edits: int) -> dict[str, int]:
        found: dict[str, int] = {}
        length = len(word)
        choices = self._prefix_choices(length)
        # One edit from four letters, two from eight: the typed beginning of a key counts by its own
        # length, a whole key by the longer of the two ("hakansson" typed as "hansson" is two edits).
        prefix_edits = min(max_edits, allowed_edits(length))
        for m in process.extract(word, choices, scorer=OSA.distance, score_cutoff=prefix_edits, limit=None):
            for key in self._longer_keys(m[0]):
                found[key] = int(m[1]) + 1
        for n in range(length - max_edits, length + max_edits + 1):
            keys = self._by_length.get(n)
            if keys:
                edits = min(max_edits, allowed_edits(max(length, n)))
                for m in process.extract(word, keys, scorer=OSA.distance, score_cutoff=edits, limit=None):
                    found[m[0]] = int(m[1])
        return found


class KeptSets:
    """A near key's slots in names and in all fields (one set when the same), kept across keystrokes up
    to a total number of slots, the oldest let go first. Bounded by slots, not keys: the collector reads
    every int of a set at each pass over the generation the set is in (a cache miss each)."""

    def __init__(self, budget: int) -> None:
        self._budget = budget
        self._sets: dict[str, tuple[set[int], set[int]]] = {}
        self._total = 0

    def get(self, key: str) -> tuple[set[int], set[int]] | None:
        return self._sets.get(key)

    def put(self, key: str, sets: tuple[set[int], set[int]]) -> None:
        sets_ = self._sets
        size = _size(sets)
        while sets_ and self._total + size > self._budget:
            self._total -= _size(sets_.pop(next(iter(sets_))))
        sets_[key] = sets
        self._total += size

    def clear(self) -> None:
        self._sets.clear()
        self._total = 0


def _size(sets: tuple[set[int], set[int]]) -> int:
    names, everywhere = sets
    return len(names) + (len(everywhere) if everywhere is not names else 0)


def allowed_edits(length: int) -> int:
    return 2 if length >= 8 else 1 if length >= 4 else 0
