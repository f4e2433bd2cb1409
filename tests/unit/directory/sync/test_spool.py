"""The entry spool: entries out in the order they went in, from memory or from disk."""

from __future__ import annotations

from dataclasses import fields

import pytest

from directory.model import Entry, EntryKind, NumberKind, PhoneNumber
from directory.sync import spool


def entry(i: int) -> Entry:
    number = PhoneNumber("019-602 10 00", NumberKind.WORK, "+46196021000")
    return Entry(source="s", external_id=str(i), kind=EntryKind.PERSON, display_name=f"Åsa {i}",
                 unit_path=("Region", "Akuten"), numbers=(number,))


@pytest.mark.parametrize("limit", [spool.IN_MEMORY_BYTES, 1_000], ids=["memory", "disk"])
def test_spool_replays_entries_in_order(monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    monkeypatch.setattr(spool, "IN_MEMORY_BYTES", limit)
    with spool.EntrySpool() as spooled:
        for i in range(500):
            spooled.add(entry(i))
        assert spooled.count == 500
        assert list(spooled) == [entry(i) for i in range(500)]


def test_spool_carries_every_entry_field() -> None:
    """A field added to Entry must be added to the spool's flat form too (which adds the record's digest)."""
    full = Entry(source="s", external_id="e1", kind=EntryKind.FUNCTION, display_name="Åsa Öberg", given_name="Åsa",
                 surname="Öberg", title="Överläkare", unit_path=("Region", "Akuten"), location="Hus A",
                 email="asa@example.com", keywords=("hjärta",), description="Jour",
                 numbers=(PhoneNumber("019-602 10 00", NumberKind.SWITCH, "+46196021000"),
                          PhoneNumber("1234", NumberKind.DECT)), id=7)
    assert [f.name for f in fields(Entry) if getattr(full, f.name) == f.default] == []  # every field set here
    assert len(spool._flatten(full)) == len(fields(Entry)) + 1
    assert spool.restore(spool._flatten(full, "digest")) == full
    with spool.EntrySpool() as spooled:
        spooled.add(full)
        assert list(spooled) == [full]


def test_spool_keeps_values_shared_between_entries_apart() -> None:
    """Regression: one Pickler with its memo cleared per entry mixed up repeated values on replay."""
    switch = "019-602 10 00"
    entries = [
        Entry(source="s", external_id=str(i), kind=EntryKind.PERSON, display_name=f"N {i}",
              numbers=(PhoneNumber(switch, NumberKind.WORK), PhoneNumber(switch, NumberKind.SWITCH)))
        for i in range(3)
    ]
    with spool.EntrySpool() as spooled:
        for e in entries:
            spooled.add(e)
        assert list(spooled) == entries
