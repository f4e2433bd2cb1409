"""Referral changes and their audit trail (SQLite here; tests/integration/store runs them on PostgreSQL)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, update

from directory.model import Entry, EntryKind, Referral
from directory.referrals import DEFAULT_CODES, ReferralService
from directory.store import DirectoryRepository, Store, sqlite_url
from directory.store.audit import Actor, ReferralConflictError, ReferralLog, UnknownEntryError, referral_json
from directory.store.database import MIGRATIONS
from directory.store.schema import DirectoryEntry

STOCKHOLM = ZoneInfo("Europe/Stockholm")
T0 = datetime(2026, 11, 20, 11, 0, tzinfo=UTC)  # Friday 12:00 in Stockholm
ANNA = Actor("Anna Operatör", "console-1")
BO = Actor("Bo Växel", "console-2")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield s
    s.dispose()


def _person(store: Store, ext: str = "1", name: str = "Per Holm") -> int:
    repo = DirectoryRepository(store)
    repo.replace_source("t", [Entry(source="t", external_id=ext, kind=EntryKind.PERSON, display_name=name)])
    found = repo.find_id("t", ext)
    assert found is not None
    return found


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_set_replace_clear_are_audited_with_old_and_new(store: Store) -> None:
    per, log = _person(store), ReferralLog(store)
    lunch = Referral(per, "lunch", "Lunch", until=T0 + timedelta(minutes=30), alternative="Eva Ek")
    first = log.set(lunch, ANNA, T0)
    assert first.replaced == ()
    assert first.stored.referral.set_by == "Anna Operatör"
    meeting = Referral(per, "meeting", "Möte", until=T0 + timedelta(hours=3), set_by="Bo Växel")
    second = log.set(meeting, BO, T0 + timedelta(minutes=5))
    assert [r.referral.code for r in second.replaced] == ["lunch"]
    assert [r.referral.code for r in log.current(per, T0 + timedelta(minutes=10))] == ["meeting"]
    cleared = log.clear(per, ANNA, T0 + timedelta(minutes=20))
    assert [r.referral.code for r in cleared] == ["meeting"]
    assert log.current(per, T0 + timedelta(minutes=21)) == ()
    assert log.clear(per, ANNA, T0 + timedelta(minutes=22)) == ()  # nothing to clear: no audit row

    history = log.history(per)
    assert [(h.action, h.actor, h.console) for h in history] == [
        ("clear", "Anna Operatör", "console-1"), ("set", "Bo Växel", "console-2"),
        ("set", "Anna Operatör", "console-1")]
    newest, middle, oldest = history
    assert newest.changed_at == T0 + timedelta(minutes=20)
    assert newest.new is None
    assert [r.code for r in newest.old] == ["meeting"]
    assert middle.new is not None
    assert middle.new.until == T0 + timedelta(hours=3)
    assert [r.code for r in middle.old] == ["lunch"]
    assert oldest.old == ()
    assert oldest.new is not None
    assert oldest.new.alternative == "Eva Ek"
    assert oldest.new.until == lunch.until


def test_referrals_end_by_themselves_at_their_return_time(store: Store) -> None:
    per, log = _person(store), ReferralLog(store)
    log.set(Referral(per, "lunch", until=T0 + timedelta(minutes=30)), ANNA, T0)
    assert log.current(per, T0 + timedelta(minutes=29))
    assert log.current(per, T0 + timedelta(minutes=30)) == ()
    # a referral ending by itself is no change: whoever looked before it ended still has the current version
    log.set(Referral(per, "meeting", until=T0 + timedelta(hours=2)), BO, T0 + timedelta(minutes=40), version=1)


def test_scheduled_referral_waits_beside_the_current_one(store: Store) -> None:
    per, log = _person(store), ReferralLog(store)
    monday = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    log.set(Referral(per, "sick"), ANNA, T0)
    change = log.set(Referral(per, "vacation", starts_at=monday, until=monday + timedelta(days=7)), ANNA, T0)
    assert change.replaced == ()
    assert [r.referral.code for r in log.current(per, T0)] == ["sick"]
    assert [r.referral.code for r in log.upcoming(per, T0)] == ["vacation"]
    assert [r.referral.code for r in log.current(per, monday)][-1] == "vacation"
    assert log.upcoming(per, monday) == ()
    assert log.history(per)[0].action == "schedule"
    # cancelling the scheduled one leaves the current one alone
    (cancelled,) = log.clear(per, BO, T0 + timedelta(minutes=1), referral_id=change.stored.id)
    assert cancelled.referral.code == "vacation"
    assert log.upcoming(per, T0) == ()
    assert [r.referral.code for r in log.current(per, T0 + timedelta(minutes=2))] == ["sick"]


def test_two_operators_at_once_the_second_sees_what_changed(store: Store) -> None:
    per, log = _person(store), ReferralLog(store)
    seen = log.state(per, T0)  # both consoles see nothing, version 0
    assert (seen.in_force, seen.version, seen.last) == ((), 0, None)
    change = log.set(Referral(per, "lunch", "Lunch", until=T0 + timedelta(hours=1)), ANNA, T0 + timedelta(minutes=2),
                     version=seen.version)
    assert change.version == 1
    with pytest.raises(ReferralConflictError) as caught:
        log.set(Referral(per, "meeting", until=T0 + timedelta(hours=2)), BO, T0, version=seen.version)
    conflict = caught.value
    assert [r.referral.code for r in conflict.current] == ["lunch"]
    assert (conflict.state.version, conflict.wanted) == (1, 0)
    assert conflict.last is not None  # who changed it, when, to what
    assert (conflict.last.actor, conflict.last.action, conflict.last.changed_at) == (
        "Anna Operatör", "set", T0 + timedelta(minutes=2))
    assert conflict.last.new is not None
    assert conflict.last.new.code == "lunch"
    assert "Anna Operatör set 'Lunch' at 2026-11-20 11:02 UTC" in str(conflict)
    with pytest.raises(ReferralConflictError):
        log.clear(per, BO, T0, version=0)
    assert [h.actor for h in log.history(per)] == ["Anna Operatör"]  # nothing overwritten, nothing lost
    # having seen it, the second operator may replace it ("overwrite with mine"), and learns what was replaced
    change = log.set(Referral(per, "meeting", until=T0 + timedelta(hours=2)), BO, T0 + timedelta(minutes=3),
                     version=conflict.state.version)
    assert [r.referral.code for r in change.replaced] == ["lunch"]
    assert [(h.actor, h.version) for h in log.history(per)] == [("Bo Växel", 2), ("Anna Operatör", 1)]


def test_a_clear_in_between_is_told_with_who_cleared_what(store: Store) -> None:
    per, log = _person(store), ReferralLog(store)
    log.set(Referral(per, "lunch", "Lunch", until=T0 + timedelta(hours=1)), ANNA, T0)
    seen = log.state(per, T0)
    log.clear(per, BO, T0 + timedelta(minutes=5), version=seen.version)
    with pytest.raises(ReferralConflictError) as caught:
        log.set(Referral(per, "meeting"), ANNA, T0 + timedelta(minutes=6), version=seen.version)
    assert caught.value.current == ()
    assert caught.value.last is not None
    assert (caught.value.last.action, caught.value.last.actor) == ("clear", "Bo Växel")
    assert "Bo Växel cleared 'Lunch' at 2026-11-20 11:05 UTC" in str(caught.value)
    # a scheduled referral is a change too: whoever decided on the old state is asked again
    log.set(Referral(per, "vacation", starts_at=T0 + timedelta(days=3)), BO, T0 + timedelta(minutes=6), version=2)
    with pytest.raises(ReferralConflictError):
        log.clear(per, ANNA, T0, version=2)
    # without a version (a forced change) it applies to whatever is there, and is audited like any other
    log.set(Referral(per, "sick"), ANNA, T0 + timedelta(minutes=7))
    assert [h.version for h in log.history(per)] == [4, 3, 2, 1]
    assert log.versions() == {per: 4}


def test_versions_are_counted_per_person_and_organisation(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "shared.sqlite3")
    a, b = Store.open(url, "Region A"), Store.open(url, "Region B")
    try:
        per = _person(a)
        ReferralLog(a).set(Referral(per, "lunch"), ANNA, T0)
        assert ReferralLog(b).state(per, T0).version == 0  # B's own count, A's change unseen
        assert ReferralLog(b).versions() == {}
        ReferralLog(b).set(Referral(per, "meeting"), BO, T0, version=0)
        assert (ReferralLog(a).state(per, T0).version, ReferralLog(b).state(per, T0).version) == (1, 1)
    finally:
        a.dispose()
        b.dispose()


def test_migration_0016_numbers_the_audit_rows_recorded_before_it(store: Store) -> None:
    per, eva, log = _person(store), _person(store, "2", "Eva Ek"), ReferralLog(store)
    log.set(Referral(per, "lunch"), ANNA, T0)
    log.set(Referral(eva, "sick"), BO, T0)
    log.clear(per, BO, T0 + timedelta(minutes=1))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0015")
        command.upgrade(config, "head")
    assert store.schema_is_current()
    assert [h.version for h in log.history(per)] == [2, 1]
    assert log.versions() == {per: 2, eva: 1}
    log.set(Referral(per, "meeting"), ANNA, T0 + timedelta(minutes=2), version=2)


def test_migration_0002_goes_down_and_up_again(store: Store) -> None:
    per = _person(store)
    ReferralLog(store).set(Referral(per, "lunch"), ANNA, T0)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
        assert "referral_audit" not in inspect(connection).get_table_names()
        command.upgrade(config, "head")
    assert store.schema_is_current()
    assert ReferralLog(store).history(per) == []  # the audit starts afresh; referrals themselves are kept
    assert ReferralLog(store).current(per, T0)


def test_listing_for_the_cli(store: Store) -> None:
    per, eva, log = _person(store), _person(store, "2", "Eva Ek"), ReferralLog(store)
    monday = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    log.set(Referral(per, "lunch", "Lunch", until=T0 + timedelta(minutes=30)), ANNA, T0)
    log.set(Referral(per, "vacation", starts_at=monday, until=monday + timedelta(days=5)), ANNA, T0)
    log.set(Referral(eva, "sick", "Sjuk"), BO, T0)
    listed = log.listing(T0 + timedelta(minutes=1))
    assert [(s.referral.entry_id, s.referral.code) for s in listed] == [
        (per, "lunch"), (per, "vacation"), (eva, "sick")]
    assert [s.referral.code for s in log.listing(T0 + timedelta(hours=1))] == ["vacation", "sick"]
    data = json.loads(json.dumps(referral_json(listed[-1])))
    assert data["code"] == "sick"
    assert data["set_by"] == "Bo Växel"
    assert data["until"] is None
    assert datetime.fromisoformat(data["set_at"]) == T0


def test_unknown_entry_is_refused(store: Store) -> None:
    with pytest.raises(UnknownEntryError):
        ReferralLog(store).set(Referral(999, "lunch"), ANNA, T0)


def test_service_with_a_controlled_clock(store: Store) -> None:
    per, clock = _person(store), Clock(T0)
    service = ReferralService(ReferralLog(store), DEFAULT_CODES, STOCKHOLM, ANNA, language="sv", clock=clock)
    lunch = service.prepare(per, "lunch", alternative="Eva Ek")
    assert lunch.until == T0 + timedelta(minutes=30)
    assert lunch.text == "Lunch"
    assert lunch.set_by == "Anna Operatör"
    service.set(lunch, version=service.state(per).version)
    current = service.current(per)
    assert current is not None
    assert service.sentence("Per Holm", current.referral, "sv") == (
        "Per Holm är på lunch och är tillbaka 12.30. Jag kan koppla dig till Eva Ek i stället.")
    clock.now = T0 + timedelta(minutes=31)
    assert service.current(per) is None
    meeting = service.prepare(per, "meeting", comment="  styrelsemöte ")
    assert meeting.until == datetime(2026, 11, 23, 8, tzinfo=STOCKHOLM)  # Friday: 08:00 on Monday
    assert meeting.comment == "styrelsemöte"
    vacation = service.prepare(per, "vacation", start_text="next week", until_text="30/11")
    assert vacation.starts_at == datetime(2026, 11, 23, 0, 0, tzinfo=STOCKHOLM)
    service.set(vacation)
    assert [u.referral.code for u in service.upcoming(per)] == ["vacation"]
    service.clear(per, referral_id=service.upcoming(per)[0].id)
    assert [h.action for h in service.history(per)] == ["clear", "schedule", "set"]


def test_simultaneous_changes_are_serialised_and_the_loser_told(store: Store) -> None:
    """Both consoles saw "nothing set" and press Enter together: one wins, the other gets a conflict."""
    per, log = _person(store), ReferralLog(store)
    barrier, outcomes = threading.Barrier(3), []

    def operator(actor: Actor, code: str) -> None:
        barrier.wait()
        try:
            log.set(Referral(per, code, until=T0 + timedelta(hours=1)), actor, T0, version=0)
            outcomes.append("set")
        except ReferralConflictError:
            outcomes.append("conflict")

    threads = [threading.Thread(target=operator, args=args) for args in ((ANNA, "lunch"), (BO, "meeting"))]
    with store.engine.connect() as holder:  # a third writer holds the person while both start
        holder.execute(update(DirectoryEntry).where(DirectoryEntry.id == per).values(id=DirectoryEntry.id))
        for thread in threads:
            thread.start()
        barrier.wait()
        time.sleep(0.3)  # both are now waiting on the lock (or, without it, have read "nothing set")
        holder.commit()
    for thread in threads:
        thread.join(timeout=10)
    assert sorted(outcomes) == ["conflict", "set"]
    assert len(log.current(per, T0)) == 1
    assert [h.version for h in log.history(per)] == [1]
