"""Hand-made SIP over plain sockets, for the hostile cases a well-behaved stack will not send: spoofed
sources (any loopback address: 127.0.0.2 is "another host" to a console that trusts 127.0.0.1),
asserted identities, cut-off and oversized datagrams, malformed requests over TCP."""

from __future__ import annotations

import contextlib
import secrets
import socket
import time
from collections.abc import Callable

PJSIP_MAX_PACKET = 4000  # what pjsip reads of a datagram (softphone.screening.MAX_MESSAGE)
JUNK = "X-Junk: " + "j" * 8192 + "\r\n"
SDP = ("v=0\r\no=- 1 1 IN IP4 {host}\r\ns=-\r\nc=IN IP4 {host}\r\nt=0 0\r\n"
       "m=audio {port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n")


def invite(target: str, via: tuple[str, int], *, user: str = "1000", caller: str = "666", name: str = "Caller",
           headers: str = "", body: str | None = None, content_length: int | None = None,
           transport: str = "UDP", call_id: str = "") -> bytes:
    """An INVITE for `user` at `target` ("host:port", the console or a proxy) sent from `via`; `headers` are
    extra header lines (each ending in CRLF), e.g. a P-Asserted-Identity."""
    host, port = via
    call_id = call_id or secrets.token_hex(8)
    sdp = SDP.format(host=host, port=40000) if body is None else body
    length = len(sdp.encode()) if content_length is None else content_length
    return (f"INVITE sip:{user}@{target} SIP/2.0\r\n"
            f"Via: SIP/2.0/{transport} {host}:{port};branch=z9hG4bK{secrets.token_hex(6)};rport\r\n"
            f"Max-Forwards: 70\r\n"
            f"From: \"{name}\" <sip:{caller}@{host}>;tag={secrets.token_hex(4)}\r\n"
            f"To: <sip:{user}@{target.partition(':')[0]}>\r\n"
            f"Call-ID: {call_id}\r\nCSeq: 1 INVITE\r\n"
            f"Contact: <sip:{caller}@{host}:{port}>\r\n{headers}"
            f"Content-Type: application/sdp\r\nContent-Length: {length}\r\n\r\n{sdp}").encode()


def malformed_datagrams(target: str, via: tuple[str, int]) -> list[bytes]:
    """What the issue's probe sent: truncated INVITEs, an 8 KB junk header, bodies short of their length."""
    whole = invite(target, via)
    return [
        invite(target, via, content_length=900),  # the body is shorter than its Content-Length
        whole[: len(whole) // 2],  # cut in the headers
        whole[: whole.index(b"\r\n\r\n")],  # the header section never ends
        invite(target, via, headers=JUNK),  # 8.6 KB: pjsip reads its first 4000 bytes
        invite(target, via, headers=JUNK)[:PJSIP_MAX_PACKET],
        b"INVITE sip:@@@ SIP/2.0\r\n\r\n",
        secrets.token_bytes(700),
    ]


class RawUdp:
    """A UDP socket bound to `host` (any free port) that sends datagrams and reads the status lines back."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((host, 0))
        self.sock.setblocking(False)
        self.address: tuple[str, int] = self.sock.getsockname()
        self.replies: list[bytes] = []

    def send(self, data: bytes, to: tuple[str, int]) -> None:
        self.sock.sendto(data, to)

    def read(self) -> list[bytes]:
        """Whatever arrived since the last read (also kept in `replies`)."""
        new: list[bytes] = []
        while True:
            try:
                new.append(self.sock.recv(65535))
            except (BlockingIOError, ConnectionRefusedError):
                break
        self.replies += new
        return new

    def statuses(self) -> list[int]:
        """The status codes of the responses read so far, in order."""
        self.read()
        return [int(r.split(b" ", 2)[1]) for r in self.replies if r.startswith(b"SIP/2.0 ")]

    def finals(self) -> dict[str, int]:
        """The first final status (>= 200) each Call-ID got, from the responses read so far."""
        self.read()
        found: dict[str, int] = {}
        for reply in self.replies:
            status = int(reply.split(b" ", 2)[1]) if reply.startswith(b"SIP/2.0 ") else 0
            call_id = next((line.split(b":", 1)[1].strip().decode() for line in reply.split(b"\r\n")
                            if line.lower().startswith((b"call-id:", b"i:"))), "")
            if status >= 200 and call_id:
                found.setdefault(call_id, status)
        return found

    def wait_for(self, pump: Callable[[], object], done: Callable[[list[int]], bool],
                 timeout: float = 5.0) -> list[int]:
        """Run `pump` (the console's) until `done(statuses)`; returns the statuses."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pump()
            statuses = self.statuses()
            if done(statuses):
                return statuses
            time.sleep(0.005)
        raise TimeoutError(f"no such answer within {timeout} s; got {self.statuses()}")

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()


def options(uri: str, via: tuple[str, int], call_id: str) -> bytes:
    """An OPTIONS for `uri` (e.g. a console's address of record, to ask its registrar whether it is there)."""
    host, port = via
    return (f"OPTIONS {uri} SIP/2.0\r\n"
            f"Via: SIP/2.0/UDP {host}:{port};branch=z9hG4bK{secrets.token_hex(6)};rport\r\n"
            f"Max-Forwards: 70\r\nFrom: <sip:probe@{host}>;tag={secrets.token_hex(4)}\r\nTo: <{uri}>\r\n"
            f"Call-ID: {call_id}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n").encode()


class Reachability:
    """Asks a registrar every `every_s` whether `aor` is reachable through it: an OPTIONS for the address
    of record that the registrar relays to the registered phone (200 from the phone) or refuses (404)."""

    def __init__(self, registrar: tuple[str, int], aor: str, every_s: float = 0.05) -> None:
        self.raw = RawUdp("127.0.0.1")
        self.registrar, self.aor, self.every_s = registrar, aor, every_s
        self._next = 0.0
        self._sent = 0

    def poll(self, now: float) -> bool:
        """Send the next question when due; True once a question was answered 200."""
        if now >= self._next:
            self._next = now + self.every_s
            self._sent += 1
            self.raw.send(options(self.aor, self.raw.address, f"reach-{self._sent}"), self.registrar)
        return 200 in self.raw.finals().values()

    def forget(self) -> None:
        """Start over: answers so far no longer count."""
        self.raw.read()
        self.raw.replies.clear()
        self._next = 0.0

    def close(self) -> None:
        self.raw.close()
