"""SMPP 3.4 delivery receipts: which deliver_sm is one, and what it says about which message.

A receipt is a deliver_sm whose esm_class message type (bits 5-2) is "SMSC Delivery Receipt" (0x04; the
other types, an SME acknowledgement or an intermediate notification, are not outcomes). It names the
SMSC's message id, the one submit_sm_resp gave, and the message's final state in one or both of:

- the TLVs receipted_message_id and message_state (SMPP 3.4, 5.3.2.12 and 5.3.2.35), preferred when present
  because their format is fixed by the specification;
- the short message text of Appendix B, "id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done
  date:YYMMDDhhmm stat:DDDDDDD err:E Text: ...", which SMSCs vary in case and field order after id.

Only final states are outcomes: DELIVRD is "delivered"; UNDELIV, EXPIRED, REJECTD and DELETED are "failed";
ENROUTE, ACCEPTD and UNKNOWN say nothing yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RECEIPT_TYPE = 0x04  # esm_class xx0001xx: SMSC Delivery Receipt
_TYPE_BITS = 0x3C

STAT_OUTCOMES = {"DELIVRD": "delivered", "UNDELIV": "failed", "EXPIRED": "failed", "REJECTD": "failed",
                 "DELETED": "failed"}
# message_state values (SMPP 3.4, 5.2.28): 2 DELIVERED, 3 EXPIRED, 4 DELETED, 5 UNDELIVERABLE, 8 REJECTED;
# 1 ENROUTE, 6 ACCEPTED and 7 UNKNOWN are not final.
STATE_OUTCOMES = {2: "delivered", 3: "failed", 4: "failed", 5: "failed", 8: "failed"}

_ID = re.compile(rb"(?:^|\s)id:(\S+)", re.IGNORECASE)
_STAT = re.compile(rb"(?:^|\s)stat:([A-Za-z]+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SmppReceipt:
    """The SMSC's id of the message (as submit_sm_resp gave it) and "delivered" or "failed"."""

    provider_id: str
    outcome: str


def is_receipt(esm_class: int) -> bool:
    return esm_class & _TYPE_BITS == RECEIPT_TYPE


def parse_receipt(esm_class: int, text: bytes, receipted_message_id: str | bytes | None = None,
                  message_state: int | None = None) -> SmppReceipt | None:
    """The receipt a deliver_sm carries, or None when it is not a receipt, names no message, or reports a
    state that is not final."""
    if not is_receipt(esm_class):
        return None
    provider_id = _text(receipted_message_id)
    outcome = STATE_OUTCOMES.get(message_state) if message_state is not None else None
    # Text only where a TLV is missing: an SMSC that sends both means the same message by them.
    if not provider_id and (found := _ID.search(text)):
        provider_id = found.group(1).decode("ascii", errors="replace")
    if message_state is None and (found := _STAT.search(text)):
        outcome = STAT_OUTCOMES.get(found.group(1).decode("ascii").upper())
    if not provider_id or outcome is None:
        return None
    return SmppReceipt(provider_id, outcome)


def _text(value: str | bytes | None) -> str:
    if isinstance(value, bytes):
        value = value.decode("ascii", errors="replace")
    return (value or "").strip("\x00 ")
