"""The interface every transport implements, and the three ways a send can go wrong.

The distinction decides whether a retry is safe: `NotSentError` means nothing reached the gateway (connection
refused, a NAK before the text was accepted), so the dispatcher may try again; `RefusedError` means the gateway
answered no (a bad number, a rejected login) and trying again would only repeat that; `UncertainError` means
the gateway may have taken the message (a timeout after the text was written), so it is never sent again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class TransportError(Exception):
    """A send that did not succeed; the message says what happened, for the operator and the log."""


class NotSentError(TransportError):
    """Nothing reached the gateway; sending again cannot duplicate."""


class RefusedError(TransportError):
    """The gateway refused this message; sending it again would be refused again."""


class UncertainError(TransportError):
    """The gateway may have the message; it is not sent again, so it cannot arrive twice."""


@dataclass(frozen=True, slots=True)
class Outgoing:
    """What a transport needs of an outbox row."""

    id: int
    recipient: str
    text: str
    subject: str = ""
    recipient_name: str = ""


class MessageTransport(Protocol):
    def send(self, message: Outgoing) -> str:
        """Send one message, blocking; returns the gateway's id for it ("" when it gives none).
        Raises NotSentError, RefusedError or UncertainError."""
        ...
