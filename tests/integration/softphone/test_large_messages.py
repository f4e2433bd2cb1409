"""Large SIP messages against a real Kamailio (issue 20): a TCP transport beside UDP on the same port, so a
proxy that sends requests over 1300 bytes by TCP (RFC 3261 18.1.1; Kamailio's udp_mtu) reaches the console
and the console's own large requests go by TCP too; and a call whose answer could not be sent at all
(pjsip's 4000-byte buffer, whatever the transport) is refused at once instead of ringing unanswerably."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator

import pytest

from softphone.engine import Phone
from softphone.model import CallChanged, CallState
from softphone.settings import AudioSettings, PhoneSettings
from tests.helpers.kamailio import Kamailio
from tests.helpers.raw_sip import RawUdp, invite
from tests.helpers.sip_peer import SipPeer
from tests.integration.softphone.conftest import Recorder, console_settings, pump_for, pump_until, wait_peer

pytestmark = [pytest.mark.integration, pytest.mark.slow]

MakePhone = Callable[[PhoneSettings], tuple[Phone, Recorder]]
TCP_SWITCH = pytest.mark.parametrize("kamailio", [{"tcp_switch": True}], indirect=True, ids=["udp_mtu-1300"])
LONG_NAME = "Långt Namn " * 230  # 2530 characters: a 3.5 KB INVITE whose 200 OK is as large


@pytest.fixture
def raw() -> Iterator[RawUdp]:
    sock = RawUdp("127.0.0.1")
    yield sock
    sock.close()


def _sent_over(kamailio: Kamailio, direction: str) -> list[str]:
    return re.findall(rf"{direction} INVITE \S+ over (\w+)", kamailio.log())


@TCP_SWITCH
def test_a_large_invite_relayed_over_tcp_is_answered_and_connects(
        console: tuple[Phone, Recorder], kamailio: Kamailio, make_peer: Callable[..., SipPeer]) -> None:
    phone, _ = console
    caller = make_peer("2701")
    pump_until(phone, lambda: caller.find("reg", code=200) is not None)
    caller.send("call", uri="sip:1000@127.0.0.1", display_name=LONG_NAME)
    pump_until(phone, lambda: any(c.state is CallState.RINGING for c in phone.calls))
    assert [p.lower() for p in _sent_over(kamailio, "received")] == ["udp"]  # from the caller by UDP
    assert [p.lower() for p in _sent_over(kamailio, "sent")] == ["tcp"]  # to the console by TCP
    [call] = phone.calls
    assert call.remote.display_name.startswith("Långt Namn")
    phone.answer(call.id)
    wait_peer(phone, caller, "call_state", state="CONFIRMED")
    pump_until(phone, lambda: phone.call(call.id).state is CallState.CONNECTED)
    phone.hangup(call.id)
    pump_until(phone, lambda: not phone.calls)


@TCP_SWITCH
def test_the_consoles_own_request_over_1300_bytes_goes_by_tcp(kamailio: Kamailio, make_phone: MakePhone) -> None:
    settings = console_settings(kamailio, display_name="Växeln")
    every_codec = PhoneSettings(settings.account, AudioSettings(null_device=True), password=settings.password)
    phone, recorder = make_phone(every_codec)  # an offer of every codec, and a long number: about 1.5 KB
    pump_until(phone, lambda: phone.registration.registered)
    # nobody has that number: Kamailio answers 404 itself, over the same connection
    call_id = phone.dial("sip:" + "2" * 120 + "@127.0.0.1")
    pump_until(phone, lambda: not phone.calls)
    assert [p.lower() for p in _sent_over(kamailio, "received")] == ["tcp"]
    [ended] = [e.call for e in recorder.events if isinstance(e, CallChanged) and e.call.id == call_id
               and e.call.state is CallState.ENDED]
    assert ended.status_code == 404


def test_a_call_whose_answer_could_not_be_sent_is_refused_at_once_and_never_rings(
        console: tuple[Phone, Recorder], kamailio: Kamailio, raw: RawUdp,
        caplog: pytest.LogCaptureFixture) -> None:
    phone, recorder = console
    name = "N" * 3300  # the 200 OK would repeat it: over pjsip's 4000 bytes on any transport
    with caplog.at_level(logging.WARNING, logger="softphone.screening"):
        raw.send(invite("127.0.0.1", raw.address, name=name), ("127.0.0.1", kamailio.port))
        statuses = raw.wait_for(phone.pump, lambda s: any(code >= 300 for code in s))
    pump_for(phone, 0.3)
    assert statuses[-1] == 513
    assert 180 not in statuses
    assert not [e for e in recorder.events if isinstance(e, CallChanged)]
    assert "could not be answered: its answer would be about" in caplog.text
