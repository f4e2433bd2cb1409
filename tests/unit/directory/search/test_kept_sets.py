"""The typo near keys' kept slot sets stay within their slot budget, letting the oldest go first."""

from __future__ import annotations

from directory.search.fuzzy import KeptSets


def test_the_oldest_sets_go_first_once_the_slots_exceed_the_budget() -> None:
    kept = KeptSets(10)
    shared = {1, 2, 3}
    kept.put("a", (shared, shared))  # one set serving both counts once: 3 slots
    kept.put("b", ({4, 5}, {4, 5, 6}))  # 5 slots, 8 in all
    assert kept.get("a") == (shared, shared)
    more = {7, 8, 9, 10}
    kept.put("c", (more, more))  # 12 slots would be over: "a" goes, 9 are left
    assert kept.get("a") is None
    assert kept.get("b") is not None
    assert kept.get("c") is not None


def test_a_set_larger_than_the_budget_is_kept_alone() -> None:
    kept = KeptSets(2)
    kept.put("a", ({1}, {1}))
    kept.put("b", ({1, 2, 3}, {1, 2, 3}))
    assert kept.get("a") is None
    assert kept.get("b") is not None
    kept.clear()
    assert kept.get("b") is None
