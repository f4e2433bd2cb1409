"""The cyclic collector held while the operator types (see directory/collector.py).

A collector pass that falls inside a keystroke's search rescans that search's young slot sets and finds
no garbage; held, the pass runs once typing has paused for QUIET_S after the last results were shown,
while the operator reads them. Reference counting frees everything meanwhile; only cycles wait.
"""

from __future__ import annotations

import asyncio

from directory import collector

# Longer than the pause between two keystrokes of someone typing a name (0.1-0.25 s), short enough that a
# hold ends within a moment of the results settling.
QUIET_S = 0.4


class TypingHold:
    def __init__(self, quiet_s: float = QUIET_S) -> None:
        self._quiet_s = quiet_s
        self._timer: asyncio.TimerHandle | None = None
        self._held = False

    @property
    def held(self) -> bool:
        return self._held

    def typing(self) -> None:
        """A keystroke or its results: hold the collector (if not yet) and put its release back."""
        if not self._held:
            collector.pause()
            self._held = True
        if self._timer is not None:
            self._timer.cancel()
        self._timer = asyncio.get_event_loop().call_later(self._quiet_s, self.release)

    def release(self) -> None:
        """Let the collector run again (typing paused, or the console closes)."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._held:
            self._held = False
            collector.resume()
