"""Sending what the outbox holds: claim a due message, hand it to its channel's transport, record the outcome.

Blocking (transport I/O and store writes): the app runs it off the GUI thread, the CLI directly. A message
is claimed (queued -> sending) before the transport is called, so two dispatchers never send the same one;
what the transport's error says decides between a retry later and failed for good (transports.base).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from directory.store.outbox import OutboxMessage, OutboxRepository
from messaging.transports.base import (
    MessageTransport,
    NotSentError,
    Outgoing,
    RefusedError,
    TransportError,
    UncertainError,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RetrySchedule:
    """Seconds before the next attempt: `first`, doubling after each attempt, never more than `at_most`."""

    first: float = 30.0
    at_most: float = 900.0
    max_attempts: int = 5

    def delay(self, attempts: int) -> timedelta:
        return timedelta(seconds=min(self.first * 2 ** max(0, attempts - 1), self.at_most))


def _now() -> datetime:
    return datetime.now(UTC)


class Dispatcher:
    def __init__(self, outbox: OutboxRepository, transports: Mapping[str, MessageTransport],
                 backoff: RetrySchedule = RetrySchedule(), clock: Callable[[], datetime] = _now) -> None:
        self._outbox = outbox
        self._transports = dict(transports)
        self._backoff = backoff
        self._clock = clock

    def send_one(self, message_id: int) -> OutboxMessage | None:
        """Send one queued, due message; returns it as it ended up, or None if it was not ours to send."""
        claimed = self._outbox.claim(message_id, self._clock())
        if claimed is None:
            return None
        assert claimed.id is not None
        transport = self._transports.get(claimed.channel)
        if transport is None:
            self._outbox.mark_failed(claimed.id, f"no transport is configured for {claimed.channel}", self._clock())
        else:
            self._send(claimed, transport)
        return self._outbox.get([claimed.id])[0]

    def _send(self, claimed: OutboxMessage, transport: MessageTransport) -> None:
        assert claimed.id is not None
        outgoing = Outgoing(claimed.id, claimed.recipient, claimed.text, claimed.subject, claimed.recipient_name)
        try:
            provider_id = transport.send(outgoing)
        except NotSentError as exc:
            now = self._clock()
            if claimed.attempts >= self._backoff.max_attempts:
                self._outbox.mark_failed(claimed.id, f"{exc} (gave up after {claimed.attempts} attempts)", now)
            else:
                self._outbox.retry_later(claimed.id, str(exc), now + self._backoff.delay(claimed.attempts), now)
        except (RefusedError, UncertainError) as exc:
            self._outbox.mark_failed(claimed.id, str(exc), self._clock())
        except TransportError as exc:  # a transport's own subclass: treat as uncertain, never resend
            self._outbox.mark_failed(claimed.id, str(exc), self._clock())
        except Exception as exc:
            # A bug or an unforeseen library error after the claim: the message may have gone out.
            log.exception("sending message %s failed unexpectedly", claimed.id)
            self._outbox.mark_failed(claimed.id, f"unexpected error, not resent: {exc}", self._clock())
        else:
            self._outbox.mark_sent(claimed.id, self._clock(), provider_id)

    def send_due(self, limit: int = 100) -> list[OutboxMessage]:
        """Send every queued message that is due (up to `limit`); returns those this call handled."""
        handled = []
        for message_id in self._outbox.due(self._clock(), limit):
            result = self.send_one(message_id)
            if result is not None:
                handled.append(result)
        return handled


def record_report(outbox: OutboxRepository, message_id: int, outcome: str, now: datetime) -> bool:
    """A gateway's delivery report ("delivered" or "failed") applied to a sent message; False if it no longer
    applies (already final, or unknown)."""
    if outcome == "delivered":
        return outbox.mark_delivered(message_id, now)
    return outbox.mark_failed(message_id, "the gateway reports the message was not delivered", now)
