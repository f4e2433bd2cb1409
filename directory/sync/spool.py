"""A temporary file that entries stream into while the search runs, and out of into the store.

Writing to the store while reading from the network would hold the database's write lock for the
whole download (SQLite allows one writer: an operator saving a note would wait, then fail). Spooling
keeps memory bounded and the write transaction as short as the database work itself; and a sync
that fails on the network never touches the store at all.

The file holds batches: each a self-contained pickle of a list of flat tuples. The sync's worker
process pickles its batches itself (`pickle_batch`), so they go into the file as received.
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
# Entries per pickle: one pickle.load per entry cost more than restoring the entry itself.
BATCH = 500


class EntrySpool:
    """Append entries (or pickled batches of them), then replay them once in order. Use as a context manager."""

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY_BYTES)  # noqa: SIM115
        self._pending: list[_Flat] = []
        self.count = 0
        # External id -> digest of the raw record, filled in as the replay yields each entry.
        self.digests: dict[str, str] = {}

    def add(self, entry: Entry) -> None:
        self._pending.append(_flatten(entry))
        self.count += 1
        if len(self._pending) >= BATCH:
            self._write_pending()

    def add_pickled(self, data: bytes, count: int) -> None:
        """A batch of ``count`` entries as `pickle_batch` made it."""
        self._write_pending()
        self._file.write(data)
        self.count += count

    def _write_pending(self) -> None:
        if self._pending:
            # One self-contained pickle per batch: a shared Pickler's memo would keep every entry alive,
            # and clearing it desynchronises the memo indices a shared Unpickler sees.
            self._file.write(pickle.dumps(self._pending, protocol=pickle.HIGHEST_PROTOCOL))
            self._pending = []

    def __iter__(self) -> Iterator[Entry]:
        self._write_pending()
        self._file.flush()
        self._file.seek(0)
        left = self.count
        # Only ever our own file, written just above (or by our own worker process): unpickling it is safe.
        while left > 0:
            batch: list[_Flat] = pickle.load(self._file)
            left -= len(batch)
            for flat in batch:
                if flat[-1] is not None:
                    self.digests[flat[1]] = flat[-1]
                yield restore(flat)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> EntrySpool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def pickle_batch(entries: list[Entry], digests: list[str | None] | None = None) -> bytes:
    """Entries (and the digests of their raw records) in the spool's file format, for `EntrySpool.add_pickled`."""
    flat = [_flatten(entry, digest) for entry, digest in zip(entries, digests or [None] * len(entries), strict=True)]
    return pickle.dumps(flat, protocol=pickle.HIGHEST_PROTOCOL)


# Plain tuples: pickling frozen slotted dataclasses goes through slow generic state handling.
_Flat = tuple[Any, ...]


def _flatten(entry: Entry, digest: str | None = None) -> _Flat:
    numbers = tuple((n.raw, n.kind.value, n.e164) for n in entry.numbers)
    return (entry.source, entry.external_id, entry.kind.value, entry.display_name, entry.given_name,
            entry.surname, entry.title, entry.unit_path, entry.location, entry.email, entry.keywords,
            entry.description, numbers, entry.id, digest)


# Dictionary lookups: calling an enum class per value was a fifth of the replay.
_ENTRY_KINDS = {kind.value: kind for kind in EntryKind}
_NUMBER_KINDS = {kind.value: kind for kind in NumberKind}


def restore(flat: _Flat) -> Entry:
    """An entry back from its flat tuple (the writer process restores them from batches)."""
    (source, external_id, kind, display_name, given_name, surname, title, unit_path, location, email,
     keywords, description, numbers, entry_id, _digest) = flat
    kinds = _NUMBER_KINDS
    return Entry(
        source=source, external_id=external_id, kind=_ENTRY_KINDS[kind], display_name=display_name,
        given_name=given_name, surname=surname, title=title, unit_path=unit_path, location=location,
        email=email, keywords=keywords, description=description,
        numbers=tuple(PhoneNumber(raw, kinds[k], e164) for raw, k, e164 in numbers), id=entry_id,
    )
