"""Live line state (busy lamps) for the people the operator is looking at: a BLF client on its own thread,
drained on the GUI thread every 100 ms.

The shown results are subscribed only once the list has been still for `SETTLE_MS` (`show`), so typing
"anna kard" sends one set of SUBSCRIBEs, not one per keystroke; favourites are watched at once (`watch`).

Signals: ``lines_changed(tuple)`` with the targets (extensions) whose state changed.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, QTimer, Signal

from directory.model import Entry
from directory.presence import LineState, LineStatus, line_target
from softphone.blf import BlfClient, LineChanged

MAX_WATCHED = 200  # subscriptions kept; the least recently shown are dropped first
SHOWN_WATCHED = 30  # of the shown results, the first rows (about a screenful) get lamps
# Operators type at 100-250 ms a key; a list unchanged for 400 ms is one they have stopped to read. The lamp
# then follows within the PBX's first NOTIFY (~10 ms here), well before a name has been read.
SETTLE_MS = 400


class LineWatcher(QObject):
    lines_changed = Signal(tuple)

    def __init__(self, client: BlfClient, parent: QObject | None = None, *, settle_ms: int = SETTLE_MS) -> None:
        super().__init__(parent)
        self.client = client
        self.states: dict[str, LineStatus] = {}
        self._watched: OrderedDict[str, None] = OrderedDict()
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._shown: list[Entry] = []
        self._shown_targets: tuple[str, ...] = ()
        self._settle = QTimer(self)  # the one debounce: restarted while the shown list keeps changing
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self._on_settle_timeout)

    def start(self) -> None:
        self.client.start()
        self._timer.start()

    def stop(self) -> None:
        self._settle.stop()
        self._timer.stop()
        self.client.stop()

    def show(self, entries: list[Entry]) -> None:
        """The results now shown: their first rows are watched once the list has been still for SETTLE_MS.
        The same lines shown again (a lamp changed, the search re-ran) neither restart nor resend anything."""
        shown = entries[:SHOWN_WATCHED]
        targets = tuple(t for e in shown if (t := line_target(e)) is not None)
        if targets == self._shown_targets:
            return
        self._shown, self._shown_targets = shown, targets
        self._settle.start()

    def watch(self, entries: list[Entry]) -> None:
        """Subscribe now (favourites, the settled results); lines already watched are only kept longer."""
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

    def _on_settle_timeout(self) -> None:
        self.watch(self._shown)

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
