"""An SMPP 3.4 server (SMSC) for the tests: a protocol fixture written from the SMPP 3.4 specification, not a
real SMSC (Debian has none). PDUs are shaped as the specification's section 4 lays them out: a 16-octet
header (command_length, command_id, command_status, sequence_number, big-endian) and the body's fields in
order, C-octet strings NUL-terminated, TLVs (tag, length, value) after the mandatory fields.

It answers bind_transmitter, bind_receiver and bind_transceiver (checking the password; `binds` lists them),
submit_sm (each recorded), enquire_link and unbind; any other request gets generic_nack, and responses are
never answered.
Numbers in `refused` get ESME_RINVDSTADR; while `throttled` is above 0 a submit_sm gets ESME_RTHROTTLED (and
counts it down), as an SMSC limiting a bind's rate answers.

For each submit_sm asking for a receipt (registered_delivery) it sends a deliver_sm receipt (Appendix B text,
and the receipted_message_id and message_state TLVs unless `receipt_tlvs` is off) on a transceiver session,
right after the submit_sm_resp, or when `release_receipts()` is called while `hold_receipts` is set;
`receipt_stat` gives a destination a stat other than DELIVRD. It expects deliver_sm_resp (`acknowledged`);
a receipt not acknowledged when its session ends is delivered again on the next bind that may receive.
`enquire_sessions()` sends its own enquire_link (answers counted in `enquire_link_resps`); `drop_sessions()`
closes every connection as an SMSC dropping idle sessions does, and `hang_sessions()` makes the current ones
stop answering, as a connection lost without a close does.
"""

from __future__ import annotations

import contextlib
import itertools
import socket
import socketserver
import struct
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from messaging.sms_text import GSM_BASIC

BIND_RECEIVER, BIND_TRANSMITTER, SUBMIT_SM, DELIVER_SM, UNBIND = 0x01, 0x02, 0x04, 0x05, 0x06
BIND_TRANSCEIVER, ENQUIRE_LINK, GENERIC_NACK = 0x09, 0x15, 0x80000000
RESP = 0x80000000
ESME_ROK, ESME_RINVCMDID, ESME_RINVBNDSTS, ESME_RINVPASWD, ESME_RINVDSTADR = 0x00, 0x03, 0x04, 0x0E, 0x0B
ESME_RTHROTTLED = 0x58
RECEIPTED_MESSAGE_ID, MESSAGE_STATE = 0x001E, 0x0427
MESSAGE_STATES = {"ENROUTE": 1, "DELIVRD": 2, "EXPIRED": 3, "DELETED": 4, "UNDELIV": 5, "ACCEPTD": 6,
                  "UNKNOWN": 7, "REJECTD": 8}
_BINDS = {BIND_RECEIVER: "bind_receiver", BIND_TRANSMITTER: "bind_transmitter",
          BIND_TRANSCEIVER: "bind_transceiver"}
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


def c_string(text: str) -> bytes:
    return text.encode("ascii") + b"\x00"


def tlv(tag: int, value: bytes) -> bytes:
    return struct.pack(">HH", tag, len(value)) + value


def receipt_text(message_id: str, stat: str, submitted: Submitted, at: datetime) -> bytes:
    """Appendix B: id, sub, dlvrd, submit date, done date, stat, err, and the first 20 characters."""
    stamp = f"{at:%y%m%d%H%M}"
    data = submitted.short_message
    try:  # the text as the SMSC understood it: octets outside the data coding give no text, not a dead session
        first = decode(submitted.data_coding, data[data[0] + 1 if submitted.esm_class & 0x40 else 0:])[:20]
    except (IndexError, KeyError, UnicodeDecodeError):
        first = ""
    delivered = "001" if stat == "DELIVRD" else "000"
    return (f"id:{message_id} sub:001 dlvrd:{delivered} submit date:{stamp} done date:{stamp} stat:{stat} "
            f"err:000 Text:{first}").encode("ascii", errors="replace")


