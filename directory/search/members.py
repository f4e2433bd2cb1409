"""A combination's slots filtered from its smallest class a chunk at a time, as the walk reads them.

With a million entries a common first name and a broad prefix ("hassan av": 17,783 Hassans, 896,713
entries with a word starting "av") have some 16,000 slots in common; filtering them all took 16 ms of a
keystroke whose walk then read the first fifty. The filters are exact per-slot tests (directory.search
.combos), so the slots found chunk by chunk are the ones a whole filtering would find, in the same order.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence

CHUNK = 256


class LazyMembers:
    """Iterable any number of times (also side by side); each chunk of ``base`` is filtered once, kept."""

    __slots__ = ("_base", "_done", "_filters", "_found")

    def __init__(self, base: Sequence[int], filters: Sequence[Callable[[Sequence[int]], Sequence[int]]]) -> None:
        self._base, self._filters = base, filters
        self._done = 0  # slots of base filtered so far
        # An array, not a list: kept from keystroke to keystroke, and a list of ints is read through at each of
        # the collector's passes over it (an array holds no objects).
        self._found = array("i")

    def _more(self) -> bool:
        base = self._base
        while self._done < len(base):
            chunk: Sequence[int] = base[self._done:self._done + CHUNK]
            self._done += len(chunk)
            for keep in self._filters:
                if not chunk:
                    break
                chunk = keep(chunk)
            if chunk:
                self._found.extend(chunk)
                return True
        return False

    def remaining(self) -> array[int]:
        """Every slot this may yield, in order: those found so far and those of ``base`` not yet filtered."""
        slots = array("i", self._found)
        slots.extend(self._base[self._done:])
        return slots

    def __iter__(self) -> Iterator[int]:
        found, at = self._found, 0
        while at < len(found) or self._more():
            yield found[at]
            at += 1
