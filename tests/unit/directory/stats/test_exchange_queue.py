"""Callers who left the exchange's queue count in the figures, once (SQLite here; tests/integration/store
re-runs these on PostgreSQL): records as the exchange's Kamailio writes them, hand-computed expectations."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import column, insert, table

from directory.stats.query import load
from directory.stats.rollup import keep_history, rollup
from directory.store import Store, sqlite_url
from directory.store.calllog import CallLogRepository
from tests.unit.directory.stats.test_report import MONDAY, SWITCHBOARD, WARD, hand_set, logged, measured

NOW = MONDAY + timedelta(days=1)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(sqlite_url(tmp_path / "store.sqlite3"))
    yield s
    s.dispose()


def record(queue_id: str, event: str, joined: datetime, waited_s: float, *, dialled: str = SWITCHBOARD,
           operator: str | None = None) -> dict[str, Any]:
    """One row as installer/exchange/queue_service.py writes it: `at` epoch seconds, wait since joining."""
    return {"queue_id": queue_id, "event": event, "at": round(joined.timestamp() + waited_s, 3),
            "caller_number": "07020000", "caller_name": "", "dialled": dialled, "class": "normal",
            "operator": operator, "waited_s": waited_s, "detail": None}


def life(queue_id: str, joined: datetime, *steps: tuple[str, float], dialled: str = SWITCHBOARD,
         operator: str | None = None) -> list[dict[str, Any]]:
    return [record(queue_id, "joined", joined, 0.0, dialled=dialled),
            *(record(queue_id, event, joined, waited, dialled=dialled,
                     operator=operator if event in ("offered", "returned", "answered") else None)
              for event, waited in steps)]


def exchange_morning(store: Store) -> None:
    """The call log's hand set plus the queue in front of it:

    - "1" joined 08:40, hung up waiting after 12 s: counted from the records;
    - "2" joined 08:50, hung up after 2 s: a short abandon, from the records;
    - "3" joined 08:55, picked and answered at desk-1 after 8 s: in desk-1's call log only;
    - "4" joined 09:10, offered to desk-1 at 20 s, hung up ringing at 25 s: in desk-1's call log only;
    - "5" joined 09:20, offered, returned, hung up waiting at 40 s: from the records;
    - "6" joined 09:30, dialled the ward, overflowed after 900 s: from the records;
    - "4" again (the exchange restarted) joined 09:50, hung up after 10 s: from the records, its earlier
      offer is another caller's;
    - "9" joined 07:59:50, hung up at 08:00:05: counted at 07:00, outside the morning.
    """
    eight, nine = MONDAY.replace(hour=8), MONDAY.replace(hour=9)
    rows = [*life("1", eight + timedelta(minutes=40), ("abandoned", 12.0)),
            *life("2", eight + timedelta(minutes=50), ("abandoned", 2.0)),
            *life("3", eight + timedelta(minutes=55), ("offered", 7.5), ("answered", 8.0), operator="desk-1"),
            *life("4", nine + timedelta(minutes=10), ("offered", 20.0), ("abandoned", 25.0), operator="desk-1"),
            *life("5", nine + timedelta(minutes=20), ("offered", 30.0), ("returned", 31.0), ("abandoned", 40.0),
                  operator="desk-2"),
            *life("6", nine + timedelta(minutes=30), ("overflowed", 900.0), dialled=WARD),
            *life("4", nine + timedelta(minutes=50), ("abandoned", 10.0)),
            *life("9", eight - timedelta(seconds=10), ("abandoned", 15.0))]
    with store.engine.begin() as connection:
        # Core rows by column name ("class", as Kamailio writes it), not by the ORM's attribute names
        connection.execute(insert(table("exchange_queue_events", *(column(name) for name in rows[0]))), rows)
    CallLogRepository(store).add([*hand_set(), logged(eight + timedelta(minutes=55), wait=8),
                                  logged(nine + timedelta(minutes=10), "abandoned", 25)])


def test_callers_who_left_the_exchanges_queue_count_once(store: Store) -> None:
    exchange_morning(store)
    report = measured(store, MONDAY.replace(hour=8), MONDAY.replace(hour=10), "hour", now=NOW)
    eight, nine = (row.figures for row in report.rows)
    assert (eight.offered, eight.answered, eight.abandoned, eight.short_abandons, eight.overflowed) == (7, 4, 3, 2, 0)
    assert (nine.offered, nine.answered, nine.abandoned, nine.short_abandons, nine.overflowed) == (6, 1, 4, 0, 1)
    assert nine.abandoned_after_median_s == 32.5  # 10, 25, 40, 45
    total = report.total
    assert (total.offered, total.answered, total.abandoned, total.overflowed) == (13, 5, 7, 1)
    assert total.answered_within[20] == 3  # 5, 15 and 8 s; 30 and 50 s are not
    assert total.service_level[20] == 3 / 11  # short abandons (3 s at a console, 2 s in the queue) left out
    assert total.wait_median_s == 15.0  # answered: 5, 8, 15, 30, 50 (the queue's own leavers have none)
    assert total.abandoned_after_mean_s == (3 + 45 + 25 + 12 + 2 + 40 + 10) / 7


def test_queue_leavers_are_per_service_and_at_no_console(store: Store) -> None:
    exchange_morning(store)
    start, end = MONDAY.replace(hour=8), MONDAY.replace(hour=10)
    by_service = {row.label: row.figures for row in measured(store, start, end, "service", now=NOW).rows}
    assert {label: (f.offered, f.abandoned, f.overflowed) for label, f in by_service.items()} == {
        SWITCHBOARD: (11, 7, 0), WARD: (2, 0, 1)}
    by_console = {row.label: row.figures for row in measured(store, start, end, "operator", now=NOW).rows}
    assert {label: (f.offered, f.answered, f.abandoned) for label, f in by_console.items()} == {
        "(none)": (5, 0, 4), "desk-1": (7, 4, 3), "desk-2": (1, 1, 0)}
    seven = measured(store, MONDAY.replace(hour=7), start, "hour", now=NOW).total
    assert (seven.offered, seven.abandoned, seven.abandoned_after_mean_s) == (1, 1, 15.0)


def test_queue_leavers_outlive_the_call_logs_retention(store: Store) -> None:
    exchange_morning(store)
    keep_history(store, call_log_days=1, stats_days=0, now=NOW + timedelta(days=30))
    assert CallLogRepository(store).search() == []
    rollup(store, NOW + timedelta(days=31))
    (tally,) = load(store, MONDAY.replace(hour=8).astimezone(UTC), MONDAY.replace(hour=10).astimezone(UTC),
                    "service", services=(WARD,)).values()
    assert (tally.offered, tally.answered, tally.overflowed) == (2, 1, 1)


def test_an_organisation_counts_only_its_own_exchanges_leavers(store: Store) -> None:
    """On a shared store, another organisation's exchange records (its `organisation`, migration 0013) are not
    this organisation's callers."""
    exchange_morning(store)
    theirs = [{**row, "organisation": "Kommune B"}
              for row in life("b1", MONDAY.replace(hour=8, minute=30), ("abandoned", 20.0))]
    with store.engine.begin() as connection:
        connection.execute(insert(table("exchange_queue_events", *(column(name) for name in theirs[0]))), theirs)
    report = measured(store, MONDAY.replace(hour=8), MONDAY.replace(hour=10), "hour", now=NOW)
    assert (report.total.offered, report.total.abandoned) == (13, 7)  # as without Kommune B's caller
    other = Store(store.url, "Kommune B")
    try:
        mine = measured(other, MONDAY.replace(hour=8), MONDAY.replace(hour=10), "hour", now=NOW).total
    finally:
        other.dispose()
    assert (mine.offered, mine.abandoned, mine.short_abandons) == (1, 1, 0)
