"""A shared store whose server goes down and comes back (a private PostgreSQL stopped and started again on its
port): a write is refused whole with a plain reason, never half applied nor kept to apply later; reads say
the server is unreachable in a way the console recognises; writes stay refused until the console has seen
the server back, then work as of the versions read before."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from directory.model import Entry, EntryKind, Note, Referral
from directory.store import AnnotationRepository, DirectoryRepository, Store
from directory.store.audit import Actor, ReferralLog
from directory.store.availability import StoreUnreachableError, unreachable
from directory.store.callbacks import CallbackRepository, NewCallback
from tests.helpers.postgres import PostgresCluster, create_database, postgres_cluster

pytestmark = pytest.mark.integration
T0 = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
ANNA = Actor("Anna Operatör", "pc-1")


@pytest.fixture
def cluster() -> Iterator[PostgresCluster]:
    with postgres_cluster() as started:
        yield started


def test_writes_are_refused_while_the_server_is_down_and_work_again_once_it_is_seen_back(
        cluster: PostgresCluster) -> None:
    store = Store.open(create_database(cluster.url, "offline"), "Region A")
    try:
        directory = DirectoryRepository(store)
        directory.replace_source("t", [Entry(source="t", external_id="1", kind=EntryKind.PERSON, display_name="Per")])
        per = directory.find_id("t", "1")
        assert per is not None
        log = ReferralLog(store)
        log.set(Referral(per, "lunch"), ANNA, T0)
        seen = log.state(per, T0)

        cluster.stop()
        with pytest.raises(StoreUnreachableError, match="cannot be reached") as caught:
            log.set(Referral(per, "meeting"), ANNA, T0 + timedelta(minutes=1), version=seen.version)
        assert "changes are refused until it is back" in str(caught.value)
        assert store.unreachable_reason  # the store knows, so the next write is refused at once
        with pytest.raises(Exception) as read:  # noqa: PT011 - whatever the driver says, it is recognised
            log.current(per, T0)
        assert unreachable(read.value)
        with pytest.raises(StoreUnreachableError):
            AnnotationRepository(store).add_note(Note(per, "Prefers e-mail", "Anna"))
        with pytest.raises(StoreUnreachableError):
            CallbackRepository(store).add(NewCallback("+4670222", "Per", "+4631000", T0), "anna")

        cluster.start()
        with pytest.raises(StoreUnreachableError):  # until the console's watch has seen the server back
            log.set(Referral(per, "meeting"), ANNA, T0 + timedelta(minutes=2), version=seen.version)
        store.mark_reachable()
        log.set(Referral(per, "meeting"), ANNA, T0 + timedelta(minutes=3), version=seen.version)
        assert [(h.action, h.new.code if h.new else "") for h in log.history(per)] == [
            ("set", "meeting"), ("set", "lunch")]  # nothing of the refused writes was kept or applied later
        assert AnnotationRepository(store).notes_for(per) == []
        assert CallbackRepository(store).open() == []
    finally:
        store.dispose()


def test_a_statements_own_error_is_not_taken_for_an_outage(cluster: PostgresCluster) -> None:
    store = Store.open(create_database(cluster.url, "not_offline"), "Region A")
    try:
        with pytest.raises(Exception) as caught:  # noqa: PT011 - a foreign key: the server is there
            ReferralLog(store).set(Referral(999, "lunch"), ANNA, T0)
        assert not unreachable(caught.value)
        assert store.unreachable_reason == ""
    finally:
        store.dispose()
