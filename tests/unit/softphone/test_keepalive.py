from __future__ import annotations

import socket
import time

import pytest

from softphone.addressing import host_port
from softphone.keepalive import RegistrarProbe


@pytest.mark.parametrize(("server", "expected"), [
    ("pbx.example.com", ("pbx.example.com", 5060)),
    ("10.0.0.1:5080", ("10.0.0.1", 5080)),
    ("sip:pbx:5070;transport=udp", ("pbx", 5070)),
    ("[2001:db8::1]:5062", ("2001:db8::1", 5062)),
])
def test_host_port(server: str, expected: tuple[str, int]) -> None:
    assert host_port(server) == expected


def _wait_for(predicate: object, timeout: float = 2.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate() and time.monotonic() < deadline:  # type: ignore[operator]
        time.sleep(0.01)


def test_answered_pings_keep_the_registrar_up() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as server:
        server.bind(("127.0.0.1", 0))
        server.settimeout(2)
        probe = RegistrarProbe("127.0.0.1", server.getsockname()[1], interval_s=1, misses=1)
        probe.open()
        try:
            for now in (0.0, 1.0, 2.0, 3.0):
                probe.poll(now)
                request, client = server.recvfrom(4096)
                assert request.startswith(b"OPTIONS sip:127.0.0.1:")
                echoed = b"\r\n".join(line for line in request.split(b"\r\n") if line.startswith((b"Call-ID", b"CSeq")))
                server.sendto(b"SIP/2.0 200 OK\r\n" + echoed + b"\r\n\r\n", client)
                time.sleep(0.02)
            probe.poll(3.5)
            assert not probe.down
        finally:
            probe.close()


def test_unanswered_pings_mark_the_registrar_down() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:
        silent.bind(("127.0.0.1", 0))
        probe = RegistrarProbe("127.0.0.1", silent.getsockname()[1], interval_s=1, misses=2)
        probe.open()
        try:
            for now in (0.0, 1.0):
                probe.poll(now)
                assert not probe.down
            probe.poll(2.0)  # two pings unanswered for a whole interval each
            assert probe.down
            assert not probe.refused
            probe.reset(3.0)
            assert not probe.down
        finally:
            probe.close()


def test_a_closed_port_is_refused_at_once() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as gone:
        gone.bind(("127.0.0.1", 0))
        port = gone.getsockname()[1]
    probe = RegistrarProbe("127.0.0.1", port, interval_s=1)
    probe.open()
    try:
        probe.poll(0.0)

        def refused() -> bool:
            probe.poll(0.5)
            return probe.refused

        _wait_for(refused)
        assert probe.refused
        assert probe.down
    finally:
        probe.close()
