"""Live line state (busy lamps) for the people the operator is looking at: a BLF client on its own thread,
drained on the GUI thread every 100 ms.

Signals: ``lines_changed(tuple)`` with the targets (extensions) whose state changed.
"""

from __future__ import annotations

import re
from collections import OrderedDict

from PySide6.QtCore import QObject, QTimer, Signal

from directory.model import Entry, NumberKind
from directory.presence import LineState, LineStatus
from softphone.blf import BlfClient, LineChanged

MAX_WATCHED = 200  # subscriptions kept; the least recently shown are dropped first


def line_target(entry: Entry) -> str | None:
    """The extension a busy lamp watches: the entry's first work or DECT number, as digits."""
    for number in entry.numbers:
        if number.kind in (NumberKind.WORK, NumberKind.DECT):
            digits = re.sub(r"\D", "", number.raw)
            return digits or None
    return None


class LineWatcher(QObject):
    lines_changed = Signal(tuple)

    def __init__(self, client: BlfClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.states: dict[str, LineStatus] = {}
        self._watched: OrderedDict[str, None] = OrderedDict()
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self.client.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self.client.stop()

    def watch(self, entries: list[Entry]) -> None:
        for entry in entries:
            target = line_target(entry)
            if target is None:
                continue
            if target in self._watched:
                self._watched.move_to_end(target)
                continue
            self._watched[target] = None
            self.client.watch(target)
            if len(self._watched) > MAX_WATCHED:
                old, _ = self._watched.popitem(last=False)
                self.client.unwatch(old)
                self.states.pop(old, None)

    def status(self, entry: Entry) -> LineStatus | None:
        target = line_target(entry)
        return self.states.get(target) if target is not None else None

    def _on_timer_timeout(self) -> None:
        changed = []
        for event in self.client.drain():
            if isinstance(event, LineChanged):
                state = LineState(event.activity.value)
                previous = self.states.get(event.target)
                since = previous.since if previous is not None and previous.state is state else event.at
                self.states[event.target] = LineStatus(state, event.at, since)
                changed.append(event.target)
        if changed:
            self.lines_changed.emit(tuple(changed))
