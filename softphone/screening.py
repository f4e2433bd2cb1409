"""What an incoming INVITE must be before it becomes a call: from the trust domain, whole, not oversized.

pjsua hands every INVITE it could parse to `onIncomingCall`, including a datagram cut off at pjsip's
4000-byte buffer (an 8 KB INVITE arrives as its first 4000 bytes and rang as a call) and one whose
body is shorter than its Content-Length, and one whose answer would not fit that buffer either (a very
long display name: the 200 OK repeats it). None of those may keep one of the wheel's four call slots:
the gate refuses them with a final response (400, 513), and any INVITE from outside the trust domain
with 403; `softphone.calls` sends the refusals, at a bounded rate (`TokenBucket`). Each kind of
refusal is logged, at most once a minute with a count of the rest, so a flood cannot fill the log.
Pure apart from logging; the clock is passed in.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from softphone.identity import headers_of
from softphone.trust import TrustedSources

log = logging.getLogger(__name__)

# The wheel's PJSIP_MAX_PKT_LEN: pjsip reads at most this much of a datagram, so a request this long
# was (almost surely) cut off, and nothing longer can be received at all.
MAX_MESSAGE = 4000
LOG_EVERY_S = 60.0
# An answer repeats the request's Via, Record-Route, From, To, Call-ID and CSeq and adds the status line,
# a To tag, Allow, Contact, Supported, Content-Type, Content-Length and the SDP answer: 532 bytes for one
# audio format on this wheel, measured; with a margin, and per further format offered (repeated when common).
ANSWER_OVERHEAD = 600
ANSWER_PER_FORMAT = 60
_ECHOED = frozenset({"via", "v", "record-route", "from", "f", "to", "t", "call-id", "i", "cseq"})


@dataclass(frozen=True)
class Refused:
    """A final response for a request that must not become a call, and why (English, for the log)."""

    code: int
    phrase: str
    why: str


UNTRUSTED = Refused(403, "Forbidden", "not from the registrar, proxy, exchange or [sip] trusted")


def malformed(message: str) -> Refused | None:
    """Why a raw request cannot be taken as it is (cut off, oversized, body not its Content-Length), else None."""
    raw = message.encode("utf-8", "surrogateescape")
    if len(raw) >= MAX_MESSAGE:
        return Refused(513, "Message Too Large", f"{len(raw)} bytes or more, cut off at pjsip's limit")
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = raw.partition(b"\n\n")
    if not sep:
        return Refused(400, "Bad Request", "the header section has no end")
    headers = headers_of(head.decode("utf-8", "replace"))
    lengths = headers.get("content-length", []) + headers.get("l", [])
    if len(lengths) > 1:
        return Refused(400, "Bad Request", "more than one Content-Length")
    if lengths:
        text = lengths[0].strip()
        if not text.isdigit() or int(text) != len(body):
            return Refused(400, "Bad Request", f"Content-Length {text[:12]!r} but a body of {len(body)} bytes")
    return None


def answer_size(message: str) -> int:
    """About how long our 200 OK to this INVITE would be (bytes), from the headers it repeats and the offer."""
    head, _, body = message.replace("\r\n", "\n").partition("\n\n")
    echoed, current = 0, ""
    for line in head.split("\n")[1:]:
        if line[:1] not in (" ", "\t"):
            current = line.partition(":")[0].strip().lower()
        if current in _ECHOED:
            echoed += len(line.encode("utf-8", "surrogateescape")) + 2
    formats = sum(len(line.split()[3:]) for line in body.split("\n") if line.startswith("m=audio"))
    return echoed + ANSWER_OVERHEAD + ANSWER_PER_FORMAT * max(0, formats - 1)


def too_large_to_answer(message: str) -> Refused | None:
    """pjsip cannot send a message over its 4000-byte buffer on any transport, so an INVITE whose answer
    would be longer (a very long display name, repeated in the 200 OK) could ring but never be answered:
    the caller heard nothing until the console gave up. It is refused at once instead (513), so the PBX
    can route the caller on."""
    size = answer_size(message)
    if size <= MAX_MESSAGE:
        return None
    return Refused(513, "Message Too Large", f"its answer would be about {size} bytes, over pjsip's {MAX_MESSAGE}")


def has_offer(message: str) -> bool:
    """True when the request carries an SDP body (an offer), as pjsua reads it."""
    head, sep, body = message.partition("\r\n\r\n")
    if not sep:
        head, sep, body = message.partition("\n\n")
    headers = headers_of(head)
    kinds = headers.get("content-type", []) + headers.get("c", [])
    return bool(body.strip()) and any(k.strip().lower().startswith("application/sdp") for k in kinds)


class TokenBucket:
    """At most `rate` events a second on average, `burst` at once."""

    def __init__(self, rate: float, burst: float) -> None:
        self.rate, self.burst = rate, burst
        self._tokens, self._at = burst, 0.0

    def take(self, now: float) -> bool:
        self._tokens = min(self.burst, self._tokens + (now - self._at) * self.rate)
        self._at = now
        if self._tokens < 1.0:
            return False
        self._tokens -= 1.0
        return True


class LogThrottle:
    """Logs a kind of event at most once per `every_s`, saying how many were left out in between."""

    def __init__(self, every_s: float = LOG_EVERY_S) -> None:
        self.every_s = every_s
        self._next: dict[str, float] = {}
        self._quiet: dict[str, int] = {}
        self.counts: dict[str, int] = {}  # every event by kind, logged or not

    def warn(self, kind: str, now: float, message: str, *args: object) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        if now < self._next.get(kind, float("-inf")):
            self._quiet[kind] = self._quiet.get(kind, 0) + 1
            return
        left_out = self._quiet.pop(kind, 0)
        suffix = f" ({left_out} more like it in the last {self.every_s:g} s)" if left_out else ""
        log.warning(message + suffix, *args)
        self._next[kind] = now + self.every_s


class IncomingGate:
    """Screens incoming INVITEs: `screen` returns the refusal to answer with, or None to take the call."""

    def __init__(self, trusted: TrustedSources, throttle: LogThrottle | None = None) -> None:
        self.trusted = trusted
        self.throttle = throttle or LogThrottle()

    def screen(self, source: str, message: str, now: float) -> Refused | None:
        if not self.trusted.trusts(source):
            self.throttle.warn("untrusted", now, "refused a call from %s: %s", source, UNTRUSTED.why)
            return UNTRUSTED
        refused = malformed(message)
        if refused is not None:
            self.throttle.warn("malformed", now, "refused a malformed call request from %s: %s", source,
                               refused.why)
            return refused
        refused = too_large_to_answer(message)
        if refused is not None:
            self.throttle.warn("too large", now, "refused a call from %s that could not be answered: %s", source,
                               refused.why)
        return refused
