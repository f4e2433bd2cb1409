"""Running a sync's download in a worker process, so that it has a core and a GIL of its own.

Reading, decoding and planning 100,000 entries is seconds of pure Python; in the console's process
it would compete with the GUI thread for the GIL. The worker is started with ``forkserver`` (or
``spawn`` where there is none), never ``fork``: the console's process has Qt and pjsua2 threads,
and a forked copy of them can deadlock. The forkserver imports this module once, so each sync
starts in milliseconds.

Protocol (one duplex pipe): the worker sends ``E`` + (entries, records read) + a pickled batch per
page and waits for ``+`` before reading the next page, so the caller's progress callback sees the
sync where it is and can stop it (by raising: the worker is then killed). It ends with ``R`` +
the pickled `Downloaded`, or ``X`` + the pickled exception.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import pickle
import struct
import traceback
from multiprocessing.connection import Connection
from typing import Any

from directory.sync.download import Downloaded, DownloadJob, Emit, download
from directory.sync.errors import SyncError

_HEADER = struct.Struct(">II")
_ACK = b"+"


class SyncWorkerError(SyncError):
    """The worker process failed in a way that is not a SyncError (a bug, or it was killed)."""


def _context() -> Any:
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])
        return context
    return multiprocessing.get_context("spawn")


def download_in_worker(job: DownloadJob, emit: Emit) -> Downloaded:
    """`download` in a worker process; ``emit`` is called here, in the caller's thread, once per page.

    Raises what the download raised (SyncErrors keep their type), SyncWorkerError when the worker
    died or failed otherwise, and whatever ``emit`` raises (after killing the worker).
    """
    context = _context()
    ours, theirs = context.Pipe(duplex=True)
    process = context.Process(target=_main, args=(theirs, job), name=f"sync {job.settings.name}", daemon=True)
    process.start()
    theirs.close()
    try:
        while True:
            try:
                message = ours.recv_bytes()
            except EOFError:
                process.join(5)
                raise SyncWorkerError(
                    job.settings.name, f"the sync worker process ended unexpectedly (exit code {process.exitcode})"
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
        if process.is_alive():
            process.kill()
        process.join()
        process.close()


def _main(pipe: Connection, job: DownloadJob) -> None:
    """The worker process: run the download, stream its batches, report the result or the error."""
    gc.disable()  # millions of short-lived acyclic objects; the process ends right after

    def emit(batch: bytes, count: int, done: int) -> None:
        pipe.send_bytes(b"E" + _HEADER.pack(count, done) + batch)
        if pipe.recv_bytes() != _ACK:
            raise SystemExit(1)

    try:
        result = download(job, emit)
    except (EOFError, BrokenPipeError):
        return  # the caller stopped listening (cancelled): nothing left to tell it
    except SyncError as exc:
        _send(pipe, b"X", exc)
    except Exception as exc:  # a bug: the caller gets its text, as the worker's traceback is lost with it
        text = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        _send(pipe, b"X", SyncWorkerError(job.settings.name, f"the sync worker failed: {text}"))
        traceback.print_exc()
    else:
        _send(pipe, b"R", result)
    finally:
        pipe.close()


def _send(pipe: Connection, tag: bytes, value: object) -> None:
    with contextlib.suppress(OSError):  # the caller is gone: nobody left to tell
        pipe.send_bytes(tag + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
