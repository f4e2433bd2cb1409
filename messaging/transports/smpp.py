"""SMS over SMPP 3.4 (smpplib): one bound transceiver session kept across sends, its delivery receipts read.

The text is encoded here (messaging.sms_text), not by smpplib, whose splitter may cut an escape pair or
a surrogate pair in two: GSM 03.38 default alphabet (data_coding 0, one septet per octet as SMPP carries
it) when every character fits, UCS-2 (data_coding 8) otherwise; a long text goes as concatenated parts
(esm_class UDHI, an 8-bit reference). A delivery receipt is requested (registered_delivery 1).

One bind_transceiver serves every send (a group of 500 is one bind, not 500) and brings the SMSC's receipts
back. Sends come from several network threads, so one lock guards the session, and whoever holds it is the
only reader and writer of the socket: it answers whatever the SMSC sends meanwhile (deliver_sm with
deliver_sm_resp, enquire_link with enquire_link_resp). Receipts that come between sends are read by
`poll_reports()`, called on a timer, under the same lock but without waiting for it (a send in progress reads
them itself). A reader thread of its own would have to hand every submit_sm_resp across to the thread that
waits for it; polling keeps one reader at a time and nothing handed across. Receipts go to `on_report`
(the SMSC's message id, "delivered" | "failed") after the lock is released, on the thread that read them.

Before a session is used it is checked: what the SMSC sent meanwhile is read (a closed connection shows
there), and a session quiet for `check_after` seconds must answer an enquire_link within `timeout`. A dead
one is closed and a new one bound; nothing of the message has been written then, so the message is still
"not sent yet".

Before the first submit_sm nothing has been handed over (`NotSentError`); a refused bind, or a submit_sm_resp
with an error for the first part, is `RefusedError`; anything lost after a part was written is
`UncertainError`, and that session is dropped (the next message binds anew). A part the SMSC is too busy for
(throttled, queue full) was not taken: it is submitted again after a pause, a few times, and if the first
part is still refused so, the message is `NotSentError` (tried again later).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import select
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

import smpplib.client
import smpplib.consts
import smpplib.exceptions
import smpplib.smpp
from pydantic import Field

from messaging.settings import SmppSettings
from messaging.sms_text import CONCATENATED, short_messages
from messaging.transports.base import NotSentError, Outgoing, RefusedError, UncertainError
from messaging.transports.smpp_receipts import SmppReceipt, parse_receipt

_REFERENCES = itertools.count(1)  # concatenation references: distinct for messages in flight together
log = logging.getLogger(__name__)


class _SessionEndedError(Exception):
    """The SMSC unbound the session."""


# What a broken or closed session raises while it is read or written; anything else (a PDU smpplib cannot
# parse, say) ends the session too, and is logged.
_BROKEN = (smpplib.exceptions.ConnectionError, smpplib.exceptions.PDUError, smpplib.exceptions.UnknownCommandError,
           OSError, _SessionEndedError)


# "Throttling error" and "message queue full": the SMSC did not take that submit_sm, so it may be sent again.
# One session sends as fast as the SMSC answers, and an SMSC limiting each bind's rate says these.
_BUSY = frozenset({smpplib.consts.SMPP_ESME_RTHROTTLED, smpplib.consts.SMPP_ESME_RMSGQFUL})


class SmppConfig(SmppSettings):
    """`[messages.smpp]` as the transport runs it: the declaration, its password resolved, and how long a
    session may be quiet before it must answer an enquire_link before use (seconds)."""

    password: str = Field("", repr=False)  # the resolved secret, not its reference
    check_after: float = 30.0


def _source(address: str) -> dict[str, Any]:
    if address.lstrip("+").isdigit():
        return {"source_addr_ton": smpplib.consts.SMPP_TON_INTL, "source_addr_npi": smpplib.consts.SMPP_NPI_ISDN,
                "source_addr": address.lstrip("+")}
    return {"source_addr_ton": smpplib.consts.SMPP_TON_ALNUM, "source_addr_npi": smpplib.consts.SMPP_NPI_UNK,
            "source_addr": address}


class _Client(smpplib.client.Client):  # type: ignore[misc]  # smpplib has no type hints
    def _create_socket(self) -> socket.socket:
        # Small PDUs written back to back (a deliver_sm_resp, then the next submit_sm) would otherwise wait
        # for the SMSC's delayed ACK of the first (Nagle): 40 ms a message on Linux.
        raw: socket.socket = super()._create_socket()
        raw.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return raw

    def waiting(self) -> bool:
        """Whether the SMSC has sent something not read yet (or closed the connection), without blocking;
        smpplib keeps its socket to itself."""
        return bool(self._socket is not None and select.select([self._socket], [], [], 0)[0])


class SmppTransport:
    BUSY_PAUSES = (0.2, 0.5, 1.0)  # seconds before a part the SMSC was too busy for is submitted again

    def __init__(self, config: SmppConfig, on_report: Callable[[str, str], None] | None = None) -> None:
        self._config = config
        self._on_report = on_report
        self._lock = threading.Lock()  # the session: held by whoever reads or writes it
        self._client: _Client | None = None
        self._heard = 0.0  # time.monotonic() when the SMSC last sent anything on the session
        self._receipts: deque[SmppReceipt] = deque()  # read under the lock, handed on after it
        self.binds = 0  # sessions bound so far

    @property
    def _where(self) -> str:
        return f"{self._config.host}:{self._config.port}"

    def send(self, message: Outgoing) -> str:
        coding, parts = short_messages(message.text, next(_REFERENCES))
        try:
            with self._lock:
                client = self._session()
                ids: list[str] = []
                for part in parts:
                    ids.append(self._submit(client, message.recipient, part, coding,
                                            concatenated=len(parts) > 1, sent=len(ids)))
                return ",".join(ids)
        finally:
            self._hand_on()

    def poll_reports(self) -> list[SmppReceipt]:
        """Reads the receipts waiting on the session (answering them) and hands them to `on_report`; keeps a
        quiet session alive with enquire_link. Returns at once when a send holds the session: that send reads
        them. Opens no session: receipts the SMSC keeps while none is bound come with the next one."""
        if self._lock.acquire(blocking=False):
            try:
                if self._client is not None and not self._alive(self._client):
                    log.info("the session with the SMSC %s is gone; the next message binds anew", self._where)
                    self._drop()
            finally:
                self._lock.release()
        return self._hand_on()

    def close(self) -> None:
        """Unbinds (waiting for a send in progress to finish); the next send binds anew."""
        with self._lock:
            client = self._client
            if client is not None:
                with contextlib.suppress(Exception):  # it is closed either way
                    unbind = smpplib.smpp.make_pdu("unbind", client=client)
                    client.send_pdu(unbind)
                    self._await(client, unbind.sequence)
                self._drop()
        self._hand_on()

    def _session(self) -> _Client:
        if self._client is not None and not self._alive(self._client):
            self._drop()
        if self._client is None:
            self._client = self._bind()
        return self._client

    def _bind(self) -> _Client:
        c = self._config
        client = _Client(c.host, c.port, timeout=c.timeout, allow_unknown_opt_params=True)
        try:
            client.connect()
            client.bind_transceiver(system_id=c.system_id, password=c.password)
        except smpplib.exceptions.PDUError as exc:
            client.disconnect()
            raise RefusedError(f"the SMSC {self._where} refused the bind: {exc}") from None
        except (smpplib.exceptions.ConnectionError, OSError) as exc:
            with contextlib.suppress(Exception):
                client.disconnect()
            raise NotSentError(f"cannot reach the SMSC {self._where}: {exc or type(exc).__name__}") from None
        self._heard = time.monotonic()
        self.binds += 1
        return client

    def _alive(self, client: _Client) -> bool:
        """Reads what the SMSC sent meanwhile; a session quiet for `check_after` must answer enquire_link."""
        try:
            while client.waiting():
                self._handle(client, client.read_pdu())
            if time.monotonic() - self._heard >= self._config.check_after:
                ping = smpplib.smpp.make_pdu("enquire_link", client=client)
                client.send_pdu(ping)
                self._await(client, ping.sequence)
        except _BROKEN:
            return False
        except Exception:
            log.exception("the session with the SMSC %s failed; it is replaced", self._where)
            return False
        return True

    def _drop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.state = smpplib.consts.SMPP_CLIENT_STATE_OPEN  # gone, not unbound: smpplib need not warn
            with contextlib.suppress(Exception):
                client.disconnect()

    def _await(self, client: _Client, sequence: int) -> Any:
        """The response to our PDU `sequence`, answering whatever else the SMSC sends first; raises
        TimeoutError when it does not come within `timeout`."""
        deadline = time.monotonic() + self._config.timeout
        while time.monotonic() < deadline:
            pdu = client.read_pdu()
            if pdu.sequence == sequence and (pdu.command.endswith("_resp") or pdu.command == "generic_nack"):
                self._heard = time.monotonic()
                return pdu
            self._handle(client, pdu)
        raise TimeoutError(f"no answer in {self._config.timeout:g} s")

    def _handle(self, client: _Client, pdu: Any) -> None:
        """A PDU the SMSC sent of its own accord (or a late response, which needs nothing)."""
        self._heard = time.monotonic()
        if pdu.command == "deliver_sm":
            self._answer(client, "deliver_sm_resp", pdu.sequence)
            text = pdu.short_message or pdu.message_payload or b""
            receipt = parse_receipt(pdu.esm_class or 0, text if isinstance(text, bytes) else text.encode(),
                                    pdu.receipted_message_id, pdu.message_state)
            if receipt is not None:
                self._receipts.append(receipt)
            else:  # an SMS to our source address, or a receipt of a state on the way: nothing to record
                log.debug("the SMSC %s delivered a message that is no final receipt; acknowledged", self._where)
        elif pdu.command == "enquire_link":
            self._answer(client, "enquire_link_resp", pdu.sequence)
        elif pdu.command == "unbind":
            self._answer(client, "unbind_resp", pdu.sequence)
            raise _SessionEndedError

    @staticmethod
    def _answer(client: _Client, command: str, sequence: int) -> None:
        response = smpplib.smpp.make_pdu(command, client=client)
        response.sequence = sequence
        client.send_pdu(response)

    def _hand_on(self) -> list[SmppReceipt]:
        handed = []
        while self._receipts:
            try:
                receipt = self._receipts.popleft()
            except IndexError:  # another thread took the last one
                break
            handed.append(receipt)
            if self._on_report is not None:
                try:
                    self._on_report(receipt.provider_id, receipt.outcome)
                except Exception:
                    log.exception("a delivery receipt from the SMSC %s could not be handed on", self._where)
        return handed

    def _submit(self, client: _Client, to: str, part: bytes, coding: int, *, concatenated: bool,
                sent: int) -> str:
        for pause in (*self.BUSY_PAUSES, None):
            try:
                pdu = client.send_message(
                    **_source(self._config.source_addr), dest_addr_ton=smpplib.consts.SMPP_TON_INTL,
                    dest_addr_npi=smpplib.consts.SMPP_NPI_ISDN, destination_addr=to.lstrip("+"), short_message=part,
                    data_coding=coding, esm_class=CONCATENATED if concatenated else 0, registered_delivery=1)
                response = self._await(client, pdu.sequence)
            except Exception as exc:  # the part may have been taken: never sent again, and the session ends
                if not isinstance(exc, _BROKEN):
                    log.exception("the session with the SMSC %s failed during a message", self._where)
                self._drop()
                raise UncertainError(f"the SMSC {self._where} went away during the message "
                                     f"({exc or type(exc).__name__}); not resent, it may have been sent") from None
            if response.status not in _BUSY or pause is None:
                break
            time.sleep(pause)  # it did not take this part: the same part again, once it has had a moment
        if response.status != 0:
            words = smpplib.consts.DESCRIPTIONS.get(response.status, "unknown error")
            why = f"0x{response.status:08x} {words}"
            if response.status in _BUSY and not sent:
                raise NotSentError(f"the SMSC {self._where} is too busy to take the message ({why}); it is tried "
                                   "again later")
            after = f" after {sent} of its parts were taken" if sent else ""
            raise RefusedError(f"the SMSC {self._where} refused the message{after}: {why}")
        message_id = getattr(response, "message_id", b"") or b""
        return message_id.decode("ascii", errors="replace") if isinstance(message_id, bytes) else str(message_id)
