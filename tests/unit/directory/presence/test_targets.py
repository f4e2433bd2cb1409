"""The line a busy lamp watches for an entry."""

from __future__ import annotations

from directory.model import Entry, EntryKind, NumberKind, PhoneNumber
from directory.presence import line_target


def entry(*numbers: PhoneNumber) -> Entry:
    return Entry("t", "1", EntryKind.PERSON, "Lamp", numbers=numbers)


def test_first_work_or_dect_number_as_digits() -> None:
    assert line_target(entry(PhoneNumber("070-123 45 67", NumberKind.MOBILE),
                             PhoneNumber("10 01", NumberKind.WORK), PhoneNumber("2002", NumberKind.DECT))) == "1001"
    assert line_target(entry(PhoneNumber("+46 (0)19 2002", NumberKind.DECT))) == "460192002"


def test_no_lamp_without_a_work_or_dect_number() -> None:
    assert line_target(entry()) is None
    assert line_target(entry(PhoneNumber("070-123 45 67", NumberKind.MOBILE))) is None
    assert line_target(entry(PhoneNumber("ext", NumberKind.WORK))) is None
