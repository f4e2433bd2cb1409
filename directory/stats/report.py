"""A statistics report: the figures of a period row by row (hours, days, weeks, months, services or
consoles) with their total, and notes on what may mislead (no calls at all, days with no calls logged).

`measure` is what the CLI and the window call on the database worker: roll up, read, fold, figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from directory.stats import by_service
from directory.stats.definitions import DEFAULT_RULES, StatsRules
from directory.stats.figures import Figures, figures
from directory.stats.periods import HOUR, Grain, PeriodError, hour_floor, periods
from directory.stats.query import load
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
    known = by_service.known_services(store)
    unknown = sorted(set(services) - set(known))
    if unknown:
        raise PeriodError(f"no calls to {', '.join(unknown)} were ever counted; known services: "
                          f"{', '.join(known) or 'none'}")
    total = Tally()
    busy: set[float] | None = None  # the UTC hours with calls offered, when the rows read tell
    if by in ("service", "operator"):
        # Per console only from the per-console aggregates; everything else from the per-service ones.
        grouped = ({str(key): tally for key, tally in load(store, start, end, "console", services=services).items()}
                   if by == "operator" else
                   by_service.load_periods(store, [(start, end)], by_service=True, services=services)[0])
        rows = tuple(ReportRow(key or "(none)", figures(grouped[key], rules)) for key in sorted(grouped))
        for tally in grouped.values():
            total.merge(tally)
    else:
        spans = list(periods(start, end, Grain(by), zone))
        tallies = by_service.load_periods(store, [(p.start, p.end) for p in spans], by_service=False,
                                          services=services)
        rows = tuple(ReportRow(p.label, figures(t.get("", Tally()), rules))
                     for p, t in zip(spans, tallies, strict=True))
        for by_period in tallies:
            total.merge(by_period.get("", Tally()))
        if by in ("hour", "day"):  # a day has calls when one of its rows has
            busy = {hour for p, t in zip(spans, tallies, strict=True) if t.get("", Tally()).offered
                    for hour in _hours(p.start, p.end)}
    if busy is None:
        busy = {hour.timestamp() for hour in by_service.hours_with_calls(store, start, end, services)}
    days = [p.label for p in periods(start, end, Grain.DAY, zone)
            if not any(hour in busy for hour in _hours(p.start, p.end))]
    return Report(start=start.astimezone(zone), end=end.astimezone(zone), by=by, rows=rows,
                  total=figures(total, rules), empty_days=tuple(days))


def _hours(start: datetime, end: datetime) -> list[float]:
    """The UTC hours of [start, end) as timestamps."""
    first, last = hour_floor(start).timestamp(), end.timestamp()
    return [first + 3600 * n for n in range(int((last - first + 3599) // 3600))]
