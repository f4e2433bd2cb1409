"""What an incoming INVITE must be before it becomes a call: from the trust domain.

pjsua hands every INVITE it could parse to `onIncomingCall`, from wherever it came. One from outside
the trust domain may not take one of the wheel's four call slots: the gate refuses it with 403 at
once. Each kind of refusal is logged, at most once a minute with a count of the rest, so a flood
cannot fill the log. Pure apart from logging; the clock is passed in.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from softphone.trust import TrustedSources

log = logging.getLogger(__name__)

LOG_EVERY_S = 60.0


@dataclass(frozen=True)
class Refused:
    """A final response for a request that must not become a call, and why (English, for the log)."""

    code: int
    phrase: str
    why: str


UNTRUSTED = Refused(403, "Forbidden", "not from the registrar, proxy, exchange or [sip] trusted")


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
        return None
