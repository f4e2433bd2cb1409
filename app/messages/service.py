"""Queueing and sending messages to staff, for the CLI and the window alike (blocking: run it off the GUI thread).

`queue` writes a composed message to the outbox (all recipients or none); `send` hands the given ids to the
dispatcher at once; `send_due` picks up retries that have come due; `poll_reports` reads the delivery reports
a gateway keeps for us (SMPP); `close` ends the gateways' sessions. Messages left `sending` by a crash are
failed at start, never resent, and the log is purged to its retention.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from directory.store import Store
from directory.store.outbox import OutboxMessage, OutboxRepository
from messaging.compose import Limits, outbox_rows
from messaging.dispatch import Dispatcher, RetrySchedule
from messaging.model import StaffMessage
from messaging.settings import MessagesSettings
from messaging.transports.base import MessageTransport

INTERRUPTED_AFTER = timedelta(minutes=5)  # longer than any transport's timeouts


def _now() -> datetime:
    return datetime.now(UTC)


def limits_for(settings: MessagesSettings, region: str) -> Limits:
    return Limits(settings.max_sms_parts, settings.max_pager_length, settings.max_email_length, region,
                  frozenset(settings.sms_regions))


class MessageService:
    def __init__(self, store: Store, settings: MessagesSettings, transports: dict[str, MessageTransport], *,
                 region: str = "SE", clock: Callable[[], datetime] = _now) -> None:
        self.outbox = OutboxRepository(store)
        self.settings = settings
        self.limits = limits_for(settings, region)
        self._clock = clock
        self._transports = transports
        schedule = RetrySchedule(settings.retry_after, settings.retry_at_most, settings.max_attempts)
        self._dispatcher = Dispatcher(self.outbox, transports, schedule, clock)

    @property
    def dispatcher(self) -> Dispatcher:
        """Its claim/deliver/record steps, for callers that run store and network work on different workers."""
        return self._dispatcher

    @staticmethod
    def console_name() -> str:
        return socket.gethostname()

    def start(self) -> None:
        """Housekeeping once per run: interrupted sends failed (never resent), old log purged."""
        now = self._clock()
        self.outbox.fail_interrupted(now, INTERRUPTED_AFTER)
        self.outbox.apply_retention(self.settings.retention_days, now)

    def queue(self, message: StaffMessage) -> list[int]:
        """Raises MessageError naming what is wrong; nothing is written then."""
        return self.outbox.enqueue(outbox_rows(message, self.limits, self._clock()))

    def send(self, ids: Sequence[int]) -> list[OutboxMessage]:
        """Send these queued messages now; returns each as it ended up (queued again if it is to be retried)."""
        for message_id in ids:
            self._dispatcher.send_one(message_id)
        return self.outbox.get(ids)

    def send_due(self) -> list[OutboxMessage]:
        return self._dispatcher.send_due()

    @property
    def polls_reports(self) -> bool:
        """Whether a transport reads delivery reports only when asked (SMPP): then `poll_reports` on a timer."""
        return any(hasattr(t, "poll_reports") for t in self._transports.values())

    def poll_reports(self) -> int:
        """Network step: the delivery reports waiting at the gateways read and handed to the transports'
        callbacks; returns how many."""
        return sum(len(poll()) for t in self._transports.values() if (poll := getattr(t, "poll_reports", None)))

    def close(self) -> None:
        """Closes the transports' connections (an SMPP session is unbound); they open again when used."""
        for transport in self._transports.values():
            if (close := getattr(transport, "close", None)) is not None:
                close()
