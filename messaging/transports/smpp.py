"""SMS over SMPP 3.4 (smpplib): bind_transmitter, one submit_sm per part, unbind.

The text is encoded here (messaging.sms_text), not by smpplib, whose splitter may cut an escape pair or
a surrogate pair in two: GSM 03.38 default alphabet (data_coding 0, one septet per octet as SMPP carries
it) when every character fits, UCS-2 (data_coding 8) otherwise; a long text goes as concatenated parts
(esm_class UDHI, an 8-bit reference). A delivery receipt is requested (registered_delivery 1).

Before the first submit_sm nothing has been handed over (`NotSentError`); a submit_sm_resp with an error
for the first part is `RefusedError`; anything lost after a part was written is `UncertainError`.
"""

from __future__ import annotations

import contextlib
import itertools
from dataclasses import dataclass
from typing import Any

import smpplib.client
import smpplib.consts
import smpplib.exceptions

from messaging.sms_text import CONCATENATED, short_messages
from messaging.transports.base import NotSentError, Outgoing, RefusedError, UncertainError

_REFERENCES = itertools.count(1)  # concatenation references: distinct for messages in flight together


@dataclass(frozen=True, slots=True)
class SmppConfig:
    host: str
    port: int
    system_id: str
    password: str
    source_addr: str = ""
    timeout: float = 20.0


def _source(address: str) -> dict[str, Any]:
    if address.lstrip("+").isdigit():
        return {"source_addr_ton": smpplib.consts.SMPP_TON_INTL, "source_addr_npi": smpplib.consts.SMPP_NPI_ISDN,
                "source_addr": address.lstrip("+")}
    return {"source_addr_ton": smpplib.consts.SMPP_TON_ALNUM, "source_addr_npi": smpplib.consts.SMPP_NPI_UNK,
            "source_addr": address}


class SmppTransport:
    def __init__(self, config: SmppConfig) -> None:
        self._config = config

    def _bind(self) -> smpplib.client.Client:
        c = self._config
        client = smpplib.client.Client(c.host, c.port, timeout=c.timeout, allow_unknown_opt_params=True)
        try:
            client.connect()
            client.bind_transmitter(system_id=c.system_id, password=c.password)
        except smpplib.exceptions.PDUError as exc:
            client.disconnect()
            raise RefusedError(f"the SMSC {c.host}:{c.port} refused the bind: {exc}") from None
        except (smpplib.exceptions.ConnectionError, OSError) as exc:
            with contextlib.suppress(Exception):
                client.disconnect()
            raise NotSentError(f"cannot reach the SMSC {c.host}:{c.port}: {exc or type(exc).__name__}") from None
        return client

    def send(self, message: Outgoing) -> str:
        coding, parts = short_messages(message.text, next(_REFERENCES))
        client = self._bind()
        ids: list[str] = []
        try:
            for part in parts:
                ids.append(self._submit(client, message.recipient, part, coding, concatenated=len(parts) > 1,
                                        sent=len(ids)))
        finally:
            with contextlib.suppress(Exception):
                client.unbind()
            with contextlib.suppress(Exception):
                client.disconnect()
        return ",".join(ids)

    def _submit(self, client: smpplib.client.Client, to: str, part: bytes, coding: int, *, concatenated: bool,
                sent: int) -> str:
        where = f"{self._config.host}:{self._config.port}"
        try:
            pdu = client.send_message(
                **_source(self._config.source_addr), dest_addr_ton=smpplib.consts.SMPP_TON_INTL,
                dest_addr_npi=smpplib.consts.SMPP_NPI_ISDN, destination_addr=to.lstrip("+"), short_message=part,
                data_coding=coding, esm_class=CONCATENATED if concatenated else 0, registered_delivery=1)
            while True:
                response = client.read_pdu()
                if response.command in ("submit_sm_resp", "generic_nack") and response.sequence == pdu.sequence:
                    break
        except (smpplib.exceptions.ConnectionError, smpplib.exceptions.PDUError, OSError) as exc:
            raise UncertainError(f"the SMSC {where} went away during the message ({exc or type(exc).__name__}); "
                                 "not resent, it may have been sent") from None
        if response.status != 0:
            words = smpplib.consts.DESCRIPTIONS.get(response.status, "unknown error")
            after = f" after {sent} of its parts were taken" if sent else ""
            raise RefusedError(f"the SMSC {where} refused the message{after}: 0x{response.status:08x} {words}")
        message_id = getattr(response, "message_id", b"") or b""
        return message_id.decode("ascii", errors="replace") if isinstance(message_id, bytes) else str(message_id)
