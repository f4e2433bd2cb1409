"""Only the trust domain may call the console or say who is calling (RFC 3325), against a real Kamailio:
an INVITE sent straight at the console from another address gets 403 and never rings, however many
come; an address IT lists in `[sip] trusted` may call; the PBX's P-Asserted-Identity is still believed."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

from softphone.engine import Phone
from softphone.model import CallChanged, CallState
from softphone.settings import PhoneSettings
from tests.helpers.kamailio import Kamailio
from tests.helpers.raw_sip import RawUdp, invite
from tests.integration.softphone.conftest import Recorder, console_settings, pump_for, pump_until

pytestmark = [pytest.mark.integration, pytest.mark.slow]

MakePhone = Callable[[PhoneSettings], tuple[Phone, Recorder]]
EMERGENCY_PAI = "P-Asserted-Identity: <sip:112@127.0.0.1>\r\n"
SPOOFER = "127.0.0.2"  # another host as far as the console is concerned: the test PBX is 127.0.0.1


def _new_calls(recorder: Recorder) -> list[CallChanged]:
    return [e for e in recorder.events if isinstance(e, CallChanged) and e.previous is None]


def test_spoofed_emergencies_from_another_address_get_403_never_ring_and_are_logged_once(
        console: tuple[Phone, Recorder], raw: Callable[[str], RawUdp], caplog: pytest.LogCaptureFixture) -> None:
    phone, recorder = console
    spoofer = raw(SPOOFER)
    target = ("127.0.0.1", phone.local_sip_port)
    with caplog.at_level(logging.WARNING, logger="softphone.screening"):
        for n in range(30):  # every third without an offer (pjsua2 declines those itself: no 403)
            spoofer.send(invite(f"127.0.0.1:{target[1]}", spoofer.address, caller="112", headers=EMERGENCY_PAI,
                                body="" if n % 3 == 2 else None, call_id=f"spoof-{n}"), target)
        spoofer.wait_for(phone.pump, lambda _: len(spoofer.finals()) == 30)
    finals = spoofer.finals()
    assert 180 not in spoofer.statuses()
    assert all(code >= 400 for code in finals.values()), finals
    assert [finals[f"spoof-{n}"] for n in range(5)] == [403, 403, 500, 403, 403]  # then at most 20 a second
    pump_for(phone, 0.3)
    assert _new_calls(recorder) == []
    assert phone.calls == ()
    refusals = [r.getMessage() for r in caplog.records if "refused a call from" in r.getMessage()]
    assert refusals == [f"refused a call from {SPOOFER}:{spoofer.address[1]}: not from the registrar, proxy, "
                        "exchange or [sip] trusted"]
    assert phone.registration.registered


def test_an_address_listed_as_trusted_may_call_and_assert_who_is_calling(
        kamailio: Kamailio, make_phone: MakePhone, raw: Callable[[str], RawUdp]) -> None:
    phone, _ = make_phone(console_settings(kamailio, trusted=(SPOOFER,)))
    pump_until(phone, lambda: phone.registration.registered)
    gateway = raw(SPOOFER)
    port = phone.local_sip_port
    gateway.send(invite(f"127.0.0.1:{port}", gateway.address, headers=EMERGENCY_PAI), ("127.0.0.1", port))
    gateway.wait_for(phone.pump, lambda s: 180 in s)
    [call] = phone.calls
    assert (call.state, call.remote.number, call.remote.asserted) == (CallState.RINGING, "112", True)
    phone.reject(call.id)
    pump_until(phone, lambda: not phone.calls)


def test_the_pbx_asserting_an_emergency_caller_is_believed(
        console: tuple[Phone, Recorder], kamailio: Kamailio, raw: Callable[[str], RawUdp]) -> None:
    phone, _ = console
    caller = raw("127.0.0.1")  # through the registrar, as a call from outside arrives
    caller.send(invite("127.0.0.1", caller.address, caller="4670123", name="Someone", headers=EMERGENCY_PAI),
                ("127.0.0.1", kamailio.port))
    caller.wait_for(phone.pump, lambda s: 180 in s)
    [call] = phone.calls
    assert (call.remote.number, call.remote.asserted, call.remote.unverified) == ("112", True, False)
    assert call.remote.display_name == "Someone"
    phone.reject(call.id)
    pump_until(phone, lambda: not phone.calls)