def deliver_sm_receipt(message_id: str, stat: str, submitted: Submitted, *, tlvs: bool) -> bytes:
    """deliver_sm (SMPP 3.4, 4.6.1) carrying a delivery receipt: from the handset, to the sender, esm_class
    0x04, the receipt text as short_message (SMSC default alphabet), then the receipt's TLVs (5.3.2.12,
    5.3.2.35)."""
    def address(text: str) -> bytes:  # TON, NPI, address: international ISDN for digits, else alphanumeric
        return bytes((1, 1) if text.isdigit() else (5, 0)) + c_string(text)

    text = receipt_text(message_id, stat, submitted, datetime.now(UTC))
    body = (c_string("") + address(submitted.destination_addr) + address(submitted.source_addr)
            + bytes((0x04, 0, 0)) + c_string("") + c_string("") + bytes((0, 0, 0, 0, len(text))) + text)
    if tlvs:
        body += tlv(RECEIPTED_MESSAGE_ID, c_string(message_id)) + tlv(MESSAGE_STATE, bytes((MESSAGE_STATES[stat],)))
    return body


@dataclass
class Session:
    """One client connection: what it is bound as, its own sequence numbers, one writer at a time."""

    request: socket.socket
    bound: str = ""
    hung: bool = False
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    sequences: Iterator[int] = field(default_factory=lambda: itertools.count(1))
    # receipts sent and not yet answered with deliver_sm_resp, by sequence: an SMSC delivers them again on a
    # later bind when the session ends first (SMPP 3.4, 4.6: the ESME acknowledges each deliver_sm)
    unacked: dict[int, tuple[str, str, Submitted]] = field(default_factory=dict)

    def send(self, data: bytes) -> None:
        with self.write_lock, contextlib.suppress(OSError):
            self.request.sendall(data)

    def next_sequence(self) -> int:
        with self.write_lock:
            return next(self.sequences)


