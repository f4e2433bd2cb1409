"""Calls between the console phone and peer pjsua2 processes through a real Kamailio."""

from __future__ import annotations

from pathlib import Path

import pytest

from softphone.engine import Phone
from softphone.model import CallChanged, CallState, DtmfReceived
from softphone.settings import DtmfMethod, Transport
from tests.helpers.sip_peer import SipPeer
from tests.helpers.tone import dominant_frequency, tone_strength
from tests.integration.softphone.conftest import Recorder, console_settings, pump_for, pump_until, wait_peer

pytestmark = [pytest.mark.integration, pytest.mark.slow]


def _incoming(phone: Phone) -> int:
    pump_until(phone, lambda: any(c.state is CallState.RINGING for c in phone.calls))
    return next(c.id for c in phone.calls if c.state is CallState.RINGING)


def _record(phone: Phone, call_id: int, path: Path, seconds: float = 0.8) -> Path:
    phone.start_recording(call_id, path)
    pump_for(phone, seconds)
    phone.stop_recording(call_id)
    # the recorder finishes the WAV header once pjmedia has released it (asynchronously)
    pump_until(phone, lambda: path.read_bytes()[4:8] != b"\0\0\0\0", timeout=3)
    return path


def _connect_peer_call(console: tuple[Phone, Recorder], peer: SipPeer) -> int:
    phone, _ = console
    wait_peer(phone, peer, "reg", code=200)
    peer.send("tone", freq=1000)
    peer.send("call", uri="sip:1000@127.0.0.1")
    call_id = _incoming(phone)
    phone.answer(call_id)
    pump_until(phone, lambda: phone.call(call_id).state is CallState.CONNECTED
               and phone.call(call_id).audio_connected)
    return call_id


def test_incoming_call_carries_peer_tone_before_and_after_hold(console, make_peer, tmp_path):
    phone, events = console
    call_id = _connect_peer_call(console, make_peer("2001"))
    call = phone.call(call_id)
    assert call.remote.number == "2001"
    assert any(isinstance(e, CallChanged) and e.previous is None and e.reason == "incoming call"
               for e in events.events)

    before = _record(phone, call_id, tmp_path / "before.wav")
    assert dominant_frequency(before) == pytest.approx(1000, abs=20)
    assert tone_strength(before, 1000) > 0.8

    phone.hold(call_id)
    pump_until(phone, lambda: phone.call(call_id).on_hold)
    phone.resume(call_id)
    pump_until(phone, lambda: not phone.call(call_id).on_hold)
    pump_for(phone, 0.2)
    after = _record(phone, call_id, tmp_path / "after.wav")
    assert tone_strength(after, 1000) > 0.8

    phone.hangup(call_id)
    pump_until(phone, lambda: not phone.calls)
    ended = [e for e in events.events if isinstance(e, CallChanged) and e.call.state is CallState.ENDED]
    assert ended[-1].call.end_reason == "hung up"


def test_outgoing_call_sends_dtmf_both_ways_and_peer_hangup_is_reported(console, make_peer, tmp_path):
    phone, events = console
    peer = make_peer("2002", auto_answer=True)
    wait_peer(phone, peer, "reg", code=200)
    call_id = phone.dial("2002")
    pump_until(phone, lambda: phone.call(call_id).state is CallState.CONNECTED
               and phone.call(call_id).audio_connected)
    pump_for(phone, 0.3)

    phone.send_dtmf(call_id, "15")
    wait_peer(phone, peer, "dtmf", digit="5", method="rfc4733")
    assert peer.find("dtmf", digit="1", method="rfc4733")
    phone.send_dtmf(call_id, "#", DtmfMethod.SIP_INFO)
    wait_peer(phone, peer, "dtmf", digit="#", method="sip_info")

    phone.set_muted(call_id, True)
    pump_until(phone, lambda: phone.call(call_id).muted)
    phone.set_muted(call_id, False)

    peer.send("dtmf", digits="7", method="sip_info")
    pump_until(phone, lambda: any(isinstance(e, DtmfReceived) and e.digit == "7" for e in events.events))

    peer.send("hangup")
    pump_until(phone, lambda: not phone.calls)
    ended = [e for e in events.events if isinstance(e, CallChanged) and e.call.state is CallState.ENDED]
    assert ended[-1].call.end_reason == "the other party hung up"


