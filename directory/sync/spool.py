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
from typing import IO

from directory.model import Entry

# Below this the spool stays in memory; above it, a temp file (removed on close).
IN_MEMORY_BYTES = 8 * 1024 * 1024


class EntrySpool:
    """Append entries, then replay them once in order. Use as a context manager."""

    def __init__(self) -> None:
        self._file: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY_BYTES)  # noqa: SIM115
        self._pickler = pickle.Pickler(self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count = 0

    def add(self, entry: Entry) -> None:
        self._pickler.dump(entry)
        # The pickler's memo would otherwise keep every entry alive.
        self._pickler.clear_memo()
        self.count += 1

    def __iter__(self) -> Iterator[Entry]:
        self._file.flush()
        self._file.seek(0)
        # Only ever our own file, written just above: unpickling it is safe.
        unpickler = pickle.Unpickler(self._file)
        for _ in range(self.count):
            entry = unpickler.load()
            assert isinstance(entry, Entry)
            yield entry

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> EntrySpool:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
