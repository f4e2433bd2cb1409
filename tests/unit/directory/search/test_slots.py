"""The id-to-slot map of an index opened from a snapshot behaves as the dict a build makes, through changes."""

from __future__ import annotations

from array import array

import pytest

from directory.search.slots import SlotMap, sorted_slots


def test_the_map_follows_a_dict_through_changes() -> None:
    ids = array("q", [30, 0, 10, 20])  # by slot; slot 1 is free
    slots = SlotMap(*sorted_slots(ids))
    expected = {30: 0, 10: 2, 20: 3}
    assert dict(slots) == expected
    assert len(slots) == 3
    for entry_id, slot in ((40, 4), (10, 5)):  # one added, one moved
        slots[entry_id] = expected[entry_id] = slot
    del slots[30]
    del expected[30]
    assert dict(slots) == expected
    assert len(slots) == len(expected)
    assert slots.get(30) is None
    assert 30 not in slots
    assert slots[10] == 5
    assert slots.get(99, -7) == -7
    slots[30] = expected[30] = 6  # back, in another slot
    assert dict(slots) == expected
    assert len(slots) == 4
    with pytest.raises(KeyError):
        del slots[99]
    with pytest.raises(KeyError):
        slots[99]


def test_ids_and_slots_of_different_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="2 ids and 1 slots"):
        SlotMap(array("q", [1, 2]), array("i", [0]))
