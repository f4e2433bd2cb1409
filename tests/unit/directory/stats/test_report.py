"""Aggregates and reports on a real store (SQLite here; tests/integration/store re-runs them on PostgreSQL):
hand-computed figures per hour and service, DST days of 23 and 25 hours, history kept past the call log's
retention, late calls, bad periods and services, months of generated history against plain Python."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text

from directory.stats.definitions import StatsRules
from directory.stats.figures import figures
from directory.stats.periods import PeriodError
from directory.stats.query import coverage
from directory.stats.report import Report, measure
from directory.stats.rollup import apply_retention, keep_history, rollup
from directory.stats.tally import CallFacts, tally_all
from directory.store import Store, sqlite_url
from directory.store.calllog import CallLogRepository, LoggedCall
from directory.store.database import MIGRATIONS

ZONE = ZoneInfo("Europe/Stockholm")
MONDAY = datetime(2026, 11, 23, tzinfo=ZONE)  # CET, UTC+1
SWITCHBOARD, WARD = "019-602 10 00", "019-602 20 00"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield s
    s.dispose()


def logged(at: datetime, outcome: str = "handled", wait: float = 10.0, *, dialled: str = SWITCHBOARD,
           console: str = "desk-1", connect: float | None = 30.0, incoming: bool = True) -> LoggedCall:
    answered = outcome in ("handled", "transferred")
    return LoggedCall(number="+4670111222", name="Åsa Öberg", dialled=dialled, incoming=incoming,
                      offered_at=at.astimezone(UTC), ended_at=at.astimezone(UTC) + timedelta(minutes=3),
                      outcome=outcome, waiting_s=wait, console=console,
                      answered_at=at.astimezone(UTC) + timedelta(seconds=wait) if answered else None,
                      time_to_connect_s=connect if answered else None)


def measured(store: Store, start: datetime, end: datetime, by: str, **kw: object) -> Report:
    return measure(store, start, end, by=by, zone=ZONE, **kw)  # type: ignore[arg-type]


def hand_set() -> list[LoggedCall]:
    """08:xx: 3 answered (5, 15, 30 s), 1 short abandon (3 s); 09:xx: 1 answered (50 s) to the ward,
    1 abandon (45 s); 10:xx: one outgoing call, which counts for nothing."""
    eight, nine = MONDAY.replace(hour=8), MONDAY.replace(hour=9)
    return [logged(eight + timedelta(minutes=1), wait=5), logged(eight + timedelta(minutes=10), "transferred", 15),
            logged(eight + timedelta(minutes=20), wait=30, console="desk-2"),
            logged(eight + timedelta(minutes=30), "abandoned", 3),
            logged(nine + timedelta(minutes=5), wait=50, dialled=WARD),
            logged(nine + timedelta(minutes=59), "abandoned", 45),
            logged(MONDAY.replace(hour=10), "outgoing", 0, incoming=False)]


def test_a_morning_by_hour_and_by_service_by_hand(store: Store) -> None:
    CallLogRepository(store).add(hand_set())
    report = measured(store, MONDAY.replace(hour=8), MONDAY.replace(hour=11), "hour", now=MONDAY + timedelta(days=1))
    eight, nine, ten = (row.figures for row in report.rows)
    assert [row.label for row in report.rows] == ["2026-11-23 08:00", "2026-11-23 09:00", "2026-11-23 10:00"]
    assert (eight.offered, eight.answered, eight.abandoned, eight.short_abandons, eight.transfers) == (4, 3, 1, 1, 1)
    assert eight.answered_within == {20: 2, 60: 3}
    assert eight.service_level[20] == pytest.approx(2 / 3)
    assert eight.wait_median_s == 15.0
    assert (nine.offered, nine.answered, nine.abandoned, nine.short_abandons) == (2, 1, 1, 0)
    assert ten.offered == 0
    total = report.total
    assert (total.offered, total.answered, total.abandoned) == (6, 4, 2)
    assert total.service_level[20] == pytest.approx(2 / 5)
    assert total.wait_p90_s == 50.0
    by_service = measured(store, MONDAY, MONDAY + timedelta(days=1), "service", now=MONDAY + timedelta(days=1))
    assert [(r.label, r.figures.offered) for r in by_service.rows] == [(SWITCHBOARD, 5), (WARD, 1)]
    by_console = measured(store, MONDAY, MONDAY + timedelta(days=1), "operator", now=MONDAY + timedelta(days=1))
    assert [(r.label, r.figures.answered) for r in by_console.rows] == [("desk-1", 3), ("desk-2", 1)]


def test_a_service_can_be_chosen_and_an_unknown_one_is_named(store: Store) -> None:
    CallLogRepository(store).add(hand_set())
    end = MONDAY + timedelta(days=1)
    report = measured(store, MONDAY, end, "day", now=end, services=(WARD,))
    assert report.total.offered == 1
    with pytest.raises(PeriodError, match="no calls to 08-123 were ever counted; known services: 019"):
        measured(store, MONDAY, end, "day", now=end, services=("08-123",))


def test_from_after_to_and_unknown_grouping_are_refused(store: Store) -> None:
    with pytest.raises(PeriodError, match="is not before"):
        measured(store, MONDAY, MONDAY, "hour", now=MONDAY)
    with pytest.raises(PeriodError, match="cannot group by 'minute'"):
        measured(store, MONDAY, MONDAY + timedelta(hours=1), "minute", now=MONDAY)


def test_an_empty_period_and_days_without_calls_are_reported(store: Store) -> None:
    CallLogRepository(store).add(hand_set())
    later = MONDAY + timedelta(days=3)
    report = measured(store, MONDAY - timedelta(days=2), MONDAY + timedelta(days=2), "day", now=later)
    assert report.empty_days == ("2026-11-21", "2026-11-22", "2026-11-24")
    empty = measured(store, MONDAY - timedelta(days=9), MONDAY - timedelta(days=8), "day", now=MONDAY)
    assert empty.total.offered == 0
    assert empty.empty_days == ("2026-11-14",)


@pytest.mark.parametrize(("day", "hours"), [(datetime(2026, 3, 29, tzinfo=ZONE), 23),
                                            (datetime(2026, 10, 25, tzinfo=ZONE), 25)])
def test_dst_days_have_23_or_25_hours_and_count_every_call(store: Store, day: datetime, hours: int) -> None:
    # One call every 30 minutes of real time across the whole local day.
    start_utc, end_utc = day.astimezone(UTC), (day + timedelta(days=1)).astimezone(UTC)
    calls, moment = [], start_utc
    while moment < end_utc:
        calls.append(logged(moment + timedelta(minutes=1)))
        moment += timedelta(minutes=30)
    CallLogRepository(store).add(calls)
    by_hour = measured(store, day, day + timedelta(days=1), "hour", now=end_utc + timedelta(days=1))
    assert len(by_hour.rows) == hours
    assert all(r.figures.offered == 2 for r in by_hour.rows)
    by_day = measured(store, day, day + timedelta(days=1), "day", now=end_utc + timedelta(days=1))
    assert [r.figures.offered for r in by_day.rows] == [2 * hours]
    if hours == 25:
        assert by_hour.rows[2].label == "2026-10-25 02:00 +0200"
        assert by_hour.rows[3].label == "2026-10-25 02:00 +0100"


def test_history_outlives_the_call_logs_retention_and_has_its_own(store: Store) -> None:
    repository = CallLogRepository(store)
    repository.add(hand_set())
    later = MONDAY + timedelta(days=200)
    rollup(store, later)  # as the app does before the call log's retention
    assert repository.apply_retention(90, later) == 7
    report = measured(store, MONDAY, MONDAY + timedelta(days=1), "day", now=later)
    assert report.total.offered == 6
    assert report.total.wait_median_s == 22.5
    apply_retention(store, 365, later)
    assert coverage(store)[0] is not None
    apply_retention(store, 100, later)
    assert coverage(store) == (None, None)


def test_calls_logged_late_count_in_the_hour_they_were_offered(store: Store) -> None:
    repository = CallLogRepository(store)
    repository.add([logged(MONDAY.replace(hour=8))])
    rollup(store, MONDAY.replace(hour=12))
    repository.add([logged(MONDAY.replace(hour=8, minute=30)), logged(MONDAY.replace(hour=11))])
    report = measured(store, MONDAY.replace(hour=8), MONDAY.replace(hour=12), "hour", now=MONDAY.replace(hour=13))
    assert [r.figures.offered for r in report.rows] == [2, 0, 0, 1]


def test_months_of_generated_history_match_plain_python(store: Store) -> None:
    rng = random.Random(16)
    start = datetime(2026, 1, 1, tzinfo=ZONE)
    calls = []
    for _ in range(3000):
        at = start + timedelta(seconds=rng.randrange(0, 120 * 86400))
        outcome = rng.choice(["handled", "handled", "transferred", "abandoned", "rejected"])
        calls.append(logged(at, outcome, round(rng.uniform(0, 200), 1), dialled=rng.choice([SWITCHBOARD, WARD]),
                            console=rng.choice(["desk-1", "desk-2"]), connect=rng.uniform(5, 400)))
    CallLogRepository(store).add(calls)
    rules = StatsRules(short_abandon_s=8, service_levels_s=(20, 45))
    end = start + timedelta(days=120)
    report = measured(store, start, end, "month", now=end, rules=rules)
    assert [r.label for r in report.rows] == ["2026-01", "2026-02", "2026-03", "2026-04"]
    for row in report.rows:
        month = [c for c in calls if c.offered_at.astimezone(ZONE).strftime("%Y-%m") == row.label]
        expected = figures(tally_all(_facts(c) for c in month), rules)
        assert row.figures.offered == expected.offered
        assert row.figures.answered_within == expected.answered_within
        assert row.figures.wait_p90_s == expected.wait_p90_s
        assert row.figures.short_abandons == expected.short_abandons
        assert row.figures.wait_mean_s == pytest.approx(expected.wait_mean_s)
    assert report.total.offered == 3000


def _facts(call: LoggedCall) -> CallFacts:
    return CallFacts(offered_at=call.offered_at, incoming=call.incoming, answered=call.answered_at is not None,
                     outcome=call.outcome, waiting_s=call.waiting_s, time_to_connect_s=call.time_to_connect_s,
                     recalled=call.recalled, service=call.dialled, console=call.console)


def test_an_hour_thinned_by_the_call_logs_retention_keeps_its_counts(store: Store) -> None:
    repository = CallLogRepository(store)
    repository.add(hand_set())
    rollup(store, MONDAY.replace(hour=12))
    repository.purge_before(MONDAY.replace(hour=8, minute=15).astimezone(UTC))  # one of 08:xx's four calls
    assert rollup(store, MONDAY.replace(hour=13)) == 1  # 09:00 rewritten, 08:00 kept
    report = measured(store, MONDAY.replace(hour=8), MONDAY.replace(hour=10), "hour", now=MONDAY.replace(hour=13))
    assert [r.figures.offered for r in report.rows] == [4, 2]


def test_keeping_history_rolls_up_before_the_call_log_loses_rows(store: Store) -> None:
    CallLogRepository(store).add(hand_set())
    later = MONDAY + timedelta(days=100)
    assert keep_history(store, call_log_days=30, stats_days=0, now=later) == (7, 0)
    report = measured(store, MONDAY, MONDAY + timedelta(days=1), "day", now=later)
    assert report.total.offered == 6
    assert keep_history(store, call_log_days=30, stats_days=60, now=later) == (0, 4)  # hour x service x console


def test_call_backs_done_count_in_the_hour_and_console_they_were_done(store: Store) -> None:
    CallLogRepository(store).add(hand_set())
    done_at = MONDAY.replace(hour=9, minute=30).astimezone(UTC)
    with store.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO callbacks (id, number, name, dialled, hung_up_at, stage, console, state, claimed_by, "
            "done_by, version) VALUES (1, '070', '', :dialled, :at, 'waiting', 'desk-1', 'done', '', 'Eva', 3)"),
            {"dialled": WARD, "at": done_at})
        connection.execute(text("INSERT INTO callback_audit (callback_id, action, actor, console, at, version) "
                                "VALUES (1, 'done', 'Eva', 'desk-2', :at, 3)"), {"at": done_at})
    report = measured(store, MONDAY, MONDAY + timedelta(days=1), "operator", now=MONDAY + timedelta(days=1))
    assert [(r.label, r.figures.callbacks_done) for r in report.rows] == [("desk-1", 0), ("desk-2", 1)]


def test_migration_0006_goes_down_and_up(store: Store) -> None:
    CallLogRepository(store).add(hand_set())
    rollup(store, MONDAY + timedelta(days=1))
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    assert "call_stats_hourly" not in inspect(store.engine).get_table_names()
    store.migrate()
    assert {"call_stats_hourly", "call_stats_waits"} <= set(inspect(store.engine).get_table_names())
    # The raw rows are still there: the next rollup counts them again.
    assert measured(store, MONDAY, MONDAY + timedelta(days=1), "day", now=MONDAY + timedelta(days=1)).total.offered == 6


def test_each_organisation_rolls_up_and_reads_only_its_own_figures(store: Store) -> None:
    other = Store.open(store.url, "region-b")
    try:
        CallLogRepository(store).add(hand_set())
        CallLogRepository(other).add([logged(MONDAY.replace(hour=8)), logged(MONDAY.replace(hour=9))])
        end = MONDAY + timedelta(days=1)
        assert measured(other, MONDAY, end, "day", now=end).total.offered == 2
        assert measured(store, MONDAY, end, "day", now=end).total.offered == 6
        assert measured(other, MONDAY, end, "day", now=end + timedelta(hours=1)).total.offered == 2
    finally:
        other.dispose()
