"""A sorted key list with posting arrays: exact lookups, prefix ranges by bisection, lazy ordered streams.

Postings are ``array('i')`` of document slots kept in ascending order. Slots are handed out in name
order when the index is built, so the first slots of a posting are also the first hits by name: a broad
prefix ("a", "kar") can be answered from the head of its postings without touching the rest.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import chain

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

    def bulk_add(self, slot: int, keys: Iterable[str]) -> None:
        """Add a slot not below any slot added so far (arrays stay sorted by appending; repeats are fine)."""
        post = self.post
        for key in keys:
            arr = post.get(key)
            if arr is None:
                post[key] = array("i", (slot,))
            elif arr[-1] != slot:
                arr.append(slot)

    def end_bulk(self, disjoint: Mapping[str, Sequence[Sequence[int]]] | None = None) -> None:
        """Finish a bulk load. ``disjoint`` adds, per key, sorted slot runs that share no slot with one
        another (the members of the groups that have the key), merged in C rather than slot by slot."""
        post = self.post
        for key, runs in (disjoint or {}).items():
            own = post.get(key)
            if own is not None:
                post[key] = array("i", sorted(set(own).union(*runs)))
            else:
                post[key] = array("i", runs[0] if len(runs) == 1 else sorted(chain.from_iterable(runs)))
        self.keys = sorted(post)
        if self._depth:
            # Each short prefix's slots: the union of its keys' postings, in C.
            by_prefix: dict[str, list[array[int]]] = defaultdict(list)
            for key, arr in post.items():
                for n in range(1, min(self._depth, len(key)) + 1):
                    by_prefix[key[:n]].append(arr)
            self._heads = {prefix: array("i", arrs[0] if len(arrs) == 1 else sorted(set().union(*arrs)))
                           for prefix, arrs in by_prefix.items()}
        self.generation += 1

    # -- snapshot (directory.search.snapshot) ------------------------------------------------------
    def to_plain(self) -> tuple[dict[str, bytes], dict[str, bytes]]:
        """(postings, prefix heads) as plain values for marshal: key -> the slots as raw int32s, in key order."""
        post = self.post
        return ({key: post[key].tobytes() for key in self.keys},
                {prefix: arr.tobytes() for prefix, arr in self._heads.items()})

    @classmethod
    def from_plain(cls, plain: tuple[dict[str, bytes], dict[str, bytes]], prefix_depth: int = 0) -> TokenIndex:
        index = cls(prefix_depth)
        post, heads = plain
        index.post = {key: array("i", slots) for key, slots in post.items()}
        index.keys = list(post)  # written in key order
        index._heads = {prefix: array("i", slots) for prefix, slots in heads.items()}
        index.generation = 1
        return index

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

    def parts(self, prefix: str) -> list[array[int]]:
        """Sorted slot arrays whose union is every slot under ``prefix`` (no copying)."""
        head = self._heads.get(prefix)
        if head is not None:
            return [head]
        post = self.post
        return [post[k] for k in self.key_range(prefix)]

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
