"""The call log repository on SQLite: every field kept, search, retention, migration 0003 down and up."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text

from directory.store import Store, sqlite_url
from directory.store.calllog import CallLogRepository, LoggedCall
from directory.store.database import MIGRATIONS

T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield s
    s.dispose()


def _call(minutes: int, **kw: object) -> LoggedCall:
    fields: dict[str, object] = {
        "number": "+4670111222", "name": "Åsa Öberg", "dialled": "+4631000", "incoming": True,
        "offered_at": T0 + timedelta(minutes=minutes), "ended_at": T0 + timedelta(minutes=minutes, seconds=90),
        "outcome": "handled"}
    fields.update(kw)
    return LoggedCall(**fields)  # type: ignore[arg-type]


def test_every_field_round_trips(store: Store) -> None:
    repo = CallLogRepository(store)
    full = _call(0, answered_at=T0 + timedelta(seconds=12), priority="emergency", waiting_s=12.5, held_s=40.25,
                 hold_count=2, consulted=("Eva Berg", "Bo Ek"), transferred_to="Bo Ek", time_to_connect_s=77.0,
                 recalled=True, end_reason="transferred", console="op-1", outcome="transferred")
    (row_id,) = repo.add([full])
    (loaded,) = repo.search()
    assert loaded == replace(full, id=row_id)
    repo.add([_call(1, incoming=False, outcome="outgoing", consulted=())])
    assert [c.incoming for c in repo.search()] == [False, True]


def test_search_by_text_time_and_outcome_newest_first(store: Store) -> None:
    repo = CallLogRepository(store)
    repo.add([
        _call(0),
        _call(5, number="+4670999", name="Bo Ek", outcome="abandoned"),
        _call(10, number="2002", name="", transferred_to="Åsa Öberg", outcome="transferred"),
        _call(15, name="100% _odd_ name"),
    ])
    assert [c.number for c in repo.search("åsa")] == ["2002", "+4670111222"]
    assert [c.name for c in repo.search("ÅSA ÖBERG")] == ["", "Åsa Öberg"]
    assert [c.name for c in repo.search("0999")] == ["Bo Ek"]
    assert [c.name for c in repo.search("100%")] == ["100% _odd_ name"]
    assert repo.search("_odd_ 100") != []
    assert repo.search("1%0") == []
    assert [c.outcome for c in repo.search(outcomes=["abandoned", "transferred"])] == ["transferred", "abandoned"]
    window = repo.search(since=T0 + timedelta(minutes=5), until=T0 + timedelta(minutes=15))
    assert [c.number for c in window] == ["2002", "+4670999"]
    assert len(repo.search(limit=2)) == 2


def test_retention_purges_old_calls_only(store: Store) -> None:
    repo = CallLogRepository(store)
    repo.add([_call(-3 * 24 * 60), _call(-2 * 24 * 60 + 1), _call(0)])
    now = T0 + timedelta(minutes=1)
    assert repo.apply_retention(0, now) == 0
    assert repo.apply_retention(2, now) == 1
    assert len(repo.search()) == 2
    assert repo.purge_before(now) == 2
    assert repo.search() == []


def test_migration_0003_goes_down_and_up_keeping_old_rows(store: Store) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
        assert "search_text" not in {c["name"] for c in inspect(connection).get_columns("call_log")}
        connection.execute(  # a row written before 0003, without the model's Python-side defaults
            text("INSERT INTO call_log (direction, remote_number, remote_name, dialled_number, offered_at, "
                 "ended_at, outcome, transferred_to) VALUES ('in', '2001', 'Old', '', :t, :t, 'handled', '')"),
            {"t": T0})
        command.upgrade(config, "head")
    assert store.schema_is_current()
    (old,) = CallLogRepository(store).search()
    assert (old.number, old.priority, old.held_s, old.recalled, old.consulted) == ("2001", "normal", 0.0, False, ())
