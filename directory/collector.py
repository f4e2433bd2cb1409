"""Pausing Python's cyclic garbage collector where its passes cost most and find nothing.

* A full sync allocates millions of short-lived, acyclic objects (byte strings, lists, entries) while it
  holds ~10^5 long-lived ones (the ids seen, the store's existing rows); the collector rescanned the
  latter again and again.
* Building the demo directory makes ~10^6 objects that all survive and form no cycles.
* Typing: a pass that falls inside a keystroke's search reads every slot of that search's young sets (a
  cache miss each), 1-7 ms at a million entries, and finds no garbage (a search makes no cycles). The
  window holds the collector while the operator types and lets it catch up when typing pauses
  (app/lookup/typing_hold.py).

Reference counting still frees everything dropped meanwhile; only cycles wait for the next pass. The
pause is process-wide, so it nests (two sources syncing while the operator types) and ends with the last
holder, restoring the state the first one found.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


def pause() -> None:
    """Disable the cyclic collector until the matching :func:`resume`."""
    global _depth, _was_enabled  # noqa: PLW0603  # one collector per process: process-wide by nature
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1


def resume() -> None:
    """End one :func:`pause`; the last one restores the collector as the first found it."""
    global _depth  # noqa: PLW0603
    with _lock:
        if _depth == 0:
            raise RuntimeError("resume() without pause()")
        _depth -= 1
        if _depth == 0 and _was_enabled:
            gc.enable()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector for the block; the state before the outermost block returns after it."""
    pause()
    try:
        yield
    finally:
        resume()
