"""Pausing Python's cyclic garbage collector while a sync streams entries.

A full sync allocates millions of short-lived, acyclic objects (byte strings, lists, entries) while
it holds ~10^5 long-lived ones (the ids seen, the store's existing rows); the collector rescanned
the latter again and again. Reference counting still frees everything the sync drops. The pause is
process-wide, so it nests (two sources syncing at once) and ends with the last sync.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector for the block; the state before the outermost block returns after it."""
    global _depth, _was_enabled  # noqa: PLW0603  # one collector per process: process-wide by nature
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
