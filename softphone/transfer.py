"""Transfers: blind (REFER) and attended (REFER with Replaces), and their progress.

Runs on the phone's owner thread, like `softphone.calls`. Which call is a consultation for which
caller is the desk's knowledge (`softphone.desk`), not the phone's: an attended transfer names both
legs. Completing it while the consulted party is still ringing cannot use Replaces (RFC 3891: a UA
answers 481 to Replaces naming an early dialog it did not start), so the caller is transferred blind
to the same target and the ringing leg dropped instead. The REFER's NOTIFYs become
`TransferProgress` events; on a final 2xx the phone hangs up its legs.
"""

from __future__ import annotations

import contextlib
from typing import Any

import pjsua2 as pj

from softphone.addressing import dial_uri
from softphone.calls import CallTable
from softphone.host import CallHost
from softphone.model import CallChanged, CallState, PhoneError, Refusal, TransferProgress
from softphone.pjobjects import CallHandle
from softphone.reasons import CallEnd, EndReason


class Transfers:
    """The REFERs under way: their targets, and for an attended one the consultation leg it replaces."""

    def __init__(self, phone: CallHost, calls: CallTable) -> None:
        self._phone = phone
        self._calls = calls
        self._targets: dict[int, str] = {}  # call id -> URI of a transfer under way
        self._replacing: dict[int, int] = {}  # caller's call id -> the consultation leg it replaces

    def transferring(self, call_id: int) -> str | None:
        """The target URI while a transfer of `call_id` awaits its final NOTIFY, else None."""
        return self._targets.get(call_id)

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

    def attended(self, caller_id: int, consult_id: int) -> None:
        """Connect the caller to the party of `consult_id` (a call we made); we leave both calls."""
        if caller_id == consult_id:
            raise PhoneError("a call cannot be transferred to itself")
        caller, caller_snap = self._calls.live_handle(caller_id)
        consult, consult_snap = self._calls.live_handle(consult_id)
        if caller_snap.state is not CallState.CONNECTED:
            raise PhoneError(f"call {caller_id} is not connected, so it cannot be transferred", Refusal.NOT_CONNECTED)
        if consult_snap.state is CallState.CONNECTED:
            try:
                caller.xferReplaces(consult, pj.CallOpParam(True))
            except pj.Error as error:
                raise PhoneError(f"could not transfer call {caller_id}: {error.info()}",
                                 Refusal.SIP, error.info()) from None
            self._targets[caller_id] = consult_snap.remote.uri
            self._replacing[caller_id] = consult_id
            return
        # Still ringing: hand the caller over blind, then drop our ringing leg.
        self.blind(caller_id, consult_snap.remote.uri)
        with contextlib.suppress(PhoneError):
            self._calls.hangup(consult_id)

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
        replaced = self._replacing.pop(handle.key, None) if final else None
        if not succeeded:
            return
        # pjsua_app does the same: the transferee reached the target, so our legs are done.
        if replaced is not None:
            self._calls.end_quietly(replaced, EndReason(CallEnd.TRANSFERRED))
        self._calls.end_quietly(handle.key, EndReason(CallEnd.TRANSFERRED))

    def call_changed(self, event: CallChanged) -> None:
        if event.call.state is CallState.ENDED:
            self._targets.pop(event.call.id, None)
            self._replacing.pop(event.call.id, None)
