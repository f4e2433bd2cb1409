"""Qt facade over the operator desk: its events as signals, its intents as methods, a 1 s tick.

The desk runs on the GUI thread, which also pumps the phone (see `app.calls.phone_bridge`), so desk
events arrive here on that thread. Intents that the phone refuses emit `error_occurred` with the
`PhoneError` instead of raising into a key handler.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from softphone.desk.desk import OperatorDesk
from softphone.desk.records import CallbackAdded, DeskCall, DeskChanged, DeskEvent, HeldTooLong
from softphone.model import PhoneError

T = TypeVar("T")
TICK_MS = 1000


class DeskBridge(QObject):
    desk_changed = Signal(object)  # DeskChanged
    held_too_long = Signal(object)  # DeskCall
    callback_added = Signal(object)  # CallbackEntry
    ticked = Signal(float)  # the desk's clock, for views that show running times
    error_occurred = Signal(object)  # PhoneError

    def __init__(self, desk: OperatorDesk, parent: QObject | None = None, tick_ms: int = TICK_MS) -> None:
        super().__init__(parent)
        self.desk = desk
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        desk.add_listener(self._on_desk_event)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        self.desk.tick()
        self.ticked.emit(self.desk.now())

    def _on_desk_event(self, event: DeskEvent) -> None:
        if QThread.currentThread() is not self.thread():
            raise RuntimeError("desk events must arrive on the GUI thread")
        if isinstance(event, DeskChanged):
            self.desk_changed.emit(event)
        elif isinstance(event, HeldTooLong):
            self.held_too_long.emit(event.call)
        elif isinstance(event, CallbackAdded):
            self.callback_added.emit(event.entry)

    # -- intents (errors become error_occurred) ----------------------------------------------------

    def _run(self, intent: Callable[[], T]) -> T | None:
        try:
            return intent()
        except PhoneError as error:
            self.error_occurred.emit(error)
            return None

    def current(self) -> DeskCall | None:
        return self.desk.current()

    def answer_next(self) -> int | None:
        return self._run(self.desk.answer_next)

    def answer(self, call_id: int) -> None:
        self._run(lambda: self.desk.answer(call_id))

    def hold(self, call_id: int) -> None:
        self._run(lambda: self.desk.hold(call_id))

    def resume(self, call_id: int) -> None:
        self._run(lambda: self.desk.resume(call_id))

    def hangup(self, call_id: int) -> None:
        self._run(lambda: self.desk.hangup(call_id))

    def consult(self, call_id: int, target: str, name: str) -> int | None:
        return self._run(lambda: self.desk.consult(call_id, target, name))

    def transfer(self, call_id: int, target: str, name: str) -> int | None:
        return self._run(lambda: self.desk.transfer(call_id, target, name))

    def blind_transfer(self, call_id: int, target: str, name: str) -> None:
        self._run(lambda: self.desk.blind_transfer(call_id, target, name))

    def complete(self, call_id: int) -> None:
        self._run(lambda: self.desk.complete(call_id))

    def cancel(self, call_id: int) -> None:
        self._run(lambda: self.desk.cancel(call_id))

    def toggle(self, call_id: int) -> int | None:
        return self._run(lambda: self.desk.toggle(call_id))

    def join(self, call_id: int) -> None:
        self._run(lambda: self.desk.join(call_id))
