"""The outbox on SQLite: claimed once, retried only when nothing was sent, searchable, purged by age."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from directory.store import OutboxRepository, Store, sqlite_url
from directory.store.outbox import OutboxMessage

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[OutboxRepository]:
    store = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield OutboxRepository(store)
    store.dispose()


def message(recipient: str = "+46701234567", **kw: object) -> OutboxMessage:
    fields: dict[str, object] = {"batch": "b1", "channel": "sms", "recipient": recipient,
                                 "text": "Åsa Öberg called", "created_at": NOW, "sender": "Operatör Olle"}
    fields.update(kw)
    return OutboxMessage(**fields)  # type: ignore[arg-type]


def test_a_queued_message_is_claimed_once(outbox: OutboxRepository) -> None:
    (mid,) = outbox.enqueue([message()])
    assert outbox.due(NOW) == [mid]
    claimed = outbox.claim(mid, NOW)
    assert claimed is not None
    assert (claimed.state, claimed.attempts) == ("sending", 1)
    assert outbox.claim(mid, NOW) is None
    assert outbox.due(NOW) == []


def test_sent_then_delivered_keeps_the_provider_id(outbox: OutboxRepository) -> None:
    (mid,) = outbox.enqueue([message()])
    outbox.claim(mid, NOW)
    assert outbox.mark_sent(mid, NOW, "kannel-42")
    assert not outbox.mark_sent(mid, NOW, "again")  # only from sending
    assert outbox.mark_delivered(mid, NOW + timedelta(seconds=3))
    (stored,) = outbox.get([mid])
    assert (stored.state, stored.provider_id, stored.delivered_at) == ("delivered", "kannel-42",
                                                                        NOW + timedelta(seconds=3))


def test_a_retry_waits_for_its_time(outbox: OutboxRepository) -> None:
    (mid,) = outbox.enqueue([message()])
    outbox.claim(mid, NOW)
    assert outbox.retry_later(mid, "connection refused", NOW + timedelta(seconds=30), NOW)
    assert outbox.due(NOW) == []
    assert outbox.claim(mid, NOW) is None
    assert outbox.due(NOW + timedelta(seconds=30)) == [mid]
    claimed = outbox.claim(mid, NOW + timedelta(seconds=30))
    assert claimed is not None
    assert claimed.attempts == 2


def test_a_message_left_sending_by_a_crash_fails_and_is_never_due_again(outbox: OutboxRepository) -> None:
    (mid,) = outbox.enqueue([message()])
    outbox.claim(mid, NOW)
    assert outbox.fail_interrupted(NOW + timedelta(minutes=10), older_than=timedelta(minutes=5)) == 1
    (stored,) = outbox.get([mid])
    assert stored.state == "failed"
    assert "not resent" in stored.reason
    assert outbox.due(NOW + timedelta(days=1)) == []


def test_search_matches_names_numbers_and_text_like_the_call_log(outbox: OutboxRepository) -> None:
    outbox.enqueue([message(recipient_name="Åsa Öberg"), message("+4790012345", text="Ring Per",
                                                                  created_at=NOW + timedelta(minutes=1)),
                    message("anna@example.se", channel="email", text="Hej")])
    assert [m.recipient for m in outbox.search("asa")] == ["+46701234567"]
    assert [m.recipient for m in outbox.search("070-123 45")] == []  # national form is not the stored form
    assert [m.recipient for m in outbox.search("4790012345")] == ["+4790012345"]
    assert [m.recipient for m in outbox.search("", channels=["email"])] == ["anna@example.se"]
    assert [m.recipient for m in outbox.search("ring")] == ["+4790012345"]
    assert len(outbox.search("operatör olle")) == 3


def test_retention_keeps_work_and_removes_old_log(outbox: OutboxRepository) -> None:
    old_sent, old_queued, recent = outbox.enqueue([message(), message("+46701111111"),
                                                   message(created_at=NOW + timedelta(days=89))])
    outbox.claim(old_sent, NOW)
    outbox.mark_sent(old_sent, NOW)
    outbox.claim(recent, NOW + timedelta(days=89))
    outbox.mark_sent(recent, NOW + timedelta(days=89))
    assert outbox.apply_retention(0, NOW + timedelta(days=100)) == 0
    assert outbox.apply_retention(90, NOW + timedelta(days=100)) == 1
    assert [m.id for m in outbox.get([old_sent, old_queued, recent])] == [old_queued, recent]