class SmppServer:
    """Listens on a free loopback port (`port`) until `stop()`; `submitted` holds every accepted submit_sm."""

    def __init__(self, system_id: str = "switchboard", password: str = "smpp-pw") -> None:
        self.system_id, self.password = system_id, password
        self.submitted: list[Submitted] = []
        self.refused: set[str] = set()
        self.throttled = 0
        self.binds: list[str] = []
        self.receipt_stat: dict[str, str] = {}  # destination_addr -> stat; DELIVRD when not named
        self.receipt_tlvs = True
        self.hold_receipts = False
        self.held: list[tuple[str, str, Submitted]] = []  # receipts not yet sent: (message id, stat, submit)
        self.acknowledged: list[int] = []  # sequence numbers of receipts answered with deliver_sm_resp ROK
        self.receipts_sent = 0
        self.enquire_link_resps = 0
        self.sessions: list[Session] = []
        self._lock = threading.Lock()
        server = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                session = Session(self.request)
                with server._lock:
                    server.sessions.append(session)
                try:
                    while header := self._exact(16):
                        length, command_id, status, sequence = struct.unpack(">IIII", header)
                        body = self._exact(length - 16) if length > 16 else b""
                        if session.hung:
                            continue
                        if not server.receive(session, command_id, status, sequence, body):
                            return
                finally:
                    with server._lock:
                        server.sessions.remove(session)
                        server.held.extend(session.unacked.values())

            def _exact(self, size: int) -> bytes:
                data = b""
                while len(data) < size:
                    try:
                        chunk = self.request.recv(size - len(data))
                    except OSError:
                        return b""
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

    def receive(self, session: Session, command_id: int, status: int, sequence: int, body: bytes) -> bool:
        """Acts on one PDU from a client; False when the session ends (unbind)."""
        if command_id & RESP:  # a response to what we sent: counted, never answered
            with self._lock:
                if command_id == RESP | DELIVER_SM and status == ESME_ROK:
                    self.acknowledged.append(sequence)
                    session.unacked.pop(sequence, None)
                elif command_id == RESP | ENQUIRE_LINK:
                    self.enquire_link_resps += 1
            return True
        if command_id in _BINDS:
            b = _Body(body)
            system_id, password = b.c_string(), b.c_string()
            ok = system_id == self.system_id and password == self.password
            if ok:
                session.bound = _BINDS[command_id]
                with self._lock:
                    self.binds.append(session.bound)
            session.send(pdu(RESP | command_id, ESME_ROK if ok else ESME_RINVPASWD, sequence, c_string("smsc-fixture")))
            if ok and not self.hold_receipts and session.bound in ("bind_transceiver", "bind_receiver"):
                self.release_receipts()  # what waited for a session that may receive: now
            return True
        if command_id == UNBIND:
            session.send(pdu(RESP | UNBIND, ESME_ROK, sequence))
            return False
        if command_id == ENQUIRE_LINK:
            session.send(pdu(RESP | ENQUIRE_LINK, ESME_ROK, sequence))
            return True
        if command_id == SUBMIT_SM:
            self._submit(session, sequence, body)
            return True
        session.send(pdu(GENERIC_NACK, ESME_RINVCMDID, sequence))
        return True

    def _submit(self, session: Session, sequence: int, body: bytes) -> None:
        if session.bound not in ("bind_transmitter", "bind_transceiver"):
            session.send(pdu(RESP | SUBMIT_SM, ESME_RINVBNDSTS, sequence))
            return
        submitted = parse_submit_sm(body)
        if submitted.destination_addr in self.refused:
            session.send(pdu(RESP | SUBMIT_SM, ESME_RINVDSTADR, sequence))
            return
        with self._lock:
            throttled, self.throttled = self.throttled > 0, max(0, self.throttled - 1)
            if not throttled:
                self.submitted.append(submitted)
                message_id = f"smsc-{len(self.submitted)}"
        if throttled:
            session.send(pdu(RESP | SUBMIT_SM, ESME_RTHROTTLED, sequence))
            return
        session.send(pdu(RESP | SUBMIT_SM, ESME_ROK, sequence, c_string(message_id)))
        if submitted.registered_delivery & 0x03:
            receipt = (message_id, self.receipt_stat.get(submitted.destination_addr, "DELIVRD"), submitted)
            if self.hold_receipts:
                with self._lock:
                    self.held.append(receipt)
            else:
                self._send_receipt(session, *receipt)

    def _send_receipt(self, session: Session, message_id: str, stat: str, submitted: Submitted) -> None:
        """A receipt goes to a session that may receive (transceiver or receiver); held when there is none."""
        if session.bound not in ("bind_transceiver", "bind_receiver"):
            with self._lock:
                self.held.append((message_id, stat, submitted))
            return
        body = deliver_sm_receipt(message_id, stat, submitted, tlvs=self.receipt_tlvs)
        sequence = session.next_sequence()
        with self._lock:
            session.unacked[sequence] = (message_id, stat, submitted)
        session.send(pdu(DELIVER_SM, ESME_ROK, sequence, body))
        with self._lock:
            self.receipts_sent += 1

    def _receiving(self) -> list[Session]:
        with self._lock:
            return [s for s in self.sessions if s.bound in ("bind_transceiver", "bind_receiver") and not s.hung]

    def release_receipts(self) -> int:
        """Sends the held receipts on the first session that may receive them; returns how many went."""
        receiving = self._receiving()
        if not receiving:
            return 0
        with self._lock:
            held, self.held = self.held, []
        for receipt in held:
            self._send_receipt(receiving[0], *receipt)
        return len(held)

    def enquire_sessions(self) -> int:
        """The SMSC's own enquire_link on every bound session; returns how many were asked."""
        bound = self._receiving()
        for session in bound:
            session.send(pdu(ENQUIRE_LINK, ESME_ROK, session.next_sequence()))
        return len(bound)

    def drop_sessions(self) -> None:
        """Closes every connection without an unbind, as an SMSC dropping idle sessions does."""
        with self._lock:
            sessions = list(self.sessions)
        for session in sessions:
            with contextlib.suppress(OSError):
                session.request.shutdown(socket.SHUT_RDWR)

    def hang_sessions(self) -> None:
        """The current sessions stay open but answer nothing, as a connection lost on the way does."""
        with self._lock:
            for session in self.sessions:
                session.hung = True

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
        self.drop_sessions()
        self._server.server_close()
        self._thread.join()


def decode(coding: int, data: bytes) -> str:
    if coding == 8:
        return data.decode("utf-16-be", errors="replace")
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
