"""What a message is before it is queued: the channel, the recipients, the text, and who sent it from where."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Channel(StrEnum):
    SMS = "sms"
    EMAIL = "email"
    PAGER = "pager"


class MessageError(ValueError):
    """What the operator typed cannot be sent; the message names the field and the value at fault."""


@dataclass(frozen=True, slots=True)
class Recipient:
    address: str  # as the transport takes it: E.164 for SMS, an e-mail address, a pager call number
    name: str = ""


@dataclass(frozen=True, slots=True)
class StaffMessage:
    """One Send by the operator: the same text to one or more recipients over one channel."""

    channel: Channel
    recipients: tuple[Recipient, ...]
    text: str
    subject: str = ""  # e-mail only
    template: str = ""  # the template's name, if the text came from one
    sender: str = ""  # the operator
    console: str = ""
    call_ref: str = ""  # the call the message was taken from