@pytest.mark.parametrize(("busy", "code"), [(True, 486), (False, 603)])
def test_reject_sends_busy_or_decline(console, make_peer, busy, code):
    phone, _ = console
    peer = make_peer("2003")
    wait_peer(phone, peer, "reg", code=200)
    peer.send("call", uri="sip:1000@127.0.0.1")
    call_id = _incoming(phone)
    phone.reject(call_id, busy=busy)
    wait_peer(phone, peer, "call_state", state="DISCONNECTED", code=code)
    assert not phone.calls


def test_second_call_is_answered_while_first_goes_on_hold(console, make_peer):
    phone, _ = console
    first = _connect_peer_call(console, make_peer("2004"))
    second_peer = make_peer("2005")
    wait_peer(phone, second_peer, "reg", code=200)
    second_peer.send("call", uri="sip:1000@127.0.0.1")
    second = _incoming(phone)
    assert {c.id for c in phone.calls} == {first, second}
    phone.answer(second)
    pump_until(phone, lambda: phone.call(first).on_hold and phone.call(second).state is CallState.CONNECTED)
    phone.resume(first)
    pump_until(phone, lambda: phone.call(second).on_hold and not phone.call(first).on_hold)
    phone.hangup(second)
    phone.hangup(first)
    pump_until(phone, lambda: not phone.calls)


def test_peer_vanishing_mid_call_ends_the_call_with_a_reason(kamailio, make_phone, make_peer):
    phone, events = make_phone(console_settings(kamailio, rtp_timeout=1.5))
    pump_until(phone, lambda: phone.registration.registered)
    peer = make_peer("2006")
    call_id = _connect_peer_call((phone, events), peer)
    pump_for(phone, 1.1)  # let the RTP counter see packets
    peer.vanish()
    pump_until(phone, lambda: not phone.calls, timeout=10)
    ended = [e.call for e in events.events if isinstance(e, CallChanged) and e.call.state is CallState.ENDED]
    assert ended[-1].id == call_id
    assert "RTP timeout" in ended[-1].end_reason
    assert ended[-1].end_reason == "no audio from the other party for 1.5 s (RTP timeout)"


def test_held_calls_survive_the_rtp_timeout(kamailio, make_phone, make_peer):
    phone, events = make_phone(console_settings(kamailio, rtp_timeout=1.0))
    pump_until(phone, lambda: phone.registration.registered)
    peer = make_peer("2007")
    call_id = _connect_peer_call((phone, events), peer)
    phone.hold(call_id)
    pump_until(phone, lambda: phone.call(call_id).on_hold)
    pump_for(phone, 2.5)  # no RTP arrives while held: the call must stay
    phone.resume(call_id)
    pump_until(phone, lambda: not phone.call(call_id).on_hold)
    peer.send("hold")
    pump_until(phone, lambda: phone.call(call_id).remote_hold)
    pump_for(phone, 2.5)
    assert phone.call(call_id).state is CallState.CONNECTED
    peer.send("resume")
    pump_until(phone, lambda: not phone.call(call_id).remote_hold)
    phone.hangup(call_id)
    pump_until(phone, lambda: not phone.calls)


def test_call_over_tcp_carries_audio(kamailio, make_phone, make_peer, tmp_path):
    phone, events = make_phone(console_settings(kamailio, transport=Transport.TCP))
    pump_until(phone, lambda: phone.registration.registered)
    call_id = _connect_peer_call((phone, events), make_peer("2008"))
    assert tone_strength(_record(phone, call_id, tmp_path / "tcp.wav"), 1000) > 0.8
    phone.hangup(call_id)
    pump_until(phone, lambda: not phone.calls)


def test_ring_and_ringback_tones_follow_the_calls(console, make_peer):
    phone, _ = console
    peer = make_peer("2009")
    wait_peer(phone, peer, "reg", code=200)
    call_id = phone.dial("2009")  # the peer rings without answering
    pump_until(phone, lambda: phone.call(call_id).state is CallState.ALERTING)
    assert phone.audio.ringing_back
    assert not phone.audio.ringing
    peer.send("answer")
    pump_until(phone, lambda: phone.call(call_id).state is CallState.CONNECTED)
    assert not phone.audio.ringing_back
    phone.hangup(call_id)
    pump_until(phone, lambda: not phone.calls)

    peer.send("call", uri="sip:1000@127.0.0.1")
    incoming = _incoming(phone)
    assert phone.audio.ringing
    phone.answer(incoming)
    pump_until(phone, lambda: phone.call(incoming).state is CallState.CONNECTED)
    assert not phone.audio.ringing
