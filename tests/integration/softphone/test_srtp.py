"""SRTP: a mandatory-SRTP console carries audio to an SRTP peer and is refused by a plain-RTP one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from softphone.engine import Phone
from softphone.model import CallChanged, CallState
from softphone.settings import PhoneSettings, SrtpMode
from tests.helpers.kamailio import Kamailio
from tests.helpers.sip_peer import SipPeer
from tests.helpers.tone import tone_strength
from tests.integration.softphone.conftest import Recorder, console_settings, pump_for, pump_until, wait_peer

pytestmark = [pytest.mark.integration, pytest.mark.slow]

MakePhone = Callable[[PhoneSettings], tuple[Phone, Recorder]]


def test_mandatory_srtp_call_carries_audio(kamailio: Kamailio, make_phone: MakePhone,
                                           make_peer: Callable[..., SipPeer], tmp_path: Path) -> None:
    phone, _ = make_phone(console_settings(kamailio, srtp=SrtpMode.MANDATORY))
    pump_until(phone, lambda: phone.registration.registered)
    peer = make_peer("2201", auto_answer=True, srtp="optional")
    wait_peer(phone, peer, "reg", code=200)
    peer.send("tone", freq=1000)
    call_id = phone.dial("2201")
    pump_until(phone, lambda: phone.call(call_id).state is CallState.CONNECTED
               and phone.call(call_id).audio_connected)
    invite = wait_peer(phone, peer, "incoming")["message"]
    assert "RTP/SAVP" in str(invite)
    assert "a=crypto:" in str(invite)
    path = tmp_path / "srtp.wav"
    phone.start_recording(call_id, path)
    pump_for(phone, 0.8)
    phone.stop_recording(call_id)
    pump_until(phone, lambda: path.read_bytes()[4:8] != b"\0\0\0\0", timeout=3)
    assert tone_strength(path, 1000) > 0.8
    phone.hangup(call_id)
    pump_until(phone, lambda: not phone.calls)


def test_mandatory_srtp_is_refused_by_a_plain_rtp_peer(kamailio: Kamailio, make_phone: MakePhone,
                                                       make_peer: Callable[..., SipPeer]) -> None:
    phone, events = make_phone(console_settings(kamailio, srtp=SrtpMode.MANDATORY))
    pump_until(phone, lambda: phone.registration.registered)
    peer = make_peer("2202", auto_answer=True, srtp="off")
    wait_peer(phone, peer, "reg", code=200)
    call_id = phone.dial("2202")
    pump_until(phone, lambda: not phone.calls)
    ended = [e.call for e in events.events if isinstance(e, CallChanged) and e.call.state is CallState.ENDED]
    assert ended[-1].id == call_id
    assert ended[-1].end_reason == "no common audio format (488)"



def test_optional_srtp_still_calls_a_plain_rtp_peer(kamailio: Kamailio, make_phone: MakePhone,
                                                    make_peer: Callable[..., SipPeer]) -> None:
    phone, _ = make_phone(console_settings(kamailio, srtp=SrtpMode.OPTIONAL))
    pump_until(phone, lambda: phone.registration.registered)
    peer = make_peer("2203", auto_answer=True, srtp="off")
    wait_peer(phone, peer, "reg", code=200)
    call_id = phone.dial("2203")
    pump_until(phone, lambda: phone.call(call_id).state is CallState.CONNECTED
               and phone.call(call_id).audio_connected)
    phone.hangup(call_id)
    pump_until(phone, lambda: not phone.calls)
