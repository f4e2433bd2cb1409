"""A restarted registrar is noticed within seconds, however the restart falls against the keep-alives
(issue 20): Kamailio keeps registrations in memory, so one killed and restarted between two pings has
forgotten the console while answering pings as before. Each case kills the real Kamailio at an offset
into the keep-alive interval, keeps it down a while, restarts it, and asks it for the console (an
OPTIONS for 1000 that it relays to the console once registered) until the console answers."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import pytest

from softphone.engine import Phone
from softphone.model import RegistrationChanged, RegistrationStatus
from softphone.settings import PhoneSettings, Transport
from tests.helpers.kamailio import Kamailio
from tests.helpers.raw_sip import Reachability
from tests.integration.softphone.conftest import CONSOLE_USER, Recorder, console_settings, pump_for, pump_until

pytestmark = [pytest.mark.integration, pytest.mark.slow]

MakePhone = Callable[[PhoneSettings], tuple[Phone, Recorder]]
REACHABLE_WITHIN_S = 10.0


def restart(phone: Phone, kamailio: Kamailio, offset: float, down_s: float) -> float:
    """Kill the registrar `offset` (0..1) of a keep-alive interval after a ping, restart it `down_s` later
    (pumping the console all along); returns when it listens again (monotonic seconds)."""
    interval = phone.settings.account.keepalive_interval
    pump_until(phone, lambda: phone.registration.registered)
    next_ping = phone.next_keepalive_at
    assert next_ping is not None
    kill_at = next_ping + offset * interval
    pump_until(phone, lambda: time.monotonic() >= kill_at, timeout=2 * interval + 2)
    kamailio.stop()
    pump_for(phone, down_s)
    return start_again(phone, kamailio)


def start_again(phone: Phone, kamailio: Kamailio) -> float:
    """Start the registrar again, pumping the console all along; returns when it listens (monotonic s)."""
    started = threading.Event()

    def start() -> None:
        kamailio.start()
        started.set()

    threading.Thread(target=start, daemon=True).start()
    pump_until(phone, started.is_set)
    return time.monotonic()


def reachable_after(phone: Phone, kamailio: Kamailio, back_at: float) -> float:
    reach = Reachability(("127.0.0.1", kamailio.port), f"sip:{CONSOLE_USER}@127.0.0.1")
    try:
        pump_until(phone, lambda: reach.poll(time.monotonic()), timeout=30)
    finally:
        reach.close()
    return time.monotonic() - back_at


@pytest.mark.parametrize(("offset", "down_s"), [(0.05, 0.0), (0.5, 0.0), (0.95, 0.0), (0.05, 5.0), (0.6, 2.0)],
                         ids=["just-after-a-ping", "mid-interval", "just-before-a-ping", "5s-down-after-a-ping",
                              "2s-down-mid-interval"])
def test_a_restarted_registrar_is_noticed_and_the_console_reachable_within_10_s(
        offset: float, down_s: float, kamailio: Kamailio, make_phone: MakePhone,
        caplog: pytest.LogCaptureFixture) -> None:
    phone, recorder = make_phone(console_settings(kamailio))
    assert phone.settings.account.keepalive_interval == 5  # the default: a ping every 5 s
    with caplog.at_level(logging.INFO, logger="softphone.line"):
        back_at = restart(phone, kamailio, offset, down_s)
        assert reachable_after(phone, kamailio, back_at) < REACHABLE_WITHIN_S
        pump_until(phone, lambda: phone.registration.registered)
    lines = [r.getMessage() for r in caplog.records]
    assert any(line.startswith(f"line down at {kamailio.hostport}: ") for line in lines), lines
    assert lines[-1].startswith(f"line up at {kamailio.hostport} after "), lines
    assert not any(CONSOLE_USER in line for line in lines)  # the registrar's address, never the user
    statuses = [e.registration.status for e in recorder.events if isinstance(e, RegistrationChanged)]
    assert statuses[-1] is RegistrationStatus.REGISTERED
    assert RegistrationStatus.REGISTERING in statuses[2:]  # it registered again, not waiting for a refresh


@pytest.mark.parametrize("down_s", [0.0, 3.0], ids=["restarted-at-once", "3s-down"])
def test_over_tcp_a_restarted_registrar_is_noticed_by_the_connection_closing(
        down_s: float, kamailio: Kamailio, make_phone: MakePhone) -> None:
    """Over TCP the registrar's restart closes the console's connection, which pjsua hears at once and
    registers again over a new one; no keep-alive is needed (they are UDP's), and Kamailio relays to the
    console only over the connection it registered on, so reaching it proves the new registration."""
    phone, recorder = make_phone(console_settings(kamailio, transport=Transport.TCP))
    pump_until(phone, lambda: phone.registration.registered)
    kamailio.stop()
    pump_for(phone, down_s)
    pump_until(phone, lambda: not phone.registration.registered, timeout=5)  # the window is told at once
    back_at = start_again(phone, kamailio)
    assert reachable_after(phone, kamailio, back_at) < REACHABLE_WITHIN_S
    statuses = [e.registration.status for e in recorder.events if isinstance(e, RegistrationChanged)]
    assert statuses[-1] is RegistrationStatus.REGISTERED

