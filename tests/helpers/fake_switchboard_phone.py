"""`FakePhone` plus the engine's transfer intents and its one-active-call policy, for desk and panel tests.

Like the engine: answering, dialling or resuming a call holds the other connected calls; a consultation
holds its caller; a transfer's outcome arrives as `TransferProgress` and on success the console's legs
end. Test controls say what the far ends do: `alert`, `remote_answer`, `remote_busy`, `transfer_result`.
The integration tests drive the real engine against Kamailio; this is for state-machine and widget logic.
"""

from __future__ import annotations

from dataclasses import replace

from softphone.identity import CallerIdentity
from softphone.model import (
    Call,
    CallDirection,
    CallState,
    Consultation,
    ConsultationChanged,
    PhoneError,
    TransferProgress,
)
from tests.helpers.fake_phone import FakePhone


class FakeSwitchboardPhone(FakePhone):
    def __init__(self) -> None:
        super().__init__()
        self.consults: dict[int, Consultation] = {}
        self.transfers: dict[int, str] = {}  # caller id -> target of a REFER awaiting its outcome
        self.joined: tuple[int, int] | None = None

    # -- test controls --------------------------------------------------------------------------

    def ring(self, name: str, number: str, dialled: str = "") -> int:
        call = Call(self._next, CallDirection.INCOMING, CallState.RINGING,
                    CallerIdentity(name, number, f"sip:{number}@example.com", dialled=dialled))
        self._next += 1
        self._change(call, "incoming call")
        return call.id

    def call_on_hold(self, call_id: int) -> bool:
        return self._get(call_id).on_hold

    def alert(self, call_id: int) -> None:
        self._change(replace(self._get(call_id), state=CallState.ALERTING), "the other side is ringing")

    def remote_answer(self, call_id: int) -> None:
        self._change(replace(self._get(call_id), state=CallState.CONNECTED), "connected")

    def remote_busy(self, call_id: int) -> None:
        self._end(call_id, "busy (486)")

    def transfer_result(self, caller_id: int, code: int, reason: str = "") -> None:
        """The transferee's final NOTIFY: on 2xx the console's legs end, as the engine does."""
        target = self.transfers.pop(caller_id, "")
        self._pending.append(TransferProgress(caller_id, code, reason or ("OK" if code < 300 else "Busy"), True,
                                              target))
        if 200 <= code < 300:
            for consult_id in [k for k, c in self.consults.items() if c.caller_id == caller_id]:
                self._end_consult(consult_id, "transferred")
                if consult_id in self._calls:
                    self._end(consult_id, "transferred")
            self._end(caller_id, "transferred")

    # -- the engine's intents -------------------------------------------------------------------

    def answer(self, call_id: int) -> None:
        if self._get(call_id).state is not CallState.RINGING:
            raise PhoneError(f"call {call_id} is not ringing")
        self._hold_others(call_id)
        super().answer(call_id)

    def dial(self, target: str) -> int:
        self._hold_others(None)
        return super().dial(target)

    def hold(self, call_id: int) -> None:
        if self._get(call_id).state is not CallState.CONNECTED:
            raise PhoneError(f"call {call_id} is not connected, so it cannot be held")
        super().hold(call_id)

    def resume(self, call_id: int) -> None:
        self._hold_others(call_id)
        super().resume(call_id)

    def hangup(self, call_id: int) -> None:
        super().hangup(call_id)
        self._closed(call_id)

    def transfer(self, call_id: int, target: str) -> None:
        if self._get(call_id).state is not CallState.CONNECTED:
            raise PhoneError(f"call {call_id} is not connected, so it cannot be transferred")
        self.transfers[call_id] = f"sip:{target}@example.com"

    def consult(self, caller_id: int, target: str) -> int:
        if self._get(caller_id).state is not CallState.CONNECTED:
            raise PhoneError(f"call {caller_id} is not connected, so it cannot be consulted on")
        consult_id = self.dial(target)
        consultation = Consultation(caller_id, consult_id, f"sip:{target}@example.com")
        self.consults[consult_id] = consultation
        self._pending.append(ConsultationChanged(consultation))
        return consult_id

    def complete_transfer(self, consult_id: int) -> None:
        consultation = self._consultation(consult_id)
        if self._get(consult_id).state is CallState.CONNECTED:
            self.transfers[consultation.caller_id] = consultation.target
            return
        self.transfers[consultation.caller_id] = consultation.target
        self._end_consult(consult_id, "transferred while ringing")
        self.hangup(consult_id)

    def cancel_consultation(self, consult_id: int) -> None:
        consultation = self._consultation(consult_id)
        self._end_consult(consult_id, "cancelled")
        self.hangup(consult_id)
        self.resume(consultation.caller_id)

    def join_consultation(self, consult_id: int) -> None:
        consultation = self._consultation(consult_id)
        for call_id in (consultation.caller_id, consult_id):
            if self._get(call_id).state is not CallState.CONNECTED:
                raise PhoneError(f"call {call_id} is not connected, so it cannot be joined")
        for call_id in (consultation.caller_id, consult_id):
            if self._get(call_id).on_hold:
                FakePhone.resume(self, call_id)
        self.joined = (consultation.caller_id, consult_id)

    def toggle_consultation(self, consult_id: int) -> int:
        consultation = self._consultation(consult_id)
        other = consult_id if not self._get(consultation.caller_id).on_hold else consultation.caller_id
        self.resume(other)
        return other

    # -- plumbing -------------------------------------------------------------------------------

    def remote_hangup(self, call_id: int) -> None:
        super().remote_hangup(call_id)
        self._closed(call_id)

    def _end(self, call_id: int, reason: str) -> None:
        if call_id in self._calls:
            self._change(replace(self._calls[call_id], state=CallState.ENDED, end_reason=reason), reason)
            self._closed(call_id)

    def _closed(self, call_id: int) -> None:
        self.transfers.pop(call_id, None)
        if call_id in self.consults:
            self._end_consult(call_id, "target ended")
        for consult_id in [k for k, c in self.consults.items() if c.caller_id == call_id]:
            self._end_consult(consult_id, "caller hung up")

    def _end_consult(self, consult_id: int, outcome: str) -> None:
        consultation = self.consults.pop(consult_id, None)
        if consultation is not None:
            self._pending.append(ConsultationChanged(consultation, ended=True, outcome=outcome))

    def _consultation(self, consult_id: int) -> Consultation:
        try:
            return self.consults[consult_id]
        except KeyError:
            raise PhoneError(f"call {consult_id} is not a consultation") from None

    def _hold_others(self, keep: int | None) -> None:
        for call in list(self._calls.values()):
            if call.id != keep and call.state is CallState.CONNECTED and not call.on_hold:
                FakePhone.hold(self, call.id)
