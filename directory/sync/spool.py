"""A temporary file that entries stream into while the search runs, and out of into the store.

Writing to the store while reading from the network would hold the database's write lock for the
whole download (SQLite allows one writer: an operator saving a note would wait, then fail). Spooling
keeps memory bounded and the write transaction as short as the database work itself; and a sync
that fails on the network never touches the store at all.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from types import TracebackType
from typing import IO, Any

from directory.model import Entry, EntryKind, NumberKind, PhoneNumber

# Below this the spool stays in memory; above it, a temp file (removed on close).
IN_MEMORY_BYTES = 8 * 1024 * 1024


class EntrySpool:
    """Append entries, then replay them once in order. Use as a context manager."""

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY_BYTES)  # noqa: SIM115
        self.count = 0

    def add(self, entry: Entry) -> None:
        # One self-contained pickle per entry: a shared Pickler's memo would keep every entry alive,
        # and clearing it desynchronises the memo indices a shared Unpickler sees.
        pickle.dump(_flatten(entry), self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def __iter__(self) -> Iterator[Entry]:
        self._file.flush()
        self._file.seek(0)
        # Only ever our own file, written just above: unpickling it is safe.
        for _ in range(self.count):
            yield _restore(pickle.load(self._file))

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> EntrySpool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


# Plain tuples: pickling frozen slotted dataclasses goes through slow generic state handling.
_Flat = tuple[Any, ...]


def _flatten(entry: Entry) -> _Flat:
    numbers = tuple((n.raw, n.kind.value, n.e164) for n in entry.numbers)
    return (entry.source, entry.external_id, entry.kind.value, entry.display_name, entry.given_name,
            entry.surname, entry.title, entry.unit_path, entry.location, entry.email, entry.keywords,
            entry.description, numbers, entry.id)


def _restore(flat: _Flat) -> Entry:
    (source, external_id, kind, display_name, given_name, surname, title, unit_path, location, email,
     keywords, description, numbers, entry_id) = flat
    return Entry(
        source=source, external_id=external_id, kind=EntryKind(kind), display_name=display_name,
        given_name=given_name, surname=surname, title=title, unit_path=unit_path, location=location,
        email=email, keywords=keywords, description=description,
        numbers=tuple(PhoneNumber(raw, NumberKind(k), e164) for raw, k, e164 in numbers), id=entry_id,
    )
