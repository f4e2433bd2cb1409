"""The live calls of a `Phone`: pjsua2 call objects, their snapshots, and the intents on them.

Runs on the phone's owner thread only (see `softphone.engine`). Policy: one call is active at a time:
dialing, answering or resuming a call first puts the other connected calls on hold.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pjsua2 as pj

from softphone.addressing import dial_uri
from softphone.host import CallHost
from softphone.identity import CallerIdentity, identity_from_message, number_of
from softphone.model import (
    Call,
    CallChanged,
    CallDirection,
    CallState,
    DtmfReceived,
    PhoneError,
    Refusal,
)
from softphone.pjobjects import CallHandle
from softphone.reasons import CallEnd, EndReason, end_reason
from softphone.refusals import Refusals
from softphone.screening import IncomingGate
from softphone.settings import DtmfMethod

_DTMF = re.compile(r"[0-9A-Da-d*#]{1,32}")
log = logging.getLogger(__name__)
_MEDIA_CHECK_INTERVAL_S = 1.0
_PJ_EINVALIDOP = 70013  # pjsua refuses a re-INVITE while another is under way
_HOLD_ATTEMPTS = 3

_STATES = {
    pj.PJSIP_INV_STATE_CALLING: CallState.DIALING,
    pj.PJSIP_INV_STATE_INCOMING: CallState.RINGING,
    pj.PJSIP_INV_STATE_CONNECTING: CallState.CONNECTING,
    pj.PJSIP_INV_STATE_CONFIRMED: CallState.CONNECTED,
    pj.PJSIP_INV_STATE_DISCONNECTED: CallState.ENDED,
}
_STATE_WORDS = {
    CallState.RINGING: "incoming call",
    CallState.DIALING: "dialing",
    CallState.ALERTING: "the other side is ringing",
    CallState.CONNECTING: "answered",
    CallState.CONNECTED: "connected",
}


class CallTable:
    def __init__(self, phone: CallHost, gate: IncomingGate) -> None:
        self._phone = phone
        self._gate = gate
        self._handles: dict[int, CallHandle] = {}
        self._snaps: dict[int, Call] = {}
        self._ended: list[Any] = []  # handles and recorders released on the next pump, not in a callback
        self._refusals = Refusals(phone, gate)  # INVITEs that do not become calls
        self._by_us: set[int] = set()
        self._end_reasons: dict[int, EndReason] = {}
        self._recorders: dict[int, Any] = {}
        self._audio_index: dict[int, int] = {}
        self._rx: dict[int, tuple[int, float]] = {}  # packets received so far, when that count last grew
        self._wanted: dict[int, tuple[bool, int]] = {}  # key -> (hold wanted, re-INVITEs sent for it)
        self._last_check = 0.0
        self._next_key = 1
        self.audio_connected: Callable[[int], None] | None = None  # after a call's audio (re)connects

    # -- snapshots --------------------------------------------------------------------------------

    def snapshots(self) -> tuple[Call, ...]:
        self._phone.check_thread()
        return tuple(self._snaps[k] for k in sorted(self._snaps))

    def snapshot(self, key: int) -> Call:
        self._phone.check_thread()
        try:
            return self._snaps[key]
        except KeyError:
            raise self._error(f"no call {key}", Refusal.NO_CALL) from None

    def live(self) -> bool:
        return bool(self._handles)

    def _publish(self, new: Call, previous: Call | None, reason: str) -> None:
        if new.state.live:
            self._snaps[new.id] = new
        else:
            self._snaps.pop(new.id, None)
        if new != previous:
            self._phone.queue(CallChanged(new, previous, reason))
        calls = self._snaps.values()
        self._phone.audio.ring(any(c.state is CallState.RINGING for c in calls))
        self._phone.audio.ringback(any(c.state is CallState.ALERTING and not c.audio_connected for c in calls))

    def _error(self, message: str, kind: Refusal = Refusal.OTHER, detail: str = "") -> Exception:
        return PhoneError(message, kind, detail)

    def live_handle(self, key: int) -> tuple[CallHandle, Call]:
        return self._live_handle(key)

    def end_quietly(self, key: int, reason: EndReason) -> None:
        """Hang up a call if it is still up, with `reason` as its end reason (after a transfer)."""
        handle = self._handles.get(key)
        if handle is None:
            return
        self._by_us.add(key)
        self._end_reasons[key] = reason
        with contextlib.suppress(pj.Error):
            handle.hangup(pj.CallOpParam(True))

    def _live_handle(self, key: int) -> tuple[CallHandle, Call]:
        self._phone.require_started()
        snap, handle = self._snaps.get(key), self._handles.get(key)
        if snap is None or handle is None:
            raise self._error(f"no call {key}", Refusal.NO_CALL)
        return handle, snap

    # -- intents ----------------------------------------------------------------------------------

    def dial(self, target: str) -> int:
        self._phone.require_started()
        try:
            uri = dial_uri(target, self._phone.settings.account.domain)
        except ValueError as error:
            raise self._error(str(error), Refusal.NOT_A_NUMBER, target) from None
        self._hold_others(None)
        key = self._new_key()
        handle = CallHandle(self._phone, key, self._phone.account)
        snap = Call(key, CallDirection.OUTGOING, CallState.DIALING, CallerIdentity("", number_of(uri), uri),
                    started_at=self._phone.now())
        self._handles[key], self._snaps[key] = handle, snap
        try:
            handle.makeCall(uri, pj.CallOpParam(True))
        except pj.Error as error:
            del self._handles[key], self._snaps[key]
            self._ended.append(handle)
            raise self._error(f"could not call {uri}: {error.info()}", Refusal.SIP, error.info()) from None
        self._phone.queue(CallChanged(self._snaps[key], None, "dialing"))
        return key

    def answer(self, key: int) -> None:
        handle, snap = self._live_handle(key)
        if snap.state is not CallState.RINGING:
            raise self._error(f"call {key} is not ringing", Refusal.NOT_RINGING)
        self._hold_others(key)
        self._op(handle, "answer", 200)

    def reject(self, key: int, code: int) -> None:
        handle, snap = self._live_handle(key)
        if snap.state is not CallState.RINGING:
            raise self._error(f"call {key} is not ringing", Refusal.NOT_RINGING)
        self._by_us.add(key)
        self._end_reasons[key] = EndReason(CallEnd.REJECTED_BUSY if code == 486 else CallEnd.REJECTED, code)
        self._op(handle, "hangup", code)

    def hangup(self, key: int) -> None:
        handle, _ = self._live_handle(key)
        self._by_us.add(key)
        self._op(handle, "hangup", 0)

    def hold(self, key: int) -> None:
        _, snap = self._live_handle(key)
        if snap.state is not CallState.CONNECTED:
            raise self._error(f"call {key} is not connected, so it cannot be held", Refusal.NOT_CONNECTED)
        self._want_hold(key, True)

    def resume(self, key: int, *, hold_others: bool = True) -> None:
        _, snap = self._live_handle(key)
        if snap.state is not CallState.CONNECTED:
            raise self._error(f"call {key} is not connected", Refusal.NOT_CONNECTED)
        if hold_others:
            self._hold_others(key)
        self._want_hold(key, False)

    # Hold and resume are wanted states, reconciled here and at every pump: pjsua refuses a re-INVITE
    # while another is under way (PJ_EINVALIDOP), e.g. resuming a caller whose hold is still being
    # negotiated, so the intent is kept and carried out once the first one is done.

    def _want_hold(self, key: int, held: bool) -> None:
        self._wanted[key] = (held, 0)
        self._reconcile(key, raising=True)

    def reconcile_holds(self) -> None:
        for key in list(self._wanted):
            self._reconcile(key, raising=False)

    def _reconcile(self, key: int, *, raising: bool) -> None:
        held, sent = self._wanted[key]
        snap, handle = self._snaps.get(key), self._handles.get(key)
        if snap is None or handle is None or snap.state is not CallState.CONNECTED:
            return  # ended (released in _release) or not yet connected
        if snap.on_hold == held:
            return
        if sent >= _HOLD_ATTEMPTS:  # the other side keeps refusing: say so once and stop asking
            del self._wanted[key]
            log.warning("call %s: %s refused %d times", key, "hold" if held else "resume", sent)
            return
        prm = pj.CallOpParam(True)
        try:
            if held:
                handle.setHold(prm)
            else:
                prm.opt.flag = pj.PJSUA_CALL_UNHOLD
                handle.reinvite(prm)
        except pj.Error as error:
            if error.status == _PJ_EINVALIDOP:
                return  # a re-INVITE is under way: try again at the next pump
            del self._wanted[key]
            if raising:
                raise self._error(f"could not {'hold' if held else 'resume'} call {key}: {error.info()}",
                                  Refusal.SIP, error.info()) from None
            log.warning("call %s: %s failed: %s", key, "hold" if held else "resume", error.info())
            return
        self._wanted[key] = (held, sent + 1)

    def set_muted(self, key: int, muted: bool) -> None:
        handle, snap = self._live_handle(key)
        if snap.muted == muted:
            return
        index = self._audio_index.get(key)
        if index is not None:
            with contextlib.suppress(pj.Error):
                audio = handle.getAudioMedia(index)
                capture = self._phone.audio.capture
                if muted:
                    capture.stopTransmit(audio)
                else:
                    capture.startTransmit(audio)
        self._publish(replace(snap, muted=muted), snap, "muted" if muted else "unmuted")

    def send_dtmf(self, key: int, digits: str, method: DtmfMethod) -> None:
        handle, snap = self._live_handle(key)
        if not _DTMF.fullmatch(digits):
            raise self._error(f"not DTMF digits: {digits!r}")
        if snap.state is not CallState.CONNECTED:
            raise self._error(f"call {key} is not connected", Refusal.NOT_CONNECTED)
        try:
            if method is DtmfMethod.SIP_INFO:
                prm = pj.CallSendDtmfParam()
                prm.method = pj.PJSUA_DTMF_METHOD_SIP_INFO
                prm.digits = digits
                handle.sendDtmf(prm)
            else:
                handle.dialDtmf(digits)
        except pj.Error as error:
            raise self._error(f"could not send DTMF: {error.info()}", Refusal.SIP, error.info()) from None

    def start_recording(self, key: int, path: Path) -> None:
        handle, snap = self._live_handle(key)
        index = self._audio_index.get(key)
        if index is None or key in self._recorders:
            raise self._error(f"call {key} has no audio to record, or is recording already")
        recorder = pj.AudioMediaRecorder()
        try:
            recorder.createRecorder(str(path))
            handle.getAudioMedia(index).startTransmit(recorder)
        except pj.Error as error:
            raise self._error(f"could not record to {path}: {error.info()}") from None
        self._recorders[key] = recorder
        self._publish(replace(snap, recording=True), snap, "recording")

    def stop_recording(self, key: int) -> None:
        handle, snap = self._live_handle(key)
        recorder = self._recorders.pop(key, None)
        if recorder is None:
            return
        index = self._audio_index.get(key)
        if index is not None:
            with contextlib.suppress(pj.Error):
                handle.getAudioMedia(index).stopTransmit(recorder)
        # The WAV header is written when the recorder is destroyed; pjmedia removes the port from the
        # conference bridge asynchronously, so the file is complete a few pumps later.
        del recorder
        self._publish(replace(snap, recording=False), snap, "recording stopped")

    def _op(self, handle: CallHandle, name: str, code: int | None) -> None:
        prm = pj.CallOpParam(True)
        if code is not None:
            prm.statusCode = code
        try:
            getattr(handle, name)(prm)
        except pj.Error as error:
            raise self._error(f"{name} failed: {error.info()}", Refusal.SIP, error.info()) from None

    def _hold_others(self, keep: int | None) -> None:
        for key, snap in list(self._snaps.items()):
            if key != keep and snap.state is CallState.CONNECTED and (not snap.on_hold or key in self._wanted):
                self._wanted[key] = (True, 0)
                self._reconcile(key, raising=False)

    def _new_key(self) -> int:
        key, self._next_key = self._next_key, self._next_key + 1
        return key

    # -- pjsua2 callbacks -------------------------------------------------------------------------

    def incoming(self, prm: Any) -> None:
        self._phone.check_thread()
        message, source = str(prm.rdata.wholeMsg), str(prm.rdata.srcAddress)
        refused = self._gate.screen(source, message, self._phone.now())
        if refused is not None:
            self._refusals.refuse(prm.callId, refused, message)
            return
        key = self._new_key()
        handle = CallHandle(self._phone, key, self._phone.account, prm.callId)
        identity = identity_from_message(message, trusted=self._gate.trusted.trusts(source))
        snap = Call(key, CallDirection.INCOMING, CallState.RINGING, identity, started_at=self._phone.now())
        self._handles[key] = handle
        self._publish(snap, None, "incoming call")
        with contextlib.suppress(pj.Error):
            handle.answer(_status(180))

    def rejected(self, prm: Any) -> None:
        self._phone.check_thread()
        self._refusals.rejected(prm, len(self._handles))

    def send_refusals(self, now: float) -> None:
        """From the pump: refusals whose turn has come (`softphone.refusals`)."""
        self._refusals.send_due(now)

    def state_changed(self, handle: CallHandle) -> None:
        self._phone.check_thread()
        previous = self._snaps.get(handle.key)
        if previous is None:
            return
        info = handle.getInfo()
        state = _STATES.get(info.state, previous.state)
        if info.state == pj.PJSIP_INV_STATE_EARLY:
            state = CallState.RINGING if previous.direction is CallDirection.INCOMING else CallState.ALERTING
        code = int(info.lastStatusCode)
        if state is CallState.ENDED:
            end = self._end_reasons.pop(handle.key, None) or end_reason(
                code, str(info.lastReason), by_us=handle.key in self._by_us,
                incoming=previous.direction is CallDirection.INCOMING)
            reason = end.words
            new = replace(previous, state=state, status_code=code, end_reason=reason, end=end, recording=False)
            self._release(handle.key)
        else:
            reason = _STATE_WORDS.get(state, state.value)
            connected_at = previous.connected_at
            if state is CallState.CONNECTED and connected_at is None:
                connected_at = self._phone.now()
            new = replace(previous, state=state, status_code=code, connected_at=connected_at)
        self._publish(new, previous, reason)

    def media_changed(self, handle: CallHandle) -> None:
        self._phone.check_thread()
        previous = self._snaps.get(handle.key)
        if previous is None:
            return
        on_hold = remote_hold = connected = False
        info = handle.getInfo()  # keep it alive: .media points into it
        for media in info.media:
            if media.type != pj.PJMEDIA_TYPE_AUDIO:
                continue
            on_hold |= media.status == pj.PJSUA_CALL_MEDIA_LOCAL_HOLD
            remote_hold |= media.status == pj.PJSUA_CALL_MEDIA_REMOTE_HOLD
            if media.status in (pj.PJSUA_CALL_MEDIA_ACTIVE, pj.PJSUA_CALL_MEDIA_REMOTE_HOLD):
                self._connect_audio(handle, int(media.index), previous.muted)
                connected = True
        self._rx.pop(handle.key, None)  # media restarted: the RTP timeout counts from now
        new = replace(previous, on_hold=on_hold, remote_hold=remote_hold, audio_connected=connected or on_hold)
        reason = ("put on hold" if on_hold and not previous.on_hold else
                  "resumed" if previous.on_hold and not on_hold else
                  "held by the other party" if remote_hold and not previous.remote_hold else
                  "resumed by the other party" if previous.remote_hold and not remote_hold else
                  "audio connected")
        self._publish(new, previous, reason)

    def _connect_audio(self, handle: CallHandle, index: int, muted: bool) -> None:
        self._audio_index[handle.key] = index
        audio = handle.getAudioMedia(index)
        audio.startTransmit(self._phone.audio.playback)
        if not muted:
            self._phone.audio.capture.startTransmit(audio)
        recorder = self._recorders.get(handle.key)
        if recorder is not None:
            audio.startTransmit(recorder)
        if self.audio_connected is not None:
            self.audio_connected(handle.key)

    def audio_media(self, key: int) -> Any | None:
        """The call's audio port on the conference bridge, None while it has none."""
        index, handle = self._audio_index.get(key), self._handles.get(key)
        if index is None or handle is None:
            return None
        try:
            return handle.getAudioMedia(index)
        except pj.Error:
            return None

    def dtmf_received(self, handle: CallHandle, digit: str, method: int) -> None:
        self._phone.check_thread()
        name = "sip_info" if method == pj.PJSUA_DTMF_METHOD_SIP_INFO else "rfc4733"
        self._phone.queue(DtmfReceived(handle.key, digit, name))

    # -- housekeeping (pump and shutdown) ---------------------------------------------------------

    def check_media(self, now: float) -> None:
        """End connected calls that receive no RTP for `rtp_timeout` seconds (a peer that vanished)."""
        timeout = self._phone.settings.account.rtp_timeout
        if timeout <= 0 or now - self._last_check < _MEDIA_CHECK_INTERVAL_S:
            return
        self._last_check = now
        for key, snap in list(self._snaps.items()):
            index = self._audio_index.get(key)
            if snap.state is not CallState.CONNECTED or snap.on_hold or snap.remote_hold or index is None:
                continue
            try:
                packets = int(self._handles[key].getStreamStat(index).rtcp.rxStat.pkt)
            except pj.Error:
                continue
            seen, since = self._rx.get(key, (-1, now))
            if packets != seen:
                self._rx[key] = (packets, now)
            elif now - since >= timeout:
                self._end_reasons[key] = EndReason(CallEnd.RTP_TIMEOUT, 0, f"{timeout:g}")
                with contextlib.suppress(pj.Error):
                    self._handles[key].hangup(pj.CallOpParam(True))

    def check_ringing(self, now: float) -> None:
        """Refuse (480) incoming calls that rang `ring_timeout` seconds unanswered: a PBX that never sends
        CANCEL, or an INVITE nobody will ever cancel, must not hold one of the few call slots for ever."""
        limit = self._phone.settings.account.ring_timeout
        if limit <= 0:
            return
        for key, snap in list(self._snaps.items()):
            if snap.state is not CallState.RINGING or key in self._end_reasons or now - snap.started_at < limit:
                continue
            self._end_reasons[key] = EndReason(CallEnd.RING_TIMEOUT, 480, f"{limit:g}")
            log.warning("call %s rang %g s unanswered: refused with 480 ([sip] ring_timeout)", key, limit)
            with contextlib.suppress(pj.Error):
                self._handles[key].hangup(_status(480))

    def _release(self, key: int) -> None:
        for table in (self._handles, self._recorders):
            obj = table.pop(key, None)
            if obj is not None:
                self._ended.append(obj)
        self._audio_index.pop(key, None)
        self._rx.pop(key, None)
        self._wanted.pop(key, None)
        self._by_us.discard(key)

    def release_ended(self) -> None:
        self._ended.clear()
        self._refusals.release()

    def hangup_all(self) -> None:
        self._refusals.send_all()
        for key, handle in list(self._handles.items()):
            self._by_us.add(key)
            with contextlib.suppress(pj.Error):
                handle.hangup(pj.CallOpParam(True))

    def drop_all(self) -> None:
        self._refusals.drop_all()
        self._recorders.clear()
        self._handles.clear()
        self._ended.clear()
        self._snaps.clear()

    def apply_codecs(self, codecs: tuple[str, ...]) -> None:
        """Allow only `codecs` (prefix match, e.g. "PCMU/8000"), in that order of preference."""
        if not codecs:
            return
        ep = self._phone.require_started()
        for info in ep.codecEnum2():
            wanted = [i for i, name in enumerate(codecs) if str(info.codecId).lower().startswith(name.lower())]
            ep.codecSetPriority(info.codecId, 255 - wanted[0] if wanted else 0)


def _status(code: int) -> Any:
    prm = pj.CallOpParam(True)
    prm.statusCode = code
    return prm
