"""The one Qt facade over the phone and the operator desk: it owns the pump and the tick.

`DeskBridge` runs `Phone.pump()` every 10 ms on the GUI thread, which therefore is the phone's owner
thread (see `softphone.engine`), and `OperatorDesk.tick()` once a second. The desk is the only call
model the window reads (`desk.calls`, each row with the phone's snapshot of its leg) and the only
place call commands go: every intent here is a desk intent. Intents the desk or the phone refuse emit
`error_occurred` with the `PhoneError` instead of raising into a key handler or a button's slot.

Signals:
- ``registration_changed(Registration)``
- ``desk_changed(DeskChanged)``: a desk row was added, changed or left the desk
- ``held_too_long(DeskCall)``, ``callback_added(CallbackEntry)``
- ``ticked(float)``: the desk's clock, once a second, for views that show running times
- ``dtmf_received(int, str)``: call id and digit
- ``error_occurred(PhoneError)``
- ``will_stop()``: before the phone is shut down (the exchange's queue signs out then)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal

from softphone.desk.desk import OperatorDesk
from softphone.desk.records import CallbackAdded, DeskCall, DeskChanged, DeskEvent, HeldTooLong
from softphone.model import AudioDevice, DtmfReceived, PhoneError, PhoneEvent, Registration, RegistrationChanged

T = TypeVar("T")
PUMP_INTERVAL_MS = 10
TICK_MS = 1000


class PhoneLike(Protocol):
    """What the bridge itself needs of `softphone.engine.Phone`: its life cycle, registration and sound."""

    @property
    def registration(self) -> Registration: ...
    def add_listener(self, listener: Callable[[PhoneEvent], None]) -> None: ...
    def start(self) -> None: ...
    def pump(self) -> None: ...
    def shutdown(self) -> None: ...
    def set_volume(self, *, speaker: float | None = None, microphone: float | None = None,
                   ring: float | None = None) -> None: ...
    def audio_devices(self) -> tuple[AudioDevice, ...]: ...


class DeskBridge(QObject):
    registration_changed = Signal(object)
    desk_changed = Signal(object)  # DeskChanged
    held_too_long = Signal(object)  # DeskCall
    callback_added = Signal(object)  # CallbackEntry
    ticked = Signal(float)
    dtmf_received = Signal(int, str)
    error_occurred = Signal(object)  # PhoneError
    will_stop = Signal()

    def __init__(self, phone: PhoneLike, desk: OperatorDesk, parent: QObject | None = None, *,
                 pump_ms: int = PUMP_INTERVAL_MS, tick_ms: int = TICK_MS) -> None:
        super().__init__(parent)
        self._phone = phone
        self.desk = desk  # read its rows; send intents through the methods below
        self._pump = QTimer(self)
        self._pump.setTimerType(Qt.TimerType.PreciseTimer)
        self._pump.setInterval(pump_ms)
        self._pump.timeout.connect(self._on_pump_timeout)
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self._on_tick_timeout)
        phone.add_listener(self._on_phone_event)
        desk.add_listener(self._on_desk_event)

    # -- lifecycle -------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the SIP stack on this (the GUI) thread, then pump it and tick the desk."""
        self._check_thread()
        self._phone.start()
        self._pump.start()
        self._tick.start()

    def stop(self) -> None:
        """Stop pumping and ticking, then hang up, unregister and destroy the stack (before the app quits)."""
        self._check_thread()
        self.will_stop.emit()
        self._tick.stop()
        self._pump.stop()
        self._phone.shutdown()

    @property
    def running(self) -> bool:
        return self._pump.isActive()

    @property
    def registration(self) -> Registration:
        return self._phone.registration

    def _check_thread(self) -> None:
        # The crossing into pjsua2 and the desk: only ever from the thread that owns them.
        if QThread.currentThread() is not self.thread():
            raise RuntimeError("DeskBridge is used from a thread other than the GUI thread")

    def _on_pump_timeout(self) -> None:
        self._phone.pump()

    def _on_tick_timeout(self) -> None:
        self.desk.tick()
        self.ticked.emit(self.desk.now())

    def _on_phone_event(self, event: PhoneEvent) -> None:
        if isinstance(event, RegistrationChanged):
            self.registration_changed.emit(event.registration)
        elif isinstance(event, DtmfReceived):
            self.dtmf_received.emit(event.call_id, event.digit)

    def _on_desk_event(self, event: DeskEvent) -> None:
        self._check_thread()
        if isinstance(event, DeskChanged):
            self.desk_changed.emit(event)
        elif isinstance(event, HeldTooLong):
            self.held_too_long.emit(event.call)
        elif isinstance(event, CallbackAdded):
            self.callback_added.emit(event.entry)

    # -- intents (errors become error_occurred) ----------------------------------------------------

    def _run(self, intent: Callable[[], T]) -> T | None:
        self._check_thread()
        try:
            return intent()
        except PhoneError as error:
            self.error_occurred.emit(error)
            return None

    def current(self) -> DeskCall | None:
        return self.desk.current()

    def cancellable(self) -> DeskCall | None:
        return self.desk.cancellable()

    def dial(self, target: str) -> int | None:
        return self._run(lambda: self.desk.dial(target))

    def answer_next(self) -> int | None:
        return self._run(self.desk.answer_next)

    def answer(self, call_id: int) -> None:
        self._run(lambda: self.desk.answer(call_id))

    def reject(self, call_id: int, *, busy: bool = False) -> None:
        self._run(lambda: self.desk.reject(call_id, busy=busy))

    def hold(self, call_id: int) -> None:
        self._run(lambda: self.desk.hold(call_id))

    def resume(self, call_id: int) -> None:
        self._run(lambda: self.desk.resume(call_id))

    def hangup(self, call_id: int) -> None:
        self._run(lambda: self.desk.hangup(call_id))

    def set_muted(self, call_id: int, muted: bool) -> None:
        self._run(lambda: self.desk.set_muted(call_id, muted))

    def send_dtmf(self, call_id: int, digits: str) -> None:
        self._run(lambda: self.desk.send_dtmf(call_id, digits))

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

    def hand_back(self, target: str, name: str = "") -> list[int]:
        """Before closing: see `OperatorDesk.hand_back` (errors are collected there, never raised)."""
        self._check_thread()
        return self.desk.hand_back(target, name)

    def end_all(self) -> None:
        self._check_thread()
        self.desk.end_all()

    # -- sound -----------------------------------------------------------------------------------

    def set_volume(self, *, speaker: float | None = None, microphone: float | None = None,
                   ring: float | None = None) -> None:
        self._run(lambda: self._phone.set_volume(speaker=speaker, microphone=microphone, ring=ring))

    def audio_devices(self) -> tuple[AudioDevice, ...]:
        """Sound devices by name, for a settings dialog (empty on machines without sound)."""
        return self._run(self._phone.audio_devices) or ()
