"""What the keep-alives' answers make of the line, and the line's log (softphone.line, softphone.keepalive)."""

from __future__ import annotations

import logging
import socket
import time
from dataclasses import dataclass

import pytest

from softphone.keepalive import RegistrarProbe
from softphone.line import MAX_FORGOTTEN_IN_A_ROW, LineDown, LineWatch, RegisterAgain
from softphone.model import Registration, RegistrationStatus

REGISTERED = Registration(RegistrationStatus.REGISTERED, "192.0.2.10:5060", 200)
FAILED = Registration(RegistrationStatus.FAILED, "192.0.2.10:5060", 503, "registrar unreachable (connection refused)")


@dataclass
class Pings:
    down: bool = False
    refused: bool = False
    last_code: int = 0
    forgotten: bool = False
    revived: bool = False
    asked_within: float | None = None

    def ping_within(self, now: float, seconds: float) -> None:
        self.asked_within = seconds

    def poll(self, now: float) -> None:
        pass

    def take_forgotten(self) -> bool:
        forgotten, self.forgotten = self.forgotten, False
        return forgotten

    def take_revived(self) -> bool:
        revived, self.revived = self.revived, False
        return revived


def test_a_registrar_that_forgot_the_line_has_it_registered_again() -> None:
    watch, pings = LineWatch(), Pings(last_code=200)
    assert watch.check(pings, REGISTERED, 0.0) is None
    pings.forgotten, pings.last_code = True, 404
    action = watch.check(pings, REGISTERED, 5.0)
    assert isinstance(action, RegisterAgain)
    assert "no longer has this line's registration (404; restarted?)" in action.why


def test_a_registrar_that_never_relays_the_pings_is_not_taken_at_its_404s(caplog: pytest.LogCaptureFixture) -> None:
    watch, pings = LineWatch(), Pings(last_code=404)
    actions = []
    with caplog.at_level(logging.INFO, logger="softphone.line"):
        for n in range(MAX_FORGOTTEN_IN_A_ROW + 3):
            pings.forgotten = True
            actions.append(watch.check(pings, REGISTERED, float(n)))
    assert [isinstance(a, RegisterAgain) for a in actions] == [True] * MAX_FORGOTTEN_IN_A_ROW + [False] * 3
    assert len([r for r in caplog.records if "noticed at the next refresh only" in r.getMessage()]) == 1


def test_a_silent_or_refusing_server_takes_the_line_down() -> None:
    assert LineWatch().check(Pings(down=True), REGISTERED, 0.0) == LineDown(408, "keep-alive timeout")
    assert LineWatch().check(Pings(down=True, refused=True), REGISTERED, 0.0) == LineDown(503, "connection refused")


def test_while_down_the_server_is_pinged_every_second_and_its_answer_registers_at_once() -> None:
    watch, pings = LineWatch(), Pings()
    assert watch.check(pings, FAILED, 0.0) is None
    assert pings.asked_within == 1.0
    pings.revived = True
    assert watch.check(pings, FAILED, 1.0) == RegisterAgain("the registrar answers again")


def test_the_log_says_when_the_line_goes_down_and_up_with_the_reason_and_no_user(
        caplog: pytest.LogCaptureFixture) -> None:
    watch = LineWatch()
    registering = Registration(RegistrationStatus.REGISTERING, "192.0.2.10:5060")
    with caplog.at_level(logging.INFO, logger="softphone.line"):
        watch.log(REGISTERED, registering, "", 0.0)
        watch.log(FAILED, REGISTERED, "", 10.0)
        watch.log(registering, FAILED, "the registrar answers again", 11.0)
        watch.log(FAILED, registering, "", 11.5)  # the same failure again: not repeated
        watch.log(REGISTERED, registering, "", 12.5)
        watch.log(Registration(RegistrationStatus.OFFLINE, "192.0.2.10:5060"), REGISTERED, "", 20.0)
    assert [r.getMessage() for r in caplog.records] == [
        "line up at 192.0.2.10:5060",
        "line down at 192.0.2.10:5060: registrar unreachable (connection refused)",
        "line up at 192.0.2.10:5060 after 2.5 s down",
        "line closed at 192.0.2.10:5060",
    ]


def _answer(server: socket.socket, *statuses: bytes) -> bytes:
    """Answer the next ping with `statuses` in turn; returns the ping."""
    request, client = server.recvfrom(4096)
    echoed = b"\r\n".join(line for line in request.split(b"\r\n") if line.startswith((b"Call-ID", b"CSeq")))
    for status in statuses:
        server.sendto(b"SIP/2.0 " + status + b"\r\n" + echoed + b"\r\n\r\n", client)
    time.sleep(0.02)
    return request


def test_the_probe_asks_for_the_address_of_record_and_hears_that_it_was_forgotten() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as server:
        server.bind(("127.0.0.1", 0))
        server.settimeout(2)
        probe = RegistrarProbe("127.0.0.1", server.getsockname()[1], interval_s=1, aor="sip:1000@pbx.example")
        probe.open()
        try:
            probe.poll(0.0)
            request = _answer(server, b"100 Trying", b"200 OK")  # relayed to the phone, which answered
            assert request.startswith(b"OPTIONS sip:1000@pbx.example SIP/2.0\r\n")
            probe.poll(0.5)
            assert (probe.last_code, probe.take_forgotten()) == (200, False)
            probe.poll(1.0)
            _answer(server, b"404 Not Found")
            probe.poll(1.5)
            assert (probe.last_code, probe.take_forgotten(), probe.take_forgotten()) == (404, True, False)
            assert not probe.take_revived()  # answered every time: no gap
        finally:
            probe.close()


def test_an_answer_after_a_refused_ping_is_a_revival() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as gone:
        gone.bind(("127.0.0.1", 0))
        port = gone.getsockname()[1]
    probe = RegistrarProbe("127.0.0.1", port, interval_s=1)
    probe.open()
    try:
        probe.poll(0.0)
        deadline = time.monotonic() + 2
        while not probe.refused and time.monotonic() < deadline:
            time.sleep(0.01)
            probe.poll(0.5)
        assert probe.refused
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as back:
            back.bind(("127.0.0.1", port))
            back.settimeout(2)
            probe.ping_within(0.6, 0.0)
            probe.poll(0.6)
            _answer(back, b"200 OK")
            probe.poll(0.7)
        assert not probe.refused
        assert probe.take_revived()
        assert not probe.take_revived()
    finally:
        probe.close()


def test_an_answer_to_a_ping_sent_before_the_registration_is_stale() -> None:
    """A ping sent while registering is answered 404 just after the registration succeeded: not a restart."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as server:
        server.bind(("127.0.0.1", 0))
        server.settimeout(2)
        probe = RegistrarProbe("127.0.0.1", server.getsockname()[1], interval_s=5, aor="sip:1000@pbx.example")
        probe.open()
        try:
            probe.poll(0.0)
            request, client = server.recvfrom(4096)
            probe.reset(0.1)  # registered meanwhile
            echoed = b"\r\n".join(line for line in request.split(b"\r\n") if line.startswith((b"Call-ID", b"CSeq")))
            server.sendto(b"SIP/2.0 404 Not Found\r\n" + echoed + b"\r\n\r\n", client)
            time.sleep(0.02)
            probe.poll(0.2)
            assert (probe.last_code, probe.take_forgotten()) == (0, False)
        finally:
            probe.close()
