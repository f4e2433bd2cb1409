"""A loopback registrar and stateless relay for the demo lab: plain UDP, no pjsua2, one thread.

REGISTER and OPTIONS are answered here (200, the Contact echoed), and the registered contact is
remembered so the lab can call the operator. Every other request gets our Via on top, loses the Route
that named us, and is relayed to the lab; a response whose top Via is ours goes, without it, to the
next Via. No Record-Route is added, so in-dialog requests flow directly between the two ends. This is
enough for one console and one lab on 127.0.0.1, and nothing more: it is not a proxy.
"""

from __future__ import annotations

import hashlib
import re
import socket
import threading

_VIA = re.compile(r"^(via|v)\s*:", re.IGNORECASE)
_ROUTE = re.compile(r"^route\s*:", re.IGNORECASE)
_SENT_BY = re.compile(r"SIP/2\.0/UDP\s+([^;:\s]+)(?::(\d+))?(.*)$", re.IGNORECASE)


def _split(message: bytes) -> tuple[list[str], bytes]:
    head, _, body = message.partition(b"\r\n\r\n")
    return head.decode("utf-8", "replace").split("\r\n"), body


def _join(lines: list[str], body: bytes) -> bytes:
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def _header(lines: list[str], *names: str) -> str:
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() in names:
            return value.strip()
    return ""


def via_destination(via: str) -> tuple[str, int] | None:
    """Where a response goes for this Via value: received/rport when present, else sent-by."""
    match = _SENT_BY.match(via.split(",", maxsplit=1)[0].strip())
    if match is None:
        return None
    host, port, params = match.group(1), int(match.group(2) or 5060), match.group(3)
    received = re.search(r";received=([^;\s]+)", params)
    rport = re.search(r";rport=(\d+)", params)
    return (received.group(1) if received else host), (int(rport.group(1)) if rport else port)


class FrontDoor:
    def __init__(self, lab: tuple[str, int], host: str = "127.0.0.1", expires: int = 300) -> None:
        self._lab = lab
        self._expires = expires
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._sock.bind((host, 0))
        self._sock.settimeout(0.2)
        self.address: tuple[str, int] = self._sock.getsockname()
        self._contacts: dict[str, str] = {}  # user -> contact URI
        self._lock = threading.Lock()
        self._running = False
        self._thread = threading.Thread(target=self._serve, name="frontdoor", daemon=True)

    @property
    def hostport(self) -> str:
        return f"{self.address[0]}:{self.address[1]}"

    def contact(self, user: str) -> str | None:
        with self._lock:
            return self._contacts.get(user)

    def start(self) -> None:
        self._running = True
        self._thread.start()

    def stop(self) -> None:
        self._running = False
        self._thread.join(2)
        self._sock.close()

    def _serve(self) -> None:
        while self._running:
            try:
                data, peer = self._sock.recvfrom(65535)
            except (TimeoutError, OSError):
                continue
            if data.strip():
                self.handle(data, peer)

    def handle(self, data: bytes, peer: tuple[str, int]) -> None:
        lines, body = _split(data)
        first = lines[0]
        if first.startswith("SIP/2.0"):
            self._relay_response(lines, body)
        elif first.startswith(("REGISTER ", "OPTIONS ")):
            self._answer(lines, peer, first.startswith("REGISTER "))
        elif not first.startswith("ACK "):  # a stray ACK for our own 200 needs nothing
            self._relay_request(lines, body, peer)

    def _answer(self, lines: list[str], peer: tuple[str, int], register: bool) -> None:
        vias = [line for line in lines[1:] if _VIA.match(line)]
        if vias and "rport" in vias[0] and "rport=" not in vias[0]:
            vias[0] = vias[0].replace(";rport", f";received={peer[0]};rport={peer[1]}", 1)
        to = _header(lines, "to", "t")
        if ";tag=" not in to:
            to += ";tag=" + hashlib.sha1(_header(lines, "call-id", "i").encode()).hexdigest()[:10]
        reply = ["SIP/2.0 200 OK", *vias, f"From: {_header(lines, 'from', 'f')}", f"To: {to}",
                 f"Call-ID: {_header(lines, 'call-id', 'i')}", f"CSeq: {_header(lines, 'cseq')}"]
        if register:
            contact = _header(lines, "contact", "m")
            expires = _header(lines, "expires")
            user = re.search(r"sip:([^@;>]+)@", to)
            if contact and user:
                uri = contact.split(";")[0].strip().strip("<>")
                gone = expires == "0" or ";expires=0" in contact or contact == "*"
                with self._lock:
                    if gone:
                        self._contacts.pop(user.group(1), None)
                    else:
                        self._contacts[user.group(1)] = uri
                if not gone:
                    reply.append(f"Contact: <{uri}>;expires={self._expires}")
            reply.append(f"Expires: {0 if expires == '0' else self._expires}")
        reply.append("Content-Length: 0")
        self._sock.sendto(_join(reply, b""), peer)

    def _relay_request(self, lines: list[str], body: bytes, peer: tuple[str, int]) -> None:
        kept = [lines[0]]
        dropped_route = False
        for line in lines[1:]:
            if not dropped_route and _ROUTE.match(line) and self.hostport in line:
                dropped_route = True  # loose routing: the Route that named us is consumed here
                continue
            kept.append(line)
        first_via = next((i for i, line in enumerate(kept) if _VIA.match(line)), 1)
        if "rport" in kept[first_via] and "rport=" not in kept[first_via]:
            kept[first_via] = kept[first_via].replace(";rport", f";received={peer[0]};rport={peer[1]}", 1)
        branch = "z9hG4bK" + hashlib.sha1(kept[first_via].encode()).hexdigest()[:16]
        kept.insert(first_via, f"Via: SIP/2.0/UDP {self.hostport};branch={branch}")
        self._sock.sendto(_join(kept, body), self._lab)

    def _relay_response(self, lines: list[str], body: bytes) -> None:
        vias = [i for i, line in enumerate(lines) if _VIA.match(line)]
        if not vias or self.hostport not in lines[vias[0]] or len(vias) < 2:
            return
        del lines[vias[0]]
        destination = via_destination(lines[vias[1] - 1].partition(":")[2])
        if destination is not None:
            self._sock.sendto(_join(lines, body), destination)
