"""What the keep-alives say about the line, and the log of the line going down and coming up.

Why the pings ask the registrar for our own address of record (`softphone.keepalive`), and what is
done with their answers: a registrar killed and restarted between two pings answers the next one as
if nothing happened but has lost every registration (Kamailio keeps them in memory), so callers get
404 until the next refresh, minutes later. Its 404 to the ping says so, and we register again at
once. While the line is down the server is pinged every second, and its first answer starts a
registration instead of waiting out the backoff. Either way the console is reachable again within a
ping of the server's return: the default interval of 5 s keeps the worst case under 10 s.

Pure: the engine polls the probe through `check` and carries out the action it returns.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

from softphone.model import Registration, RegistrationStatus

log = logging.getLogger(__name__)

RECOVERY_PING_S = 1.0  # keep-alive interval while the line is down
MAX_FORGOTTEN_IN_A_ROW = 3  # never a 2xx: the registrar answers the pings itself, its 404s say nothing of us


class Pings(Protocol):
    """What the watch reads of `softphone.keepalive.RegistrarProbe`."""

    @property
    def down(self) -> bool: ...
    @property
    def refused(self) -> bool: ...
    @property
    def last_code(self) -> int: ...
    def ping_within(self, now: float, seconds: float) -> None: ...
    def poll(self, now: float) -> None: ...
    def take_forgotten(self) -> bool: ...
    def take_revived(self) -> bool: ...


@dataclass(frozen=True)
class LineDown:
    """The server stopped answering: the line is not registered (`code` and `reason` as a REGISTER failure)."""

    code: int
    reason: str


@dataclass(frozen=True)
class RegisterAgain:
    """Register now, not at the next refresh or retry."""

    why: str


LineAction = LineDown | RegisterAgain | None


class LineWatch:
    def __init__(self) -> None:
        self._down_since: float | None = None
        self._relays = False  # a ping for our address of record came back 2xx: the registrar relays them to us
        self._forgotten_in_a_row = 0  # 404s to pings, each after a registration, before any 2xx
        self._failure = ""  # the last registration failure logged (each retry that fails alike is not)

    def probe_opened(self) -> None:
        """A new registrar is asked: whether it relays the pings is to be seen again."""
        self._relays, self._forgotten_in_a_row = False, 0

    def check(self, probe: Pings, current: Registration, now: float) -> LineAction:
        if not current.registered:
            probe.ping_within(now, RECOVERY_PING_S)
        probe.poll(now)
        if current.registered:
            if probe.down:
                return LineDown(503, "connection refused") if probe.refused else LineDown(408, "keep-alive timeout")
            if probe.take_forgotten():
                return self._forgotten(probe.last_code, current.registrar)
            self._relays |= 200 <= probe.last_code < 300
        elif current.status is RegistrationStatus.FAILED and probe.take_revived():
            return RegisterAgain("the registrar answers again")
        return None

    def _forgotten(self, code: int, registrar: str) -> LineAction:
        self._forgotten_in_a_row += 1
        if self._relays or self._forgotten_in_a_row <= MAX_FORGOTTEN_IN_A_ROW:
            return RegisterAgain(f"the registrar no longer has this line's registration ({code}; restarted?)")
        if self._forgotten_in_a_row == MAX_FORGOTTEN_IN_A_ROW + 1:
            log.info("registrar %s answers %s for this line even just after it registered: a restart is noticed "
                     "at the next refresh only", registrar, code)
        return None

    def log(self, registration: Registration, previous: Registration, why: str, now: float) -> None:
        """Every time the line goes down or comes up, with the reason; the registrar's address, never the user's."""
        where = registration.registrar or previous.registrar
        failed = registration.status is RegistrationStatus.FAILED
        if previous.registered and not registration.registered:
            self._down_since = now
            self._failure = registration.reason if failed else ""
            if registration.status is RegistrationStatus.OFFLINE:
                log.info("line closed at %s", where)
            else:
                log.warning("line down at %s: %s", where, why or registration.reason or registration.status.value)
        elif registration.registered and not previous.registered:
            down = f" after {now - self._down_since:.1f} s down" if self._down_since is not None else ""
            log.info("line up at %s%s", where, down)
            self._down_since, self._failure = None, ""
        elif failed and registration.reason != self._failure:
            self._failure = registration.reason
            log.warning("line not registered at %s: %s", where, registration.reason)
