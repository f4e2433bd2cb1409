"""Screening incoming INVITEs: untrusted sources, cut-off and oversized requests never become calls,
and each kind of refusal is logged at most once a minute."""

from __future__ import annotations

import logging

import pytest

from softphone.screening import (
    ANSWER_PER_FORMAT,
    MAX_MESSAGE,
    IncomingGate,
    LogThrottle,
    TokenBucket,
    answer_size,
    has_offer,
    malformed,
    too_large_to_answer,
)
from softphone.trust import TrustedSources

BODY = "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\n"


def _invite(body: str = BODY, length: int | None = None, extra: str = "") -> str:
    size = len(body.encode()) if length is None else length
    return ("INVITE sip:1000@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1\r\n"
            f"From: <sip:2001@pbx>;tag=1\r\nTo: <sip:1000@pbx>\r\nCall-ID: a\r\nCSeq: 1 INVITE\r\n{extra}"
            f"Content-Length: {size}\r\n\r\n{body}")


def test_a_whole_request_passes() -> None:
    assert malformed(_invite()) is None
    assert malformed(_invite(body="", length=0)) is None
    assert malformed(_invite(body="Åsa\r\n")) is None  # the length is in bytes, not characters


@pytest.mark.parametrize(("message", "code", "why"), [
    (_invite(length=900), 400, "Content-Length '900'"),
    (_invite(length=3), 400, "body of"),
    (_invite(extra="Content-Length: 5\r\n"), 400, "more than one"),
    (_invite(extra="l: x\r\n"), 400, "more than one"),
    (_invite()[:120], 400, "no end"),
    (_invite(extra="X-Junk: " + "j" * MAX_MESSAGE + "\r\n")[:MAX_MESSAGE], 513, "cut off"),
])
def test_a_cut_off_or_inconsistent_request_is_refused(message: str, code: int, why: str) -> None:
    refused = malformed(message)
    assert refused is not None
    assert refused.code == code
    assert why in refused.why


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
            gate.screen("192.0.2.10:5060", _invite(length=1), float(second))
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 4  # untrusted and malformed, each at 0 s and 60 s
    assert sum("59 more like it in the last 60 s" in line for line in lines) == 2
    assert throttle.counts == {"untrusted": 120, "malformed": 120}


def test_an_offer_is_an_sdp_body() -> None:
    assert has_offer(_invite(extra="Content-Type: application/sdp\r\n"))
    assert has_offer(_invite(extra="c: Application/SDP; charset=utf-8\r\n"))
    assert not has_offer(_invite(extra="Content-Type: application/sdp\r\n", body="", length=0))
    assert not has_offer(_invite(extra="Content-Type: text/plain\r\n"))
    assert not has_offer(_invite(extra="Content-Type: application/sdp\r\n")[:60])


def test_the_refusal_bucket_lets_a_burst_through_then_its_rate() -> None:
    bucket = TokenBucket(rate=10.0, burst=5.0)
    assert [bucket.take(0.0) for _ in range(6)] == [True] * 5 + [False]
    assert bucket.take(0.1)
    assert not bucket.take(0.1)
    assert [bucket.take(10.0) for _ in range(6)] == [True] * 5 + [False]  # a quiet while refills only the burst
    assert sum(bucket.take(10.0 + i / 100) for i in range(1, 101)) in (9, 10)  # then 10 a second


def test_an_invite_whose_answer_could_not_be_sent_is_refused() -> None:
    """pjsip sends nothing over 4000 bytes: the 200 OK repeats Via, Record-Route, From, To, Call-ID, CSeq."""
    long_from = _invite().replace("From: <sip:2001@pbx>", 'From: "' + "N" * 3400 + '" <sip:2001@pbx>')
    refused = too_large_to_answer(long_from)
    assert refused is not None
    assert (refused.code, refused.phrase) == (513, "Message Too Large")
    assert too_large_to_answer(_invite()) is None
    assert too_large_to_answer(_invite(extra="X-Junk: " + "j" * 3000 + "\r\n")) is None  # not repeated
    one = "v=0\r\nm=audio 4000 RTP/AVP 0\r\n"
    four = "v=0\r\nm=audio 4000 RTP/AVP 0 8 9 101\r\n"
    assert answer_size(_invite(body=four)) - answer_size(_invite(body=one)) == 3 * ANSWER_PER_FORMAT
    folded = _invite().replace("From: <sip:2001@pbx>", "From: <sip:2001@pbx>\r\n " + "N" * 100)
    assert answer_size(folded) == answer_size(_invite()) + 103  # a folded line belongs to its header
