"""A combination's slots filtered lazily are the slots a whole filtering finds, in order, however read."""

from __future__ import annotations

from itertools import islice

from directory.search.members import CHUNK, LazyMembers


def test_lazily_filtered_slots_are_the_filtered_slots_read_side_by_side_and_again() -> None:
    base = list(range(0, 5 * CHUNK, 3))
    filters = [lambda slots: [s for s in slots if s % 2], lambda slots: [s for s in slots if s % 5]]
    expected = [s for s in base if s % 2 and s % 5]
    members = LazyMembers(base, filters)
    first, second = iter(members), iter(members)
    assert list(islice(first, 3)) == expected[:3]
    assert list(zip(first, second, strict=False))[:2] == [(expected[3], expected[0]), (expected[4], expected[1])]
    assert list(members) == expected
    assert list(LazyMembers(base, [lambda slots: []])) == []
