"""The per-service aggregates (hours and days, waits in fixed buckets) on a real store (SQLite here;
tests/integration/store re-runs these on PostgreSQL): migration 0011 fills them from the per-console
aggregates, so no history is lost; days and hours add up to the same figures as the raw rows."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import func, inspect, select

from directory.stats.figures import figures
from directory.stats.rollup import apply_retention, rollup
from directory.stats.tally import tally_all
from directory.store import Store, sqlite_url
from directory.store.calllog import CallLogRepository, LoggedCall
from directory.store.database import MIGRATIONS
from directory.store.stats_tables import ServiceDayRow, ServiceHourRow
from tests.unit.directory.stats.test_report import SWITCHBOARD, WARD, ZONE, _facts, logged, measured

START = datetime(2026, 1, 1, tzinfo=ZONE)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield s
    s.dispose()


def rounded(value: object) -> object:
    """Figures as plain data with the means rounded, to compare sums added in different orders."""
    if isinstance(value, dict):
        return {key: rounded(item) for key, item in value.items()}
    return round(value, 6) if isinstance(value, float) else value


def year_of_calls(count: int = 2000) -> list[LoggedCall]:
    rng = random.Random(11)
    return [logged(START + timedelta(seconds=rng.randrange(0, 365 * 86400)),
                   rng.choice(["handled", "transferred", "abandoned", "rejected"]), round(rng.expovariate(1 / 25), 1),
                   dialled=rng.choice([SWITCHBOARD, WARD]), console=rng.choice(["desk-1", "desk-2"]),
                   connect=rng.uniform(5, 700)) for _ in range(count)]


def test_a_year_by_service_from_days_and_hours_matches_the_raw_rows(store: Store) -> None:
    calls = year_of_calls()
    CallLogRepository(store).add(calls)
    end = START.replace(year=2027)
    report = measured(store, START, end, "service", now=end)
    with store.engine.connect() as connection:
        days = connection.scalar(select(func.count()).select_from(ServiceDayRow))
    assert days is not None
    assert days > 300  # the year is read from days, its first and last hours from hours
    for row in report.rows:
        expected = figures(tally_all(_facts(c) for c in calls if c.dialled == row.label))
        assert rounded(asdict(row.figures)) == rounded(asdict(expected))
    assert report.total.offered == len(calls)


def test_migration_0011_fills_the_new_aggregates_from_the_old_ones(store: Store) -> None:
    CallLogRepository(store).add(year_of_calls(500))
    end = START.replace(year=2027)
    before = [measured(store, START, end, by, now=end) for by in ("service", "month", "operator")]
    CallLogRepository(store).purge_before(end)  # only the aggregates are left to migrate from
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0010")
    assert "call_stats_service_daily" not in inspect(store.engine).get_table_names()
    store.migrate()
    after = [measured(store, START, end, by, now=end) for by in ("service", "month", "operator")]
    for old, new in zip(before, after, strict=True):
        assert [(r.label, rounded(asdict(r.figures))) for r in new.rows] == [
            (r.label, rounded(asdict(r.figures))) for r in old.rows]


def test_statistics_retention_takes_whole_days(store: Store) -> None:
    CallLogRepository(store).add([logged(START + timedelta(hours=h), wait=5) for h in range(0, 72, 6)])
    rollup(store, START + timedelta(days=3))
    cutoff = datetime(2026, 1, 2, 12, tzinfo=UTC)
    apply_retention(store, 10, cutoff + timedelta(days=10))
    with store.engine.connect() as connection:
        first_hour = connection.scalar(select(func.min(ServiceHourRow.__table__.c.hour_start)))
        first_day = connection.scalar(select(func.min(ServiceDayRow.__table__.c.day_start)))
    assert first_hour is not None
    assert first_day is not None
    assert first_hour.replace(tzinfo=UTC) >= datetime(2026, 1, 2, tzinfo=UTC)
    assert first_day.replace(tzinfo=UTC) == datetime(2026, 1, 2, tzinfo=UTC)
