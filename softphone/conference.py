"""Three-way calls: two of our calls joined on pjmedia's conference bridge, with us still in both.

Joining takes both calls off hold (without holding the other, unlike `resume`) and sends each
call's audio to the other as well as to our headset; the cross-connection is made again whenever
a call's media restarts (a re-INVITE), and forgotten when either call ends.
"""

from __future__ import annotations

import contextlib

import pjsua2 as pj

from softphone.calls import CallTable
from softphone.model import CallChanged, CallState, PhoneError, Refusal


class Conference:
    """Pairs of our calls joined into three-way calls."""

    def __init__(self, calls: CallTable) -> None:
        self._calls = calls
        self._partner: dict[int, int] = {}
        calls.audio_connected = self._on_audio_connected

    def joined(self, call_id: int) -> int | None:
        return self._partner.get(call_id)

    def join(self, a: int, b: int) -> None:
        if a == b:
            raise PhoneError("a call cannot be joined with itself")
        for key in (a, b):
            if self._calls.live_handle(key)[1].state is not CallState.CONNECTED:
                raise PhoneError(f"call {key} is not connected, so it cannot be joined", Refusal.NOT_CONNECTED)
        self._partner[a], self._partner[b] = b, a
        for key in (a, b):
            if self._calls.snapshot(key).on_hold:
                self._calls.resume(key, hold_others=False)
        self._cross(a, b)

    def _on_audio_connected(self, key: int) -> None:
        partner = self._partner.get(key)
        if partner is not None:
            self._cross(key, partner)

    def _cross(self, a: int, b: int) -> None:
        audio_a, audio_b = self._calls.audio_media(a), self._calls.audio_media(b)
        if audio_a is None or audio_b is None:
            return  # the other side's media comes up later and calls back here
        with contextlib.suppress(pj.Error):
            audio_a.startTransmit(audio_b)
            audio_b.startTransmit(audio_a)

    def call_changed(self, event: CallChanged) -> None:
        if event.call.state is CallState.ENDED:
            partner = self._partner.pop(event.call.id, None)
            if partner is not None:
                self._partner.pop(partner, None)
