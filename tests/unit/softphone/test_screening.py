"""Screening incoming INVITEs: untrusted sources never become calls, and refusals are logged at most once a
minute."""

from __future__ import annotations

import logging

import pytest

from softphone.screening import IncomingGate, LogThrottle
from softphone.trust import TrustedSources

BODY = "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\n"


def _invite(body: str = BODY, length: int | None = None, extra: str = "") -> str:
    size = len(body.encode()) if length is None else length
    return ("INVITE sip:1000@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1\r\n"
            f"From: <sip:2001@pbx>;tag=1\r\nTo: <sip:1000@pbx>\r\nCall-ID: a\r\nCSeq: 1 INVITE\r\n{extra}"
            f"Content-Length: {size}\r\n\r\n{body}")


def test_the_gate_refuses_untrusted_sources_before_looking_at_the_request(caplog: pytest.LogCaptureFixture) -> None:
    gate = IncomingGate(TrustedSources(["192.0.2.10:5060"], ()))
    assert gate.screen("192.0.2.10:5060", _invite(), 0.0) is None
    refused = gate.screen("203.0.113.9:5060", _invite(), 0.0)
    assert refused is not None
    assert refused.code == 403
    assert "203.0.113.9:5060" in caplog.text


def test_a_flood_is_logged_once_a_minute_with_a_count(caplog: pytest.LogCaptureFixture) -> None:
    throttle = LogThrottle(60.0)
    gate = IncomingGate(TrustedSources(["192.0.2.10"], ()), throttle)
    with caplog.at_level(logging.WARNING):
        for second in range(120):
            gate.screen("203.0.113.9:5060", _invite(), float(second))
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 2  # at 0 s and 60 s
    assert "59 more like it in the last 60 s" in lines[1]
    assert throttle.counts == {"untrusted": 120}
