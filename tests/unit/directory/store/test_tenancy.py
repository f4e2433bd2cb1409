"""Tenants on one database: a store configured for organisation A never reads or changes B's shared rows
(referrals, their audit, notes, the call log, call-backs); the directory cache stays common. Run again on
PostgreSQL by tests/integration/store, where row-level security holds it below the application too."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from directory.model import Entry, EntryKind, Note, Referral
from directory.store import AnnotationRepository, DirectoryRepository, Store, sqlite_url
from directory.store.audit import Actor, ReferralLog
from directory.store.callbacks import CallbackConflictError, CallbackRepository, NewCallback
from directory.store.calllog import CallLogRepository, LoggedCall
from directory.store.database import MIGRATIONS

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield s
    s.dispose()


@pytest.fixture
def tenants(store: Store) -> Iterator[tuple[Store, Store]]:
    """Two consoles on the store's database, of organisations A and B."""
    a, b = Store(store.url, "Region A"), Store(store.url, "Kommune B")
    yield a, b
    a.dispose()
    b.dispose()


def _fill(store: Store, entry_id: int, who: str) -> int:
    ReferralLog(store).set(Referral(entry_id, "lunch", until=NOW + timedelta(hours=1)), Actor(who), NOW)
    AnnotationRepository(store).add_notes([Note(entry_id, f"note by {who}", who, NOW)])
    CallLogRepository(store).add([LoggedCall("+4670111", who, "+4631000", True, NOW, NOW, "handled")])
    return CallbackRepository(store).add(NewCallback("+4670222", who, "+4631000", NOW), who).id


def test_each_organisation_sees_only_its_own_shared_rows(tenants: tuple[Store, Store]) -> None:
    a, b = tenants
    directory = DirectoryRepository(a)
    directory.replace_source("t", [Entry(source="t", external_id="1", kind=EntryKind.PERSON, display_name="Per")])
    entry_id = directory.find_id("t", "1")
    assert entry_id is not None
    assert DirectoryRepository(b).find_id("t", "1") == entry_id  # the directory cache is common
    _fill(a, entry_id, "anna")
    assert [r.referral.code for r in ReferralLog(a).current(entry_id, NOW)] == ["lunch"]
    assert ReferralLog(b).current(entry_id, NOW) == ()
    assert ReferralLog(b).everyone_in_force(NOW) == {}
    assert ReferralLog(b).history(entry_id) == []
    assert AnnotationRepository(b).notes_for(entry_id) == []
    assert CallLogRepository(b).search() == []
    assert CallbackRepository(b).open() == []
    assert [n.text for n in AnnotationRepository(a).notes_for(entry_id)] == ["note by anna"]
    assert [c.name for c in CallLogRepository(a).search()] == ["anna"]
    assert len(ReferralLog(a).history(entry_id)) == 1

    _fill(b, entry_id, "bo")  # B's own referral beside A's, not replacing it
    assert [c.name for c in CallbackRepository(a).open()] == ["anna"]
    assert [c.name for c in CallbackRepository(b).open()] == ["bo"]
    assert [r.referral.set_by for r in ReferralLog(a).current(entry_id, NOW)] == ["anna"]


def test_an_organisation_cannot_change_anothers_call_back_or_purge_its_log(tenants: tuple[Store, Store]) -> None:
    a, b = tenants
    theirs = CallbackRepository(a).add(NewCallback("+4670222", "Per", "+4631000", NOW), "anna")
    CallLogRepository(a).add([LoggedCall("+4670111", "Per", "+4631000", True, NOW, NOW, "handled")])
    with pytest.raises(CallbackConflictError, match="no longer exists"):
        CallbackRepository(b).claim(theirs.id, "bo")
    with pytest.raises(CallbackConflictError):
        CallbackRepository(b).done(theirs.id, "bo")
    assert CallbackRepository(b).get(theirs.id) is None
    assert CallLogRepository(b).purge_before(NOW + timedelta(days=1)) == 0
    assert CallbackRepository(a).open()[0].state == "waiting"
    assert len(CallLogRepository(a).search()) == 1


def test_migration_0009_goes_down_and_up_keeping_rows_in_the_organisation_of_none(store: Store) -> None:
    CallbackRepository(store).add(NewCallback("+4670222", "Per", "+4631000", NOW), "anna")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0008")
    assert "organisation" not in {c["name"] for c in inspect(store.engine).get_columns("callbacks")}
    store.migrate()
    assert [c.name for c in CallbackRepository(store).open()] == ["Per"]  # the store's organisation is ""
