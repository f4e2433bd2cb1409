"""A statistics report: the figures of a period row by row (hours, days, weeks, months, services or
consoles) with their total, and notes on what may mislead (no calls at all, days with no calls logged).

`measure` is what the CLI and the window call on the database worker: roll up, read, fold, figure.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from directory.stats.definitions import DEFAULT_RULES, StatsRules
from directory.stats.figures import Figures, figures
from directory.stats.periods import HOUR, Grain, PeriodError, hour_floor, periods
from directory.stats.query import known_services, load, offered_by_hour
from directory.stats.rollup import rollup
from directory.stats.tally import Tally
from directory.store.database import Store

BY_CHOICES = ("hour", "day", "week", "month", "service", "operator")


@dataclass(frozen=True, slots=True)
class ReportRow:
    label: str  # "2026-11-23 08:00", "2026-W48", a dialled number, a console name
    figures: Figures


@dataclass(frozen=True, slots=True)
class Report:
    start: datetime  # local, on whole hours
    end: datetime
    by: str
    rows: tuple[ReportRow, ...]
    total: Figures
    empty_days: tuple[str, ...]  # local days in the period with no call offered: a gap in the log?


def whole_hours(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    """Aggregates are hourly: the start goes back and the end forward to whole hours."""
    ceiling = hour_floor(end)
    return hour_floor(start), ceiling + HOUR if ceiling < end else ceiling


def measure(store: Store, start: datetime, end: datetime, *, by: str, zone: ZoneInfo, now: datetime,
            rules: StatsRules = DEFAULT_RULES, services: tuple[str, ...] = ()) -> Report:
    """Blocking: the report of [start, end) grouped `by`. Raises PeriodError for a period that cannot be
    measured or a service never counted, with a message fit to show."""
    if start >= end:
        raise PeriodError(f"--from ({start.astimezone(zone):%Y-%m-%d %H:%M}) is not before --to "
                          f"({end.astimezone(zone):%Y-%m-%d %H:%M})")
    if by not in BY_CHOICES:
        raise PeriodError(f"cannot group by {by!r}: choose one of {', '.join(BY_CHOICES)}")
    start, end = whole_hours(start, end)
    rollup(store, now)
    unknown = sorted(set(services) - set(known_services(store)))
    if unknown:
        raise PeriodError(f"no calls to {', '.join(unknown)} were ever counted; known services: "
                          f"{', '.join(known_services(store)) or 'none'}")
    if by in ("service", "operator"):
        grouped = load(store, start, end, "service" if by == "service" else "console", services=services)
        rows = tuple(ReportRow(str(key) or "(none)", figures(grouped[key], rules)) for key in sorted(grouped))
        total = Tally()
        for tally in grouped.values():
            total.merge(tally)
    else:
        hourly = _Hours(load(store, start, end, "hour", services=services))
        rows = tuple(ReportRow(p.label, figures(hourly.fold(p.start, p.end), rules))
                     for p in periods(start, end, Grain(by), zone))
        total = hourly.fold(start, end)
    offered = _Hours(offered_by_hour(store, start, end, services=services))
    days = [(p.label, offered.sum(p.start, p.end)) for p in periods(start, end, Grain.DAY, zone)]
    return Report(start=start.astimezone(zone), end=end.astimezone(zone), by=by, rows=rows,
                  total=figures(total, rules), empty_days=tuple(d for d, n in days if n == 0))


class _Hours:
    """Values keyed by UTC hour, summed over [start, end) by bisection (a year is 8,760 hours)."""

    def __init__(self, by_hour: Mapping[datetime | str, Tally] | Mapping[datetime | str, int]) -> None:
        keys = sorted(by_hour, key=lambda hour: hour.timestamp())
        self._stamps = [hour.timestamp() for hour in keys]  # type: ignore[union-attr]
        self._values: list[Tally | int] = [by_hour[hour] for hour in keys]

    def _slice(self, start: datetime, end: datetime) -> list[Tally | int]:
        return self._values[bisect_left(self._stamps, start.timestamp()):bisect_left(self._stamps, end.timestamp())]

    def fold(self, start: datetime, end: datetime) -> Tally:
        folded = Tally()
        for tally in self._slice(start, end):
            assert isinstance(tally, Tally)
            folded.merge(tally)
        return folded

    def sum(self, start: datetime, end: datetime) -> int:
        return sum(n for n in self._slice(start, end) if isinstance(n, int))
