"""Local periods (hour, day, week, month) in the operator's time zone, across daylight-saving changes.

Aggregates are kept per UTC hour; a local hour is a UTC hour for every zone with whole-hour offsets
(all of the Nordics), so a day with a DST change simply holds 23 or 25 of them. The repeated autumn
hour 02:00 appears twice, told apart by its UTC offset.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from zoneinfo import ZoneInfo

HOUR = timedelta(hours=1)


class Grain(Enum):
    HOUR = "hour"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """One local period: [start, end) as aware datetimes in the zone, and a label such as "2026-03-29"."""

    start: datetime
    end: datetime
    label: str


class PeriodError(ValueError):
    """The period asked for cannot be measured; the message says why."""


def aware_utc(value: datetime | None) -> datetime | None:
    """A database's datetime as aware UTC (SQLite gives naive UTC, PostgreSQL aware)."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def hour_floor(moment: datetime) -> datetime:
    """The start of the UTC hour holding `moment`."""
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def _local_midnight(day: date, zone: ZoneInfo) -> datetime:
    # Midnight exists in every Nordic zone; where it does not, the first instant after the gap is taken.
    return datetime.combine(day, time(0)).replace(tzinfo=zone).astimezone(UTC).astimezone(zone)


def _first_day(grain: Grain, day: date) -> date:
    if grain is Grain.WEEK:
        return day - timedelta(days=day.weekday())
    if grain is Grain.MONTH:
        return day.replace(day=1)
    return day


def _next_day(grain: Grain, day: date) -> date:
    if grain is Grain.DAY:
        return day + timedelta(days=1)
    if grain is Grain.WEEK:
        return day + timedelta(weeks=1)
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _label(grain: Grain, start: datetime, zone_ambiguous: bool) -> str:
    if grain is Grain.HOUR:
        return f"{start:%Y-%m-%d %H:00}" + (f" {start:%z}" if zone_ambiguous else "")
    if grain is Grain.WEEK:
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    return f"{start:%Y-%m}" if grain is Grain.MONTH else f"{start:%Y-%m-%d}"


def periods(start: datetime, end: datetime, grain: Grain, zone: ZoneInfo) -> Iterator[Period]:
    """Every local period that overlaps [start, end), clipped to it, in order (empty ones included)."""
    if start >= end:
        raise PeriodError(f"the period starts ({start.astimezone(zone):%Y-%m-%d %H:%M}) at or after it ends "
                          f"({end.astimezone(zone):%Y-%m-%d %H:%M})")
    if grain is Grain.HOUR:
        moment = hour_floor(start)
        while moment < end:
            local = moment.astimezone(zone)
            # An autumn hour that repeats gets its offset in the label, so the two rows are told apart.
            twice = (local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset())
            yield Period(max(start, moment).astimezone(zone), min(end, moment + HOUR).astimezone(zone),
                         _label(grain, local, twice and local.dst() is not None))
            moment += HOUR
        return
    day = _first_day(grain, start.astimezone(zone).date())
    while (period_start := _local_midnight(day, zone)) < end:
        following = _next_day(grain, day)
        period_end = _local_midnight(following, zone)
        if period_end > start:
            yield Period(max(start, period_start).astimezone(zone), min(end, period_end).astimezone(zone),
                         _label(grain, period_start, False))
        day = following
