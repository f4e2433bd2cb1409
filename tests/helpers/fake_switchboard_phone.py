"""`FakePhone` plus the engine's transfer intents and its one-active-call policy, for desk and panel tests.

Like the engine: answering, dialling or resuming a call holds the other connected calls (so dialling a
consultation holds its caller); it knows calls only, never which is a consultation; a transfer's outcome
arrives as `TransferProgress` and on success the console's legs end. Test controls say what the far ends
do: `alert`, `remote_answer`, `remote_busy`, `remote_decline`, `remote_no_answer`, `transfer_result`, and a
ringing caller's `caller_cancel`.
The integration tests drive the real engine against Kamailio; this is for state-machine and widget logic.
"""

from __future__ import annotations

from dataclasses import replace

from softphone.identity import CallerIdentity
from softphone.model import Call, CallDirection, CallRefused, CallState, PhoneError, TransferProgress
from softphone.reasons import CallEnd, EndReason, end_reason
from tests.helpers.fake_phone import FakePhone


class FakeSwitchboardPhone(FakePhone):
    def __init__(self) -> None:
        super().__init__()
        self.transfers: dict[int, str] = {}  # caller id -> target of a REFER awaiting its outcome
        self.replacing: dict[int, int] = {}  # caller id -> the consultation leg an attended transfer replaces
        self.joined: tuple[int, int] | None = None

    # -- test controls --------------------------------------------------------------------------

    def ring(self, name: str, number: str, dialled: str = "", queue_id: str = "", *, unverified: bool = False) -> int:
        """An INVITE arrives; `queue_id` as the exchange's queue marks a caller an operator picked;
        `unverified` as from outside the trust domain."""
        call = Call(self._next, CallDirection.INCOMING, CallState.RINGING,
                    CallerIdentity(name, number, f"sip:{number}@example.com", dialled=dialled, queue_id=queue_id,
                                   unverified=unverified))
        self._next += 1
        self._change(call, "incoming call")
        return call.id

    def refuse_full(self, name: str, number: str, dialled: str = "") -> None:
        """An INVITE arrives while every call slot is in use: pjsua answers 486 before any call exists."""
        self._pending.append(CallRefused(CallerIdentity(name, number, f"sip:{number}@example.com", dialled=dialled),
                                         486, "Busy Here"))

    def call_on_hold(self, call_id: int) -> bool:
        return self._get(call_id).on_hold

    def alert(self, call_id: int) -> None:
        self._change(replace(self._get(call_id), state=CallState.ALERTING), "the other side is ringing")

    def remote_answer(self, call_id: int) -> None:
        self._change(replace(self._get(call_id), state=CallState.CONNECTED), "connected")

    def remote_busy(self, call_id: int) -> None:
        self._end(call_id, end_reason(486, "Busy Here", by_us=False))

    def remote_decline(self, call_id: int) -> None:
        self._end(call_id, end_reason(603, "Decline", by_us=False))

    def remote_no_answer(self, call_id: int) -> None:
        """The target rang out: the exchange ends our INVITE with 480 Temporarily Unavailable."""
        self._end(call_id, end_reason(480, "Temporarily Unavailable", by_us=False))

    def caller_cancel(self, call_id: int) -> None:
        """The caller hangs up while it rings here: their CANCEL ends the INVITE with 487, as the engine sees it."""
        call = self._get(call_id)
        self._end(call_id, end_reason(487, "Request Terminated", by_us=False,
                                      incoming=call.direction is CallDirection.INCOMING))

    def transfer_result(self, caller_id: int, code: int, reason: str = "") -> None:
        """The transferee's final NOTIFY: on 2xx the console's legs end, as the engine does."""
        target = self.transfers.pop(caller_id, "")
        replaced = self.replacing.pop(caller_id, None)
        self._pending.append(TransferProgress(caller_id, code, reason or ("OK" if code < 300 else "Busy"), True,
                                              target))
        if 200 <= code < 300:
            if replaced is not None:
                self._end(replaced, EndReason(CallEnd.TRANSFERRED))
            self._end(caller_id, EndReason(CallEnd.TRANSFERRED))

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

    def complete_transfer(self, caller_id: int, consult_id: int) -> None:
        consult = self._get(consult_id)
        if self._get(caller_id).state is not CallState.CONNECTED:
            raise PhoneError(f"call {caller_id} is not connected, so it cannot be transferred")
        self.transfers[caller_id] = consult.remote.uri
        if consult.state is CallState.CONNECTED:
            self.replacing[caller_id] = consult_id
            return
        self.hangup(consult_id)  # still ringing: the caller goes blind, our ringing leg is dropped

    def join(self, call_id: int, other_id: int) -> None:
        for key in (call_id, other_id):
            if self._get(key).state is not CallState.CONNECTED:
                raise PhoneError(f"call {key} is not connected, so it cannot be joined")
        for key in (call_id, other_id):
            if self._get(key).on_hold:
                FakePhone.resume(self, key)
        self.joined = (call_id, other_id)

    # -- plumbing -------------------------------------------------------------------------------

    def remote_hangup(self, call_id: int) -> None:
        super().remote_hangup(call_id)
        self._closed(call_id)

    def _end(self, call_id: int, end: EndReason) -> None:
        if call_id in self._calls:
            self._change(replace(self._calls[call_id], state=CallState.ENDED, end_reason=end.words, end=end),
                         end.words)
            self._closed(call_id)

    def _closed(self, call_id: int) -> None:
        self.transfers.pop(call_id, None)
        self.replacing.pop(call_id, None)
        if self.joined is not None and call_id in self.joined:
            self.joined = None

    def _hold_others(self, keep: int | None) -> None:
        for call in list(self._calls.values()):
            if call.id != keep and call.state is CallState.CONNECTED and not call.on_hold:
                FakePhone.hold(self, call.id)
