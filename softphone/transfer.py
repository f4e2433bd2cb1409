"""Transfers: blind (REFER), attended (consultation, then REFER with Replaces), and their progress.

Runs on the phone's owner thread, like `softphone.calls`. A consultation pairs a held caller with a
call we dialled on the caller's behalf. Completing it while the consulted party is still ringing
cannot use Replaces (RFC 3891: a UA answers 481 to Replaces naming an early dialog it did not start),
so the consultation is cancelled and the caller is transferred blind to the same target instead.
The REFER's NOTIFYs become `TransferProgress` events; on a final 2xx the phone hangs up its legs.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

import pjsua2 as pj

from softphone.addressing import dial_uri
from softphone.conference import Conference
from softphone.model import (
    CallChanged,
    CallState,
    Consultation,
    ConsultationChanged,
    PhoneError,
    Refusal,
    TransferProgress,
)
from softphone.reasons import CallEnd, EndReason

if TYPE_CHECKING:
    from softphone.calls import CallTable
    from softphone.engine import Phone
    from softphone.pjobjects import CallHandle


class TransferDesk:
    def __init__(self, phone: Phone, calls: CallTable) -> None:
        self._phone = phone
        self._calls = calls
        self._conference = Conference(calls)
        self._consults: dict[int, Consultation] = {}  # by consult_id
        self._targets: dict[int, str] = {}  # call id -> URI of a transfer under way

    @property
    def consultations(self) -> tuple[Consultation, ...]:
        return tuple(self._consults[k] for k in sorted(self._consults))

    def consultation(self, consult_id: int) -> Consultation:
        try:
            return self._consults[consult_id]
        except KeyError:
            raise PhoneError(f"call {consult_id} is not a consultation", Refusal.NOT_CONSULTING) from None

    def transferring(self, call_id: int) -> str | None:
        """The target URI while a transfer of `call_id` awaits its final NOTIFY, else None."""
        return self._targets.get(call_id)

    def joined(self, call_id: int) -> int | None:
        return self._conference.joined(call_id)

    # -- intents ----------------------------------------------------------------------------------

    def blind(self, call_id: int, target: str) -> None:
        handle, snap = self._calls.live_handle(call_id)
        if snap.state is not CallState.CONNECTED:
            raise PhoneError(f"call {call_id} is not connected, so it cannot be transferred", Refusal.NOT_CONNECTED)
        try:
            uri = dial_uri(target, self._phone.settings.account.domain)
        except ValueError as error:
            raise PhoneError(str(error), Refusal.NOT_A_NUMBER, target) from None
        try:
            handle.xfer(uri, pj.CallOpParam(True))
        except pj.Error as error:
            raise PhoneError(f"could not transfer call {call_id}: {error.info()}", Refusal.SIP, error.info()) from None
        self._targets[call_id] = uri

    def consult(self, caller_id: int, target: str) -> int:
        _, snap = self._calls.live_handle(caller_id)
        if snap.state is not CallState.CONNECTED:
            raise PhoneError(f"call {caller_id} is not connected, so it cannot be consulted on", Refusal.NOT_CONNECTED)
        if any(c.caller_id == caller_id for c in self._consults.values()):
            raise PhoneError(f"call {caller_id} already has a consultation", Refusal.CONSULTING)
        consult_id = self._calls.dial(target)  # dialling holds the caller
        consultation = Consultation(caller_id, consult_id, self._calls.snapshot(consult_id).remote.uri)
        self._consults[consult_id] = consultation
        self._phone.queue(ConsultationChanged(consultation))
        return consult_id

    def complete(self, consult_id: int) -> None:
        consultation = self.consultation(consult_id)
        caller, caller_snap = self._calls.live_handle(consultation.caller_id)
        consult, consult_snap = self._calls.live_handle(consult_id)
        if caller_snap.state is not CallState.CONNECTED:
            raise PhoneError(f"call {consultation.caller_id} is not connected, so it cannot be transferred",
                             Refusal.NOT_CONNECTED)
        if consult_snap.state is CallState.CONNECTED:
            try:
                caller.xferReplaces(consult, pj.CallOpParam(True))
            except pj.Error as error:
                raise PhoneError(f"could not transfer call {consultation.caller_id}: {error.info()}",
                                 Refusal.SIP, error.info()) from None
            self._targets[consultation.caller_id] = consultation.target
            return
        # Still ringing: hand the caller over blind, then drop our ringing leg.
        self.blind(consultation.caller_id, consultation.target)
        self._end(consult_id, "transferred while ringing")
        self._calls.hangup(consult_id)

    def cancel(self, consult_id: int) -> None:
        """Hang up the consultation and go back to the caller."""
        consultation = self.consultation(consult_id)
        self._end(consult_id, "cancelled")
        with contextlib.suppress(PhoneError):
            self._calls.hangup(consult_id)
        self._calls.resume(consultation.caller_id)

    def join(self, consult_id: int) -> None:
        """Three-way: the caller, the consulted party and us, all hearing each other."""
        consultation = self.consultation(consult_id)
        self._conference.join(consultation.caller_id, consult_id)

    def toggle(self, consult_id: int) -> int:
        """Talk to whichever of caller and consulted party is held; returns that call's id."""
        consultation = self.consultation(consult_id)
        caller = self._calls.snapshot(consultation.caller_id)
        other = consultation.consult_id if not caller.on_hold else consultation.caller_id
        self._calls.resume(other)
        return other

    # -- events -----------------------------------------------------------------------------------

    def transfer_status(self, handle: CallHandle, prm: Any) -> None:
        self._phone.check_thread()
        code, final = int(prm.statusCode), bool(prm.finalNotify)
        target = self._targets.get(handle.key, "")
        succeeded = 200 <= code < 300
        if succeeded or final:
            prm.cont = False  # no further NOTIFYs wanted
            final = True
            self._targets.pop(handle.key, None)
        self._phone.queue(TransferProgress(handle.key, code, str(prm.reason), final, target))
        if not succeeded:
            return
        # pjsua_app does the same: the transferee reached the target, so our legs are done.
        for consultation in [c for c in self._consults.values() if c.caller_id == handle.key]:
            self._end(consultation.consult_id, "transferred")
            self._calls.end_quietly(consultation.consult_id, EndReason(CallEnd.TRANSFERRED))
        self._calls.end_quietly(handle.key, EndReason(CallEnd.TRANSFERRED))

    def call_changed(self, event: CallChanged) -> None:
        """A leg of a consultation ended by itself: the consultation is over."""
        self._conference.call_changed(event)
        if event.call.state is not CallState.ENDED:
            return
        self._targets.pop(event.call.id, None)
        consultation = self._consults.get(event.call.id)
        if consultation is not None:
            # The target ends the replaced dialog itself once it took the caller's INVITE with Replaces.
            replaced = consultation.caller_id in self._targets
            self._end(event.call.id, "transferred" if replaced else "target ended")
        for consultation in [c for c in self._consults.values() if c.caller_id == event.call.id]:
            self._end(consultation.consult_id, "caller hung up")

    def _end(self, consult_id: int, outcome: str) -> None:
        consultation = self._consults.pop(consult_id, None)
        if consultation is not None:
            self._phone.queue(ConsultationChanged(consultation, ended=True, outcome=outcome))
