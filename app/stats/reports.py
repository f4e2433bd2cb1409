"""What the supervisor view shows, computed in one go on the database worker: the table in the chosen
grouping, a chart-sized series over time, per service, and today's figures for the live strip."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from directory.referrals.workdays import at_local
from directory.stats.definitions import StatsRules
from directory.stats.figures import Figures
from directory.stats.report import Report, measure
from directory.store.database import Store

_TIME_GRAINS = ("hour", "day", "week", "month")


@dataclass(frozen=True, slots=True)
class SupervisorReports:
    table: Report
    over_time: Report  # hours for a day or two, days up to two months, else months: a readable chart
    per_service: Report


def chart_grain(first: date, last: date, by: str) -> str:
    """The grouping of the chart over time: the table's when it is one, else what fits the period."""
    if by in _TIME_GRAINS:
        return by
    days = (last - first).days + 1
    return "hour" if days <= 2 else "day" if days <= 62 else "month"


def day_span(first: date, last: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """From the first day's local midnight to the midnight after the last day."""
    return at_local(first, time(0), zone), at_local(last + timedelta(days=1), time(0), zone)


def supervisor_reports(store: Store, first: date, last: date, by: str, *, zone: ZoneInfo, now: datetime,
                       rules: StatsRules) -> SupervisorReports:
    """Blocking (database worker). Raises directory.stats.periods.PeriodError for a bad period."""
    start, end = day_span(first, last, zone)
    table = measure(store, start, end, by=by, zone=zone, now=now, rules=rules)
    grain = chart_grain(first, last, by)
    over_time = table if grain == by else measure(store, start, end, by=grain, zone=zone, now=now, rules=rules)
    per_service = table if by == "service" else measure(store, start, end, by="service", zone=zone, now=now,
                                                        rules=rules)
    return SupervisorReports(table, over_time, per_service)


def today(store: Store, *, zone: ZoneInfo, now: datetime, rules: StatsRules) -> Figures:
    """Blocking: today's total so far (local midnight until now), for the live strip."""
    start, end = day_span(now.astimezone(zone).date(), now.astimezone(zone).date(), zone)
    return measure(store, start, end, by="day", zone=zone, now=now, rules=rules).total
