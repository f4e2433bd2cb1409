"""A sorted key list with posting arrays: exact lookups, prefix ranges by bisection, lazy ordered streams.

Postings are ``array('i')`` of document slots kept in ascending order. Slots are handed out in name
order when the index is built, so the first slots of a posting are also the first hits by name: a broad
prefix ("a", "kar") can be answered from the head of its postings without touching the rest.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator, Sequence

_END = "\U0010ffff"
_EMPTY = array("i")


def _insert(arr: array[int], slot: int) -> None:
    if not arr or arr[-1] < slot:
        arr.append(slot)
        return
    at = bisect_left(arr, slot)
    if at == len(arr) or arr[at] != slot:
        arr.insert(at, slot)


def _delete(arr: array[int], slot: int) -> None:
    at = bisect_left(arr, slot)
    if at < len(arr) and arr[at] == slot:
        del arr[at]


class TokenIndex:
    """Keys to sorted slot arrays; optionally also the union of postings for every short key prefix."""

    def __init__(self, prefix_depth: int = 0) -> None:
        self.keys: list[str] = []
        self.post: dict[str, array[int]] = {}
        self._depth = prefix_depth
        self._heads: dict[str, array[int]] = {}
        self.generation = 0  # bumped whenever the key list changes
        self._prefixes_of: dict[str, tuple[str, ...]] = {}  # while bulk loading

    # -- building and maintenance ------------------------------------------------------------------
    def bulk_load(self, pairs: Iterable[tuple[int, Iterable[str]]]) -> None:
        """Load (slot, keys) pairs given in ascending slot order; replaces any content."""
        self.begin_bulk()
        for slot, keys in pairs:
            self.bulk_add(slot, keys)
        self.end_bulk()

    def begin_bulk(self) -> None:
        self.post = {}
        self._heads = {}
        self._prefixes_of = {}

    def bulk_add(self, slot: int, keys: Iterable[str]) -> None:
        """Add a slot greater than every slot added so far (arrays stay sorted by appending)."""
        post = self.post
        for key in keys:
            arr = post.get(key)
            if arr is None:
                post[key] = array("i", (slot,))
            elif arr[-1] != slot:
                arr.append(slot)
        if not self._depth:
            return
        prefixes: set[str] = set()
        prefixes_of = self._prefixes_of
        for key in keys:
            found = prefixes_of.get(key)
            if found is None:
                found = prefixes_of[key] = tuple(key[:n] for n in range(1, min(self._depth, len(key)) + 1))
            prefixes.update(found)
        heads = self._heads
        for prefix in prefixes:
            head = heads.get(prefix)
            if head is None:
                heads[prefix] = array("i", (slot,))
            else:
                head.append(slot)

    def end_bulk(self) -> None:
        self.keys = sorted(self.post)
        self._prefixes_of = {}
        self.generation += 1

    def add(self, slot: int, keys: Iterable[str]) -> None:
        prefixes: set[str] = set()
        for key in keys:
            arr = self.post.get(key)
            if arr is None:
                self.post[key] = array("i", (slot,))
                insort(self.keys, key)
                self.generation += 1
            else:
                _insert(arr, slot)
            prefixes.update(key[:n] for n in range(1, min(self._depth, len(key)) + 1))
        for prefix in prefixes:
            head = self._heads.get(prefix)
            if head is None:
                self._heads[prefix] = array("i", (slot,))
            else:
                _insert(head, slot)

    def discard(self, slot: int, keys: Iterable[str]) -> None:
        """Remove ``slot`` under all of ``keys``, which must be every key it was added with."""
        prefixes: set[str] = set()
        for key in keys:
            arr = self.post.get(key)
            if arr is None:
                continue
            _delete(arr, slot)
            if not arr:
                del self.post[key]
                at = bisect_left(self.keys, key)
                if at < len(self.keys) and self.keys[at] == key:
                    del self.keys[at]
                self.generation += 1
            prefixes.update(key[:n] for n in range(1, min(self._depth, len(key)) + 1))
        for prefix in prefixes:
            head = self._heads.get(prefix)
            if head is not None:
                _delete(head, slot)

    # -- queries ---------------------------------------------------------------------------------
    def exact(self, key: str) -> array[int]:
        return self.post.get(key, _EMPTY)

    def key_range(self, prefix: str) -> Sequence[str]:
        keys = self.keys
        return keys[bisect_left(keys, prefix):bisect_left(keys, prefix + _END)]

    def iter_keys(self, prefix: str) -> Iterator[str]:
        """Keys starting with ``prefix``, in order, without copying the range."""
        keys = self.keys
        for at in range(bisect_left(keys, prefix), bisect_left(keys, prefix + _END)):
            yield keys[at]

    def key_count(self, prefix: str) -> int:
        keys = self.keys
        return bisect_left(keys, prefix + _END) - bisect_left(keys, prefix)

    def count(self, prefix: str, cap: int) -> int:
        """Postings under ``prefix``, counted only up to about ``cap`` (an estimate of work)."""
        head = self._heads.get(prefix)
        if head is not None:
            return len(head)
        keys = self.keys
        lo, hi = bisect_left(keys, prefix), bisect_left(keys, prefix + _END)
        if hi - lo > cap:
            return hi - lo
        total = 0
        post = self.post
        for key in keys[lo:hi]:
            total += len(post[key])
            if total > cap:
                break
        return total

    def union(self, prefix: str) -> set[int]:
        head = self._heads.get(prefix)
        if head is not None:
            return set(head)
        post = self.post
        return set().union(*(post[k] for k in self.key_range(prefix)))

    def union_of(self, keys: Iterable[str]) -> set[int]:
        post = self.post
        return set().union(*(post[k] for k in keys if k in post))

    def materialized(self, prefix: str) -> array[int] | None:
        """The sorted slots under ``prefix`` when they already exist as one array (no copying)."""
        head = self._heads.get(prefix)
        if head is not None:
            return head
        keys = self.key_range(prefix)
        return self.post[keys[0]] if len(keys) == 1 else (_EMPTY if not keys else None)

    def stream(self, prefix: str) -> Iterator[int]:
        """Slots under ``prefix`` in ascending order (a slot may repeat)."""
        head = self._heads.get(prefix)
        if head is not None:
            return iter(head)
        post = self.post
        keys = self.key_range(prefix)
        if len(keys) == 1:
            return iter(post[keys[0]])
        # Lazy: a broad prefix ("s" over every field) is read only as far as the caller needs.
        return heapq.merge(*(post[k] for k in keys))
