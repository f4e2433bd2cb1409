"""A pure-Python stand-in for `softphone.engine.Phone`, for widget tests of the bridge and panel.

It keeps the same contract: intents change state, events reach listeners only from `pump()`.
The integration tests use the real engine against Kamailio; this is for widget logic only.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from softphone.identity import CallerIdentity
from softphone.model import (
    AudioDevice,
    Call,
    CallChanged,
    CallDirection,
    CallState,
    DtmfReceived,
    PhoneError,
    PhoneEvent,
    Registration,
    RegistrationChanged,
    RegistrationStatus,
)
from softphone.reasons import CallEnd, EndReason


class FakePhone:
    def __init__(self) -> None:
        self.registration = Registration()
        self._calls: dict[int, Call] = {}
        self._listeners: list[Callable[[PhoneEvent], None]] = []
        self._pending: list[PhoneEvent] = []
        self.started = False
        self.pumps = 0
        self.dtmf: list[tuple[int, str]] = []
        self.volume: dict[str, float | None] = {}
        self._next = 1

    # -- test controls --------------------------------------------------------------------------

    def set_registration(self, registration: Registration) -> None:
        self._pending.append(RegistrationChanged(registration, self.registration))
        self.registration = registration

    def ring(self, name: str, number: str) -> int:
        call = Call(self._next, CallDirection.INCOMING, CallState.RINGING,
                    CallerIdentity(name, number, f"sip:{number}@example.com"))
        self._next += 1
        self._change(call, "incoming call")
        return call.id

    def remote_hangup(self, call_id: int) -> None:
        self._change(replace(self._calls[call_id], state=CallState.ENDED, end_reason="the other party hung up",
                             end=EndReason(CallEnd.REMOTE_HUNG_UP)), "the other party hung up")

    # -- PhoneLike -------------------------------------------------------------------------------

    @property
    def calls(self) -> tuple[Call, ...]:
        return tuple(self._calls.values())

    def call(self, call_id: int) -> Call:
        return self._get(call_id)

    def add_listener(self, listener: Callable[[PhoneEvent], None]) -> None:
        self._listeners.append(listener)

    def start(self) -> None:
        self.started = True
        self.set_registration(Registration(RegistrationStatus.REGISTERING, "pbx"))

    def pump(self) -> None:
        self.pumps += 1
        events, self._pending = self._pending, []
        for event in events:
            for listener in self._listeners:
                listener(event)

    def shutdown(self) -> None:
        self.started = False

    def dial(self, target: str) -> int:
        if not target.strip().lstrip("+").isdigit():
            raise PhoneError(f"not a number or SIP address: {target!r}")
        call = Call(self._next, CallDirection.OUTGOING, CallState.DIALING,
                    CallerIdentity("", target, f"sip:{target}@example.com"))
        self._next += 1
        self._change(call, "dialing")
        return call.id

    def answer(self, call_id: int) -> None:
        self._change(replace(self._get(call_id), state=CallState.CONNECTED, connected_at=time.monotonic()),
                     "connected")

    def reject(self, call_id: int, *, busy: bool = False) -> None:
        end = EndReason(CallEnd.REJECTED_BUSY, 486) if busy else EndReason(CallEnd.REJECTED, 603)
        self._change(replace(self._get(call_id), state=CallState.ENDED, end_reason=end.words, end=end), "rejected")

    def hangup(self, call_id: int) -> None:
        self._change(replace(self._get(call_id), state=CallState.ENDED, end_reason="hung up",
                             end=EndReason(CallEnd.HUNG_UP)), "hung up")

    def hold(self, call_id: int) -> None:
        self._change(replace(self._get(call_id), on_hold=True), "put on hold")

    def resume(self, call_id: int) -> None:
        self._change(replace(self._get(call_id), on_hold=False), "resumed")

    def set_muted(self, call_id: int, muted: bool) -> None:
        self._change(replace(self._get(call_id), muted=muted), "muted")

    def send_dtmf(self, call_id: int, digits: str) -> None:
        self._get(call_id)
        self.dtmf.append((call_id, digits))
        self._pending.append(DtmfReceived(call_id, digits, "rfc4733"))

    def set_volume(self, *, speaker: float | None = None, microphone: float | None = None,
                   ring: float | None = None) -> None:
        self.volume = {"speaker": speaker, "microphone": microphone, "ring": ring}

    def audio_devices(self) -> tuple[AudioDevice, ...]:
        return (AudioDevice(0, "Headset", "fake", 1, 2), AudioDevice(1, "Speakers", "fake", 0, 2))

    def _get(self, call_id: int) -> Call:
        if call_id not in self._calls:
            raise PhoneError(f"no call {call_id}")
        return self._calls[call_id]

    def _change(self, call: Call, reason: str) -> None:
        previous = self._calls.get(call.id)
        if call.state.live:
            self._calls[call.id] = call
        else:
            self._calls.pop(call.id, None)
        self._pending.append(CallChanged(call, previous, reason))
