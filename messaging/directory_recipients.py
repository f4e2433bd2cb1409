"""Who a message to a directory entry goes to: a person's own number or address for the channel, or, for a
unit, every person in it. Pure: the caller reads the entries (off the GUI thread) and passes them in."""

from __future__ import annotations

from collections.abc import Iterable

from directory.model import Entry, EntryKind, NumberKind
from messaging.model import Channel

_PAGER_KINDS = (NumberKind.PAGER, NumberKind.DECT)


def address_for(entry: Entry, channel: Channel) -> str:
    """The entry's address for `channel` ("" when it has none): its mobile, e-mail, or pager/DECT number."""
    if channel is Channel.EMAIL:
        return entry.email
    kinds = (NumberKind.MOBILE,) if channel is Channel.SMS else _PAGER_KINDS
    for kind in kinds:
        for number in entry.numbers:
            if number.kind is kind:
                return (number.e164 or number.raw) if channel is Channel.SMS else number.raw
    return ""


def channels_for(entry: Entry) -> list[Channel]:
    """The channels a person can be reached on; pager only where they have a pager or DECT number."""
    return [c for c in Channel if address_for(entry, c)]


def unit_members(unit: Entry, entries: Iterable[Entry]) -> list[Entry]:
    """The people filed under `unit` (its own name below its parents), in directory order."""
    path = unit.unit_path if unit.unit_path[-1:] == (unit.display_name,) else (*unit.unit_path, unit.display_name)
    return [e for e in entries if e.kind is EntryKind.PERSON and e.unit_path[:len(path)] == path]


def group_addresses(entries: Iterable[Entry], channel: Channel) -> tuple[list[tuple[str, str]], list[str]]:
    """(address, name) for each entry that has one for `channel`, and the names of those that have none."""
    found, without = [], []
    for entry in entries:
        address = address_for(entry, channel)
        if address:
            found.append((address, entry.display_name))
        else:
            without.append(entry.display_name)
    return found, without
