"""The only place pjsua2 meets Qt: a facade that pumps the softphone on the GUI thread and speaks signals.

`PhoneBridge` owns a 10 ms QTimer that calls `Phone.pump()` on the GUI thread, which therefore is the
phone's owner thread (see `softphone.engine`). The phone's immutable events are re-emitted as signals;
the widgets call the intent methods, which report failures through `error_occurred` rather than
raising into Qt slots.

Signals:
- ``registration_changed(Registration)``
- ``call_changed(CallChanged)``: every change of any call, with the previous snapshot and a reason
- ``call_added(Call)`` / ``call_ended(Call)``: the first and last snapshot of a call
- ``dtmf_received(int, str)``: call id and digit
- ``error_occurred(PhoneError)``: an intent that could not be carried out (its kind, for the window's words)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal

from softphone.model import (
    AudioDevice,
    Call,
    CallChanged,
    DtmfReceived,
    PhoneError,
    PhoneEvent,
    Registration,
    RegistrationChanged,
)

PUMP_INTERVAL_MS = 10


class PhoneLike(Protocol):
    """What the bridge needs of `softphone.engine.Phone` (a fake can stand in for widget tests)."""

    @property
    def registration(self) -> Registration: ...
    @property
    def calls(self) -> tuple[Call, ...]: ...
    def add_listener(self, listener: Callable[[PhoneEvent], None]) -> None: ...
    def start(self) -> None: ...
    def pump(self) -> None: ...
    def shutdown(self) -> None: ...
    def dial(self, target: str) -> int: ...
    def answer(self, call_id: int) -> None: ...
    def reject(self, call_id: int, *, busy: bool = False) -> None: ...
    def hangup(self, call_id: int) -> None: ...
    def hold(self, call_id: int) -> None: ...
    def resume(self, call_id: int) -> None: ...
    def set_muted(self, call_id: int, muted: bool) -> None: ...
    def send_dtmf(self, call_id: int, digits: str) -> None: ...
    def set_volume(self, *, speaker: float | None = None, microphone: float | None = None,
                   ring: float | None = None) -> None: ...
    def audio_devices(self) -> tuple[AudioDevice, ...]: ...


class PhoneBridge(QObject):
    registration_changed = Signal(object)
    call_changed = Signal(object)
    call_added = Signal(object)
    call_ended = Signal(object)
    dtmf_received = Signal(int, str)
    error_occurred = Signal(object)  # PhoneError

    def __init__(self, phone: PhoneLike, parent: QObject | None = None,
                 interval_ms: int = PUMP_INTERVAL_MS) -> None:
        super().__init__(parent)
        self._phone = phone
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        phone.add_listener(self._on_phone_event)

    # -- lifecycle -------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the SIP stack on this (the GUI) thread and begin pumping it."""
        self._check_thread()
        self._phone.start()
        self._timer.start()

    def stop(self) -> None:
        """Stop pumping, then hang up, unregister and destroy the stack (call before the app quits)."""
        self._check_thread()
        self._timer.stop()
        self._phone.shutdown()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def _check_thread(self) -> None:
        if QThread.currentThread() is not self.thread():
            raise RuntimeError("PhoneBridge is used from a thread other than the GUI thread")

    def _on_timer_timeout(self) -> None:
        self._phone.pump()

    def _on_phone_event(self, event: PhoneEvent) -> None:
        if isinstance(event, RegistrationChanged):
            self.registration_changed.emit(event.registration)
        elif isinstance(event, CallChanged):
            if event.previous is None:
                self.call_added.emit(event.call)
            self.call_changed.emit(event)
            if not event.call.state.live:
                self.call_ended.emit(event.call)
        elif isinstance(event, DtmfReceived):
            self.dtmf_received.emit(event.call_id, event.digit)

    # -- state -----------------------------------------------------------------------------------

    @property
    def registration(self) -> Registration:
        return self._phone.registration

    @property
    def calls(self) -> tuple[Call, ...]:
        return self._phone.calls

    # -- intents (failures go to error_occurred) -------------------------------------------------

    def dial(self, target: str) -> int | None:
        self._check_thread()
        try:
            return self._phone.dial(target)
        except PhoneError as error:
            self.error_occurred.emit(error)
            return None

    def answer(self, call_id: int) -> None:
        self._run(self._phone.answer, call_id)

    def reject(self, call_id: int, busy: bool = False) -> None:
        self._check_thread()
        try:
            self._phone.reject(call_id, busy=busy)
        except PhoneError as error:
            self.error_occurred.emit(error)

    def hangup(self, call_id: int) -> None:
        self._run(self._phone.hangup, call_id)

    def hold(self, call_id: int) -> None:
        self._run(self._phone.hold, call_id)

    def resume(self, call_id: int) -> None:
        self._run(self._phone.resume, call_id)

    def set_muted(self, call_id: int, muted: bool) -> None:
        self._check_thread()
        try:
            self._phone.set_muted(call_id, muted)
        except PhoneError as error:
            self.error_occurred.emit(error)

    def send_dtmf(self, call_id: int, digits: str) -> None:
        self._check_thread()
        try:
            self._phone.send_dtmf(call_id, digits)
        except PhoneError as error:
            self.error_occurred.emit(error)

    def set_volume(self, *, speaker: float | None = None, microphone: float | None = None,
                   ring: float | None = None) -> None:
        self._check_thread()
        try:
            self._phone.set_volume(speaker=speaker, microphone=microphone, ring=ring)
        except PhoneError as error:
            self.error_occurred.emit(error)

    def audio_devices(self) -> tuple[AudioDevice, ...]:
        """Sound devices by name, for a settings dialog (empty on machines without sound)."""
        self._check_thread()
        try:
            return self._phone.audio_devices()
        except PhoneError as error:
            self.error_occurred.emit(error)
            return ()

    def _run(self, intent: Callable[[int], None], call_id: int) -> None:
        self._check_thread()
        try:
            intent(call_id)
        except PhoneError as error:
            self.error_occurred.emit(error)
