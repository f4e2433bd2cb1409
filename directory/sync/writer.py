"""A third worker process that stages a first full sync's entries while the download runs, then writes them.

Written after the download in the caller's process, 100,000 new entries cost ~5 s of CPU (and of
the console's GIL) on the critical path. This process does that work as the planner's batches
arrive, on the core the two download workers leave idle, into a private file
(directory.store.staged); the store's write lock is taken only for the final ``INSERT ... SELECT``.
It never writes the store before the caller asks it to (`StagedWriter.finish`): a sync that fails
or is cancelled first just kills it, and the store is untouched.

Protocol, caller to writer: ``B`` + a pickled batch (spool format), then ``W`` + pickled (source,
kind, cursor). Writer to caller: ``R`` + the pickled ChangeSet (None: the source gained rows
meanwhile, nothing written), or ``X`` + the pickled exception.
"""

from __future__ import annotations

import contextlib
import gc
import pickle
import traceback
from multiprocessing.connection import Connection
from types import TracebackType

from directory.model import ChangeSet
from directory.store.database import Store
from directory.store.staged import StagedEntries
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
        with StagedEntries() as staged:
            while True:
                message = caller.recv_bytes()
                if message[:1] == b"B":
                    staged.add_pickled(message[1:])
                    continue
                kind, cursor = pickle.loads(message[1:])  # from our own caller: safe to unpickle
                store = Store(url)
                try:
                    changes = staged.write_fresh(store, source, kind=kind, cursor=cursor)
                finally:
                    store.dispose()
                _send(caller, b"R", changes)
                return
    except (EOFError, BrokenPipeError):
        return  # the caller gave up (the download failed or was cancelled): nothing was written
    except ValueError as exc:
        _send(caller, b"X", exc)
    except Exception as exc:
        traceback.print_exc()
        text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        _send(caller, b"X", SyncWorkerError(source, f"writing the sync's entries failed: {text}"))
    finally:
        caller.close()


def _send(pipe: Connection, tag: bytes, value: object) -> None:
    with contextlib.suppress(OSError):  # the caller is gone: nobody left to tell
        pipe.send_bytes(tag + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
