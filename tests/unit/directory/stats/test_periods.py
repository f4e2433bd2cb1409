"""Local periods in the operator's time zone: whole hours, ISO weeks, months, DST days of 23 and 25 hours."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from directory.stats.periods import Grain, PeriodError, aware_utc, hour_floor, periods

ZONE = ZoneInfo("Europe/Stockholm")


def labels(start: datetime, end: datetime, grain: Grain) -> list[str]:
    return [p.label for p in periods(start, end, grain, ZONE)]


def test_spring_day_has_23_hours_and_skips_two_oclock() -> None:
    hours = labels(datetime(2026, 3, 29, tzinfo=ZONE), datetime(2026, 3, 30, tzinfo=ZONE), Grain.HOUR)
    assert len(hours) == 23
    assert hours[1:3] == ["2026-03-29 01:00", "2026-03-29 03:00"]


def test_autumn_day_has_25_hours_and_names_the_repeated_one_by_offset() -> None:
    hours = labels(datetime(2026, 10, 25, tzinfo=ZONE), datetime(2026, 10, 26, tzinfo=ZONE), Grain.HOUR)
    assert len(hours) == 25
    assert hours[2:4] == ["2026-10-25 02:00 +0200", "2026-10-25 02:00 +0100"]


def test_weeks_and_months_are_clipped_to_the_period() -> None:
    weeks = list(periods(datetime(2026, 3, 28, 12, tzinfo=ZONE), datetime(2026, 3, 31, tzinfo=ZONE), Grain.WEEK, ZONE))
    assert [w.label for w in weeks] == ["2026-W13", "2026-W14"]
    assert weeks[0].start == datetime(2026, 3, 28, 12, tzinfo=ZONE)
    assert weeks[1].start == datetime(2026, 3, 30, tzinfo=ZONE)
    assert labels(datetime(2025, 12, 15, tzinfo=ZONE), datetime(2026, 2, 2, tzinfo=ZONE), Grain.MONTH) == [
        "2025-12", "2026-01", "2026-02"]


def test_days_across_a_dst_change_start_at_local_midnight() -> None:
    days = list(periods(datetime(2026, 3, 28, tzinfo=ZONE), datetime(2026, 3, 31, tzinfo=ZONE), Grain.DAY, ZONE))
    # Subtract in UTC: Python subtracts two datetimes of the same zone as wall-clock times.
    assert [(d.end.astimezone(UTC) - d.start.astimezone(UTC)).total_seconds() / 3600 for d in days] == [24, 23, 24]


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(PeriodError, match="at or after it ends"):
        list(periods(datetime(2026, 3, 2, tzinfo=ZONE), datetime(2026, 3, 1, tzinfo=ZONE), Grain.DAY, ZONE))


def test_database_datetimes_become_aware_utc_hours() -> None:
    assert aware_utc(datetime(2026, 1, 1, 8, 30)) == datetime(2026, 1, 1, 8, 30, tzinfo=UTC)
    assert aware_utc(None) is None
    assert hour_floor(datetime(2026, 1, 1, 9, 59, tzinfo=ZONE)) == datetime(2026, 1, 1, 8, tzinfo=UTC)
