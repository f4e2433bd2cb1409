"""Malformed, oversized and never-cancelled INVITEs against the console on a real Kamailio (issue 20): none
becomes a call or keeps one of the wheel's four call slots, a bounded flood leaves the console registered
and answering, and a call the PBX never cancels stops ringing at `[sip] ring_timeout`."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

from softphone.engine import Phone
from softphone.model import CallChanged, CallState
from softphone.reasons import CallEnd
from softphone.settings import PhoneSettings
from tests.helpers.kamailio import Kamailio
from tests.helpers.raw_sip import RawUdp, invite, malformed_datagrams
from tests.helpers.sip_peer import SipPeer
from tests.integration.softphone.conftest import Recorder, console_settings, pump_for, pump_until, wait_peer

pytestmark = [pytest.mark.integration, pytest.mark.slow]

MakePhone = Callable[[PhoneSettings], tuple[Phone, Recorder]]


def test_malformed_and_oversized_invites_never_become_calls(
        console: tuple[Phone, Recorder], raw: Callable[[str], RawUdp]) -> None:
    phone, recorder = console
    port = phone.local_sip_port
    sender = raw("127.0.0.1")  # the PBX's own address: trusted, so only the request itself is judged
    for datagram in malformed_datagrams(f"127.0.0.1:{port}", sender.address):
        sender.send(datagram, ("127.0.0.1", port))
    sender.wait_for(phone.pump, lambda _: len(sender.finals()) == 4)  # the INVITEs pjsip could parse
    pump_for(phone, 0.5)
    assert sorted(sender.finals().values()) == [400, 500, 500, 500]  # 400 ours; pjsua2's for those without SDP
    assert not [e for e in recorder.events if isinstance(e, CallChanged)]
    assert 180 not in sender.statuses()
    assert phone.registration.registered


def test_a_bounded_flood_leaves_the_console_registered_and_the_next_caller_answered(
        console: tuple[Phone, Recorder], raw: Callable[[str], RawUdp], make_peer: Callable[..., SipPeer],
        caplog: pytest.LogCaptureFixture) -> None:
    phone, recorder = console
    port = phone.local_sip_port
    caller = make_peer("2601")
    senders = [raw("127.0.0.1"), raw("127.0.0.2")]
    with caplog.at_level(logging.WARNING, logger="softphone.screening"):
        for round_ in range(40):  # 560 datagrams, a few hundred of them INVITEs
            for sender in senders:
                for datagram in malformed_datagrams(f"127.0.0.1:{port}", sender.address):
                    sender.send(datagram, ("127.0.0.1", port))
            if round_ % 4 == 0:
                phone.pump()
        pump_for(phone, 1.0)
    assert not phone.calls
    assert phone.registration.registered
    assert len(caplog.records) <= 4  # untrusted and malformed, once each (plus a minute boundary at most)
    pump_until(phone, lambda: caller.find("reg", code=200) is not None)
    caller.send("call", uri="sip:1000@127.0.0.1")
    pump_until(phone, lambda: any(c.state is CallState.RINGING for c in phone.calls))
    [call] = phone.calls
    phone.answer(call.id)
    wait_peer(phone, caller, "call_state", state="CONFIRMED")
    pump_until(phone, lambda: phone.call(call.id).state is CallState.CONNECTED)
    phone.hangup(call.id)
    pump_until(phone, lambda: not phone.calls)
    assert [e.call.remote.number for e in recorder.events if isinstance(e, CallChanged) and e.previous is None] \
        == ["2601"]


def test_a_call_its_pbx_never_cancels_stops_ringing_at_the_ring_limit(
        kamailio: Kamailio, make_phone: MakePhone, raw: Callable[[str], RawUdp],
        caplog: pytest.LogCaptureFixture) -> None:
    phone, recorder = make_phone(console_settings(kamailio, ring_timeout=1.0))
    pump_until(phone, lambda: phone.registration.registered)
    caller = raw("127.0.0.1")  # sends one INVITE through the PBX and never a CANCEL
    caller.send(invite("127.0.0.1", caller.address), ("127.0.0.1", kamailio.port))
    statuses = caller.wait_for(phone.pump, lambda s: 480 in s)
    assert 180 in statuses
    ended = [e.call for e in recorder.events if isinstance(e, CallChanged) and e.call.state is CallState.ENDED]
    assert [(c.end.kind if c.end else None, c.status_code) for c in ended] == [(CallEnd.RING_TIMEOUT, 480)]
    assert "rang 1 s unanswered: refused with 480" in caplog.text
    assert phone.calls == ()
