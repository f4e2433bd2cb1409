"""SIP OPTIONS keep-alives to the registrar over UDP, so an outage shows before the next re-registration.

Over TCP/TLS a vanished server closes the connection and the engine notices at once; over UDP pjsip
would only find out when a refresh times out (minutes). This prober sends a small OPTIONS request
from its own connected UDP socket every `interval_s` and is polled from `Phone.pump()` (non-blocking,
no thread). The server counts as down when `misses` pings in a row stay unanswered for a whole
interval, or at once when the kernel reports the port unreachable (ICMP).
"""

from __future__ import annotations

import contextlib
import secrets
import socket

_MAX_DATAGRAM = 65535


class RegistrarProbe:
    def __init__(self, host: str, port: int, interval_s: float, *, misses: int = 2) -> None:
        self.interval_s = interval_s
        self.misses = misses
        self._host, self._port = host, port
        self._sock: socket.socket | None = None
        self._call_id = secrets.token_hex(8)
        self._cseq = 0
        self._next_at = 0.0
        self._outstanding = False  # the last ping has not been answered yet
        self._missed = 0  # pings that went unanswered for a whole interval, in a row
        self._refused = False

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
        """Forget past misses (after a successful registration) and ping again one interval from now."""
        self._outstanding, self._missed, self._refused = False, 0, False
        self._next_at = now + self.interval_s

    @property
    def refused(self) -> bool:
        return self._refused

    @property
    def down(self) -> bool:
        return self._refused or self._missed >= self.misses

    def poll(self, now: float) -> None:
        if self._sock is None:
            return
        self._read()
        if now >= self._next_at:
            self._next_at = now + self.interval_s
            self._missed += self._outstanding
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
                self._refused = True
                return
            except OSError:
                return
            if data.startswith(b"SIP/2.0 ") and self._call_id.encode() in data:
                self._outstanding, self._missed, self._refused = False, 0, False

    def _send(self) -> None:
        assert self._sock is not None
        self._cseq += 1
        local_host, local_port = self._sock.getsockname()[:2]
        branch = "z9hG4bK" + secrets.token_hex(8)
        message = (
            f"OPTIONS sip:{self._host}:{self._port} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP {local_host}:{local_port};branch={branch};rport\r\n"
            f"Max-Forwards: 70\r\n"
            f"From: <sip:keepalive@{local_host}>;tag={self._call_id}\r\n"
            f"To: <sip:{self._host}:{self._port}>\r\n"
            f"Call-ID: {self._call_id}\r\n"
            f"CSeq: {self._cseq} OPTIONS\r\n"
            f"Content-Length: 0\r\n\r\n"
        )
        with contextlib.suppress(BlockingIOError):
            try:
                self._sock.send(message.encode())
            except ConnectionRefusedError:
                self._refused = True
            except OSError:
                pass  # e.g. no route: counted as a miss
