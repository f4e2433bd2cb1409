"""INVITEs that do not become calls: those the gate refuses (`softphone.screening`) and callers pjsua
refused itself because every call slot was in use.

Runs on the phone's owner thread (see `softphone.engine`): `refuse` and `rejected` inside pjsua2's
callbacks, `send_due` from the pump, outside them.
"""

from __future__ import annotations

import contextlib
import logging
from typing import Any

import pjsua2 as pj

from softphone.host import CallHost
from softphone.identity import headers_of, identity_from_message
from softphone.model import CallRefused
from softphone.pjobjects import CallHandle
from softphone.screening import IncomingGate, Refused, TokenBucket, has_offer

log = logging.getLogger(__name__)

# Refusing an INVITE frees its call slot for the next one, and every INVITE with an offer that gets a slot
# has pjsua open two media sockets first. Closed sockets come back to pjlib's select() queue (64 handles)
# only after 500 ms, and an empty queue aborts the process: so refusals go out at most this fast, and
# under a flood the rest wait in their slots (the flood's next INVITEs then get 486, which opens nothing).
# Measured: 25 a second (bursts of 5) held with no call up; 40 (bursts of 10) aborted.
REFUSALS_PER_S, REFUSAL_BURST = 20.0, 5.0
_REFUSED_REMEMBERED = 64  # Call-IDs of refused callers kept, so a retransmitted INVITE is reported once


class Refusals:
    def __init__(self, phone: CallHost, gate: IncomingGate) -> None:
        self._phone = phone
        self._gate = gate
        self._waiting: list[tuple[CallHandle, Refused]] = []  # refused, waiting for their turn to be answered
        self._answered: list[CallHandle] = []  # released on the next pump, never in a callback
        self._rate = TokenBucket(REFUSALS_PER_S, REFUSAL_BURST)
        self._refused_ids: dict[str, None] = {}  # Call-IDs of callers refused as full, oldest first

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def refuse(self, call_id: int, refused: Refused, message: str) -> None:
        """Answer an INVITE that must not become a call with our own code, at once when the refusal rate
        allows (else from a later pump: `send_due`); it never gets a snapshot.

        An INVITE without an offer is left unreferenced instead: pjsua2 declines it itself right after the
        callback (and it opened no media sockets). Hanging one up inside onIncomingCall frees its request,
        which pjsua2 frees again when the callback returns, and the process aborts. A refused call's
        handle has key 0, which no call has."""
        if not has_offer(message):
            return
        handle = CallHandle(self._phone, 0, self._phone.account, call_id)
        if self._waiting or not self._rate.take(self._phone.now()):
            self._waiting.append((handle, refused))
            return
        self._send(handle, refused)

    def send_due(self, now: float) -> None:
        """Answer the refused INVITEs whose turn has come."""
        while self._waiting and self._rate.take(now):
            self._send(*self._waiting.pop(0))

    def rejected(self, prm: Any, calls_up: int) -> None:
        """pjsua answered an INVITE before any call existed (486 when every call slot is in use: the
        wheel has four). A caller from the trust domain is logged and reported (`CallRefused`), once per
        Call-ID however often the INVITE is retransmitted; anything else only counts as what it is."""
        message, source, code = str(prm.rdata.wholeMsg), str(prm.rdata.srcAddress), int(prm.statusCode)
        if self._gate.screen(source, message, self._phone.now()) is not None:
            return  # untrusted or malformed: logged (throttled) as such, not a caller
        if code != 486:
            log.info("pjsua refused a call with %s %s", code, prm.reason)  # e.g. an offer it cannot read
            return
        headers = headers_of(message)
        call_id = (headers.get("call-id") or headers.get("i") or [""])[0].strip()
        if call_id in self._refused_ids:
            return
        self._refused_ids[call_id] = None
        while len(self._refused_ids) > _REFUSED_REMEMBERED:
            del self._refused_ids[next(iter(self._refused_ids))]
        log.warning("a caller was refused with %s %s: every call slot is in use (%d calls, %d refusals waiting)",
                    code, prm.reason, calls_up, len(self._waiting))
        self._phone.queue(CallRefused(identity_from_message(message), code, str(prm.reason)))

    def release(self) -> None:
        self._answered.clear()

    def send_all(self) -> None:
        """At shutdown: every refusal still waiting goes out now."""
        waiting, self._waiting = self._waiting, []
        for handle, refused in waiting:
            self._send(handle, refused)

    def drop_all(self) -> None:
        self._waiting.clear()
        self._answered.clear()

    def _send(self, handle: CallHandle, refused: Refused) -> None:
        prm = pj.CallOpParam(True)
        prm.statusCode = refused.code
        prm.reason = refused.phrase
        with contextlib.suppress(pj.Error):
            handle.hangup(prm)
        self._answered.append(handle)
