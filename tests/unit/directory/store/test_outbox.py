"""The outbox on SQLite: claimed once, retried only when nothing was sent, searchable, purged by age, found by
the gateway's id of a message or of one of its parts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from directory.store import Store, sqlite_url
from directory.store.outbox import OutboxMessage, OutboxRepository

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield opened
    opened.dispose()


@pytest.fixture
def outbox(store: Store) -> OutboxRepository:
    """On the SQLite `store` here; tests/integration/store/test_outbox_postgres.py runs them on PostgreSQL."""
    return OutboxRepository(store)


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



def sent(outbox: OutboxRepository, provider_id: str, at: datetime = NOW) -> int:
    (mid,) = outbox.enqueue([message(created_at=at)])
    outbox.claim(mid, at)
    assert outbox.mark_sent(mid, at, provider_id)
    return mid


def found(outbox: OutboxRepository, provider_id: str, within: timedelta = timedelta(days=7)) -> tuple[int, int] | None:
    """(message id, part) of what `find_sent` finds for a gateway id."""
    hit = outbox.find_sent(provider_id, NOW - within)
    return None if hit is None or hit[0].id is None else (hit[0].id, hit[1])


def test_a_message_is_found_by_its_gateway_id_or_one_of_its_parts(outbox: OutboxRepository) -> None:
    single = sent(outbox, "smsc-7")
    parts = sent(outbox, "0a1,0a2,0a3")
    assert found(outbox, "smsc-7") == (single, 0)
    assert [found(outbox, p) for p in ("0a1", "0a2", "0a3")] == [(parts, 0), (parts, 1), (parts, 2)]
    for unknown in ("smsc", "SMSC-7", "0A2", "a2", "0a", "", "0a1,0a2"):
        assert found(outbox, unknown) is None, unknown


def test_like_wildcards_in_a_gateway_id_are_only_characters(outbox: OutboxRepository) -> None:
    mid = sent(outbox, "x_1,x%2")
    sent(outbox, "xa1,xb2,xc3")
    assert [found(outbox, p) for p in ("x_1", "x%2", "x%", "_b2", "xb_")] == [(mid, 0), (mid, 1), None, None, None]


def test_the_newest_message_wins_when_a_gateway_reuses_an_id_and_old_ones_are_not_searched(
        outbox: OutboxRepository) -> None:
    sent(outbox, "17,18", NOW - timedelta(days=30))
    new = sent(outbox, "17,18", NOW)
    older = sent(outbox, "42", NOW - timedelta(days=30))
    assert found(outbox, "18", within=timedelta(days=40)) == (new, 1)
    assert found(outbox, "42") is None
    assert found(outbox, "42", within=timedelta(days=40)) == (older, 0)


def test_a_part_not_delivered_fails_a_message_already_delivered(outbox: OutboxRepository) -> None:
    mid = sent(outbox, "a,b")
    assert outbox.mark_delivered(mid, NOW + timedelta(seconds=2))
    assert outbox.mark_undelivered(mid, "part 2 was not delivered", NOW + timedelta(seconds=3))
    (stored,) = outbox.get([mid])
    assert (stored.state, stored.reason, stored.delivered_at) == ("failed", "part 2 was not delivered", None)
    assert not outbox.mark_undelivered(mid, "again", NOW + timedelta(seconds=4))
    assert not outbox.mark_delivered(mid, NOW + timedelta(seconds=4))
    (queued,) = outbox.enqueue([message()])
    assert not outbox.mark_undelivered(queued, "never sent", NOW)  # a report about a queued message is no report
