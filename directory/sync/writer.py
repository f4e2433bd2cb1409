"""A third worker process that writes a source's first full sync while the download runs.

Written after the download in the caller's process, 100,000 new entries cost ~5 s of CPU (and of
the console's GIL) on the critical path. This process takes the planner's batches as they arrive,
on the core the two download workers leave idle. Into SQLite it stages them in a private file
(directory.store.staged) and takes the store's write lock only for the final ``INSERT ... SELECT``,
so the console's edits keep working during the download; into PostgreSQL it writes them as they
come in one transaction (MVCC: readers see the old directory, other writers are not held up).
Nothing is committed before the caller's `StagedWriter.finish`: a sync that fails or is cancelled
first just kills the process, and the store is as it was.

Protocol, caller to writer: ``B`` + a pickled batch (spool format), then ``W`` + pickled (kind,
cursor). Writer to caller: ``R`` + the pickled ChangeSet (None: the source gained rows meanwhile,
nothing written), or ``X`` + the pickled exception.
"""

from __future__ import annotations

import contextlib
import gc
import pickle
import traceback
from collections.abc import Iterator
from multiprocessing.connection import Connection
from types import TracebackType

from directory.model import ChangeSet, Entry
from directory.store.database import Store
from directory.store.entries import DirectoryRepository
from directory.store.staged import StagedEntries, is_sqlite_file
from directory.sync.spool import restore
from directory.sync.worker import SyncWorkerError, _context


class StagedWriter:
    """The writer process for one sync: `add` each batch, then `finish`; use as a context manager
    (leaving it kills the process if it still runs, which writes nothing)."""

    def __init__(self, url: str, source: str) -> None:
        self.source = source
        context = _context()
        self._pipe, theirs = context.Pipe(duplex=True)
        self._process = context.Process(target=_write, args=(theirs, url, source), name=f"sync write {source}",
                                        daemon=True)
        try:
            self._process.start()
        finally:
            theirs.close()

    def add(self, batch: bytes) -> None:
        try:
            self._pipe.send_bytes(b"B" + batch)
        except (OSError, EOFError):
            raise self._gone() from None

    def finish(self, *, kind: str, cursor: str | None) -> ChangeSet | None:
        """Write the staged entries in one transaction; None when the source is no longer empty."""
        try:
            self._pipe.send_bytes(b"W" + pickle.dumps((kind, cursor)))
            message = self._pipe.recv_bytes()
        except (OSError, EOFError):
            raise self._gone() from None
        value = pickle.loads(message[1:])  # from our own worker: safe to unpickle
        if message[:1] == b"X":
            raise value
        result: ChangeSet | None = value
        return result

    def _gone(self) -> SyncWorkerError:
        self._process.join(5)
        return SyncWorkerError(
            self.source, f"the sync's writing process ended unexpectedly (exit code {self._process.exitcode})"
        )

    def __enter__(self) -> StagedWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._pipe.close()
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._process.close()


def _write(caller: Connection, url: str, source: str) -> None:
    gc.disable()  # as in the download workers: many short-lived acyclic objects, and the process ends soon
    try:
        store = Store(url)
        try:
            changes = _staged(caller, store, source) if is_sqlite_file(store) else _streamed(caller, store, source)
        finally:
            store.dispose()
        _send(caller, b"R", changes)
    except (EOFError, BrokenPipeError):
        return  # the caller gave up (the download failed or was cancelled): nothing was committed
    except ValueError as exc:
        _send(caller, b"X", exc)
    except Exception as exc:
        traceback.print_exc()
        text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        _send(caller, b"X", SyncWorkerError(source, f"writing the sync's entries failed: {text}"))
    finally:
        caller.close()


def _staged(caller: Connection, store: Store, source: str) -> ChangeSet | None:
    """SQLite: stage in a private file (no lock on the store), write it all at the end."""
    with StagedEntries() as staged:
        while True:
            message = caller.recv_bytes()
            if message[:1] != b"B":
                kind, cursor = pickle.loads(message[1:])  # from our own caller: safe to unpickle
                return staged.write_fresh(store, source, kind=kind, cursor=cursor)
            staged.add_pickled(message[1:])


def _streamed(caller: Connection, store: Store, source: str) -> ChangeSet | None:
    """A database server (PostgreSQL): write as the batches arrive, in one transaction committed at the
    end. Its readers see the old directory until then, and its other writers are not held up: the
    new rows lock nothing they touch."""
    digests: dict[str, str] = {}
    final: list[tuple[str, str | None]] = []

    def entries() -> Iterator[Entry]:
        while True:
            message = caller.recv_bytes()
            if message[:1] != b"B":
                final.append(pickle.loads(message[1:]))  # from our own caller: safe to unpickle
                return
            for flat in pickle.loads(message[1:]):
                if flat[-1] is not None:
                    digests[flat[1]] = flat[-1]
                yield restore(flat)

    # kind is "ldap" whatever finish() says: apply_sync takes it before the stream ends.
    return DirectoryRepository(store).apply_sync(
        source, entries(), complete=True, kind="ldap", cursor=lambda: final[0][1], digests=digests)


def _send(pipe: Connection, tag: bytes, value: object) -> None:
    with contextlib.suppress(OSError):  # the caller is gone: nobody left to tell
        pipe.send_bytes(tag + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
