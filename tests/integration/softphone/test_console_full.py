"""A caller refused because every call slot is in use (the wheel holds four calls) is reported, logged and
counted, once however often its INVITE is retransmitted; an untrusted one never counts as a caller."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from softphone.engine import Phone
from softphone.model import CallRefused, CallState
from tests.helpers.kamailio import Kamailio
from tests.helpers.raw_sip import RawUdp, invite
from tests.integration.softphone.conftest import Recorder, pump_for, pump_until

pytestmark = [pytest.mark.integration, pytest.mark.slow]
SLOTS = 4  # PJSUA_MAX_CALLS in the pjsua2 wheel


@pytest.fixture
def callers() -> Iterator[RawUdp]:
    sock = RawUdp("127.0.0.1")
    yield sock
    sock.close()


def test_a_caller_refused_as_the_console_is_full_is_reported_once_and_logged(
        console: tuple[Phone, Recorder], kamailio: Kamailio, callers: RawUdp,
        caplog: pytest.LogCaptureFixture) -> None:
    phone, recorder = console
    pbx = ("127.0.0.1", kamailio.port)
    for n in range(SLOTS):
        callers.send(invite("127.0.0.1", callers.address, caller=f"467010000{n}", call_id=f"ringing-{n}"), pbx)
    pump_until(phone, lambda: len([c for c in phone.calls if c.state is CallState.RINGING]) == SLOTS)
    with caplog.at_level(logging.WARNING, logger="softphone.refusals"):
        callers.send(invite("127.0.0.1", callers.address, caller="46709999", name="Fifth", call_id="fifth"), pbx)
        callers.wait_for(phone.pump, lambda _: callers.finals().get("fifth") == 486)
        port = phone.local_sip_port
        again = invite(f"127.0.0.1:{port}", callers.address, caller="46709999", call_id="fifth")
        callers.send(again, ("127.0.0.1", port))  # the same caller straight at the console, and again: once
        callers.send(again, ("127.0.0.1", port))
        spoofer = RawUdp("127.0.0.2")
        spoofer.send(invite(f"127.0.0.1:{port}", spoofer.address, caller="666", call_id="spoofed"),
                     ("127.0.0.1", port))
        spoofer.wait_for(phone.pump, lambda _: "spoofed" in spoofer.finals())
        spoofer.close()
        pump_for(phone, 0.3)
    refused = [e for e in recorder.events if isinstance(e, CallRefused)]
    assert [(e.remote.number, e.remote.display_name, e.code) for e in refused] == [("46709999", "Fifth", 486)]
    warnings = [r.getMessage() for r in caplog.records if r.name == "softphone.refusals"]
    assert warnings == ["a caller was refused with 486 Busy Here: every call slot is in use (4 calls, "
                        "0 refusals waiting)"]
    for call in phone.calls:
        phone.reject(call.id)
    pump_until(phone, lambda: not phone.calls)
