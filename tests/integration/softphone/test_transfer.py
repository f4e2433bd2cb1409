"""Blind and attended transfer through a real Kamailio: a caller peer, a target peer, the console phone."""

from __future__ import annotations

from pathlib import Path

import pytest

from softphone.engine import Phone
from softphone.model import CallChanged, CallState, PhoneError, TransferProgress
from softphone.reasons import CallEnd, EndReason
from tests.helpers.sip_peer import SipPeer
from tests.helpers.tone import tone_strength
from tests.integration.softphone.conftest import Recorder, pump_for, pump_until, wait_peer

pytestmark = [pytest.mark.integration, pytest.mark.slow]

CALLER_TONE, TARGET_TONE = 1000, 1500


def _answered_caller(phone: Phone, caller: SipPeer) -> int:
    wait_peer(phone, caller, "reg", code=200)
    caller.send("tone", freq=CALLER_TONE)
    caller.send("call", uri="sip:1000@127.0.0.1")
    pump_until(phone, lambda: any(c.state is CallState.RINGING for c in phone.calls))
    call_id = next(c.id for c in phone.calls if c.state is CallState.RINGING)
    phone.answer(call_id)
    pump_until(phone, lambda: phone.call(call_id).state is CallState.CONNECTED
               and phone.call(call_id).audio_connected)
    return call_id


def _peer_record(phone: Phone, peer: SipPeer, path: Path, seconds: float = 0.8) -> Path:
    mark = peer.mark()
    peer.send("record", path=str(path))
    wait_peer(phone, peer, "ok", after=mark, cmd="record")
    pump_for(phone, seconds)
    peer.send("stop_record")
    pump_until(phone, lambda: path.exists() and path.read_bytes()[4:8] != b"\0\0\0\0", timeout=3)
    return path


def _assert_talking(phone: Phone, caller: SipPeer, target: SipPeer, tmp_path: Path) -> None:
    """Each peer hears the other's tone: the caller and the target are connected with media both ways."""
    pump_for(phone, 0.3)
    heard_by_caller = _peer_record(phone, caller, tmp_path / "caller.wav")
    heard_by_target = _peer_record(phone, target, tmp_path / "target.wav")
    assert tone_strength(heard_by_caller, TARGET_TONE) > 0.8
    assert tone_strength(heard_by_target, CALLER_TONE) > 0.8


def _progress(events: Recorder) -> list[TransferProgress]:
    return [e for e in events.events if isinstance(e, TransferProgress)]


def test_attended_transfer_connects_caller_and_target_and_frees_the_console(console, make_peer, tmp_path):
    phone, events = console
    caller, target = make_peer("2101"), make_peer("2102")
    wait_peer(phone, target, "reg", code=200)
    target.send("tone", freq=TARGET_TONE)
    caller_id = _answered_caller(phone, caller)

    consult_id = phone.dial("2102")  # a consultation is a call: dialling holds the caller
    wait_peer(phone, target, "incoming")
    pump_until(phone, lambda: phone.call(consult_id).state is CallState.ALERTING)
    pump_until(phone, lambda: phone.call(caller_id).on_hold)
    target.send("answer")
    pump_until(phone, lambda: phone.call(consult_id).state is CallState.CONNECTED
               and phone.call(consult_id).audio_connected)

    # toggle to the caller and back to the consulted party: resuming one holds the other
    phone.resume(caller_id)
    pump_until(phone, lambda: not phone.call(caller_id).on_hold and phone.call(consult_id).on_hold)
    phone.resume(consult_id)
    pump_until(phone, lambda: phone.call(caller_id).on_hold and not phone.call(consult_id).on_hold)

    phone.complete_transfer(caller_id, consult_id)
    wait_peer(phone, caller, "transfer_request")
    wait_peer(phone, target, "replace_request")
    pump_until(phone, lambda: not phone.calls, timeout=10)
    assert _progress(events)[-1].succeeded
    assert _end_of(events, caller_id) == EndReason(CallEnd.TRANSFERRED)
    assert _end_of(events, consult_id) is not None
    _assert_talking(phone, caller, target, tmp_path)


def test_blind_transfer_connects_caller_to_target(console, make_peer, tmp_path):
    phone, events = console
    caller, target = make_peer("2111"), make_peer("2112", auto_answer=True)
    wait_peer(phone, target, "reg", code=200)
    target.send("tone", freq=TARGET_TONE)
    caller_id = _answered_caller(phone, caller)

    phone.transfer(caller_id, "2112")
    assert phone.transferring(caller_id) == "sip:2112@127.0.0.1"
    pump_until(phone, lambda: not phone.calls, timeout=10)
    assert _progress(events)[-1].succeeded
    assert phone.transferring(caller_id) is None
    _assert_talking(phone, caller, target, tmp_path)


