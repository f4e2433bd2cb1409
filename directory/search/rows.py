"""The index's entries by slot, read when they are shown rather than all held as Python objects.

A built index holds its entries in a list. An index opened from a snapshot (directory.search.snapshot)
holds them as rows in the snapshot file, memory-mapped: each row is one entry's fields marshalled, found by
its slot's offset, and turned into an `Entry` only when a search shows it, highlights it or breaks a tie by
its name (at most a page of hits per keystroke). Creating 200,000 `Entry` objects took seconds and about
300 MB; a row costs nothing until it is read. Entries changed since the snapshot are kept as objects.
"""

from __future__ import annotations

import marshal
import mmap
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Iterator

from directory.model import Entry, EntryKind, NumberKind, PhoneNumber

_KINDS = {str(k): k for k in EntryKind}
_NUMBER_KINDS = {str(k): k for k in NumberKind}
Bytes = bytes | bytearray | memoryview | mmap.mmap
DECODED_KEPT = 4096


def encode(entry: Entry) -> bytes:
    """One entry as a marshalled tuple of plain values (marshal: no code runs when it is read back)."""
    return marshal.dumps((
        entry.source, entry.external_id, str(entry.kind), entry.display_name, entry.given_name, entry.surname,
        entry.title, entry.unit_path, entry.location, entry.email, entry.keywords, entry.description,
        tuple((n.raw, str(n.kind), n.e164) for n in entry.numbers), entry.id,
    ))


def decode(data: Bytes) -> Entry:
    (source, external_id, kind, display_name, given_name, surname, title, unit_path, location, email,
     keywords, description, numbers, entry_id) = marshal.loads(data)
    return Entry(source, external_id, _KINDS[kind], display_name, given_name, surname, title, unit_path,
                 location, email, keywords, description,
                 tuple([PhoneNumber(raw, _NUMBER_KINDS[k], e164) for raw, k, e164 in numbers]), entry_id)


class EntryRows:
    """A list-like of ``Entry | None`` by slot: rows in a buffer (``offsets[slot]`` to ``offsets[slot + 1]``,
    an empty row for a free slot), entries changed or added since as objects."""

    def __init__(self, buffer: Bytes, offsets: array[int]) -> None:
        self._buffer = memoryview(buffer)
        self._offsets = offsets
        self._stored = len(offsets) - 1
        self._changed: dict[int, Entry | None] = {}
        self._added: list[Entry | None] = []
        # Typing shows the same entries keystroke after keystroke: the last few thousand decoded are kept,
        # the oldest let go one at a time (freeing all 4,096 at once took 4-6 ms of one keystroke).
        self._decoded: OrderedDict[int, Entry] = OrderedDict()

    def __len__(self) -> int:
        return self._stored + len(self._added)

    def __getitem__(self, slot: int) -> Entry | None:
        if slot >= self._stored:
            return self._added[slot - self._stored]
        if slot < 0:
            raise IndexError(slot)
        changed = self._changed
        if slot in changed:
            return changed[slot]
        entry = self._decoded.get(slot)
        if entry is None:
            start, end = self._offsets[slot], self._offsets[slot + 1]
            if end == start:
                return None
            if len(self._decoded) >= DECODED_KEPT:
                self._decoded.popitem(last=False)
            entry = self._decoded[slot] = decode(self._buffer[start:end])
        return entry

    def __setitem__(self, slot: int, entry: Entry | None) -> None:
        if slot >= self._stored:
            self._added[slot - self._stored] = entry
        elif slot >= 0:
            self._changed[slot] = entry
        else:
            raise IndexError(slot)

    def append(self, entry: Entry | None) -> None:
        self._added.append(entry)

    def __iter__(self) -> Iterator[Entry | None]:
        return (self[slot] for slot in range(len(self)))

    def encoded(self) -> Iterator[bytes]:
        """Each slot's row as stored (b"" for a free slot): unchanged rows are copied, not decoded."""
        buffer, offsets, changed = self._buffer, self._offsets, self._changed
        for slot in range(self._stored):
            if slot in changed:
                entry = changed[slot]
                yield b"" if entry is None else encode(entry)
            else:
                yield bytes(buffer[offsets[slot]:offsets[slot + 1]])
        for entry in self._added:
            yield b"" if entry is None else encode(entry)


def encoded_rows(entries: Iterable[Entry | None] | EntryRows) -> Iterator[bytes]:
    if isinstance(entries, EntryRows):
        return entries.encoded()
    return (b"" if entry is None else encode(entry) for entry in entries)
