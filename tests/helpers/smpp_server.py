"""An SMPP 3.4 server (SMSC) for the tests: a protocol fixture written from the SMPP 3.4 specification, not a
real SMSC (Debian has none). PDUs are shaped as the specification's section 4 lays them out: a 16-octet
header (command_length, command_id, command_status, sequence_number, big-endian) and the body's fields in
order, C-octet strings NUL-terminated.

It answers bind_transmitter (checking the password), submit_sm (each recorded), enquire_link and unbind;
anything else gets generic_nack. Numbers in `refused` get ESME_RINVDSTADR.
"""

from __future__ import annotations

import socketserver
import struct
import threading
from dataclasses import dataclass

from messaging.sms_text import GSM_BASIC

BIND_TRANSMITTER, SUBMIT_SM, UNBIND, ENQUIRE_LINK, GENERIC_NACK = 0x02, 0x04, 0x06, 0x15, 0x80000000
RESP = 0x80000000
ESME_ROK, ESME_RINVCMDID, ESME_RBINDFAIL, ESME_RINVPASWD, ESME_RINVDSTADR = 0x00, 0x03, 0x0D, 0x0E, 0x0B
_EXTENSION = {0x0A: "\f", 0x14: "^", 0x28: "{", 0x29: "}", 0x2F: "\\", 0x3C: "[", 0x3D: "~", 0x3E: "]",
              0x40: "|", 0x65: "€"}


@dataclass(frozen=True, slots=True)
class Submitted:
    source_addr: str
    destination_addr: str
    esm_class: int
    registered_delivery: int
    data_coding: int
    short_message: bytes


class _Body:
    """Reads a PDU body field by field, as the specification orders them."""

    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def octet(self) -> int:
        self.at += 1
        return self.data[self.at - 1]

    def c_string(self) -> str:
        end = self.data.index(b"\x00", self.at)
        text, self.at = self.data[self.at:end].decode("ascii"), end + 1
        return text

    def octets(self, count: int) -> bytes:
        self.at += count
        return self.data[self.at - count:self.at]


def parse_submit_sm(body: bytes) -> Submitted:
    """submit_sm (SMPP 3.4, 4.4.1): service_type, source TON/NPI/addr, dest TON/NPI/addr, esm_class,
    protocol_id, priority_flag, schedule_delivery_time, validity_period, registered_delivery,
    replace_if_present_flag, data_coding, sm_default_msg_id, sm_length, short_message (TLVs after)."""
    b = _Body(body)
    b.c_string()
    b.octet(), b.octet()
    source = b.c_string()
    b.octet(), b.octet()
    destination = b.c_string()
    esm_class = b.octet()
    b.octet(), b.octet()
    b.c_string(), b.c_string()
    registered = b.octet()
    b.octet()
    coding = b.octet()
    b.octet()
    length = b.octet()
    return Submitted(source, destination, esm_class, registered, coding, b.octets(length))


def pdu(command_id: int, status: int, sequence: int, body: bytes = b"") -> bytes:
    return struct.pack(">IIII", 16 + len(body), command_id, status, sequence) + body


class SmppServer:
    """Listens on a free loopback port (`port`) until `stop()`; `submitted` holds every accepted submit_sm."""

    def __init__(self, system_id: str = "switchboard", password: str = "smpp-pw") -> None:
        self.system_id, self.password = system_id, password
        self.submitted: list[Submitted] = []
        self.refused: set[str] = set()
        self._lock = threading.Lock()
        server = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                while header := self._exact(16):
                    length, command_id, _status, sequence = struct.unpack(">IIII", header)
                    body = self._exact(length - 16) if length > 16 else b""
                    answer = server.answer(command_id, sequence, body)
                    self.request.sendall(answer)
                    if command_id == UNBIND:
                        return

            def _exact(self, size: int) -> bytes:
                data = b""
                while len(data) < size:
                    chunk = self.request.recv(size - len(data))
                    if not chunk:
                        return b""
                    data += chunk
                return data

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def answer(self, command_id: int, sequence: int, body: bytes) -> bytes:
        if command_id == BIND_TRANSMITTER:
            b = _Body(body)
            system_id, password = b.c_string(), b.c_string()
            ok = system_id == self.system_id and password == self.password
            return pdu(RESP | BIND_TRANSMITTER, ESME_ROK if ok else ESME_RINVPASWD, sequence, b"smsc-fixture\x00")
        if command_id == SUBMIT_SM:
            submitted = parse_submit_sm(body)
            if submitted.destination_addr in self.refused:
                return pdu(RESP | SUBMIT_SM, ESME_RINVDSTADR, sequence)
            with self._lock:
                self.submitted.append(submitted)
                message_id = f"smsc-{len(self.submitted)}"
            return pdu(RESP | SUBMIT_SM, ESME_ROK, sequence, message_id.encode() + b"\x00")
        if command_id in (UNBIND, ENQUIRE_LINK):
            return pdu(RESP | command_id, ESME_ROK, sequence)
        return pdu(GENERIC_NACK, ESME_RINVCMDID, sequence)

    def texts(self) -> dict[str, list[str]]:
        """What each destination received, concatenated parts joined in order (by UDH reference)."""
        found: dict[str, list[str]] = {}
        pending: dict[tuple[str, int], dict[int, str]] = {}
        for s in self.submitted:
            data = s.short_message
            if s.esm_class & 0x40:
                udh_length = data[0]
                reference, total, number = data[3], data[4], data[5]
                piece = decode(s.data_coding, data[1 + udh_length:])
                parts = pending.setdefault((s.destination_addr, reference), {})
                parts[number] = piece
                if len(parts) == total:
                    found.setdefault(s.destination_addr, []).append("".join(parts[n] for n in sorted(parts)))
            else:
                found.setdefault(s.destination_addr, []).append(decode(s.data_coding, data))
        return found

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


def decode(coding: int, data: bytes) -> str:
    if coding == 8:
        return data.decode("utf-16-be")
    text, escaped = [], False
    for septet in data:
        if escaped:
            text.append(_EXTENSION[septet])
            escaped = False
        elif septet == 0x1B:
            escaped = True
        else:
            text.append(GSM_BASIC[septet])
    return "".join(text)
