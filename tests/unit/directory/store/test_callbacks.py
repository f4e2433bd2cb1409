"""The shared call-back list on SQLite (and, through tests/integration/store, on PostgreSQL): each step
audited, a claim taken by one operator only, nothing lost when the store is opened again."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from directory.store import Store, sqlite_url
from directory.store.callbacks import CallbackConflictError, CallbackRepository, NewCallback
from directory.store.database import MIGRATIONS

T0 = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield s
    s.dispose()


def _new(minutes: int, number: str = "+4670111222", name: str = "Åsa Öberg") -> NewCallback:
    return NewCallback(number, name, "+4631000", T0 + timedelta(minutes=minutes), "held")


def test_added_call_backs_are_listed_newest_first_until_done(store: Store) -> None:
    repo = CallbackRepository(store, console="op-pc-1")
    first = repo.add(_new(0), "eva")
    second = repo.add(_new(5, "+4670999", "Bo Ek"), "eva")
    assert [c.name for c in repo.open()] == ["Bo Ek", "Åsa Öberg"]
    assert (first.state, first.version, first.console, first.stage) == ("waiting", 1, "op-pc-1", "held")
    claimed = repo.claim(first.id, "eva")
    assert (claimed.state, claimed.claimed_by, claimed.version) == ("claimed", "eva", 2)
    assert claimed.claimed_at is not None
    done = repo.done(first.id, "eva")
    assert (done.state, done.done_by, done.version) == ("done", "eva", 3)
    assert [c.id for c in repo.open()] == [second.id]
    assert [c.id for c in repo.listing(include_done=True)] == [second.id, first.id]
    assert [(s.action, s.actor, s.console, s.version) for s in repo.history(first.id)] == [
        ("added", "eva", "op-pc-1", 1), ("claimed", "eva", "op-pc-1", 2), ("done", "eva", "op-pc-1", 3)]


def test_a_claim_is_kept_from_other_operators_until_released(store: Store) -> None:
    repo = CallbackRepository(store)
    callback = repo.add(_new(0))
    repo.claim(callback.id, "eva")
    assert repo.claim(callback.id, "eva").version == 2  # the same operator again: no change
    with pytest.raises(CallbackConflictError, match="taken by eva") as caught:
        repo.claim(callback.id, "bo")
    assert caught.value.current is not None
    assert caught.value.current.claimed_by == "eva"
    with pytest.raises(CallbackConflictError, match="taken by eva"):
        repo.done(callback.id, "bo")
    with pytest.raises(CallbackConflictError):
        repo.release(callback.id, "bo")
    released = repo.release(callback.id, "eva")
    assert (released.state, released.claimed_by, released.claimed_at) == ("waiting", "", None)
    assert repo.claim(callback.id, "bo").claimed_by == "bo"
    assert [s.action for s in repo.history(callback.id)] == ["added", "claimed", "released", "claimed"]


def test_a_stale_version_or_a_finished_call_back_is_a_conflict_not_an_overwrite(store: Store) -> None:
    repo = CallbackRepository(store)
    callback = repo.add(_new(0))
    repo.done(callback.id, "eva", version=1)
    with pytest.raises(CallbackConflictError, match="eva already marked it done"):
        repo.claim(callback.id, "bo")
    other = repo.add(_new(1))
    repo.claim(other.id, "eva")
    repo.release(other.id, "eva")
    with pytest.raises(CallbackConflictError, match="changed meanwhile"):
        repo.claim(other.id, "bo", version=1)
    with pytest.raises(CallbackConflictError, match="no longer exists"):
        repo.claim(999_999, "bo")


def _race(store: Store, consoles: int, act: Callable[[int, Store], None]) -> None:
    """`act(console number, its own store)` in as many threads, started together; each console has its own
    connections, as on separate computers."""
    stores = [Store(store.url) for _ in range(consoles)]
    barrier = threading.Barrier(consoles)

    def run(number: int, own: Store) -> None:
        barrier.wait()
        act(number, own)

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(stores)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    finally:
        for own in stores:
            own.dispose()


def test_two_operators_racing_to_claim_one_wins_and_the_other_is_told_who(store: Store) -> None:
    callback = CallbackRepository(store).add(_new(0))
    won: list[str] = []
    lost: list[CallbackConflictError] = []

    def claim(number: int, own: Store) -> None:
        try:
            won.append(CallbackRepository(own).claim(callback.id, f"op{number}").claimed_by)
        except CallbackConflictError as exc:
            lost.append(exc)

    _race(store, 6, claim)
    assert len(won) == 1
    assert len(lost) == 5
    assert all(f"taken by {won[0]}" in str(exc) for exc in lost)
    assert [s.action for s in CallbackRepository(store).history(callback.id)] == ["added", "claimed"]


def test_the_list_survives_opening_the_store_again(store: Store) -> None:
    repo = CallbackRepository(store)
    kept = repo.add(_new(0))
    repo.claim(repo.add(_new(1, "+4670999", "Bo Ek")).id, "eva")
    store.dispose()
    again = Store.open(store.url)
    try:
        listed = CallbackRepository(again).open()
        assert [(c.name, c.state, c.claimed_by) for c in listed] == [("Bo Ek", "claimed", "eva"),
                                                                   ("Åsa Öberg", "waiting", "")]
        assert listed[1] == kept
    finally:
        again.dispose()


def test_migration_0005_goes_down_and_up(store: Store) -> None:
    CallbackRepository(store).add(_new(0))
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, "0004")
    assert "callbacks" not in inspect(store.engine).get_table_names()
    store.migrate()
    assert {"callbacks", "callback_audit"} <= set(inspect(store.engine).get_table_names())
    assert CallbackRepository(store).open() == []


def test_a_caller_who_gave_up_at_the_exchange_is_one_entry_however_many_consoles_hear_of_it(store: Store) -> None:
    """Every console hears the exchange say the caller left; each, at once, adds them: one entry, one audit."""
    at_exchange = NewCallback("+4670111222", "Åsa Öberg", "+4631000", T0, "waiting", queue_id="1234567")
    added: list[int] = []
    _race(store, 6, lambda number, own: added.append(
        CallbackRepository(own, console=f"pc-{number}").add(at_exchange, f"op{number}").id))
    repo = CallbackRepository(store)
    (entry,) = repo.open()
    assert added == [entry.id] * 6
    assert [step.action for step in repo.history(entry.id)] == ["added"]
    repo.add(NewCallback("+4670111222", "Åsa Öberg", "+4631000", T0, "waiting", queue_id="1234568"))  # called again
    repo.add(_new(1, "+4670111222"))  # and on a console's own line, twice: no queue id, two entries
    repo.add(_new(2, "+4670111222"))
    assert len(repo.open()) == 4
