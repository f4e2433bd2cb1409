"""The dispatcher sends each message once: retries only what never reached the gateway, with backoff."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from directory.store import Store, sqlite_url
from directory.store.outbox import OutboxRepository
from messaging.compose import Limits, outbox_rows
from messaging.dispatch import Dispatcher, ReceiptMatcher, RetrySchedule
from messaging.model import Channel, Recipient, StaffMessage
from messaging.transports.base import NotSentError, Outgoing, RefusedError, UncertainError

START = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


class ScriptedTransport:
    """Answers each send with the next scripted outcome (an exception to raise, or a provider id)."""

    def __init__(self, *outcomes: str | Exception) -> None:
        self.outcomes = list(outcomes)
        self.sent: list[Outgoing] = []

    def send(self, message: Outgoing) -> str:
        outcome = self.outcomes.pop(0) if self.outcomes else "ok"
        if isinstance(outcome, Exception):
            raise outcome
        self.sent.append(message)
        return outcome


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[OutboxRepository]:
    store = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield OutboxRepository(store)
    store.dispose()


def queue(outbox: OutboxRepository, *numbers: str) -> list[int]:
    message = StaffMessage(Channel.SMS, tuple(Recipient(n) for n in numbers), "Ring växeln")
    return outbox.enqueue(outbox_rows(message, Limits(), START))


def test_a_message_is_sent_and_recorded(outbox: OutboxRepository) -> None:
    (mid,) = queue(outbox, "+46701234567")
    transport = ScriptedTransport("gw-1")
    (result,) = Dispatcher(outbox, {"sms": transport}, clock=Clock()).send_due()
    assert (result.id, result.state, result.provider_id, result.attempts) == (mid, "sent", "gw-1", 1)
    assert [m.recipient for m in transport.sent] == ["+46701234567"]
    assert Dispatcher(outbox, {"sms": transport}, clock=Clock()).send_due() == []


def test_gateway_down_then_up_sends_once_after_backoff(outbox: OutboxRepository) -> None:
    (mid,) = queue(outbox, "+46701234567")
    clock = Clock()
    transport = ScriptedTransport(NotSentError("connection refused"), NotSentError("connection refused"), "gw-2")
    dispatcher = Dispatcher(outbox, {"sms": transport}, RetrySchedule(first=30, at_most=900), clock)
    (first,) = dispatcher.send_due()
    assert (first.state, first.reason, first.next_attempt_at) == ("queued", "connection refused",
                                                                   START + timedelta(seconds=30))
    assert dispatcher.send_due() == []  # not due yet
    clock.now += timedelta(seconds=30)
    (second,) = dispatcher.send_due()
    assert second.next_attempt_at == clock.now + timedelta(seconds=60)
    clock.now += timedelta(seconds=60)
    (third,) = dispatcher.send_due()
    assert (third.state, third.attempts, len(transport.sent)) == ("sent", 3, 1)
    assert outbox.get([mid])[0].state == "sent"


def test_out_of_attempts_fails_with_the_reason(outbox: OutboxRepository) -> None:
    queue(outbox, "+46701234567")
    clock = Clock()
    dispatcher = Dispatcher(outbox, {"sms": ScriptedTransport(*[NotSentError("timed out connecting")] * 3)},
                            RetrySchedule(first=1, at_most=1, max_attempts=3), clock)
    for _ in range(3):
        (result,) = dispatcher.send_due()
        clock.now += timedelta(seconds=1)
    assert result.state == "failed"
    assert result.reason == "timed out connecting (gave up after 3 attempts)"


@pytest.mark.parametrize("error", [RefusedError("gateway refused: 3: Unknown number"),
                                   UncertainError("no answer after the text was sent")])
def test_refused_or_uncertain_is_never_sent_again(outbox: OutboxRepository, error: Exception) -> None:
    queue(outbox, "+46701234567")
    clock = Clock()
    transport = ScriptedTransport(error)
    dispatcher = Dispatcher(outbox, {"sms": transport}, clock=clock)
    (result,) = dispatcher.send_due()
    assert (result.state, result.reason) == ("failed", str(error))
    clock.now += timedelta(days=1)
    assert dispatcher.send_due() == []
    assert transport.sent == []


def test_an_unexpected_error_fails_the_message_without_resending(outbox: OutboxRepository) -> None:
    queue(outbox, "+46701234567")
    (result,) = Dispatcher(outbox, {"sms": ScriptedTransport(RuntimeError("bug"))}, clock=Clock()).send_due()
    assert (result.state, result.reason) == ("failed", "unexpected error, not resent: bug")


def test_a_channel_without_transport_fails_naming_it(outbox: OutboxRepository) -> None:
    queue(outbox, "+46701234567")
    (result,) = Dispatcher(outbox, {}, clock=Clock()).send_due()
    assert (result.state, result.reason) == ("failed", "no transport is configured for sms")


def test_two_dispatchers_never_send_the_same_message(outbox: OutboxRepository) -> None:
    ids = queue(outbox, "+46701234567", "+46701234568")
    first, second = ScriptedTransport(), ScriptedTransport()
    one = Dispatcher(outbox, {"sms": first}, clock=Clock())
    two = Dispatcher(outbox, {"sms": second}, clock=Clock())
    assert one.send_one(ids[0]) is not None
    assert two.send_one(ids[0]) is None
    assert two.send_one(ids[1]) is not None
    assert one.send_one(ids[1]) is None
    assert [m.id for m in first.sent] == [ids[0]]
    assert [m.id for m in second.sent] == [ids[1]]


def test_a_receipt_naming_the_gateways_id_is_recorded(outbox: OutboxRepository) -> None:
    ids = queue(outbox, "+46701234567", "+46701234568")
    clock = Clock()
    dispatcher = Dispatcher(outbox, {"sms": ScriptedTransport("smsc-1", "smsc-2")}, clock=clock)
    dispatcher.send_due()
    clock.now += timedelta(seconds=5)
    assert dispatcher.record_receipt("smsc-2", "failed")
    assert dispatcher.record_receipt("smsc-1", "delivered")
    assert not dispatcher.record_receipt("smsc-1", "delivered")  # already delivered
    delivered, failed = outbox.get(ids)
    assert (delivered.state, delivered.delivered_at) == ("delivered", clock.now)
    assert (failed.state, failed.reason) == ("failed", "the gateway reports the message was not delivered")


@pytest.mark.parametrize(("receipts", "state", "reason"), [
    ([("a", "delivered"), ("b", "delivered"), ("c", "delivered")], "delivered", ""),
    ([("c", "delivered"), ("b", "delivered")], "sent", ""),  # the first part's receipt decides
    ([("a", "delivered")], "delivered", ""),
    ([("a", "delivered"), ("c", "failed")], "failed", "the gateway reports part 3 of the message was not delivered"),
    ([("c", "failed"), ("a", "delivered")], "failed", "the gateway reports part 3 of the message was not delivered"),
    ([("a", "failed"), ("b", "failed")], "failed", "the gateway reports the message was not delivered"),
])
def test_a_multi_part_message_is_delivered_by_its_first_part_and_failed_by_any(
        outbox: OutboxRepository, receipts: list[tuple[str, str]], state: str, reason: str) -> None:
    (mid,) = queue(outbox, "+46701234567")
    dispatcher = Dispatcher(outbox, {"sms": ScriptedTransport("a,b,c")}, clock=Clock())
    dispatcher.send_due()
    for provider_id, outcome in receipts:
        dispatcher.record_receipt(provider_id, outcome)
    (message,) = outbox.get([mid])
    assert (message.state, message.reason) == (state, reason)


def test_a_receipt_before_the_message_is_recorded_sent_is_kept_until_it_is(outbox: OutboxRepository) -> None:
    (mid,) = queue(outbox, "+46701234567")
    clock = Clock()
    dispatcher = Dispatcher(outbox, {"sms": ScriptedTransport("x1,x2")}, clock=clock)
    claimed = dispatcher.claim(mid)
    assert claimed is not None
    outcome = dispatcher.deliver(claimed)
    assert not dispatcher.record_receipt("x1", "delivered")  # read on the session before the store has the id
    dispatcher.record(claimed, outcome)
    (message,) = outbox.get([mid])
    assert (message.state, message.provider_id) == ("delivered", "x1,x2")


def test_a_receipt_nobody_claims_is_forgotten(outbox: OutboxRepository) -> None:
    queue(outbox, "+46701234567")
    clock = Clock()
    dispatcher = Dispatcher(outbox, {"sms": ScriptedTransport("late")}, clock=clock)
    assert not dispatcher.record_receipt("late", "delivered")  # another console's message, say
    clock.now += ReceiptMatcher.KEPT_FOR + timedelta(seconds=1)
    assert not dispatcher.record_receipt("other", "delivered")  # keeping this one forgets the old one
    (result,) = dispatcher.send_due()
    assert result.state == "sent"
