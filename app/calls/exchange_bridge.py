"""The exchange's queue in the window: its events to the desk on the GUI thread, picks off it.

`ExchangeBridge` starts the client's watcher (its own thread, reconnecting by itself) and hands every
event over to the GUI thread through a queued signal; there the desk gets the queue's callers as rows
(`softphone.desk.exchange_rows`). When the operator picks one (F2, Shift+F2), the pick runs on the
network pool; a refusal clears the desk's pick and is told in the operator's words. Signing in happens
at start, again whenever the event stream comes back after a break (a restarted exchange has forgotten its
sign-ins) unless the operator paused (`set_available`), and signing out at stop, so only a running
console is offered callers.

Signals: ``connection_changed(bool, str)``, ``operators_changed(tuple)``, ``refused(str)`` (words).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, Signal

from app.calls.desk_bridge import DeskBridge
from app.tasks import TaskRunner
from softphone.exchange.client import PickRefused
from softphone.exchange.model import (
    CallerJoined,
    CallerLeft,
    CallerOffered,
    CallerReturned,
    ConnectionChanged,
    OperatorsChanged,
    QueueSnapshot,
)
from softphone.exchange.watcher import Watcher
from ui.phone_text import PhoneText

log = logging.getLogger(__name__)
SIGN_OUT_TIMEOUT_S = 2.0


class QueueClient(Protocol):
    """What the bridge needs of `softphone.exchange.client.ExchangeClient`."""

    @property
    def operator(self) -> str: ...

    def pick(self, id_or_next: str) -> str: ...
    def sign_in(self) -> None: ...
    def sign_out(self) -> None: ...
    def watch(self, listener: Callable[[object], None]) -> Watcher: ...


class ExchangeBridge(QObject):
    connection_changed = Signal(bool, str)
    operators_changed = Signal(object)
    refused = Signal(str)
    _arrived = Signal(object)  # from the watcher's thread

    def __init__(self, client: QueueClient, bridge: DeskBridge, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client, self._bridge, self._tasks = client, bridge, tasks
        self._watcher: Watcher | None = None
        self._texts = PhoneText(self)
        self.up = False
        self._was_down = False  # the stream broke since the first connection: a restart may have lost our sign-in
        self.available = True  # the operator's wish: signed in (taking callers) or paused
        self.operators: tuple[str, ...] = ()
        self._arrived.connect(self._on_arrived, Qt.ConnectionType.QueuedConnection)
        bridge.desk.attach_queue(self._pick)
        bridge.will_stop.connect(self.stop)

    def start(self) -> None:
        self._watcher = self._client.watch(self._arrived.emit)
        self._tasks.spawn(self._tasks.in_network(self._client.sign_in), "queue sign-in", self._on_sign_in_failed)

    def set_available(self, available: bool) -> None:
        """Sign in (take callers) or out (pause) at the operator's request; the exchange's operators event
        then tells every console, this one included."""
        self.available = available
        request = self._client.sign_in if available else self._client.sign_out
        self._tasks.spawn(self._tasks.in_network(request), "queue sign-in" if available else "queue sign-out",
                          self._on_sign_in_failed)

    def stop(self) -> None:
        """Stop watching and sign out (briefly: closing the window must not wait on a vanished exchange)."""
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
        done = threading.Thread(target=self._sign_out_quietly, name="queue-sign-out", daemon=True)
        done.start()
        done.join(SIGN_OUT_TIMEOUT_S)

    def _sign_out_quietly(self) -> None:
        try:
            self._client.sign_out()
        except (PickRefused, OSError) as error:
            log.info("queue sign-out failed: %s", error)

    def _on_sign_in_failed(self, error: BaseException) -> None:
        kind = error.kind if isinstance(error, PickRefused) else "unreachable"
        self.refused.emit(self._texts.pick_refused(kind, str(error)))

    # -- events, on the GUI thread ------------------------------------------------------------------

    def _on_arrived(self, event: object) -> None:
        desk = self._bridge.desk
        if isinstance(event, QueueSnapshot):
            desk.queue_synced(event.callers)
            self._operators(event.operators)
        elif isinstance(event, CallerJoined):
            desk.queue_joined(event.caller)
        elif isinstance(event, CallerLeft):
            desk.queue_left(event.id, event.reason)
        elif isinstance(event, CallerOffered):
            desk.queue_offered(event.id, event.to)
        elif isinstance(event, CallerReturned):
            desk.queue_returned(event.id)
        elif isinstance(event, OperatorsChanged):
            self._operators(event.signed_in)
        elif isinstance(event, ConnectionChanged):
            self.up = event.up
            if not event.up:  # its callers are unknown until the next snapshot: show none rather than stale
                desk.queue_synced(())
                self._was_down = True
            elif self._was_down and self.available:
                # A restarted exchange keeps no sign-ins (they lived in its memory): sign in again, as at start.
                # Signing in twice is harmless, so a mere network break costs one request.
                self._tasks.spawn(self._tasks.in_network(self._client.sign_in), "queue sign-in again",
                                  self._on_sign_in_failed)
            self.connection_changed.emit(event.up, event.detail)

    def _operators(self, signed_in: tuple[str, ...]) -> None:
        self.operators = tuple(signed_in)
        self.operators_changed.emit(self.operators)

    # -- picks --------------------------------------------------------------------------------------

    def _pick(self, queue_id: str) -> None:
        self._tasks.spawn(self._pick_off_thread(queue_id), f"pick {queue_id}")

    async def _pick_off_thread(self, queue_id: str) -> None:
        try:
            await self._tasks.in_network(self._client.pick, queue_id)
        except PickRefused as error:
            self._bridge.desk.pick_refused(queue_id)
            self.refused.emit(self._texts.pick_refused(error.kind, error.detail))
        except OSError as error:
            self._bridge.desk.pick_refused(queue_id)
            self.refused.emit(self._texts.pick_refused("unreachable", str(error)))
