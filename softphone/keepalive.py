"""SIP OPTIONS keep-alives over UDP that ask the registrar for the console itself, so an outage and a
restarted registrar that forgot the registration both show within seconds, not at the next refresh.

Over TCP/TLS a vanished server closes the connection and the engine notices at once; over UDP pjsip
would only find out when a refresh times out (minutes), and a registrar restarted between two pings
answers pings as before while every caller gets 404. So each ping is an OPTIONS for our own address
of record, sent to the registrar (or outbound proxy) from this prober's own connected UDP socket:
a registrar that still has our binding relays it to the console, whose SIP stack answers 200; one
that lost it answers 404 (or 480/410/604) itself, and the engine registers again at once. Polled
from `Phone.pump()` (non-blocking, no thread). The server counts as down when `misses` pings in a
row stay unanswered for a whole interval, or at once when the kernel reports the port unreachable
(ICMP). An answer after that is `revived`: the engine registers then instead of waiting for its
backoff, so the console is reachable within a ping of the server's return.
"""

from __future__ import annotations

import contextlib
import secrets
import socket

_MAX_DATAGRAM = 65535
# Final answers by which a registrar says it has no binding for the address of record it was asked for.
FORGOTTEN_CODES = frozenset({404, 410, 480, 604})


class RegistrarProbe:
    def __init__(self, host: str, port: int, interval_s: float, *, aor: str = "", misses: int = 2) -> None:
        self.interval_s = interval_s
        self.misses = misses
        self._host, self._port = host, port
        self._target = aor or f"sip:{host}:{port}"  # whom the pings ask for: our own address of record
        self._sock: socket.socket | None = None
        self._call_id = secrets.token_hex(8)
        self._cseq = 0
        self._first_cseq = 1  # answers to pings sent before the last reset are stale and ignored
        self._next_at = 0.0
        self._outstanding = False  # the last ping has not been answered yet
        self._missed = 0  # pings that went unanswered for a whole interval, in a row
        self._refused = False
        self._gap = False  # a ping went unanswered or was refused since the last answer
        self._revived = False  # an answer came after a gap (taken by `take_revived`)
        self._forgotten = False  # the registrar said it has no binding for us (taken by `take_forgotten`)
        self.last_code = 0

    def open(self) -> None:
        """Resolve and connect (once, at start: the lookup may block briefly on a slow resolver)."""
        family, kind, proto, _, address = socket.getaddrinfo(self._host, self._port, type=socket.SOCK_DGRAM)[0]
        sock = socket.socket(family, kind, proto)
        sock.setblocking(False)
        sock.connect(address)
        self._sock = sock

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    def reset(self, now: float) -> None:
        """Forget past misses and answers (after a successful registration); ping again one interval from now."""
        self._outstanding, self._missed, self._refused = False, 0, False
        self._gap = self._revived = self._forgotten = False
        self._next_at = now + self.interval_s
        # A ping sent while registering may be answered 404 just after the registration succeeded.
        self._first_cseq = self._cseq + 1

    def ping_within(self, now: float, seconds: float) -> None:
        """Ping no later than `seconds` from now (while the line is down: notice the server's return soon)."""
        self._next_at = min(self._next_at, now + seconds)

    @property
    def next_ping_at(self) -> float:
        return self._next_at

    @property
    def refused(self) -> bool:
        return self._refused

    @property
    def down(self) -> bool:
        return self._refused or self._missed >= self.misses

    def take_revived(self) -> bool:
        """True once after the server answered again following an unanswered or refused ping."""
        revived, self._revived = self._revived, False
        return revived

    def take_forgotten(self) -> bool:
        """True once after the registrar answered that it has no binding for our address of record."""
        forgotten, self._forgotten = self._forgotten, False
        return forgotten

    def poll(self, now: float) -> None:
        if self._sock is None:
            return
        self._read()
        if now >= self._next_at:
            self._next_at = now + self.interval_s
            if self._outstanding:
                self._missed += 1
                self._gap = True
            self._outstanding = True
            self._send()

    def _read(self) -> None:
        assert self._sock is not None
        while True:
            try:
                data = self._sock.recv(_MAX_DATAGRAM)
            except BlockingIOError:
                return
            except ConnectionRefusedError:
                self._refused = self._gap = True
                return
            except OSError:
                return
            if not data.startswith(b"SIP/2.0 ") or self._call_id.encode() not in data \
                    or _cseq(data) < self._first_cseq:
                continue
            code = _status(data)
            if code < 200:
                continue  # 100 Trying from a proxy on the way: the final answer decides
            self.last_code = code
            self._revived |= self._gap
            self._forgotten |= code in FORGOTTEN_CODES
            self._outstanding, self._missed, self._refused, self._gap = False, 0, False, False

    def _send(self) -> None:
        assert self._sock is not None
        self._cseq += 1
        local_host, local_port = self._sock.getsockname()[:2]
        branch = "z9hG4bK" + secrets.token_hex(8)
        message = (
            f"OPTIONS {self._target} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP {local_host}:{local_port};branch={branch};rport\r\n"
            f"Max-Forwards: 70\r\n"
            f"From: <sip:keepalive@{local_host}>;tag={self._call_id}\r\n"
            f"To: <{self._target}>\r\n"
            f"Call-ID: {self._call_id}\r\n"
            f"CSeq: {self._cseq} OPTIONS\r\n"
            f"Content-Length: 0\r\n\r\n"
        )
        with contextlib.suppress(BlockingIOError):
            try:
                self._sock.send(message.encode())
            except ConnectionRefusedError:
                self._refused = self._gap = True
            except OSError:
                pass  # e.g. no route: counted as a miss


def _cseq(response: bytes) -> int:
    for line in response.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"cseq":
            number = value.split()[0] if value.split() else b""
            return int(number) if number.isdigit() else 0
    return 0


def _status(response: bytes) -> int:
    parts = response.split(b" ", 2)
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
