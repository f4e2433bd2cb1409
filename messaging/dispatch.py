"""Sending what the outbox holds: claim a due message, hand it to its channel's transport, record the outcome.

Blocking (transport I/O and store writes): the app runs it off the GUI thread, the CLI directly. A message
is claimed (queued -> sending) before the transport is called, so two dispatchers never send the same one;
what the transport's error says decides between a retry later and failed for good (transports.base).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from directory.store.outbox import OutboxMessage, OutboxRepository
from messaging.transports.base import MessageTransport, NotSentError, Outgoing, TransportError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RetrySchedule:
    """Seconds before the next attempt: `first`, doubling after each attempt, never more than `at_most`."""

    first: float = 30.0
    at_most: float = 900.0
    max_attempts: int = 5

    def delay(self, attempts: int) -> timedelta:
        return timedelta(seconds=min(self.first * 2 ** max(0, attempts - 1), self.at_most))


@dataclass(frozen=True, slots=True)
class DeliveryOutcome:
    """What one delivery came to: "sent" (with the gateway's id), "retry" later, or "failed" for good."""

    kind: str
    provider_id: str = ""
    reason: str = ""


def _now() -> datetime:
    return datetime.now(UTC)


class Dispatcher:
    def __init__(self, outbox: OutboxRepository, transports: Mapping[str, MessageTransport],
                 backoff: RetrySchedule = RetrySchedule(), clock: Callable[[], datetime] = _now) -> None:
        self._outbox = outbox
        self._transports = dict(transports)
        self._backoff = backoff
        self._clock = clock
        self._receipts = ReceiptMatcher(outbox)

    def claim(self, message_id: int) -> OutboxMessage | None:
        """Store step: queued -> sending; None when it is not ours to send (claimed elsewhere, not due)."""
        return self._outbox.claim(message_id, self._clock())

    def deliver(self, claimed: OutboxMessage) -> DeliveryOutcome:
        """Network step: hand a claimed message to its transport; touches no store."""
        assert claimed.id is not None
        transport = self._transports.get(claimed.channel)
        if transport is None:
            return DeliveryOutcome("failed", reason=f"no transport is configured for {claimed.channel}")
        outgoing = Outgoing(claimed.id, claimed.recipient, claimed.text, claimed.subject, claimed.recipient_name)
        try:
            return DeliveryOutcome("sent", provider_id=transport.send(outgoing))
        except NotSentError as exc:
            if claimed.attempts >= self._backoff.max_attempts:
                return DeliveryOutcome("failed", reason=f"{exc} (gave up after {claimed.attempts} attempts)")
            return DeliveryOutcome("retry", reason=str(exc))
        except TransportError as exc:  # RefusedError, UncertainError, or a transport's own: never resent
            return DeliveryOutcome("failed", reason=str(exc))
        except Exception as exc:
            # A bug or an unforeseen library error after the claim: the message may have gone out.
            log.exception("sending message %s failed unexpectedly", claimed.id)
            return DeliveryOutcome("failed", reason=f"unexpected error, not resent: {exc}")

    def record(self, claimed: OutboxMessage, outcome: DeliveryOutcome) -> None:
        """Store step: the outcome of `deliver` written to the outbox."""
        assert claimed.id is not None
        now = self._clock()
        if outcome.kind == "sent":
            self._outbox.mark_sent(claimed.id, now, outcome.provider_id)
            self._receipts.sent(claimed.id, outcome.provider_id, now)
        elif outcome.kind == "retry":
            self._outbox.retry_later(claimed.id, outcome.reason, now + self._backoff.delay(claimed.attempts), now)
        else:
            self._outbox.mark_failed(claimed.id, outcome.reason, now)

    def record_receipt(self, provider_id: str, outcome: str) -> bool:
        """Store step: a gateway's receipt naming its own id for one message or part (SMPP), "delivered" or
        "failed"; False when it changed nothing (yet: see ReceiptMatcher)."""
        return self._receipts.record(provider_id, outcome, self._clock())

    def send_one(self, message_id: int) -> OutboxMessage | None:
        """Claim, deliver and record one queued, due message; returns it as it ended up, or None if it was not
        ours to send."""
        claimed = self.claim(message_id)
        if claimed is None:
            return None
        assert claimed.id is not None
        self.record(claimed, self.deliver(claimed))
        return self._outbox.get([claimed.id])[0]

    def send_due(self, limit: int = 100) -> list[OutboxMessage]:
        """Send every queued message that is due (up to `limit`); returns those this call handled."""
        handled = []
        for message_id in self._outbox.due(self._clock(), limit):
            result = self.send_one(message_id)
            if result is not None:
                handled.append(result)
        return handled


def record_report(outbox: OutboxRepository, message_id: int, outcome: str, now: datetime, *,
                  reason: str = "the gateway reports the message was not delivered") -> bool:
    """A gateway's delivery report ("delivered" or "failed") applied to a sent message; False if it no longer
    applies (unknown, already failed, or delivered and reported delivered again). "failed" after "delivered"
    applies: a part of the message was lost (OutboxRepository.mark_undelivered)."""
    if outcome == "delivered":
        return outbox.mark_delivered(message_id, now)
    return outbox.mark_undelivered(message_id, reason, now)


class ReceiptMatcher:
    """Receipts that name the gateway's id of a message (SMPP's SMSC message id), matched to outbox messages.

    A multi-part SMS stores its parts' ids ("id1,id2,...") and the SMSC reports each part: the message is
    delivered when its first part is reported delivered, and failed when any part is reported failed, even
    after the first was delivered (the recipient lacks part of the text). A later part reported delivered
    changes nothing. So the outcome does not depend on the order the parts' receipts come in.

    A receipt can come before its message is recorded sent: it arrives on the session that took the message,
    and is read while the next part or message is sent, before the store has the id. Such a receipt is kept in
    memory for `KEPT_FOR` and applied when the message is recorded sent; one that never matches (a message of
    another console with its own store) is forgotten then.
    """

    KEPT_FOR = timedelta(minutes=10)
    KEEP_AT_MOST = 10_000
    MATCH_WITHIN = timedelta(days=7)  # longer than SMSCs keep trying a message (its validity period)

    def __init__(self, outbox: OutboxRepository) -> None:
        self._outbox = outbox
        self._early: dict[str, tuple[str, datetime]] = {}  # provider id -> (outcome, when it came)
        self._lock = threading.Lock()  # record() and sent() may run on different threads outside the app

    def record(self, provider_id: str, outcome: str, now: datetime) -> bool:
        found = self._outbox.find_sent(provider_id, now - self.MATCH_WITHIN)
        if found is None:
            with self._lock:
                self._forget_before(now - self.KEPT_FOR)
                self._early[provider_id] = (outcome, now)
                while len(self._early) > self.KEEP_AT_MOST:
                    del self._early[next(iter(self._early))]
            return False
        message, part = found
        assert message.id is not None
        return self._apply(message.id, part, outcome, now)

    def sent(self, message_id: int, provider_ids: str, now: datetime) -> None:
        """The receipts that came before `message_id` was recorded sent with these ids, applied now."""
        if not provider_ids:
            return
        for part, provider_id in enumerate(provider_ids.split(",")):
            with self._lock:
                early = self._early.pop(provider_id, None)
            if early is not None:
                self._apply(message_id, part, early[0], now)

    def _apply(self, message_id: int, part: int, outcome: str, now: datetime) -> bool:
        if outcome == "delivered":
            return part == 0 and record_report(self._outbox, message_id, outcome, now)
        reason = (f"the gateway reports part {part + 1} of the message was not delivered" if part else
                  "the gateway reports the message was not delivered")
        return record_report(self._outbox, message_id, outcome, now, reason=reason)

    def _forget_before(self, oldest: datetime) -> None:
        for provider_id in [p for p, (_, at) in self._early.items() if at < oldest]:
            del self._early[provider_id]