def test_transfer_while_the_target_rings_hands_the_caller_over_blind(console, make_peer, tmp_path):
    phone, events = console
    caller, target = make_peer("2121"), make_peer("2122")
    wait_peer(phone, target, "reg", code=200)
    target.send("tone", freq=TARGET_TONE)
    caller_id = _answered_caller(phone, caller)

    consult_id = phone.dial("2122")
    pump_until(phone, lambda: phone.call(consult_id).state is CallState.ALERTING)
    pump_until(phone, lambda: phone.call(caller_id).on_hold)
    mark = target.mark()
    phone.complete_transfer(caller_id, consult_id)
    pump_until(phone, lambda: consult_id not in {c.id for c in phone.calls})
    assert _end_of(events, consult_id) == EndReason(CallEnd.HUNG_UP, 487)
    wait_peer(phone, target, "incoming", after=mark)  # the caller's own call to the target
    target.send("answer")
    pump_until(phone, lambda: not phone.calls, timeout=10)
    assert _progress(events)[-1].succeeded
    _assert_talking(phone, caller, target, tmp_path)


def test_hanging_up_a_consultation_and_resuming_brings_the_caller_back(console, make_peer, tmp_path):
    phone, _ = console
    caller, target = make_peer("2131"), make_peer("2132", auto_answer=True)
    wait_peer(phone, target, "reg", code=200)
    caller_id = _answered_caller(phone, caller)
    consult_id = phone.dial("2132")
    pump_until(phone, lambda: phone.call(consult_id).state is CallState.CONNECTED)
    pump_until(phone, lambda: phone.call(caller_id).on_hold)

    phone.hangup(consult_id)
    phone.resume(caller_id)
    pump_until(phone, lambda: [c.id for c in phone.calls] == [caller_id] and not phone.call(caller_id).on_hold)
    with pytest.raises(PhoneError):
        phone.complete_transfer(caller_id, consult_id)
    recording = tmp_path / "back.wav"
    phone.start_recording(caller_id, recording)
    pump_for(phone, 0.8)
    phone.stop_recording(caller_id)
    pump_until(phone, lambda: recording.read_bytes()[4:8] != b"\0\0\0\0", timeout=3)
    assert tone_strength(recording, CALLER_TONE) > 0.8


def test_busy_target_ends_the_consultation_call_and_keeps_the_caller_held(console, make_peer):
    phone, events = console
    caller, target = make_peer("2141"), make_peer("2142")
    wait_peer(phone, target, "reg", code=200)
    caller_id = _answered_caller(phone, caller)
    consult_id = phone.dial("2142")
    wait_peer(phone, target, "incoming")
    target.send("answer", code=486)
    pump_until(phone, lambda: consult_id not in {c.id for c in phone.calls})
    assert _end_of(events, consult_id) == EndReason(CallEnd.BUSY, 486, "Busy Here")
    assert phone.call(caller_id).on_hold
    assert phone.call(caller_id).state is CallState.CONNECTED


def test_three_way_join_lets_caller_and_target_hear_each_other_then_transfer(console, make_peer, tmp_path):
    phone, events = console
    caller, target = make_peer("2151"), make_peer("2152", auto_answer=True)
    wait_peer(phone, target, "reg", code=200)
    target.send("tone", freq=TARGET_TONE)
    caller_id = _answered_caller(phone, caller)
    consult_id = phone.dial("2152")
    pump_until(phone, lambda: phone.call(consult_id).state is CallState.CONNECTED
               and phone.call(consult_id).audio_connected and phone.call(caller_id).on_hold)

    phone.join(caller_id, consult_id)
    pump_until(phone, lambda: not phone.call(caller_id).on_hold and not phone.call(consult_id).on_hold
               and phone.call(caller_id).audio_connected)
    assert phone.joined(caller_id) == consult_id
    _assert_talking(phone, caller, target, tmp_path)  # through our conference bridge

    phone.complete_transfer(caller_id, consult_id)
    pump_until(phone, lambda: not phone.calls, timeout=10)
    assert _progress(events)[-1].succeeded
    assert phone.joined(caller_id) is None
    _assert_talking(phone, caller, target, tmp_path)  # now directly


def _end_of(events, call_id):
    """Why the call ended, from its last snapshot (`Call.end`), or None while it is up."""
    ended = [e.call.end for e in events.events if isinstance(e, CallChanged) and e.call.id == call_id
             and not e.call.state.live]
    return ended[-1] if ended else None
