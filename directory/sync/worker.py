"""Running a sync's download in two worker processes, so that it has two cores and GILs of its own.

Reading, decoding and planning 100,000 entries is seconds of pure Python; in the console's process
it would compete with the GUI thread for the GIL. One worker searches and decodes (BER), the other
plans, so the two halves run at the same time on two cores. The workers are started with
``forkserver`` (or ``spawn`` where there is none), never ``fork``: the console's process has Qt and
pjsua2 threads, and a forked copy of them can deadlock. The forkserver imports this module once, so
each sync starts in milliseconds.

Protocol, planner to caller (a duplex pipe): ``E`` + (entries, records read) + a pickled batch per
page; the caller answers ``+`` once its progress callback has returned, so the callback sees the sync
where it is and can stop it (by raising: the workers are then killed). It ends with ``R`` + the
pickled `Downloaded`, or ``X`` + the pickled exception. Reader to planner: ``P`` + a pickled `Page`
or `Searched`, or ``X``; the planner passes each ``+`` on to the reader as a credit, so the reader
is never more than CREDITS pages ahead of the caller.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import pickle
import struct
import traceback
from collections.abc import Iterator
from multiprocessing.connection import Connection
from typing import Any

from directory.sync.download import (
    Downloaded,
    DownloadJob,
    Emit,
    Page,
    Searched,
    annotate_pages,
    plan_pages,
    search_pages,
)
from directory.sync.errors import SyncError

_HEADER = struct.Struct(">II")
_ACK = b"+"
# Pages the reader may be ahead of the caller: enough to keep both workers busy.
CREDITS = 2


class SyncWorkerError(SyncError):
    """The worker process failed in a way that is not a SyncError (a bug, or it was killed)."""


def _context() -> Any:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # "__main__" too: the server then imports the program's main module once, and the workers it
        # forks skip re-importing it (multiprocessing does that for each worker otherwise; for the
        # `switchboard` script that is app.cli.main, a second per worker).
        context.set_forkserver_preload(["__main__", __name__, "directory.sync.writer"])
        return context
    return multiprocessing.get_context("spawn")


def start_workers() -> None:
    """Start the forkserver now (about a second, once per process) so that syncs start in milliseconds."""
    worker = _context().Process(target=_idle, name="sync warm-up", daemon=True)
    worker.start()
    worker.join()
    worker.close()


def _idle() -> None:
    pass


def download_in_worker(job: DownloadJob, emit: Emit) -> Downloaded:
    """`download` in two worker processes; ``emit`` is called here, in the caller's thread, once per page.

    Raises what the download raised (SyncErrors keep their type), SyncWorkerError when a worker
    died or failed otherwise, and whatever ``emit`` raises (after killing the workers).
    """
    context = _context()
    ours, planner_end = context.Pipe(duplex=True)
    pages_planner, pages_reader = context.Pipe(duplex=True)
    name = job.settings.name
    workers = [
        context.Process(target=_read, args=(pages_reader, job), name=f"sync read {name}", daemon=True),
        context.Process(target=_plan, args=(pages_planner, planner_end, job), name=f"sync plan {name}", daemon=True),
    ]
    try:
        for worker in workers:
            worker.start()
    finally:
        for end in (planner_end, pages_planner, pages_reader):
            end.close()
    try:
        while True:
            try:
                message = ours.recv_bytes()
            except EOFError:
                workers[1].join(5)
                raise SyncWorkerError(
                    name, f"the sync's planning process ended unexpectedly (exit code {workers[1].exitcode})"
                ) from None
            tag = message[:1]
            if tag == b"E":
                count, done = _HEADER.unpack_from(message, 1)
                emit(message[1 + _HEADER.size :], count, done)
                ours.send_bytes(_ACK)
            elif tag == b"R":
                result: Downloaded = pickle.loads(message[1:])  # from our own worker: safe to unpickle
                return result
            else:
                error: BaseException = pickle.loads(message[1:])
                raise error
    finally:
        ours.close()
        for worker in workers:
            if worker.is_alive():
                worker.kill()
            worker.join()
            worker.close()


def _read(planner: Connection, job: DownloadJob) -> None:
    """The reading worker: search, decode, and send the pages on, at most CREDITS ahead."""
    gc.disable()  # millions of short-lived acyclic objects; the process ends right after
    credits = CREDITS
    try:
        for item in annotate_pages(job, search_pages(job)):
            if isinstance(item, Page):
                while credits == 0:
                    if planner.recv_bytes() != _ACK:
                        return
                    credits += 1
                credits -= 1
            planner.send_bytes(b"P" + pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL))
    except (EOFError, BrokenPipeError):
        return  # the planner is gone (cancelled or failed): nothing left to tell
    except SyncError as exc:
        _send(planner, b"X", exc)
    except Exception as exc:
        _send(planner, b"X", _unexpected(job, exc))
    finally:
        planner.close()


def _plan(reader: Connection, caller: Connection, job: DownloadJob) -> None:
    """The planning worker: plan the reader's pages and stream the batches to the caller."""
    gc.disable()

    def items() -> Iterator[Page | Searched]:
        while True:
            try:
                message = reader.recv_bytes()
            except EOFError:
                raise SyncWorkerError(job.settings.name, "the sync's reading process ended unexpectedly") from None
            value = pickle.loads(message[1:])  # from our own sibling process: safe to unpickle
            if message[:1] == b"X":
                raise value
            yield value
            if isinstance(value, Searched):
                return

    def emit(batch: bytes, count: int, done: int) -> None:
        caller.send_bytes(b"E" + _HEADER.pack(count, done) + batch)
        if caller.recv_bytes() != _ACK:
            raise SystemExit(1)
        with contextlib.suppress(OSError):  # a credit; the reader may have finished already
            reader.send_bytes(_ACK)

    try:
        result = plan_pages(job, items(), emit)
    except (EOFError, BrokenPipeError):
        return  # the caller stopped listening (cancelled): nothing left to tell it
    except SyncError as exc:
        _send(caller, b"X", exc)
    except Exception as exc:
        _send(caller, b"X", _unexpected(job, exc))
    else:
        _send(caller, b"R", result)
    finally:
        caller.close()
        reader.close()


def _unexpected(job: DownloadJob, exc: BaseException) -> SyncWorkerError:
    """A bug in a worker: the caller gets its text (the worker's traceback goes to its stderr)."""
    traceback.print_exc()
    text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    return SyncWorkerError(job.settings.name, f"the sync worker failed: {text}")


def _send(pipe: Connection, tag: bytes, value: object) -> None:
    with contextlib.suppress(OSError):  # the other end is gone: nobody left to tell
        pipe.send_bytes(tag + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
